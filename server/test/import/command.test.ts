// `ketnap template members` and `ketnap import` as staff run them: the template written, a preview's
// summary table and row errors printed, the exit code, the rejects file.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config.ts';

const bin = resolve(repoRoot, 'server/bin/ketnap.js');
const dir = mkdtempSync(join(tmpdir(), 'ketnap-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}`, KETNAP_LOG: '' },
  });

describe('ketnap import and template', () => {
  it('writes the template, previews a file, prints the refused rows and writes them', async () => {
    expect((await run(['template', 'members', '--out', join(dir, 'mau.xlsx')])).stdout).toContain('mau.xlsx');
    expect(existsSync(join(dir, 'mau.xlsx'))).toBe(true);
    const template = await run(['import', join(dir, 'mau.xlsx')]);
    expect(template.stdout).toMatch(/rows read\s+0/);
    expect(template.stdout).toMatch(/skipped\s+2/);

    const file = join(dir, 'ds.csv');
    writeFileSync(
      file,
      'Họ và tên,Ngày sinh,Ngày vào Đảng,Mã chi bộ,Số thẻ đảng viên\nA,01/01/1990,01/01/2015,khong-co,48000001\n',
    );
    const failed = await run(['import', file, '--commit', '--rejects', join(dir, 'loi.csv')]).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/refused\s+1/);
    expect(failed.stdout).toContain('nothing written');
    expect(failed.stdout).toContain('CSV\t2\tMã chi bộ\tNOT_FOUND\tKhông tìm thấy tổ chức mã "khong-co".');
    expect(readFileSync(join(dir, 'loi.csv'), 'utf8')).toContain('[NOT_FOUND] Mã chi bộ');
  });

  it('writes every kind of template, imports by --kind, and names what export needs', async () => {
    for (const kind of ['candidates', 'organisations', 'quotas']) {
      const out = join(dir, `${kind}.csv`);
      await run(['template', kind, '--out', out]);
      const header = readFileSync(out, 'utf8')
        .replace(/^\ufeff/, '')
        .split(/\r?\n/)[0];
      const expected = {
        candidates: expect.stringMatching(/^Họ và tên,Ngày sinh,.*,Ngày kết nạp,Dừng,Ngày dừng,Mã ketnap$/),
        organisations: expect.stringContaining('Mã cấp trên'),
        quotas: 'Mã tổ chức,Từ ngày,Đến ngày,Chỉ tiêu,Mã đề án',
      }[kind];
      expect(header).toEqual(expected);
      const report = await run(['import', out, '--kind', kind]);
      expect(report.stdout).toMatch(/skipped\s+2/);
    }
    const unknown = await run(['template', 'hamlets']).catch((e) => e);
    expect(unknown.stderr).toContain('the kinds of spreadsheet are members, candidates, organisations, quotas');
    const noOrg = await run(['export', 'members', '--org', 'khong-co', '--out', join(dir, 'x.xlsx')]).catch((e) => e);
    expect(noOrg.code).not.toBe(0);
    expect(noOrg.stderr).toContain('no organisation has the code "khong-co"');
  });
});

// The candidates export on SQLite and PostgreSQL: a subtree's candidates in exactly the columns of
// the candidates template import back with nothing to change; one date filled in moves exactly that
// candidate on; over HTTP the file needs a token that reads the subtree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect } from 'vitest';
import type { Actor } from '../../src/context.ts';
import { prisma } from '../../src/db.ts';
import { writeExport } from '../../src/export/sheet.ts';
import { CANDIDATE_COLUMNS } from '../../src/import/candidate-columns.ts';
import { importCandidates } from '../../src/import/candidates-import.ts';
import { servedHandler } from '../http-support.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';
import { dir, list, someone, thu } from './candidate-files.ts';

const hoaEditor: Actor = { tokenId: 0, name: 'thanh-hoa editor', role: 'EDITOR', organisationId: 3 };
const thanhHoa = { code: 'thanh-hoa', name: 'Đảng bộ xã Thanh Hòa' };

/** The candidates with their steps, without the rows' creation times. */
const candidates = async () =>
  (await prisma().candidate.findMany({ orderBy: { id: 'asc' }, include: { events: true, introductions: true } })).map(
    ({ createdAt: _, ...c }) => c,
  );

describe.each(engines)('candidates export on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);

  beforeAll(async () => {
    if (!available) return;
    const trained = { trainedOn: '10/04/2017', certificateOn: '10/04/2017', trainedBy: 'Trung tâm' };
    const file = await list([
      thu,
      someone('Lê Văn Hai', trained),
      someone('Ngoài xã', { cellCode: 'thanh-duc-xom-1' }),
    ]);
    const report = await importCandidates({
      actor: { ...hoaEditor, organisationId: null, role: 'ADMIN' },
      input: { file, commit: true },
    });
    expect(report).toMatchObject({ new: 3, committed: true });
  });

  test('an XLSX export in the template’s columns imports back unchanged; one date filled in changes exactly that', async () => {
    const file = join(dir, `candidates-${engine}.xlsx`);
    // The mini world's candidate, the admitted one and the trained one: not the other commune's.
    expect(await writeExport({ kind: 'candidates', org: thanhHoa, format: 'xlsx', to: file })).toBe(3);
    const again = await importCandidates({ actor: hoaEditor, input: { file, commit: false } });
    expect(again.errors).toEqual([]);
    expect(again).toMatchObject({ rowsRead: 3, new: 0, changed: 0, unchanged: 3 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('DANH SÁCH QUẦN CHÚNG ƯU TÚ — Đảng bộ xã Thanh Hòa');
    expect(sheet.getRow(2).values).toEqual([undefined, ...CANDIDATE_COLUMNS.map((c) => c.header)]);
    const applied = 1 + CANDIDATE_COLUMNS.findIndex((c) => c.field === 'appliedOn');
    const hai = sheet.getRows(3, 3)!.find((r) => r.getCell(1).value === 'Lê Văn Hai')!;
    hai.getCell(applied).value = '02/05/2017';
    await workbook.xlsx.writeFile(file);

    const before = await candidates();
    const committed = await importCandidates({ actor: hoaEditor, input: { file, commit: true } });
    expect(committed).toMatchObject({ new: 0, changed: 1, unchanged: 2, committed: true, errors: [] });
    const after = await candidates();
    const differ = after.filter((c, i) => JSON.stringify(c) !== JSON.stringify(before[i]));
    expect(differ.map((c) => [c.fullName, c.stage, c.stageOn, c.events.at(-1)?.actingBody])).toEqual([
      ['Lê Văn Hai', 'APPLIED', '2017-05-02', 'Tổ chức thanh-hoa-xom-4'],
    ]);
  });

  test('a CSV export: dates as dd/mm/yyyy, the steps in their columns, and back unchanged', async () => {
    const file = join(dir, `candidates-${engine}.csv`);
    await writeExport({ kind: 'candidates', org: thanhHoa, format: 'csv', to: file });
    const lines = readFileSync(file, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(CANDIDATE_COLUMNS.map((c) => c.header).join(','));
    const thuLine = lines.find((l) => l.startsWith('Trần Thị Thử,'))!;
    expect(thuLine).toContain(
      ',05/05/1998,Nữ,thanh-hoa-xom-3,Đoàn Thanh niên,Đoàn xã Thanh Hòa,10/01/2017,Thái,Công giáo,Đại học,Có,',
    );
    expect(thuLine).toContain(`,BCH Đoàn xã Thanh Hòa,,${btoa('Member:1')},01/01/2015,,,01/04/2017,5,10/04/2017,9,11,`);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    expect(await importCandidates({ actor: hoaEditor, input: { file, commit: false } })).toMatchObject({
      new: 0,
      changed: 0,
      errors: [],
    });
  });

  describe('over HTTP', () => {
    const served = servedHandler(available);
    const get = (path: string, token?: string) =>
      fetch(`${served.base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    test('a token reading the subtree gets the file; anonymous 401, outside 403', async () => {
      expect((await get('/export/candidates.csv?org=thanh-hoa')).status).toBe(401);
      const outside = await get('/export/candidates.csv?org=thanh-hoa', world.tokens.duc);
      expect(outside.status).toBe(403);
      expect(await outside.text()).not.toContain('Lê Văn Hai');
      const csv = await get('/export/candidates.csv?org=thanh-hoa', world.tokens.hoa);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="candidates-thanh-hoa.csv"');
      const body = (await csv.text()).trim().split(/\r?\n/);
      expect(body).toHaveLength(4);
      expect(body.filter((l) => l.includes('thanh-duc'))).toEqual([]);
    });
  });
});

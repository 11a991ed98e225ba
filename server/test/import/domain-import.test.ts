// Importing organisations (the tree with dates) and quotas on SQLite and PostgreSQL, through the
// mutations' own functions: a preview writes nothing, a commit writes all or nothing, a second
// import changes nothing, the mutations' codes name the file's columns, editors stay in their subtree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { Actor } from '../../src/context.ts';
import { prisma } from '../../src/db.ts';
import { MAX_WHOLE_FILE_ROWS } from '../../src/import/domain-import.ts';
import { KINDS } from '../../src/import/kinds.ts';
import { importOrganisations } from '../../src/import/organisations-import.ts';
import { importQuotas } from '../../src/import/quotas-import.ts';
import type { ImportReport } from '../../src/import/report.ts';
import { writeTemplate } from '../../src/import/template.ts';
import { fingerprint } from '../fixture.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-domain-import-'));
const admin: Actor = { tokenId: 0, name: 'test admin', role: 'ADMIN', organisationId: null };
const hoaEditor: Actor = { tokenId: 0, name: 'thanh-hoa editor', role: 'EDITOR', organisationId: 3 };
const ducEditor: Actor = { tokenId: 0, name: 'thanh-duc editor', role: 'EDITOR', organisationId: 6 };
let files = 0;

const codes = (r: ImportReport) => r.errors.map((e) => [e.row, e.column, e.code]);

function csv(lines: string[]): string {
  const path = join(dir, `q${++files}.csv`);
  writeFileSync(path, `\ufeffMã tổ chức;Từ ngày;Đến ngày;Chỉ tiêu;Mã đề án\r\n${lines.join('\r\n')}\r\n`);
  return path;
}

/** An organisations sheet as a board keeps it: a merged title, headers without diacritics. */
async function tree(rows: (string | Date | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cay to chuc');
  sheet.addRow(['CÂY TỔ CHỨC ĐẢNG BỘ XÃ THANH HÒA']);
  sheet.mergeCells('A1:H1');
  sheet.addRow([
    'MA TO CHUC',
    'TEN TO CHUC',
    'LOAI',
    'KHOI',
    'MA CAP TREN',
    'NGAY THANH LAP',
    'NGAY GIAI THE',
    'SAP NHAP VAO',
  ]);
  for (const row of rows) sheet.addRow(row);
  const path = join(dir, `t${++files}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe.each(engines)('organisations and quotas import on %s', async (engine) => {
  const { test } = await miniWorldSuite(engine);

  test('quotas: a file longer than one import takes is refused whole, without trying its rows', async () => {
    const lines = Array.from({ length: MAX_WHOLE_FILE_ROWS + 1 }, (_, i) => `to-chuc-${i};01/01/2017;31/12/2017;1;`);
    const before = await fingerprint();
    const report = await importQuotas({ actor: admin, input: { file: csv(lines), commit: true } });
    expect(codes(report)).toEqual([[MAX_WHOLE_FILE_ROWS + 2, '', 'IMPORT_TOO_MANY_ROWS']]);
    expect(report.errors[0]?.messageEn).toContain('more than 50,000 data rows');
    // Rows past the limit are not read; those read are not tried (no NOT_FOUND for the codes).
    expect(report).toMatchObject({ rowsRead: MAX_WHOLE_FILE_ROWS, new: 0, committed: false });
    expect(await fingerprint()).toBe(before);
  });

  test('quotas: previewed, committed, unchanged again, a new target a change', async () => {
    const file = csv(['thanh-hoa-xom-3;01/01/2017;31/12/2017;2;', 'thanh-hoa-xom-4;1/1/17;31/12/17;1;']);
    const before = await fingerprint();
    const preview = await importQuotas({ actor: hoaEditor, input: { file, commit: false } });
    expect(preview).toMatchObject({ kind: 'quotas', rowsRead: 2, new: 2, errors: [], committed: false });
    expect(await fingerprint()).toBe(before);
    expect(await importQuotas({ actor: hoaEditor, input: { file, commit: true } })).toMatchObject({
      new: 2,
      committed: true,
    });
    const quotas = await prisma().quota.findMany({ where: { organisationId: { in: [4, 5] } }, orderBy: { id: 'asc' } });
    expect(quotas.map((q) => [q.organisationId, q.periodFrom, q.periodTo, q.target])).toEqual([
      [4, '2017-01-01', '2017-12-31', 2],
      [5, '2017-01-01', '2017-12-31', 1],
    ]);
    const summary = await prisma().auditEvent.findMany({ where: { action: 'importQuotas' } });
    expect(summary).toHaveLength(1);
    expect(await importQuotas({ actor: hoaEditor, input: { file, commit: true } })).toMatchObject({
      new: 0,
      changed: 0,
      unchanged: 2,
    });
    const changed = csv(['thanh-hoa-xom-3;01/01/2017;31/12/2017;3;', 'thanh-hoa-xom-4;01/01/2017;31/12/2017;1;']);
    expect(await importQuotas({ actor: hoaEditor, input: { file: changed, commit: true } })).toMatchObject({
      changed: 1,
      unchanged: 1,
    });
    expect((await prisma().quota.findFirstOrThrow({ where: { organisationId: 4 } })).target).toBe(3);
  });

  test('quotas: each refused row named by column and code, and nothing written', async () => {
    const file = csv([
      'thanh-hoa-xom-4;01/01/2018;31/12/2018;2;',
      'thanh-hoa;01/01/2018;31/12/2018;5;', // handed down by thanh-chuong: outside a commune's editor
      'khong-co;01/01/2018;31/12/2018;1;',
      'thanh-hoa-xom-3;31/12/2018;01/01/2018;1;',
      'thanh-hoa-xom-3;01/01/2018;31/12/2018;mười;',
      'thanh-hoa-xom-4;01/01/2018;31/12/2018;2;',
    ]);
    const before = await fingerprint();
    const report = await importQuotas({ actor: hoaEditor, input: { file, commit: true } });
    expect(codes(report)).toEqual([
      [3, 'Mã tổ chức', 'IMPORT_OUTSIDE_SCOPE'],
      [4, 'Mã tổ chức', 'NOT_FOUND'],
      [5, 'Đến ngày', 'PERIOD_INVALID'],
      [6, 'Chỉ tiêu', 'IMPORT_VALUE_INVALID'],
      [7, 'Mã tổ chức', 'IMPORT_SAME_ROW_TWICE'],
    ]);
    expect(report).toMatchObject({ rowsRead: 6, refused: 5, valid: 1, committed: false });
    expect(report.errors[0]?.messageEn).toContain('outside the subtree');
    expect(await fingerprint()).toBe(before);
  });

  test('organisations: parents first wherever they stand, a dissolution merged, unchanged again', async () => {
    const file = await tree([
      [
        'thanh-hoa-xom-6',
        'Chi bộ xóm 6',
        'Chi bộ trực thuộc',
        null,
        'thanh-hoa',
        '01/01/2017',
        '01/01/2018',
        'thanh-hoa-xom-5',
      ],
      ['thanh-hoa-xom-5', 'Chi bộ xóm 5', 'chi bo truc thuoc', null, 'thanh-hoa', '01/01/2017', null, null],
      ['thanh-hoa-xom-3', 'Tổ chức thanh-hoa-xom-3', 'SUBORDINATE_CELL', null, 'thanh-hoa', '01/01/1960', null, null],
    ]);
    const before = await fingerprint();
    const preview = await importOrganisations({ actor: hoaEditor, input: { file, commit: false } });
    expect(preview).toMatchObject({ rowsRead: 3, new: 2, changed: 0, unchanged: 1, errors: [] });
    expect(await fingerprint()).toBe(before);
    const committed = await importOrganisations({ actor: hoaEditor, input: { file, commit: true } });
    expect(committed).toMatchObject({ new: 2, unchanged: 1, committed: true });
    const [five, six] = await Promise.all(
      ['thanh-hoa-xom-5', 'thanh-hoa-xom-6'].map((code) =>
        prisma().organisation.findUniqueOrThrow({ where: { code } }),
      ),
    );
    expect(six).toMatchObject({ establishedOn: '2017-01-01', dissolvedOn: '2018-01-01', mergedIntoId: five!.id });
    expect(five).toMatchObject({ kind: 'SUBORDINATE_CELL', name: 'Chi bộ xóm 5', dissolvedOn: null });
    const events = await prisma().auditEvent.findMany({
      where: { entityType: 'Organisation' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['createOrganisation', 'createOrganisation', 'mergeOrganisation']);
    expect(await importOrganisations({ actor: hoaEditor, input: { file, commit: true } })).toMatchObject({
      new: 0,
      changed: 0,
      unchanged: 3,
    });
  });

  test('organisations: the mutations’ codes on the file’s columns, the subtree, nothing written', async () => {
    const file = await tree([
      ['thanh-hoa-xom-7', 'Chi bộ xóm 7', 'Chi bộ trực thuộc', null, 'thanh-hoa-xom-3', '01/01/2017', null, null],
      ['Xom 8', 'Chi bộ xóm 8', 'Chi bộ trực thuộc', null, 'thanh-hoa', '01/01/2017', null, null],
      ['thanh-hoa-xom-4', 'Tổ chức thanh-hoa-xom-4', 'Chi bộ cơ sở', null, 'thanh-hoa', '01/01/1960', null, null],
      ['thanh-hoa-xom-10', 'Chi bộ xóm 10', 'Chi bộ lạ', null, 'thanh-hoa', '01/01/2017', null, null],
      ['thanh-duc-xom-2', 'Chi bộ xóm 2', 'Chi bộ trực thuộc', null, 'thanh-duc', '01/01/2017', null, null],
    ]);
    const before = await fingerprint();
    const report = await importOrganisations({ actor: hoaEditor, input: { file, commit: true } });
    expect(codes(report)).toEqual([
      [3, 'MA CAP TREN', 'PARENT_IS_CELL'], // columns named as the file writes them
      [4, 'MA TO CHUC', 'CODE_INVALID'],
      [5, 'LOAI', 'IMPORT_RECORD_DIFFERS'],
      [6, 'LOAI', 'IMPORT_VALUE_INVALID'],
      [7, 'MA CAP TREN', 'IMPORT_OUTSIDE_SCOPE'],
    ]);
    expect(report.committed).toBe(false);
    expect(await fingerprint()).toBe(before);
    const duc = await importOrganisations({ actor: ducEditor, input: { file, commit: false } });
    // The other commune's editor: every row under thanh-hoa is outside, its own is fine.
    expect(
      codes(duc)
        .filter(([, , code]) => code === 'IMPORT_OUTSIDE_SCOPE')
        .map(([row]) => row),
    ).toEqual([3, 4, 5]);
    expect(codes(duc).map(([row]) => row)).not.toContain(7);
    await expect(
      importOrganisations({ actor: { ...hoaEditor, role: 'VIEWER' }, input: { file, commit: false } }),
    ).rejects.toThrow(/viewer/);
  });

  test('the templates, left with their guidance and example rows, import as nothing', async () => {
    for (const [name, run] of [
      ['organisations', importOrganisations],
      ['quotas', importQuotas],
    ] as const) {
      const path = join(dir, `${name}.xlsx`);
      await writeTemplate(KINDS[name]!, path);
      expect(await run({ actor: admin, input: { file: path, commit: false } })).toMatchObject({
        rowsRead: 0,
        skipped: 2,
        errors: [],
      });
    }
  });
});

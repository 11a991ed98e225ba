// The report's attributes (issue 11) in imports, on SQLite and PostgreSQL: dân tộc, tôn giáo, trình
// độ and đoàn viên read from messy cells (no diacritics, "kinh", "Không" as no religion, "x" for
// yes); a value that is none of the levels refused in its column with nothing written; a re-import
// unchanged; an attribute changed on a recorded member a correction (correctMember's audit, the
// file as reason), an empty cell leaving it; on a recorded candidate, a missing one filled in and a
// different one refused, and the report kept of the member the candidate became (ReportDay) follows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Actor } from '../../src/context.ts';
import { prisma } from '../../src/db.ts';
import { rebuildDerived } from '../../src/derived/rebuild.ts';
import { COUNTRY_ID, viaTransaction } from '../../src/derived/sql.ts';
import { importCandidates } from '../../src/import/candidates-import.ts';
import { CHUNK } from '../../src/import/check.ts';
import { ketnapIdOf } from '../../src/import/ketnap-ids.ts';
import { importMembers } from '../../src/import/members-import.ts';
import type { ImportReport } from '../../src/import/report.ts';
import { memberBreakdowns } from '../../src/read/report.ts';
import { activeRiskPolicy } from '../../src/rules/risk.ts';
import { derivedRows, expectReportFromRows } from '../derived-support.ts';
import { CELL, fingerprint } from '../fixture.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';
import { list, someone } from './candidate-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-attributes-'));
const admin: Actor = { tokenId: 0, name: 'test admin', role: 'ADMIN', organisationId: null };
const HEADER =
  'Họ và tên,Ngày sinh,Ngày vào Đảng,Mã chi bộ,Số thẻ đảng viên,DAN TOC,Ton giao,Trinh do chuyen mon,Doan vien';
let files = 0;

function csv(lines: string[]): string {
  const path = join(dir, `a${++files}.csv`);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}
const run = (file: string, commit: boolean) => importMembers({ actor: admin, input: { file, commit } });
const codes = (r: ImportReport) => r.errors.map((e) => [e.row, e.column, e.code, e.field]);
/** nghe-an, the mini world's province: its report is read from ReportDay. */
const PROVINCE = 1;
const byCard = (partyCardNumber: string) => prisma().member.findUniqueOrThrow({ where: { partyCardNumber } });

describe.each(engines)('report attributes in imports on %s', async (engine) => {
  const { test } = await miniWorldSuite(engine);

  test('members: messy values read, recorded, unchanged again; a changed one is a correction', async () => {
    const rows = [
      'Lò Văn Một,05/03/1991,19/05/2016,thanh-hoa-xom-3,48050001, thái ,Phật giáo,dai hoc,x',
      'Nguyễn Văn Hai,05/03/1992,19/05/2016,thanh-hoa-xom-3,48050002,kinh,Không,THPT,không',
      'Trần Văn Ba,05/03/1993,19/05/2016,thanh-hoa-xom-3,48050003,,,,',
    ];
    expect(await run(csv(rows), true)).toMatchObject({ new: 3, committed: true, errors: [] });
    const pick = ({ ethnicity, religion, education, isYouthUnionMember }: Awaited<ReturnType<typeof byCard>>) => ({
      ethnicity,
      religion,
      education,
      isYouthUnionMember,
    });
    expect(pick(await byCard('48050001'))).toEqual({
      ethnicity: 'thái',
      religion: 'Phật giáo',
      education: 'UNIVERSITY',
      isYouthUnionMember: true,
    });
    // "kinh" is the majority group as the report compares it; "Không" is no religion.
    expect(pick(await byCard('48050002'))).toEqual({
      ethnicity: 'Kinh',
      religion: null,
      education: 'UPPER_SECONDARY',
      isYouthUnionMember: false,
    });
    expect(pick(await byCard('48050003'))).toEqual({
      ethnicity: null,
      religion: null,
      education: null,
      isYouthUnionMember: false,
    });

    // Again: nothing to change (a commit adds only its own importMembers audit event).
    const recorded = JSON.stringify(await prisma().member.findMany({ orderBy: { id: 'asc' } }));
    expect(await run(csv(rows), true)).toMatchObject({ new: 0, changed: 0, unchanged: 3, errors: [] });
    expect(JSON.stringify(await prisma().member.findMany({ orderBy: { id: 'asc' } }))).toBe(recorded);

    // Row 2 changes its level and Youth Union; row 3 says nothing of anything (empty cells): unchanged.
    const edited = [rows[0]!.replace('dai hoc,x', 'Thạc sĩ,Không'), rows[2]!];
    const report = await run(csv(edited), true);
    expect(report).toMatchObject({ changed: 1, unchanged: 1, committed: true, errors: [] });
    const one = await byCard('48050001');
    expect(pick(one)).toEqual({
      ethnicity: 'thái',
      religion: 'Phật giáo',
      education: 'POSTGRADUATE',
      isYouthUnionMember: false,
    });
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { action: 'correctMember', entityId: String(one.id) },
    });
    expect(audit.reason).toMatch(/^Nhập tệp /);
    expect(JSON.parse(audit.before!)).toMatchObject({ education: 'UNIVERSITY', isYouthUnionMember: true });
  });

  test('members: what an import adds to the derived tables, over several chunks, is what a rebuild derives', async () => {
    // Rows with every attribute the report counts, in three cells (one dissolved in 2016), admitted
    // over two decades at ages 18 to 45: the import sums their contributions from the rows it
    // writes (nothing read back), a rebuild from the base tables. One row corrects a recorded member.
    const cells = ['thanh-hoa-xom-3', 'thanh-hoa-xom-4', 'thanh-duc-xom-1', 'thanh-hoa-xom-9'];
    const ethnicities = ['', 'Kinh', 'thái', 'Mường'];
    const religions = ['', 'Không', 'Công giáo', 'Phật giáo'];
    const levels = ['', 'THPT', 'dai hoc', 'Thạc sĩ', 'Trung cấp'];
    const dd = (n: number) => String(n).padStart(2, '0');
    const rows = Array.from({ length: CHUNK + 50 }, (_, i) => {
      const admitted = 1996 + (i % 20);
      const born = admitted - 19 - (i % 27);
      return [
        `Đảng viên Dẫn xuất ${i}`,
        `${dd(1 + (i % 28))}/${dd(1 + (i % 12))}/${born}`,
        `${dd(1 + ((i * 7) % 28))}/${dd(1 + ((i * 5) % 12))}/${admitted}`,
        cells[admitted < 2016 ? i % 4 : i % 3],
        `4807${String(i).padStart(4, '0')}`,
        ethnicities[i % 4],
        religions[(i >> 2) % 4],
        levels[i % 5],
        i % 3 === 0 ? 'x' : '',
      ].join(',');
    });
    // Member 9 of the mini world, named by its ketnap ID as an export writes it: admitted a month later.
    const corrected = `Đảng viên 9,02/02/1994,01/03/2016,thanh-hoa-xom-4,,,,,,${ketnapIdOf('Member', 9)}`;
    const path = join(dir, `many${++files}.csv`);
    writeFileSync(path, `${HEADER},Mã ketnap\n${[...rows.map((r) => `${r},`), corrected].join('\n')}\n`);
    const report = await run(path, true);
    expect(report).toMatchObject({ new: CHUNK + 50, changed: 1, committed: true, errors: [] });
    await expectReportFromRows([PROVINCE, COUNTRY_ID], '2017-12-31', '1996-01-01');
    const maintained = await derivedRows();
    await prisma().$transaction((tx) => rebuildDerived(viaTransaction(tx), activeRiskPolicy()));
    expect(maintained).toEqual(await derivedRows());
  });

  test('members: a level or a yes/no that is none of the words is refused in its column, nothing written', async () => {
    const before = await fingerprint();
    const report = await run(
      csv([
        'Lò Văn Bốn,05/03/1991,19/05/2016,thanh-hoa-xom-3,48060001,Thái,,Đại học,Có',
        'Lò Văn Năm,05/03/1991,19/05/2016,thanh-hoa-xom-3,48060002,Thái,,lớp 9/12,Có',
        'Lò Văn Sáu,05/03/1991,19/05/2016,thanh-hoa-xom-3,48060003,Thái,,,có lẽ',
      ]),
      true,
    );
    expect(codes(report)).toEqual([
      [3, 'Trinh do chuyen mon', 'IMPORT_VALUE_INVALID', 'education'],
      [4, 'Doan vien', 'IMPORT_VALUE_INVALID', 'isYouthUnionMember'],
    ]);
    expect(report.errors[0]!.messageVi).toContain('lớp 9/12');
    expect(report).toMatchObject({ valid: 1, refused: 2, committed: false });
    expect(await fingerprint()).toBe(before);
  });

  test('candidates: a bad level refused; a recorded one gets a missing attribute, a different one is refused', async () => {
    const before = await fingerprint();
    const bad = await importCandidates({
      actor: admin,
      input: { file: await list([someone('Hà Thị Bảy', { education: 'giỏi' })]), commit: true },
    });
    expect(bad.errors.map((e) => [e.column, e.code, e.field])).toEqual([
      ['TRINH DO HOC VAN', 'IMPORT_VALUE_INVALID', 'education'],
    ]);
    expect(await fingerprint()).toBe(before);

    const tam = someone('Hà Thị Tám', { ethnicity: 'Mường' });
    expect(await importCandidates({ actor: admin, input: { file: await list([tam]), commit: true } })).toMatchObject({
      new: 1,
      errors: [],
    });
    const filled = await importCandidates({
      actor: admin,
      input: { file: await list([{ ...tam, religion: 'Công giáo', education: 'Cao đẳng' }]), commit: true },
    });
    expect(filled).toMatchObject({ changed: 1, committed: true, errors: [] });
    const recorded = await prisma().candidate.findFirstOrThrow({ where: { fullName: 'Hà Thị Tám' } });
    expect(recorded).toMatchObject({ ethnicity: 'Mường', religion: 'Công giáo', education: 'COLLEGE' });
    const differs = await importCandidates({
      actor: admin,
      input: { file: await list([{ ...tam, ethnicity: 'Thái' }]), commit: true },
    });
    expect(differs.errors.map((e) => [e.column, e.code])).toEqual([['DAN TOC', 'IMPORT_RECORD_DIFFERS']]);
    expect(await prisma().candidate.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({
      ethnicity: 'Mường',
    });
  });

  test('candidates: an attribute filled in reaches the member the candidate became, and the report kept of it', async () => {
    // Setup, not under test: a member admitted through the path, lacking what the file will give.
    const nam = someone('Lê Thị Năm', {});
    expect(await importCandidates({ actor: admin, input: { file: await list([nam]), commit: true } })).toMatchObject({
      new: 1,
    });
    const candidate = await prisma().candidate.findFirstOrThrow({ where: { fullName: 'Lê Thị Năm' } });
    const member = await prisma().member.create({
      data: {
        fullName: candidate.fullName,
        birthDate: candidate.birthDate,
        gender: 'FEMALE',
        admittedOn: '2016-05-19',
        admittedInId: CELL.xom3,
        candidateId: candidate.id,
        placements: { create: { cellId: CELL.xom3, startOn: '2016-05-19' } },
      },
    });
    await prisma().$transaction((tx) => rebuildDerived(viaTransaction(tx), activeRiskPolicy()));
    const education = async () =>
      (await memberBreakdowns([PROVINCE], '2016-12-31')).get(PROVINCE)?.byEducation.get('UNIVERSITY') ?? 0;
    const before = await education();

    const filled = await importCandidates({
      actor: admin,
      input: { file: await list([{ ...nam, education: 'Đại học' }]), commit: true },
    });
    expect(filled).toMatchObject({ changed: 1, committed: true, errors: [] });
    expect(await prisma().member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      education: 'UNIVERSITY',
    });
    // The province's report (ReportDay) counts her, as the rows do, and as a rebuild would.
    expect(await education()).toBe(before + 1);
    await expectReportFromRows([PROVINCE, COUNTRY_ID], '2016-12-31', '2016-01-01');
    const maintained = await derivedRows();
    await prisma().$transaction((tx) => rebuildDerived(viaTransaction(tx), activeRiskPolicy()));
    expect(maintained).toEqual(await derivedRows());
  });
});

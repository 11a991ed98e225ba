// Importing candidates with their stage history on SQLite and PostgreSQL, from files made here: a
// board's list with a merged title, headers without diacritics, NFD names, trailing non-breaking
// spaces and dates as Excel dates, serial numbers, d/m/yy and dd/mm/yyyy. The whole path runs
// through recordCandidate and advanceCandidate (the admission makes the member); the path's rules
// refuse rows with their own codes in the file's columns; one bad row writes nothing; a second
// import changes nothing; a recorded candidate found by name, birth date and cell moves on.
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Actor } from '../../src/context.ts';
import { prisma } from '../../src/db.ts';
import { importCandidates } from '../../src/import/candidates-import.ts';
import { KINDS } from '../../src/import/kinds.ts';
import type { ImportReport } from '../../src/import/report.ts';
import { writeTemplate } from '../../src/import/template.ts';
import { fingerprint } from '../fixture.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';
import { dir, list, someone, thu } from './candidate-files.ts';

const admin: Actor = { tokenId: 0, name: 'test admin', role: 'ADMIN', organisationId: null };
const hoaEditor: Actor = { tokenId: 0, name: 'thanh-hoa editor', role: 'EDITOR', organisationId: 3 };
const codes = (r: ImportReport) => r.errors.map((e) => [e.row, e.column, e.code]);

describe.each(engines)('candidates import on %s', async (engine) => {
  const { test } = await miniWorldSuite(engine);

  test('a messy list: previewed, committed through the path, unchanged the second time', async () => {
    const file = await list([
      thu,
      someone('Lê Văn Hai', { trainedOn: '10/04/2017', certificateOn: '10/4/2017', trainedBy: 'Trung tâm' }),
    ]);
    const before = await fingerprint();
    const preview = await importCandidates({ actor: hoaEditor, input: { file, commit: false } });
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ kind: 'candidates', rowsRead: 2, new: 2, committed: false });
    expect(await fingerprint()).toBe(before);

    const committed = await importCandidates({ actor: hoaEditor, input: { file, commit: true } });
    expect(committed).toMatchObject({ new: 2, changed: 0, unchanged: 0, committed: true, errors: [] });
    const made = await prisma().candidate.findMany({
      where: { id: { gt: 1 } },
      orderBy: { id: 'asc' },
      include: { events: { orderBy: { id: 'asc' } }, introductions: true, member: true },
    });
    expect(made.map((c) => [c.fullName, c.birthDate, c.gender, c.stage, c.stageOn])).toEqual([
      ['Trần Thị Thử', '1998-05-05', 'FEMALE', 'ADMITTED', '2017-05-19'],
      ['Lê Văn Hai', '1990-01-01', null, 'TRAINED', '2017-04-10'],
    ]);
    const [thuRecord] = made;
    expect(thuRecord!.events.map((e) => [e.stage, e.on, e.actingBody])).toEqual([
      ['SOURCED', '2017-01-10', 'Đoàn xã Thanh Hòa'],
      ['TRAINED', '2017-02-20', 'Trung tâm chính trị huyện'],
      ['APPLIED', '2017-03-01', 'Tổ chức thanh-hoa-xom-3'],
      ['VERIFIED', '2017-03-15', 'Tổ chức thanh-hoa-xom-3'],
      ['INTRODUCED', '2017-03-20', 'Tổ chức thanh-hoa-xom-3'],
      ['CELL_VOTED', '2017-04-01', 'Tổ chức thanh-hoa-xom-3'],
      ['COMMITTEE_VOTED', '2017-04-10', 'Tổ chức thanh-hoa'],
      ['DECIDED', '2017-05-05', 'Ban Thường vụ Huyện ủy'],
      ['ADMITTED', '2017-05-19', 'Tổ chức thanh-hoa-xom-3'],
    ]);
    // The cell's vote counted against its roster: its six full members.
    expect(thuRecord!.events[5]).toMatchObject({ votesFor: 5, votesEligible: 6 });
    expect(thuRecord!.introductions.map((i) => [i.memberId, i.youthUnion, i.knownSince])).toEqual([
      [null, 'BCH Đoàn xã Thanh Hòa', null],
      [1, null, '2015-01-01'],
    ]);
    // The report's attributes, read from messy cells, go with the person onto the member at the ceremony.
    const attributes = { ethnicity: 'Thái', religion: 'Công giáo', education: 'UNIVERSITY', isYouthUnionMember: true };
    expect(thuRecord).toMatchObject(attributes);
    expect(thuRecord!.member).toMatchObject({ fullName: 'Trần Thị Thử', admittedOn: '2017-05-19', ...attributes });
    const actions = await prisma().auditEvent.groupBy({ by: ['action'], _count: true, orderBy: { action: 'asc' } });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toEqual({
      admitCandidate: 1,
      advanceCandidate: 9,
      importCandidates: 1,
      recordCandidate: 2,
    });

    const after = await fingerprint();
    const again = await importCandidates({ actor: hoaEditor, input: { file, commit: false } });
    expect(again).toMatchObject({ new: 0, changed: 0, unchanged: 2, errors: [] });
    expect(await fingerprint()).toBe(after);
    const recommitted = await importCandidates({ actor: hoaEditor, input: { file, commit: true } });
    expect(recommitted).toMatchObject({ new: 0, changed: 0, unchanged: 2, committed: true });
    expect(await prisma().auditEvent.count({ where: { action: { not: 'importCandidates' } } })).toBe(12);
  });

  test("one bad row writes nothing; the path's codes in the file's columns", async () => {
    const file = await list([
      someone('Người tốt'),
      someone('Người ít phiếu', {
        ...thu,
        fullName: 'Người ít phiếu',
        cellVotesFor: 3, // of 6 full members: under two thirds
        committeeVotedOn: null,
        decidedOn: null,
        admittedOn: null,
      }),
      someone('Người bỏ bước', { appliedOn: '01/04/2017' }), // not trained first
      someone('Người không rõ giới thiệu', {
        ...thu,
        fullName: 'Người không rõ giới thiệu',
        introducer1: '99999999',
        cellVotedOn: null,
        committeeVotedOn: null,
        decidedOn: null,
        admittedOn: null,
      }),
      someone('Ngày sai', { sourcedOn: '31/02/2017' }),
      someone('Thiếu nguồn', { source: null }),
      someone('Ngoài xã', { cellCode: 'thanh-duc-xom-1' }),
      someone('Người tốt', { gender: 'Nam' }),
    ]);
    const before = await fingerprint();
    const report = await importCandidates({ actor: hoaEditor, input: { file, commit: true } });
    expect(codes(report)).toEqual([
      [5, 'SO TAN THANH O CHI BO', 'VOTE_SHARE_TOO_LOW'],
      [6, 'NGAY NOP DON', 'STAGE_ORDER'],
      [7, 'DANG VIEN GIOI THIEU 1', 'NOT_FOUND'],
      [8, 'NGAY VAO NGUON', 'IMPORT_DATE_INVALID'],
      [9, 'NGUON', 'IMPORT_REQUIRED'],
      [10, 'MA CHI BO', 'IMPORT_OUTSIDE_SCOPE'],
      [11, 'HO VA TEN', 'IMPORT_SAME_ROW_TWICE'],
    ]);
    expect(report).toMatchObject({ rowsRead: 8, valid: 1, refused: 7, committed: false });
    expect(report.errors[0]!.messageEn).toContain('3 of 6');
    expect(await fingerprint()).toBe(before);
  });

  test('a recorded candidate, found by name, birth date and cell, moves on; a recorded step is not rewritten', async () => {
    // The mini world's candidate 1: sourced 2016-03-01, the cell voted 2016-12-01.
    const recorded = {
      fullName: 'NGƯỜI CHỜ QUYẾT ĐỊNH',
      birthDate: '1/1/90',
      cellCode: 'thanh-hoa-xom-3',
      source: 'Hội Nông dân',
      sourcedBy: 'Hội Nông dân xã',
      sourcedOn: '01/03/2016',
      cellVotedOn: '01/12/2016',
      cellVotesFor: 6,
    };
    const differs = await list([{ ...recorded, cellVotedOn: '02/12/2016' }]);
    const refused = await importCandidates({ actor: admin, input: { file: differs, commit: true } });
    expect(codes(refused)).toEqual([[4, 'NGAY CHI BO BIEU QUYET', 'IMPORT_RECORD_DIFFERS']]);
    const next = { committeeVotedOn: '15/12/2016', committeeVotesFor: 9, committeeVotesEligible: 11 };
    const decided = { decidedOn: '10/01/2017', decidedBy: 'Ban Thường vụ Huyện ủy' };
    const skipping = await list([{ ...recorded, ...decided }]);
    const order = await importCandidates({ actor: admin, input: { file: skipping, commit: true } });
    expect(codes(order)).toEqual([[4, 'NGAY QUYET DINH KET NAP', 'STAGE_ORDER']]);
    const file = await list([{ ...recorded, ...next, ...decided }]);
    const advanced = await importCandidates({ actor: admin, input: { file, commit: true } });
    expect(advanced.errors).toEqual([]);
    expect(advanced).toMatchObject({
      new: 0,
      changed: 1,
      committed: true,
    });
    expect(await prisma().candidate.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      stage: 'DECIDED',
      stageOn: '2017-01-10',
    });
  });

  test('the template, left with its guidance and example rows, imports as nothing', async () => {
    const path = join(dir, 'candidates.xlsx');
    await writeTemplate(KINDS.candidates, path);
    expect(await importCandidates({ actor: admin, input: { file: path, commit: false } })).toMatchObject({
      rowsRead: 0,
      skipped: 2,
      errors: [],
    });
  });
});

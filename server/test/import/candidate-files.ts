// Candidates lists made in the tests (never a hand-edited fixture): the template's columns under a
// merged title, headers in capitals without diacritics, and a candidate of youth age taken from
// sourced to admitted in thanh-hoa-xom-3, written as messily as real lists are.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CANDIDATE_COLUMNS, type CandidateField } from '../../src/import/candidate-columns.ts';
import type { Cell } from '../../src/import/cells.ts';
import { ketnapIdOf } from '../../src/import/ketnap-ids.ts';

export const dir = mkdtempSync(join(tmpdir(), 'ketnap-candidates-import-'));
let files = 0;

/** The header as a board writes it: capitals, no diacritics. */
const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'D').toUpperCase();

/** A candidates list in the template's columns, under a merged title; each row names its cells by field. */
export async function list(rows: Partial<Record<CandidateField, Cell>>[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('QCUT 2017');
  sheet.addRow(['DANH SÁCH QUẦN CHÚNG ƯU TÚ NĂM 2017']);
  sheet.mergeCells('A1:J1');
  sheet.addRow([]);
  sheet.addRow(CANDIDATE_COLUMNS.map((c) => bare(c.header)));
  for (const row of rows) sheet.addRow(CANDIDATE_COLUMNS.map((c) => row[c.field] ?? null));
  sheet.addRow([]);
  sheet.addRow([]);
  const path = join(dir, `c${++files}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

export const someone = (fullName: string, more: Partial<Record<CandidateField, Cell>> = {}) => ({
  fullName,
  birthDate: '01/01/1990',
  cellCode: 'thanh-hoa-xom-4',
  source: 'Hội Nông dân',
  sourcedBy: 'Hội Nông dân xã Thanh Hòa',
  sourcedOn: '03/03/2017',
  ...more,
});

/** Sourced to admitted: of youth age, introduced by the Youth Union committee and member 1. */
export const thu = {
  fullName: 'Trần Thị Thử\u00a0'.normalize('NFD'),
  birthDate: new Date(Date.UTC(1998, 4, 5)),
  gender: 'nữ',
  cellCode: ' thanh-hoa-xom-3 ',
  source: 'Doan Thanh nien',
  sourcedBy: 'Đoàn xã Thanh Hòa',
  sourcedOn: 42745, // Excel's serial for 2017-01-10
  ethnicity: ' Thái ',
  religion: 'Công giáo',
  education: 'dai hoc', // without diacritics
  isYouthUnionMember: 'Có',
  trainedOn: '20/2/17',
  certificateOn: '20/02/2017',
  trainedBy: 'Trung tâm chính trị huyện',
  appliedOn: '1/3/2017',
  verifiedOn: '15-03-2017',
  introducedOn: '20/03/2017',
  youthUnionIntroducer: 'BCH Đoàn xã Thanh Hòa',
  introducer1: ketnapIdOf('Member', 1),
  knownSince1: '01/01/2015',
  cellVotedOn: '01/04/2017',
  cellVotesFor: 5,
  committeeVotedOn: '10/04/2017',
  committeeVotesFor: 9,
  committeeVotesEligible: 11,
  decidedOn: '05/05/2017',
  decidedBy: 'Ban Thường vụ Huyện ủy',
  admittedOn: '19/05/2017',
};

// One row of a candidates list read into the candidate and the steps its dated columns say were
// taken, with what is wrong with the row on its own (missing values, dates that are not dates, a
// step's date without what the step needs). The rules of the path are the domain's, applied when
// the steps are written (candidates-import.ts). Pure.
import type { CandidateSource, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import type { Stage } from '../rules/stages.ts';
import { type Attributes, readAttributes, readYesNo } from './attributes.ts';
import { CANDIDATES, type CandidateField } from './candidate-columns.ts';
import { nameKey } from './cells.ts';
import { ketnapId } from './ketnap-ids.ts';
import type { RowSpec } from './row-reader.ts';
import { RowValues } from './values.ts';

/** An introducer as the file names them: a member (card number or ketnap ID), or a union committee. */
export type IntroducerCell =
  | { member: { card: string } | { ketnapId: number }; knownSince: string | null; field: CandidateField }
  | { youthUnion: string }
  | { tradeUnion: string };

export interface StepRow {
  stage: Stage;
  on: string;
  /** The column of the step's date: where the step's refusals are shown. */
  field: CandidateField;
  /** The body that acted, when the file names it; otherwise the cell (its committee for COMMITTEE_VOTED). */
  actingBody: string | null;
  votesFor?: number | null;
  votesEligible?: number | null;
  certificateOn?: string | null;
  introducers?: IntroducerCell[];
}

export type Memberships = {
  isYouthUnionMember: boolean | null;
  isTradeUnionMember: boolean | null;
  workplaceHasTradeUnion: boolean | null;
};

export interface CandidateRow extends Memberships, Attributes {
  fullName: string;
  birthDate: string;
  gender: Gender | null;
  cellCode: string;
  source: CandidateSource;
  sourcedBy: string;
  sourcedOn: string;
  certificateOn: string | null;
  /** The steps after SOURCED whose date the row gives, in the order of the path. */
  steps: StepRow[];
  ketnapId: number | null;
}

/** The words staff write for each source; the first is what an export writes. */
export const SOURCES: Record<CandidateSource, string[]> = {
  YOUTH_UNION: ['Đoàn Thanh niên', 'Đoàn TN', 'Đoàn', 'Đoàn TNCS Hồ Chí Minh'],
  WOMENS_UNION: ['Hội Phụ nữ', 'Phụ nữ', 'Hội LHPN'],
  FARMERS_UNION: ['Hội Nông dân', 'Nông dân'],
  VETERANS_ASSOCIATION: ['Hội Cựu chiến binh', 'Cựu chiến binh', 'Hội CCB', 'CCB'],
  TRADE_UNION: ['Công đoàn'],
  OTHER: ['Khác'],
};
const GENDERS: Record<Gender, string[]> = { MALE: ['Nam', 'M'], FEMALE: ['Nữ', 'F'] };
export const STOPS = { WITHDRAWN: ['Xin rút', 'Rút', 'Tự rút'], REJECTED: ['Bị loại', 'Loại', 'Không kết nạp'] };

/** The steps of the path with a date column, after SOURCED, in order. */
const DATED: [Stage, CandidateField][] = [
  ['TRAINED', 'trainedOn'],
  ['APPLIED', 'appliedOn'],
  ['VERIFIED', 'verifiedOn'],
  ['INTRODUCED', 'introducedOn'],
  ['CELL_VOTED', 'cellVotedOn'],
  ['COMMITTEE_VOTED', 'committeeVotedOn'],
  ['DECIDED', 'decidedOn'],
  ['ADMITTED', 'admittedOn'],
];

function introducers(v: RowValues<CandidateField>): IntroducerCell[] {
  const out: IntroducerCell[] = [];
  const youthUnion = v.text('youthUnionIntroducer');
  const tradeUnion = v.text('tradeUnionIntroducer');
  if (youthUnion) out.push({ youthUnion });
  if (tradeUnion) out.push({ tradeUnion });
  for (const [field, since] of [
    ['introducer1', 'knownSince1'],
    ['introducer2', 'knownSince2'],
  ] as const) {
    const named = v.text(field);
    const knownSince = v.date(since);
    if (!named) continue;
    const id = ketnapId(v.cell(field), 'Member');
    const card = named.replace(/\s/g, '');
    if (id) out.push({ member: { ketnapId: id }, knownSince, field });
    else if (/^[0-9A-Za-z./-]{4,20}$/.test(card)) out.push({ member: { card }, knownSince, field });
    else v.invalid(field);
  }
  return out;
}

const yesNo = readYesNo<CandidateField>;

export function readCandidateRow(v: RowValues<CandidateField>): CandidateRow | null {
  const [fullName, cellCode, sourcedBy] = [
    v.text('fullName', true),
    v.text('cellCode', true),
    v.text('sourcedBy', true),
  ];
  const birthDate = v.date('birthDate', true);
  const sourcedOn = v.date('sourcedOn', true);
  const source = v.choice('source', SOURCES, true);
  const gender = v.choice('gender', GENDERS);
  const attributes = readAttributes(v);
  const memberships = {
    isYouthUnionMember: yesNo(v, 'isYouthUnionMember'),
    isTradeUnionMember: yesNo(v, 'isTradeUnionMember'),
    workplaceHasTradeUnion: yesNo(v, 'workplaceHasTradeUnion'),
  };
  const certificateOn = v.date('certificateOn');
  const steps: StepRow[] = [];
  for (const [stage, field] of DATED) {
    const on = v.date(field);
    if (!on) continue;
    const step: StepRow = { stage, on, field, actingBody: null };
    if (stage === 'TRAINED') Object.assign(step, { actingBody: v.text('trainedBy', true), certificateOn });
    if (stage === 'INTRODUCED') step.introducers = introducers(v);
    if (stage === 'CELL_VOTED') step.votesFor = v.integer('cellVotesFor');
    if (stage === 'COMMITTEE_VOTED')
      Object.assign(step, {
        votesFor: v.integer('committeeVotesFor'),
        votesEligible: v.integer('committeeVotesEligible'),
      });
    if (stage === 'DECIDED') step.actingBody = v.text('decidedBy', true);
    steps.push(step);
  }
  const stop = v.choice('stoppedAs', STOPS);
  const stoppedOn = v.date('stoppedOn', stop !== null);
  if (stoppedOn && !stop) v.text('stoppedAs', true);
  if (stop && stoppedOn) steps.push({ stage: stop, on: stoppedOn, field: 'stoppedOn', actingBody: null });
  const known = ketnapId(v.cell('ketnapId'), 'Candidate');
  if (known === undefined) v.invalid('ketnapId');
  if (v.violations.length > 0 || !fullName || !cellCode || !sourcedBy || !birthDate || !sourcedOn || !source)
    return null;
  const row = { fullName, birthDate, gender, cellCode, source, sourcedBy, sourcedOn, certificateOn };
  return { ...row, ...attributes, ...memberships, steps, ketnapId: known ?? null };
}

/**
 * A candidates list, row by row. Two rows are the same candidate when they give the same ketnap ID,
 * or the same name, birth date and cell: a second such row is refused.
 */
export const CANDIDATE_SPEC: RowSpec<CandidateField, CandidateRow> = {
  table: CANDIDATES,
  read: (cells, header, today) => {
    const v = new RowValues(cells, header, today, (f) => CANDIDATES.labelOf(header, f));
    const value = readCandidateRow(v);
    return { value, violations: v.violations };
  },
  keys: (c) => [
    c.ketnapId
      ? { field: 'ketnapId', key: String(c.ketnapId) }
      : { field: 'fullName', key: `${nameKey(c.fullName)}|${c.birthDate}|${c.cellCode}` },
  ],
  duplicate: 'IMPORT_SAME_ROW_TWICE',
};

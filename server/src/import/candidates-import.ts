// Nhập danh sách quần chúng: candidates with their stage history, through the mutations' own
// functions — recordCandidate for a new candidate (the SOURCED step), then advanceCandidate for each
// step whose date the row gives, in the order of the path — so that every rule of the path applies
// with its ValidationError code, shown in the column of the step it refuses. A candidate is found by
// the ketnap ID an export writes, or else by name, birth date and cell (a candidate has no card or
// citizen ID number). A step already recorded on the same day is unchanged; on another day it is
// refused (an import does not correct a recorded step); an empty date says nothing. Acting bodies
// of the steps without a column of their own are the candidate's cell (its committee for the
// committee's vote). The report's attributes the record lacks are filled in (and on the member the
// candidate became, where it lacks them too); one the record states otherwise is refused.
import type { Candidate } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { Actor } from '../context.ts';
import { touchMembers } from '../derived/track.ts';
import type { IntroducerInput } from '../domain/candidate-steps.ts';
import { advanceCandidateIn, recordCandidateIn } from '../domain/candidates.ts';
import { audit, refuse, type Tx, ValidationFailure, type WriteOptions } from '../domain/write.ts';
import { covers } from '../rules/dates.ts';
import type { Violation } from '../rules/violations.ts';
import { CANDIDATES, type CandidateField } from './candidate-columns.ts';
import { CANDIDATE_SPEC, type CandidateRow, type IntroducerCell, type StepRow } from './candidate-rows.ts';
import { nameKey } from './cells.ts';
import { importThrough, type RowResult } from './domain-import.ts';
import type { ImportInput } from './report.ts';
import { writesIn } from './scope.ts';

const MEMBERSHIPS = ['isYouthUnionMember', 'isTradeUnionMember', 'workplaceHasTradeUnion'] as const;
const ATTRIBUTES = ['ethnicity', 'religion', 'education'] as const;

/**
 * The report's attributes a row gives that the record lacks, written (no mutation corrects a
 * candidate's attributes; a recorded one stated otherwise is refused). True when any was written.
 */
async function fillAttributes(tx: Tx, actor: Actor, row: CandidateRow, recorded: Candidate): Promise<boolean> {
  const differs = ATTRIBUTES.find((f) => row[f] !== null && recorded[f] !== null && row[f] !== recorded[f]);
  if (differs) refuse('IMPORT_RECORD_DIFFERS', differs);
  const missing = Object.fromEntries(
    ATTRIBUTES.filter((f) => row[f] !== null && recorded[f] === null).map((f) => [f, row[f]]),
  );
  if (Object.keys(missing).length === 0) return false;
  await tx.candidate.update({ where: { id: recorded.id }, data: missing });
  // The member the candidate became counts in the report's breakdowns by these (ReportDay).
  const became = await tx.member.findMany({ where: { candidateId: recorded.id }, select: { id: true } });
  await touchMembers(
    tx,
    became.map((m) => m.id),
  );
  for (const [field, value] of Object.entries(missing))
    await tx.member.updateMany({ where: { candidateId: recorded.id, [field]: null }, data: { [field]: value } });
  await audit(tx, actor, {
    action: 'importCandidateAttributes',
    entityType: 'Candidate',
    entityId: recorded.id,
    after: missing,
  });
  return true;
}

/** Runs a domain write, naming its refusals' fields as the file's columns. */
async function inColumns<T>(column: (v: Violation) => CandidateField | string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ValidationFailure)) throw error;
    const [first, ...rest] = error.violations.map((v) => ({ ...v, field: column(v) }));
    throw new ValidationFailure([first!, ...rest]);
  }
}

/** The column of a step's refusal: its votes, its introducers, or else its date. */
function stepColumn(step: StepRow) {
  return (v: Violation): string => {
    if (v.field === 'votesFor') return step.stage === 'CELL_VOTED' ? 'cellVotesFor' : 'committeeVotesFor';
    if (v.field === 'votesEligible' && step.stage === 'COMMITTEE_VOTED') return 'committeeVotesEligible';
    if (v.field === 'introducers')
      return v.code.startsWith('YOUTH_UNION')
        ? 'youthUnionIntroducer'
        : v.code.startsWith('TRADE_UNION')
          ? 'tradeUnionIntroducer'
          : 'introducer1';
    // The candidate's own columns (and the introducers' found here) keep their names.
    return CANDIDATES.columns.some((c) => c.field === v.field) ? v.field : step.field;
  };
}

async function introducersOf(tx: Tx, cells: IntroducerCell[]): Promise<IntroducerInput[]> {
  const out: IntroducerInput[] = [];
  for (const i of cells) {
    if (!('member' in i)) {
      out.push(i);
      continue;
    }
    const where = 'card' in i.member ? { partyCardNumber: i.member.card } : { id: i.member.ketnapId };
    const member = await tx.member.findUnique({ where, select: { id: true } });
    if (!member) refuse('NOT_FOUND', i.field, { thing: 'introducer' });
    out.push({ memberId: member.id, knownSince: i.knownSince });
  }
  return out;
}

/** The body that took a step the file gives no body for: the cell, or its committee for its vote. */
async function actingBodyOf(tx: Tx, cellId: number, step: StepRow): Promise<string> {
  if (step.actingBody) return step.actingBody;
  const cell = await tx.organisation.findUniqueOrThrow({ where: { id: cellId }, include: { parentLinks: true } });
  if (step.stage !== 'COMMITTEE_VOTED') return cell.name;
  const link = cell.parentLinks.find((l) => covers(l.startOn, l.endOn, step.on));
  const parent = link ? await tx.organisation.findUnique({ where: { id: link.parentId } }) : null;
  return parent?.name ?? cell.name;
}

async function advance(tx: Tx, actor: Actor, candidate: Candidate, row: CandidateRow, step: StepRow) {
  const memberships = Object.fromEntries(MEMBERSHIPS.filter((f) => row[f] !== null).map((f) => [f, row[f]]));
  await inColumns(stepColumn(step), async () =>
    advanceCandidateIn(tx, {
      actor,
      input: {
        candidateId: candidate.id,
        stage: step.stage,
        on: step.on,
        actingBody: await actingBodyOf(tx, candidate.cellId, step),
        votesFor: step.votesFor ?? null,
        votesEligible: step.votesEligible ?? null,
        certificateOn: step.certificateOn ?? null,
        introducers: step.introducers ? await introducersOf(tx, step.introducers) : null,
        ...memberships,
      },
    }),
  );
}

/** The recorded candidate a row names, or null for a new one. */
async function recordedOf(tx: Tx, row: CandidateRow, cellId: number | undefined): Promise<Candidate | null> {
  if (row.ketnapId) {
    const found = await tx.candidate.findUnique({ where: { id: row.ketnapId } });
    if (!found) refuse('NOT_FOUND', 'ketnapId', { thing: 'candidate' });
    if (nameKey(found.fullName) !== nameKey(row.fullName)) refuse('IMPORT_RECORD_DIFFERS', 'fullName');
    if (found.birthDate !== row.birthDate) refuse('IMPORT_RECORD_DIFFERS', 'birthDate');
    if (found.cellId !== cellId) refuse('IMPORT_RECORD_DIFFERS', 'cellCode');
    return found;
  }
  if (cellId === undefined) return null;
  const same = (await tx.candidate.findMany({ where: { birthDate: row.birthDate, cellId } })).filter(
    (c) => nameKey(c.fullName) === nameKey(row.fullName),
  );
  if (same.length > 1) refuse('IMPORT_AMBIGUOUS_MATCH', 'fullName');
  return same[0] ?? null;
}

/** Writes one row: a new candidate and their steps, or the steps a recorded one has not taken yet. */
async function writeRow(tx: Tx, actor: Actor, today: string, row: CandidateRow): Promise<RowResult> {
  const cell = await tx.organisation.findUnique({ where: { code: row.cellCode } });
  if (cell && !(await writesIn(tx, actor, cell.id, today)))
    refuse('IMPORT_OUTSIDE_SCOPE', 'cellCode', { code: row.cellCode });
  const recorded = await recordedOf(tx, row, cell?.id);
  if (!recorded) {
    const { steps: _, sourcedBy, certificateOn: __, ketnapId: ___, ...input } = row;
    const made = await recordCandidateIn(tx, { actor, input: { ...input, actingBody: sourcedBy } });
    for (const step of row.steps) await advance(tx, actor, made, row, step);
    return 'new';
  }
  const events = await tx.candidateEvent.findMany({ where: { candidateId: recorded.id } });
  const onOf = (stage: string) => events.find((e) => e.stage === stage)?.on;
  if (row.source !== recorded.source) refuse('IMPORT_RECORD_DIFFERS', 'source');
  if (row.gender && row.gender !== recorded.gender) refuse('IMPORT_RECORD_DIFFERS', 'gender');
  if (onOf('SOURCED') !== row.sourcedOn) refuse('IMPORT_RECORD_DIFFERS', 'sourcedOn');
  const filled = await fillAttributes(tx, actor, row, recorded);
  const pending = row.steps.filter((s) => {
    const on = onOf(s.stage);
    if (on && on !== s.on) refuse('IMPORT_RECORD_DIFFERS', s.field);
    return !on;
  });
  if (pending.length === 0) {
    // Nothing to write a change with: what the row says otherwise of the candidate is refused.
    const differs = MEMBERSHIPS.find((f) => row[f] !== null && row[f] !== recorded[f]);
    if (differs) refuse('IMPORT_RECORD_DIFFERS', differs);
    if (row.certificateOn && row.certificateOn !== recorded.certificateOn)
      refuse('IMPORT_RECORD_DIFFERS', 'certificateOn');
    return filled ? 'changed' : 'unchanged';
  }
  for (const step of pending) await advance(tx, actor, recorded, row, step);
  return 'changed';
}

/**
 * Checks a candidates file whole and, with `commit`, writes it in one transaction: nothing when a
 * row is refused. One audit event `importCandidates`, and the mutations' own per write.
 */
export function importCandidates(options: WriteOptions<ImportInput>) {
  return importThrough(
    {
      kind: 'candidates',
      rows: CANDIDATE_SPEC,
      apply: async (list, { tx, actor, today, attempt }) => {
        for (const row of list) await attempt(row, () => writeRow(tx, actor, today, row.value));
      },
    },
    options,
  );
}

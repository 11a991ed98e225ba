// Corrections (DESIGN.md, "Corrections"): staff fix a fact recorded by mistake — a member's name,
// birth date, admission or recognition date, the cell of a placement, the report's attributes —
// with the reason. The record keeps its own history (the audit events of the entity: who, when,
// before, after, why), the derived figures are derived again in the same transaction (the
// member's contributions are taken out before the change and put back after it), so the result
// equals what it would have been had the right value been entered first. The same rules as for a first entry apply.
import type { EducationLevel, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { validateHistory } from '../rules/membership.ts';
import { activeCell, memberById } from './lookup.ts';
import { movesOf, rewritePlacements } from './placement-history.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

export interface CorrectMemberInput {
  memberId: number;
  reason: string;
  fullName?: string | null;
  birthDate?: string | null;
  gender?: Gender | null;
  admittedOn?: string | null;
  officialOn?: string | null;
  /** The cell the first placement is in (the admitting cell), when it was entered wrongly. */
  admittedInCellCode?: string | null;
  /** The report's attributes (personal data); blank text as none. */
  ethnicity?: string | null;
  religion?: string | null;
  education?: EducationLevel | null;
  isYouthUnionMember?: boolean | null;
}

export function correctMember(options: WriteOptions<CorrectMemberInput>) {
  return write((tx) => correctMemberIn(tx, options));
}

/** correctMember inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function correctMemberIn(tx: Tx, { actor, input }: WriteOptions<CorrectMemberInput>) {
  if (!input.reason?.trim()) refuse('REQUIRED', 'reason', { input: 'reason' });
  const before = await memberById(tx, input.memberId);
  const fullName = input.fullName == null ? before.fullName : input.fullName.trim();
  if (!fullName) refuse('REQUIRED', 'fullName', { input: 'fullName' });
  const birthDate = input.birthDate ?? before.birthDate;
  const admittedOn = input.admittedOn ?? before.admittedOn;
  const officialOn = input.officialOn === undefined ? before.officialOn : input.officialOn;
  if (birthDate >= admittedOn) refuse('BIRTH_DATE_AFTER', 'birthDate');
  const [first, ...rest] = await movesOf(tx, before.placements);
  if (!first) refuse('NOT_FOUND', 'memberId', { thing: 'member' });
  const cell = input.admittedInCellCode
    ? await activeCell(tx, input.admittedInCellCode, admittedOn, 'admittedInCellCode')
    : await tx.organisation.findUniqueOrThrow({ where: { id: first.cellId } });
  // The history again from the corrected admission (its cell's later merges followed), the
  // transfers as they were: the same checks as a first entry.
  const field = input.admittedInCellCode ? 'admittedInCellCode' : 'admittedOn';
  ensure(validateHistory(admittedOn, officialOn ?? null, [admittedOn]));
  const moves = [{ cellId: cell.id, startOn: admittedOn }, ...rest];
  const spans = await rewritePlacements(tx, { ...before, admittedOn }, moves, field);
  const member = await tx.member.update({
    where: { id: before.id },
    data: {
      fullName,
      birthDate,
      gender: input.gender === undefined ? before.gender : input.gender,
      ethnicity: input.ethnicity === undefined ? before.ethnicity : input.ethnicity?.trim() || null,
      religion: input.religion === undefined ? before.religion : input.religion?.trim() || null,
      education: input.education === undefined ? before.education : input.education,
      isYouthUnionMember: input.isYouthUnionMember == null ? before.isYouthUnionMember : input.isYouthUnionMember,
      admittedOn,
      officialOn: officialOn ?? null,
      admittedInId: cell.id,
    },
  });
  const { placements: _, ...plain } = before;
  await audit(tx, actor, {
    action: 'correctMember',
    entityType: 'Member',
    entityId: before.id,
    before: { ...plain, placements: before.placements },
    after: { ...member, placements: spans },
    reason: input.reason.trim(),
  });
  return member;
}

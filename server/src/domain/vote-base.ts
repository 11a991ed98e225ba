// The base of a cell's vote (Điều lệ Đảng, Art. 4; DESIGN.md, "Candidates"): the cell's full
// members on the vote day, from the roster, less the members exempt from activity or temporarily
// transferred out who were absent. Never a number typed in: a given one must agree.
import { refuse, type Tx } from './write.ts';

export interface VoteBaseInput {
  /** Members exempt from activity or temporarily transferred out who were absent from the vote. */
  absentExcused?: number[] | null;
  /** The base as the caller counted it: checked against the roster when given. */
  votesEligible?: number | null;
}

/** The full members of `cellId` on `on`: placed there, admitted, not left, recognised by then. */
export async function fullMembersOn(tx: Tx, cellId: number, on: string): Promise<Set<number>> {
  const rows = await tx.placement.findMany({
    where: {
      cellId,
      startOn: { lte: on },
      OR: [{ endOn: null }, { endOn: { gt: on } }],
      member: { admittedOn: { lte: on }, officialOn: { lte: on }, OR: [{ leftOn: null }, { leftOn: { gt: on } }] },
    },
    select: { memberId: true },
  });
  return new Set(rows.map((r) => r.memberId));
}

/** The vote's base in `cellId` on `on`; refuses an excused absentee not on the roster, or a base that disagrees. */
export async function cellVoteBase(tx: Tx, cellId: number, on: string, input: VoteBaseInput): Promise<number> {
  const roster = await fullMembersOn(tx, cellId, on);
  const excused = new Set(input.absentExcused ?? []);
  for (const id of excused) if (!roster.has(id)) refuse('ABSENT_NOT_ON_ROSTER', 'absentExcused', { on });
  const base = roster.size - excused.size;
  if (input.votesEligible != null && input.votesEligible !== base)
    refuse('VOTE_BASE_MISMATCH', 'votesEligible', { given: input.votesEligible, base, on });
  return base;
}

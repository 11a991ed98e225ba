// A vote of a cell or a committee on a candidate or a probationary member, as recorded: the
// members voting for out of those entitled to vote. Pure.
import { policyOn, voteCarries } from './policy.ts';
import { type Violation, violation } from './violations.ts';

/** A vote's figures: both given, votes for between 0 and the eligible members (at least one). */
export function validateVoteFigures(votesFor?: number | null, votesEligible?: number | null): Violation[] {
  if (votesFor == null || votesEligible == null) return [violation('VOTES_MISSING', 'votesFor')];
  if (votesFor < 0 || votesEligible <= 0 || votesFor > votesEligible) return [violation('VOTES_INVALID', 'votesFor')];
  return [];
}

/** Điều lệ Đảng, Art. 4: at least two thirds of the eligible members vote for. */
export function validateVote(on: string, votesFor?: number | null, votesEligible?: number | null): Violation[] {
  const figures = validateVoteFigures(votesFor, votesEligible);
  if (figures.length || votesFor == null || votesEligible == null) return figures;
  if (!voteCarries(policyOn(on), votesFor, votesEligible))
    return [violation('VOTE_SHARE_TOO_LOW', 'votesFor', { for: votesFor, of: votesEligible })];
  return [];
}

// Moving a candidate to another cell (DESIGN.md, "Candidates"): the steps already taken stay as
// they were; the next ones are the new cell's. Audited with both cells.
import { concern } from '../derived/track.ts';
import { type Stage, validateCandidateMove } from '../rules/stages.ts';
import { activeCell, candidateById } from './lookup.ts';
import { audit, ensure, type WriteOptions, write } from './write.ts';

export function moveCandidate({ actor, input }: WriteOptions<{ candidateId: number; toCellCode: string; on: string }>) {
  return write(async (tx) => {
    const before = await candidateById(tx, input.candidateId);
    ensure(validateCandidateMove({ ...before, stage: before.stage as Stage }, input.on, false));
    const to = await activeCell(tx, input.toCellCode, input.on, 'toCellCode');
    ensure(validateCandidateMove({ ...before, stage: before.stage as Stage }, input.on, to.id === before.cellId));
    const candidate = await tx.candidate.update({ where: { id: before.id }, data: { cellId: to.id } });
    concern(tx, [before.cellId, to.id]);
    await audit(tx, actor, {
      action: 'moveCandidate',
      entityType: 'Candidate',
      entityId: before.id,
      before,
      after: { ...candidate, movedOn: input.on },
    });
    return candidate;
  });
}

// Gia hạn: the competent committee gives itself the policy's extra working days for the admission
// decision (60 + 30 after the cell's resolution). Recorded before the decision, so that the
// DECIDED step and the overdue report both count the longer deadline.
import { validateExtension } from '../rules/deadlines.ts';
import { calendarFromEnv } from '../rules/working-days.ts';
import { stepFacts } from './candidate-steps.ts';
import { candidateById } from './lookup.ts';
import { audit, ensure, type WriteOptions, write } from './write.ts';

const calendar = calendarFromEnv();

export function extendDecisionDeadline({ actor, input }: WriteOptions<{ candidateId: number; on: string }>) {
  return write(async (tx) => {
    const before = await candidateById(tx, input.candidateId);
    ensure(validateExtension(await stepFacts(tx, before, before.certificateOn), input.on, calendar));
    const candidate = await tx.candidate.update({ where: { id: before.id }, data: { decisionExtendedOn: input.on } });
    await audit(tx, actor, {
      action: 'extendDecisionDeadline',
      entityType: 'Candidate',
      entityId: before.id,
      before,
      after: candidate,
    });
    return candidate;
  });
}

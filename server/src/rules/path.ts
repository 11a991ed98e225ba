// A candidate's path judged again after one of its steps was corrected (DESIGN.md, "Corrections"):
// each step from the corrected one on is judged by validateStep against the facts of the steps
// before it as they now stand, so a date moved past a neighbour, a cell vote whose certificate
// has run out, a decision or a ceremony past its deadline, an extension no longer within its
// days are refused as they would have been at first entry. Pure.
import { validateExtension } from './deadlines.ts';
import type { IntroducerFacts } from './introducers.ts';
import { type CandidateFacts, pathOf, type Stage, validateStep } from './stages.ts';
import { type Violation, violation } from './violations.ts';
import type { WorkingCalendar } from './working-days.ts';

/** The stage `stage` follows on the candidate's path; WITHDRAWN and REJECTED follow any. */
function predecessor(stage: Stage, facts: CandidateFacts): Stage {
  const path = pathOf(facts.inGrassrootsCell);
  const at = path.indexOf(stage);
  return at > 0 ? path[at - 1]! : facts.stage;
}

/** A step as recorded (CandidateEvent), with its introducers when it is INTRODUCED and they are judged. */
export interface RecordedStep {
  stage: Stage;
  on: string;
  votesFor: number | null;
  votesEligible: number | null;
  introducers?: IntroducerFacts[];
}

/** What the candidate's record says beside its steps (the certificate is that of the TRAINED step). */
export type CandidateRecord = Omit<
  CandidateFacts,
  'stage' | 'stageOn' | 'cellVotedOn' | 'decidedOn' | 'inGrassrootsCell'
>;

/**
 * Everything wrong with the path `steps` (in the order taken) from step `from` on. The order of the
 * stages is not judged again: a correction keeps it, and a path loaded with a dataset may have
 * skipped stages; each step is judged as the one following its stage's predecessor. Steps before
 * `from` are unchanged and not judged again; a later INTRODUCED only for its date (its rule
 * depends on nothing earlier).
 */
export function validatePathFrom(
  c: CandidateRecord,
  steps: RecordedStep[],
  from: number,
  calendar: WorkingCalendar,
): Violation[] {
  const [first, ...rest] = steps;
  if (!first) return [];
  let facts: CandidateFacts = {
    ...c,
    stage: first.stage,
    stageOn: first.on,
    // Only the cell vote reads it, always after TRAINED (a dataset's path may not record TRAINED).
    certificateOn: c.certificateOn,
    cellVotedOn: null,
    decidedOn: null,
    inGrassrootsCell: !steps.some((s) => s.stage === 'COMMITTEE_VOTED'),
  };
  for (const [i, step] of rest.entries()) {
    if (i + 1 >= from) {
      const found =
        step.stage === 'INTRODUCED' && i + 1 !== from
          ? step.on < facts.stageOn
            ? [violation('DATE_BEFORE_PREVIOUS_STEP', 'on', { on: step.on, previous: facts.stageOn })]
            : []
          : validateStep(
              { ...facts, stage: predecessor(step.stage, facts) },
              { ...step, certificateOn: step.stage === 'TRAINED' ? c.certificateOn : null },
              calendar,
            );
      if (found.length) return found;
    }
    facts = {
      ...facts,
      stage: step.stage,
      stageOn: step.on,
      cellVotedOn: step.stage === 'CELL_VOTED' ? step.on : facts.cellVotedOn,
      decidedOn: step.stage === 'DECIDED' ? step.on : facts.decidedOn,
    };
  }
  // The extension of the decision's deadline rests on the cell's vote: within its days still.
  if (c.decisionExtendedOn && facts.cellVotedOn)
    return validateExtension(
      { stage: 'CELL_VOTED', cellVotedOn: facts.cellVotedOn, decisionExtendedOn: null },
      c.decisionExtendedOn,
      calendar,
    );
  return [];
}

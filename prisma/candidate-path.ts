// The candidate's path to admission (DESIGN.md, "Candidates"), in order: the one list the
// server's rules and the demo dataset both follow. WITHDRAWN and REJECTED leave the path.
import type { CandidateStage } from './generated/sqlite/enums.ts';

export const CANDIDATE_PATH = [
  'SOURCED',
  'TRAINED',
  'APPLIED',
  'VERIFIED',
  'INTRODUCED',
  'CELL_VOTED',
  'COMMITTEE_VOTED',
  'DECIDED',
  'ADMITTED',
] as const satisfies readonly CandidateStage[];

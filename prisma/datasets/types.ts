// The shape of a dataset: plain rows whose fields are exactly the Prisma models' scalar fields,
// with explicit ids, so that a loader can insert them with createMany in dependency order.
// Calendar dates are 'YYYY-MM-DD' strings; an end date is excluded (the day the state changed).
import type {
  CandidateSource,
  CandidateStage,
  EducationLevel,
  Gender,
  HamletKind,
  LeavingReason,
  OrganisationKind,
  Sector,
} from '../generated/sqlite/enums.ts';

export interface OrganisationRow {
  id: number;
  code: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector | null;
  establishedOn: string;
  dissolvedOn: string | null;
  mergedIntoId: number | null;
}
export interface ParentLinkRow {
  id: number;
  organisationId: number;
  parentId: number;
  startOn: string;
  endOn: string | null;
}
export interface MemberRow {
  id: number;
  fullName: string;
  birthDate: string;
  gender: Gender | null;
  personalHistory: string | null;
  admittedOn: string;
  admittedInId: number;
  officialOn: string | null;
  leftOn: string | null;
  leftReason: LeavingReason | null;
  candidateId: number | null;
  ethnicity: string | null;
  religion: string | null;
  education: EducationLevel | null;
  isYouthUnionMember: boolean;
}
export interface PlacementRow {
  id: number;
  memberId: number;
  cellId: number;
  startOn: string;
  endOn: string | null;
}
export interface CandidateRow {
  id: number;
  fullName: string;
  birthDate: string;
  gender: Gender | null;
  personalHistory: string | null;
  isYouthUnionMember: boolean;
  isTradeUnionMember: boolean;
  workplaceHasTradeUnion: boolean;
  cellId: number;
  source: CandidateSource;
  stage: CandidateStage;
  stageOn: string;
  certificateOn: string | null;
  ageException: string | null;
  ageExceptionBy: string | null;
  /** The report's attributes (the member's, once admitted); left out: not recorded. */
  ethnicity?: string | null;
  religion?: string | null;
  education?: EducationLevel | null;
}
export interface CandidateEventRow {
  id: number;
  candidateId: number;
  stage: CandidateStage;
  on: string;
  actingBody: string;
  votesFor: number | null;
  votesEligible: number | null;
  note: string | null;
}
export interface IntroductionRow {
  id: number;
  candidateId: number;
  memberId: number | null;
  youthUnion: string | null;
  tradeUnion: string | null;
  knownSince: string | null;
}
export interface ProgrammeRow {
  id: number;
  code: string;
  name: string;
  issuedBy: string;
  startOn: string;
  endOn: string;
}
export interface QuotaRow {
  id: number;
  organisationId: number;
  programmeId: number | null;
  periodFrom: string;
  periodTo: string;
  target: number;
}
export interface LeaderRow {
  id: number;
  fullName: string;
  title: string;
}
export interface AssignmentRow {
  id: number;
  leaderId: number;
  organisationId: number;
  startOn: string;
  endOn: string | null;
  zone: string | null;
}
export interface MeetingVisitRow {
  id: number;
  leaderId: number;
  cellId: number;
  visitedOn: string;
  note: string | null;
}
export interface HamletRow {
  id: number;
  code: string;
  name: string;
  kind: HamletKind;
  establishedOn: string;
  dissolvedOn: string | null;
  mergedIntoId: number | null;
}
export interface HamletCommuneRow {
  id: number;
  hamletId: number;
  communeId: number;
  startOn: string;
  endOn: string | null;
}
export interface HamletCellRow {
  id: number;
  hamletId: number;
  cellId: number;
  startOn: string;
  endOn: string | null;
}
export interface ResidenceRow {
  id: number;
  memberId: number;
  hamletId: number;
  startOn: string;
  endOn: string | null;
}

export interface Dataset {
  name: string;
  /** Says, for anyone who reads the data, what is real and what is synthetic. */
  notice: string;
  organisations: OrganisationRow[];
  parentLinks: ParentLinkRow[];
  members: MemberRow[];
  placements: PlacementRow[];
  candidates: CandidateRow[];
  candidateEvents: CandidateEventRow[];
  introductions: IntroductionRow[];
  programmes: ProgrammeRow[];
  quotas: QuotaRow[];
  leaders: LeaderRow[];
  assignments: AssignmentRow[];
  visits: MeetingVisitRow[];
  /** Hamlets, their communes and cells, and where members live: a dataset may leave them out. */
  hamlets?: HamletRow[];
  hamletCommunes?: HamletCommuneRow[];
  hamletCells?: HamletCellRow[];
  residences?: ResidenceRow[];
}

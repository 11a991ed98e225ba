// What the dataset's checks share: the shape of a named check, and the dataset read back as the
// server would see it (the tree on any day, members in a cell on a day), from its rows alone.
import { covers } from '../../../server/src/rules/dates.ts';
import type {
  CandidateEventRow,
  CandidateRow,
  Dataset,
  IntroductionRow,
  MemberRow,
  OrganisationRow,
  ParentLinkRow,
  PlacementRow,
} from '../types.ts';
import { DISTRICT_CODE } from './context.ts';

/** A property of the dataset, by name; `problems` says what breaks it (none: it holds). */
export interface Check {
  name: string;
  problems(world: World): string[];
}

function group<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** The dataset's rows, indexed, and the questions the checks ask of them. */
export class World {
  readonly memberById: Map<number, MemberRow>;
  readonly placementsOf: Map<number, PlacementRow[]>;
  readonly eventsOf: Map<number, CandidateEventRow[]>;
  readonly introductionsOf: Map<number, IntroductionRow[]>;
  readonly district: OrganisationRow;
  private readonly byId = new Map<number, OrganisationRow>();
  private readonly byCode = new Map<string, OrganisationRow>();
  private readonly up: Map<number, ParentLinkRow[]>;
  private readonly down: Map<number, ParentLinkRow[]>;
  private readonly placementsIn: Map<number, PlacementRow[]>;

  constructor(readonly data: Dataset) {
    for (const o of data.organisations) this.byId.set(o.id, o), this.byCode.set(o.code, o);
    this.up = group(data.parentLinks, (l) => l.organisationId);
    this.down = group(data.parentLinks, (l) => l.parentId);
    this.memberById = new Map(data.members.map((m) => [m.id, m]));
    this.placementsOf = group(data.placements, (p) => p.memberId);
    this.placementsIn = group(data.placements, (p) => p.cellId);
    this.eventsOf = group(data.candidateEvents, (e) => e.candidateId);
    this.introductionsOf = group(data.introductions, (i) => i.candidateId);
    this.district = this.code(DISTRICT_CODE);
  }

  org(id: number): OrganisationRow {
    const o = this.byId.get(id);
    if (!o) throw new Error(`no organisation with id ${id}`);
    return o;
  }

  code(code: string): OrganisationRow {
    const o = this.byCode.get(code);
    if (!o) throw new Error(`no organisation with code ${code}`);
    return o;
  }

  active(id: number, d: string): boolean {
    const o = this.org(id);
    return covers(o.establishedOn, o.dissolvedOn, d);
  }

  /** The parent links that cover d (one, for a sound tree). */
  parentLinks(id: number, d: string): ParentLinkRow[] {
    return (this.up.get(id) ?? []).filter((l) => covers(l.startOn, l.endOn, d));
  }

  parent(id: number, d: string): number | null {
    return this.parentLinks(id, d)[0]?.parentId ?? null;
  }

  children(id: number, d: string): OrganisationRow[] {
    return (this.down.get(id) ?? [])
      .filter((l) => covers(l.startOn, l.endOn, d) && this.active(l.organisationId, d))
      .map((l) => this.org(l.organisationId));
  }

  /** The ancestors of an organisation on d, nearest first. */
  ancestors(id: number, d: string): number[] {
    const out: number[] = [];
    for (let cur = this.parent(id, d); cur !== null && !out.includes(cur); cur = this.parent(cur, d)) out.push(cur);
    return out;
  }

  /** Whether the organisation is `ancestor` or below it on d. */
  within(id: number, ancestor: number, d: string): boolean {
    return id === ancestor || this.ancestors(id, d).includes(ancestor);
  }

  /** The grassroots organisation (a child of the district) an organisation is, or is under, on d. */
  grassrootsOf(id: number, d: string): OrganisationRow | null {
    const line = [id, ...this.ancestors(id, d)];
    const at = line.indexOf(this.district.id);
    return at > 0 ? this.org(line[at - 1] ?? id) : null;
  }

  /** Members in the cell on d: admitted, not gone, placed there. */
  membersIn(cellId: number, d: string): MemberRow[] {
    const out = new Set<MemberRow>();
    for (const p of this.placementsIn.get(cellId) ?? []) {
      const m = this.memberById.get(p.memberId);
      if (m && covers(p.startOn, p.endOn, d) && m.admittedOn <= d && (m.leftOn === null || m.leftOn > d)) out.add(m);
    }
    return [...out];
  }

  /** Full members of the cell on d: those a vote of the cell counts. */
  fullMembersIn(cellId: number, d: string): MemberRow[] {
    return this.membersIn(cellId, d).filter((m) => m.officialOn !== null && m.officialOn <= d);
  }
}

/** The keys that occur more than once. */
export function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const k of keys) (seen.has(k) ? again : seen).add(k);
  return [...again];
}

/** A candidate with its events (in order) and its introductions. */
export interface CandidateView {
  row: CandidateRow;
  events: CandidateEventRow[];
  introductions: IntroductionRow[];
}

/** The problem of each candidate that has one (a falsy answer: none), named by the candidate. */
export const eachCandidate = (w: World, problem: (c: CandidateView) => string | false | null | undefined): string[] =>
  w.data.candidates.flatMap((row) => {
    const events = w.eventsOf.get(row.id) ?? [];
    const found = problem({ row, events, introductions: w.introductionsOf.get(row.id) ?? [] });
    return found ? [`candidate ${row.id}: ${found}`] : [];
  });

// Row integrity: ids 1..n, references, dates, the tree, and every member's history as the server's
// rules judge it (placements in order, probation, the admission age of the policy of the day).
import { ageOn, isCalendarDate } from '../../../server/src/rules/dates.ts';
import { isCellKind } from '../../../server/src/rules/kinds.ts';
import { validateHistory } from '../../../server/src/rules/membership.ts';
import { policyOn } from '../../../server/src/rules/policy.ts';
import { type Check, duplicates, type World } from './check-tools.ts';
import { HORIZON } from './context.ts';

type Row = { id: number } & Record<string, unknown>;
/** Every table of the dataset, by name. */
const tables = (w: World) => Object.entries(w.data).filter((e): e is [string, Row[]] => Array.isArray(e[1]));
const rowsOf = (w: World, table: string) => tables(w).find(([name]) => name === table)?.[1] ?? [];

/** Every foreign key: the table, its field, the table it points at. */
const REFERENCES: [table: string, field: string, target: string][] = [
  ['organisations', 'mergedIntoId', 'organisations'],
  ['parentLinks', 'organisationId', 'organisations'],
  ['parentLinks', 'parentId', 'organisations'],
  ['members', 'admittedInId', 'organisations'],
  ['members', 'candidateId', 'candidates'],
  ['placements', 'memberId', 'members'],
  ['placements', 'cellId', 'organisations'],
  ['candidates', 'cellId', 'organisations'],
  ['candidateEvents', 'candidateId', 'candidates'],
  ['introductions', 'candidateId', 'candidates'],
  ['introductions', 'memberId', 'members'],
  ['quotas', 'organisationId', 'organisations'],
  ['quotas', 'programmeId', 'programmes'],
  ['assignments', 'leaderId', 'leaders'],
  ['assignments', 'organisationId', 'organisations'],
  ['visits', 'leaderId', 'leaders'],
  ['visits', 'cellId', 'organisations'],
];
const DATE_FIELD = /(On|Date|Since|^periodFrom|^periodTo|^on)$/;

/** A member's placements, in order of their start. */
const placements = (w: World, memberId: number) =>
  [...(w.placementsOf.get(memberId) ?? [])].sort((a, b) => a.startOn.localeCompare(b.startOn));

export const integrityChecks: Check[] = [
  {
    name: 'every table numbers its rows 1..n in order',
    problems: (w) => tables(w).flatMap(([t, rows]) => (rows.some((r, i) => r.id !== i + 1) ? [t] : [])),
  },
  {
    name: 'every date is a calendar date',
    problems: (w) =>
      tables(w).flatMap(([t, rows]) =>
        rows.flatMap((r) =>
          Object.entries(r)
            .filter(([k, v]) => DATE_FIELD.test(k) && v !== null && !(typeof v === 'string' && isCalendarDate(v)))
            .map(([k, v]) => `${t} ${r.id}: ${k} = ${String(v)}`),
        ),
      ),
  },
  {
    name: 'every reference names an existing row',
    problems: (w) =>
      REFERENCES.flatMap(([table, field, target]) => {
        const ids = new Set(rowsOf(w, target).map((r) => r.id));
        return rowsOf(w, table)
          .filter((r) => r[field] !== null && !ids.has(r[field] as number))
          .map((r) => `${table} ${r.id}: ${field} = ${String(r[field])}`);
      }),
  },
  {
    name: 'organisation codes are unique',
    problems: (w) => duplicates(w.data.organisations.map((o) => o.code)),
  },
  {
    name: 'an organisation has one parent at a time',
    problems: (w) => [
      ...new Set(
        w.data.parentLinks
          .filter((l) => w.parentLinks(l.organisationId, l.startOn).length > 1)
          .map((l) => `${w.org(l.organisationId).code} on ${l.startOn}`),
      ),
    ],
  },
  {
    name: "a member's history is one the server accepts (placements from the admission, probation)",
    problems: (w) =>
      w.data.members.flatMap((m) =>
        validateHistory(
          m.admittedOn,
          m.officialOn,
          placements(w, m.id).map((p) => p.startOn),
        ).map((v) => `member ${m.id}: ${v.code}`),
      ),
  },
  {
    name: "a member's placements follow each other without gap, in cells that exist by then, until leaving",
    problems: (w) =>
      w.data.members.flatMap((m) => {
        const ps = placements(w, m.id);
        const broken = ps.filter((p, i) => {
          const cell = w.org(p.cellId);
          const next = ps[i + 1];
          const end = next ? next.startOn : m.leftOn;
          return !isCellKind(cell.kind) || cell.establishedOn > p.startOn || p.endOn !== end;
        });
        return broken.map((p) => `member ${m.id}: placement ${p.id} in ${w.org(p.cellId).code}`);
      }),
  },
  {
    name: 'members are admitted at the ages the policy of the day allows',
    problems: (w) =>
      w.data.members
        .filter((m) => {
          const { minAge, maxAge } = policyOn(m.admittedOn);
          const age = ageOn(m.birthDate, m.admittedOn);
          return age < minAge || age > maxAge;
        })
        .map((m) => `member ${m.id}: admitted at ${ageOn(m.birthDate, m.admittedOn)}`),
  },
  {
    name: `members leave after their admission, by ${HORIZON}, with a reason`,
    problems: (w) =>
      w.data.members
        .filter((m) => m.leftOn !== null && (m.leftOn <= m.admittedOn || m.leftOn > HORIZON || m.leftReason === null))
        .map((m) => `member ${m.id}: left on ${m.leftOn}`),
  },
  {
    name: 'no candidate is admitted twice',
    problems: (w) =>
      duplicates(w.data.members.flatMap((m) => (m.candidateId === null ? [] : [`candidate ${m.candidateId}`]))),
  },
];

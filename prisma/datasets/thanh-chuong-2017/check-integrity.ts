// Row integrity, for check.ts: ids 1..n, foreign keys, dates, placements and members' histories.
import type { Dataset, PlacementRow } from '../types.ts';
import { age, expect, failures, isDate, type Tree } from './check-tools.ts';

export function checkIntegrity(data: Dataset, tree: Tree, out: Record<string, unknown>): void {
  // Ids, foreign keys, dates.
  const tables = Object.entries(data).filter((e): e is [string, { id: number }[]] => Array.isArray(e[1]));
  out.rows = Object.fromEntries(tables.map(([k, v]) => [k, v.length]));
  for (const [name, rows] of tables) {
    expect(
      rows.every((r, i) => r.id === i + 1),
      `${name}: ids not 1..n`,
    );
    for (const r of rows) {
      for (const [k, v] of Object.entries(r)) {
        if (typeof v === 'string' && /(On|Date|Since|period|^on$)/.test(k))
          expect(isDate(v), `${name} ${r.id}: ${k}=${v}`);
      }
    }
  }
  const ids = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));
  const [orgs, members, cands, leaders, progs] = [
    data.organisations,
    data.members,
    data.candidates,
    data.leaders,
    data.programmes,
  ].map(ids);
  const fk = (set: Set<number> | undefined, v: number | null, what: string) =>
    expect(v === null || !!set?.has(v), `dangling ${what} ${v}`);
  for (const l of data.parentLinks) fk(orgs, l.organisationId, 'link.org'), fk(orgs, l.parentId, 'link.parent');
  for (const m of data.members)
    fk(orgs, m.admittedInId, 'member.admittedIn'), fk(cands, m.candidateId, 'member.candidate');
  for (const p of data.placements) fk(members, p.memberId, 'placement.member'), fk(orgs, p.cellId, 'placement.cell');
  for (const c of data.candidates) fk(orgs, c.cellId, 'candidate.cell');
  for (const e of data.candidateEvents) fk(cands, e.candidateId, 'event.candidate');
  for (const i of data.introductions)
    fk(cands, i.candidateId, 'intro.candidate'), fk(members, i.memberId, 'intro.member');
  for (const q of data.quotas) fk(orgs, q.organisationId, 'quota.org'), fk(progs, q.programmeId, 'quota.programme');
  for (const a of data.assignments)
    fk(leaders, a.leaderId, 'assignment.leader'), fk(orgs, a.organisationId, 'assignment.org');
  for (const v of data.visits) fk(leaders, v.leaderId, 'visit.leader'), fk(orgs, v.cellId, 'visit.cell');
  expect(
    new Set(data.organisations.map((o) => o.code)).size === data.organisations.length,
    'duplicate organisation codes',
  );
  expect(
    new Set(data.members.map((m) => m.candidateId).filter((c) => c !== null)).size ===
      data.members.filter((m) => m.candidateId !== null).length,
    'candidate admitted twice',
  );

  // Placements.
  const before = failures.length;
  const placements = new Map<number, PlacementRow[]>();
  for (const p of data.placements) placements.set(p.memberId, [...(placements.get(p.memberId) ?? []), p]);
  let transfers = 0;
  for (const m of data.members) {
    const ps = [...(placements.get(m.id) ?? [])].sort((a, b) => a.startOn.localeCompare(b.startOn));
    const first = ps[0];
    expect(
      !!first && first.cellId === m.admittedInId && first.startOn === m.admittedOn,
      `member ${m.id}: first placement`,
    );
    ps.forEach((p, i) => {
      const next = ps[i + 1];
      if (next) expect(p.endOn === next.startOn, `member ${m.id}: placements overlap or leave a gap`);
      const cell = tree.org(p.cellId);
      expect(
        cell.kind.endsWith('CELL') && cell.establishedOn <= p.startOn,
        `member ${m.id}: placement in ${cell.code}`,
      );
    });
    if (ps.length > 1) transfers++;
    const a = age(m.birthDate, m.admittedOn);
    expect(a >= 18 && a <= 60, `member ${m.id}: admitted at ${a}`);
    expect(
      m.leftOn === null ||
        (m.leftOn > m.admittedOn &&
          m.leftOn <= '2017-12-31' &&
          m.leftReason !== null &&
          ps[ps.length - 1]?.endOn === m.leftOn),
      `member ${m.id}: leaving`,
    );
    expect(m.officialOn === null || m.officialOn > m.admittedOn, `member ${m.id}: official`);
  }
  out.placements = { members: data.members.length, transfers, violations: failures.length - before };
}

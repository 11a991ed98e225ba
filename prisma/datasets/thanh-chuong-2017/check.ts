// Checks the dataset from its rows alone: `npx tsx prisma/datasets/thanh-chuong-2017/check.ts`.
import type { Dataset, MemberRow, PlacementRow } from '../types.ts';
import { checkCandidates } from './check-candidates.ts';
import { checkIntegrity } from './check-integrity.ts';
import { age, covers, expect, failures, shiftYears, Tree, within } from './check-tools.ts';
import { thanhChuong2017 } from './index.ts';

const t0 = performance.now();
const data: Dataset = thanhChuong2017();
const elapsed = performance.now() - t0;
expect(JSON.stringify(data) === JSON.stringify(thanhChuong2017()), 'not deterministic');
const out: Record<string, unknown> = { generationMs: Math.round(elapsed) };
const tree = new Tree(data);
checkIntegrity(data, tree, out);

// The tree on 2017-01-01: 82 grassroots organisations.
const D = '2017-01-01';
const byCode = (code: string) => data.organisations.find((o) => o.code === code)?.id ?? 0;
const district = byCode('thanh-chuong');
const grassroots = tree.children(district, D).map((id) => tree.org(id));
const kinds: Record<string, number> = {};
for (const g of grassroots) kinds[`${g.kind}/${g.sector}`] = (kinds[`${g.kind}/${g.sector}`] ?? 0) + 1;
out.grassroots = { total: grassroots.length, ...kinds };
expect(
  grassroots.length === 82 &&
    kinds['GRASSROOTS_COMMITTEE/COMMUNE'] === 40 &&
    kinds['GRASSROOTS_COMMITTEE/AGENCY'] === 18,
  '82 = 40 + 18 + 24',
);
expect(grassroots.filter((g) => g.kind === 'GRASSROOTS_CELL').length === 24, '24 grassroots cells');
const communes = grassroots.filter((g) => g.sector === 'COMMUNE');
const under = (gs: typeof grassroots) => gs.map((g) => tree.children(g.id, D).length);
out.subordinateCells = {
  underCommunes: under(communes).reduce((a, b) => a + b, 0),
  hamletCells: data.organisations.filter((o) => /-(xom|khoi|ban)-\d+$/.test(o.code)).length,
  perAgencyCommittee: under(grassroots.filter((g) => g.kind === 'GRASSROOTS_COMMITTEE' && g.sector === 'AGENCY')).join(
    ',',
  ),
};
const y2025 = {
  districtActive: tree.active(district, '2025-07-01'),
  provinceChildren: tree.children(byCode('nghe-an'), '2025-07-01').length,
  before: tree.children(byCode('nghe-an'), '2025-06-30').length,
};
out.y2025 = y2025;
expect(y2025.provinceChildren === 82 && !y2025.districtActive, '2025: 82 under the province');

// Admissions.
const admittedIn = (from: string, to: string) =>
  data.members.filter(
    (m) => m.admittedOn >= from && m.admittedOn <= to && within(tree, m.admittedInId, district, m.admittedOn),
  );
const window = admittedIn('2017-01-01', '2017-07-31');
out.admissions20170101to0731 = window.length;
expect(window.length === 252, '252 admissions');
const count = (rows: MemberRow[], key: (m: MemberRow) => string) =>
  rows.reduce<Record<string, number>>((acc, m) => ((acc[key(m)] = (acc[key(m)] ?? 0) + 1), acc), {});
out.admissions2017ByMonth = count(admittedIn('2017-01-01', '2017-12-31'), (m) => m.admittedOn.slice(5, 7));
out.admissionsByYear = count(admittedIn('1960-01-01', '2017-12-31'), (m) => m.admittedOn.slice(0, 4));

// Risk on 2017-01-01, recovery by 2017-07-31.
const memberById = new Map(data.members.map((m) => [m.id, m]));
const placementsByCell = new Map<number, PlacementRow[]>();
for (const p of data.placements) placementsByCell.set(p.cellId, [...(placementsByCell.get(p.cellId) ?? []), p]);
const present = (cellId: number, d: string) =>
  (placementsByCell.get(cellId) ?? [])
    .filter((p) => covers(p.startOn, p.endOn, d))
    .map((p) => memberById.get(p.memberId))
    .filter((m): m is MemberRow => !!m && m.admittedOn <= d && (m.leftOn === null || m.leftOn > d));
const cells = data.organisations.filter(
  (o) => o.kind.endsWith('CELL') && tree.active(o.id, D) && within(tree, o.id, district, D),
);
const sizes = cells.map((c) => present(c.id, D).length);
const risky = cells.flatMap((c) => {
  const now = present(c.id, D);
  const elderly = now.filter((m) => age(m.birthDate, D) >= 60).length;
  const last = data.members
    .filter((m) => m.admittedInId === c.id && m.admittedOn <= D)
    .reduce<string | null>((a, m) => (a === null || m.admittedOn > a ? m.admittedOn : a), null);
  const since = last ?? c.establishedOn;
  const atRisk = now.length < 5 && elderly >= 3 && shiftYears(D, -5) > since;
  const commune = tree.org(tree.grassrootsOf(c.id, D, district) ?? 0).code;
  const recovered = window.filter((m) => m.admittedInId === c.id).length;
  return atRisk
    ? [
        {
          cell: c.code,
          kind: c.kind,
          commune,
          members: now.length,
          elderly,
          lastAdmission: last,
          years: age(since, D),
          recovered,
        },
      ]
    : [];
});
out.atRisk = risky;
out.atRiskCommunes = new Set(risky.map((r) => r.commune)).size;
out.recoveredAdmissions = risky.map((r) => r.recovered).sort((a, b) => b - a);
expect(
  risky.length === 6 && out.atRiskCommunes === 4 && risky.every((r) => r.kind === 'SUBORDINATE_CELL'),
  '6 at-risk hamlet cells in 4 communes',
);
expect(
  risky.every((r) => r.members >= 3 && r.members <= 4 && r.years >= 6 && r.years <= 12),
  'at-risk figures',
);
expect(JSON.stringify(out.recoveredAdmissions) === '[2,1,1,1,1,1]', 'recovered [2,1,1,1,1,1]');
out.cellSizes = {
  cells: cells.length,
  min: Math.min(...sizes),
  from10to60: sizes.filter((s) => s >= 10 && s <= 60).length,
  under10: sizes.filter((s) => s < 10).length,
  over60: sizes.filter((s) => s > 60).length,
};
out.membersOn20170101 = sizes.reduce((a, b) => a + b, 0);

// Candidates, quotas, supervision.
const beforeCandidates = failures.length;
out.candidates = { ...checkCandidates(data), violations: failures.length - beforeCandidates };
const target = (orgId: number, from: string) =>
  data.quotas
    .filter((q) => q.organisationId === orgId && q.periodFrom === from && q.programmeId === null)
    .reduce((a, q) => a + q.target, 0);
const grassrootsSum = grassroots.reduce((a, g) => a + target(g.id, '2017-01-01'), 0);
const splitsDiffer = communes.filter(
  (g) => tree.children(g.id, D).reduce((a, c) => a + target(c, '2017-01-01'), 0) !== target(g.id, '2017-01-01'),
).length;
out.quotas2017 = {
  district: target(district, '2017-01-01'),
  grassrootsSum,
  communesWhoseCellSplitDiffers: splitsDiffer,
  programmeQuotas: data.quotas
    .filter((q) => q.programmeId !== null)
    .map((q) => `${tree.org(q.organisationId).code}:${q.target}`),
};
expect(grassrootsSum !== target(district, '2017-01-01'), 'grassroots quotas should not sum exactly to the district');
expect(
  grassroots.every((g) => target(g.id, '2017-01-01') > 0),
  'a grassroots organisation without a 2017 quota',
);
expect(data.quotas.filter((q) => q.programmeId !== null).length === 6, 'one programme quota per at-risk cell');
const assigned = (leaderId: number, d: string) =>
  data.assignments.filter((a) => a.leaderId === leaderId && covers(a.startOn, a.endOn, d)).map((a) => a.organisationId);
for (const v of data.visits)
  expect(
    assigned(v.leaderId, v.visitedOn).includes(tree.grassrootsOf(v.cellId, v.visitedOn, district) ?? -1),
    `visit ${v.id} outside the zone`,
  );
const riskIds = new Set(risky.map((r) => byCode(r.cell)));
out.visits = {
  total: data.visits.length,
  perLeader: data.leaders.map((l) => data.visits.filter((v) => v.leaderId === l.id).length).join(','),
  toAtRiskCells: data.visits.filter((v) => riskIds.has(v.cellId)).length,
};

process.stdout.write(`${JSON.stringify(out, null, 1).replace(/\n\s+(?=[\]}\d"])/g, ' ')}\n`);
if (failures.length) {
  process.stderr.write(`${failures.length} failures:\n${[...new Set(failures)].slice(0, 40).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('all checks hold\n');

// The organisation tree of the synthetic nation, held in memory (a few hundred thousand
// organisations): provinces → district committees (and each province's committee of provincial
// agencies and enterprises) → commune, agency, enterprise and armed-forces committees and grassroots
// cells → subordinate cells; then its reforms in date order: a few hamlet cells merged in 2018–2019,
// a few communes moved between districts, about 5% of communes merged into a neighbour on
// 2020-01-01, a few more hamlet cells merged in early 2025, and on 2025-07-01 the districts
// abolished, the communes merged into new communes directly under the provinces, the other
// grassroots organisations moved under their province, and the provinces merged (63 → 34).
import { apportion, at, Rng } from '@ketnap/prisma/datasets/thanh-chuong-2017/random.ts';
import type { OrganisationKind, Sector } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { type Day, day, fromYmd } from './days.ts';
import { type Counts, countsFor } from './scale.ts';
import { AdmissionTrend } from './trend.ts';

export const SEED = 20250701;
/** The district level abolished, communes and provinces merged. */
export const REFORM = day('2025-07-01');
/** The dataset tells the story up to this day. */
export const HORIZON = day('2026-06-30');
export const FIRST_ADMISSION = day('1960-01-01');
const EARLY_COMMUNE_MERGE = day('2020-01-01');

export interface Link {
  org: Org;
  parent: Org;
  start: Day;
  end: Day | null;
}

export interface Org {
  id: number;
  code: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector | null;
  established: Day;
  dissolved: Day | null;
  mergedInto: Org | null;
  /** Its parent links, in date order. */
  links: Link[];
  /** The province group (provinces merged together in 2025) it belongs to. */
  group: number;
}

export type CellType = 'hamlet' | 'unit' | 'agency' | 'armed' | 'grassroots';

export interface Cell {
  org: Org;
  type: CellType;
  province: Province;
  /** Relative size: how many members it gathers over its life, before scaling to --members. */
  weight: number;
  /** Member rows admitted by this cell. */
  members: number;
}

export interface Province {
  index: number;
  org: Org;
  group: number;
  cells: Cell[];
}

export interface Group {
  index: number;
  survivor: Org;
  provinces: Province[];
  /** Every organisation of the group's provinces, the new communes included. */
  orgs: Org[];
}

export interface Nation {
  counts: Counts;
  orgs: Org[];
  provinces: Province[];
  groups: Group[];
  cells: Cell[];
  /** Grassroots committees and grassroots cells, of both eras. */
  grassroots: Org[];
  trend: AdmissionTrend;
}

export const isCell = (org: Org) => org.kind === 'GRASSROOTS_CELL' || org.kind === 'SUBORDINATE_CELL';
export const aliveOn = (org: Org, d: Day) => org.established <= d && (org.dissolved === null || org.dissolved > d);

export function parentOn(org: Org, d: Day): Org | null {
  for (const link of org.links) if (link.start <= d && (link.end === null || link.end > d)) return link.parent;
  return null;
}

/** The grassroots organisation a cell belongs to on d: itself for a grassroots cell. */
export function grassrootsOf(cell: Org, d: Day): Org | null {
  return cell.kind === 'GRASSROOTS_CELL' ? cell : parentOn(cell, d);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const widthFor = (count: number) => Math.max(2, String(count).length);

function randomDay(rng: Rng, fromYear: number, toYear: number): Day {
  return rng.int(fromYmd(fromYear, 1, 1), fromYmd(toYear, 12, 31));
}

/** Splits total into parts proportional to weights, each at least `min` (total ≥ min × parts). */
function split(total: number, weights: number[], min = 1): number[] {
  const base = min * weights.length;
  return apportion(Math.max(0, total - base), weights).map((n) => n + min);
}

type CommitteeType = 'commune' | 'agency' | 'enterprise' | 'armed';
interface CommitteePlan {
  type: CommitteeType;
  /** One of the communes merged into a neighbour on 2020-01-01. */
  extra: boolean;
  weight: number;
  cells: number;
}
interface UpperPlan {
  khoi: boolean;
  communes: CommitteePlan[];
  committees: CommitteePlan[];
  grassrootsCells: Sector[];
}

/** Merge groups: some provinces alone, the others in groups of 2 or 3 (2025: 11 alone, 23 merged). */
function mergeGroups(rng: Rng, before: number, after: number): number[][] {
  let alone = Math.round((after * 11) / 34);
  while (alone > 0 && before - alone > 3 * (after - alone)) alone--;
  while (alone < after && before - alone < 2 * (after - alone)) alone++;
  const sizes: number[] = Array.from({ length: after }, (_, i) => (i < alone ? 1 : 2));
  let left = before - sizes.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const open = sizes.flatMap((s, i) => (i >= alone && s < 3 ? [i] : []));
    const j = open.length ? rng.pick(open) : rng.int(0, after - 1);
    sizes[j] = at(sizes, j) + 1;
    left--;
  }
  const order = rng.shuffle(Array.from({ length: before }, (_, i) => i));
  let k = 0;
  const groups = rng.shuffle(sizes).map((s) => order.slice(k, (k += s)).sort((a, b) => a - b));
  return groups.sort((a, b) => at(a, 0) - at(b, 0));
}

export function buildNation(members: number): Nation {
  const counts = countsFor(members);
  const rng = new Rng(SEED);
  const P = counts.provinces;
  const provinceWeights = Array.from({ length: P }, () => 0.4 + rng.next() * 1.2 + (rng.chance(0.08) ? 1.5 : 0));
  const groupsOf = mergeGroups(rng, P, counts.provincesAfter);
  const groupIndex = new Map<number, number>();
  groupsOf.forEach((g, i) => {
    for (const p of g) groupIndex.set(p, i);
  });

  // Plan the counts at every level first.
  const districts = split(counts.districts, provinceWeights);
  const communes = split(counts.communes, provinceWeights).map((n, p) => Math.max(n, at(districts, p)));
  const agencies = apportion(counts.agencyCommittees, provinceWeights);
  const gcells = apportion(counts.grassrootsCells, provinceWeights);
  const plans: UpperPlan[][] = [];
  for (let p = 0; p < P; p++) {
    const uppers: UpperPlan[] = Array.from({ length: at(districts, p) + 1 }, (_, i) => ({
      khoi: i === at(districts, p),
      communes: [],
      committees: [],
      grassrootsCells: [],
    }));
    const dw = uppers.map((u) => (u.khoi ? 0 : 0.6 + rng.next() * 0.8));
    split(at(communes, p), dw.slice(0, -1)).forEach((n, d) => {
      const extra = Math.floor(n * 0.05 + rng.next());
      for (let i = 0; i < n + extra; i++)
        at(uppers, d).communes.push({
          type: 'commune',
          extra: i >= n,
          weight: 13 * (0.6 + rng.next() * 0.8),
          cells: 0,
        });
    });
    apportion(
      at(agencies, p),
      uppers.map((u, i) => (u.khoi ? 4 : at(dw, i))),
    ).forEach((n, d) => {
      const u = at(uppers, d);
      for (let i = 0; i < n; i++) {
        const type: CommitteeType =
          !u.khoi && i < 2 && n >= 3 ? 'armed' : rng.chance(u.khoi ? 0.45 : 0.3) ? 'enterprise' : 'agency';
        const size = type === 'armed' ? 10 : type === 'agency' ? 8 : 6;
        u.committees.push({ type, extra: false, weight: size * (0.5 + rng.next()), cells: 0 });
      }
    });
    apportion(
      at(gcells, p),
      uppers.map((u, i) => (u.khoi ? 6 : at(dw, i))),
    ).forEach((n, d) => {
      for (let i = 0; i < n; i++) at(uppers, d).grassrootsCells.push(rng.chance(0.35) ? 'ENTERPRISE' : 'AGENCY');
    });
    plans.push(uppers);
  }
  const committees = plans.flat(2).flatMap((u) => [...u.communes, ...u.committees]);
  // About 5% of hamlet cells are merged away before 2025-07-01: make that many more, so that the
  // count on 2025-06-30 is the national one.
  split(
    Math.max(Math.round(counts.subordinateCells * 1.027), committees.length),
    committees.map((c) => c.weight),
  ).forEach((n, i) => {
    at(committees, i).cells = n;
  });

  // Then make the organisations, province by province, parents before children.
  const orgs: Org[] = [];
  const groups: Group[] = groupsOf.map((_, index) => ({
    index,
    survivor: null as unknown as Org,
    provinces: [],
    orgs: [],
  }));
  const make = (
    code: string,
    name: string,
    kind: OrganisationKind,
    sector: Sector | null,
    established: Day,
    parent: Org | null,
    group: number,
  ): Org => {
    const org: Org = {
      id: orgs.length + 1,
      code,
      name,
      kind,
      sector,
      established,
      dissolved: null,
      mergedInto: null,
      links: [],
      group,
    };
    if (parent) org.links.push({ org, parent, start: established, end: null });
    orgs.push(org);
    at(groups, group).orgs.push(org);
    return org;
  };
  const provinces: Province[] = [];
  const cells: Cell[] = [];
  const grassroots: Org[] = [];
  const communeOrgs: { org: Org; extra: boolean; district: Org }[] = [];
  const districtOrgs: Org[][] = [];
  const trend = new AdmissionTrend(FIRST_ADMISSION, HORIZON);
  const cell = (province: Province, org: Org, type: CellType, weight: number) => {
    const c: Cell = { org, type, province, weight, members: 0 };
    cells.push(c);
    province.cells.push(c);
    return c;
  };
  const pw = widthFor(P);
  for (let p = 0; p < P; p++) {
    const g = groupIndex.get(p) ?? 0;
    const tinh = `Tỉnh ${pad(p + 1, pw)}`;
    const code = `tinh-${pad(p + 1, pw)}`;
    const provinceOrg = make(
      code,
      `Đảng bộ ${tinh}`,
      'PROVINCIAL',
      null,
      fromYmd(rng.int(1930, 1949), rng.int(1, 12), rng.int(1, 28)),
      null,
      g,
    );
    const province: Province = { index: p, org: provinceOrg, group: g, cells: [] };
    provinces.push(province);
    at(groups, g).provinces.push(province);
    const uppers = at(plans, p);
    const dWidth = widthFor(uppers.length - 1);
    const myDistricts: Org[] = [];
    uppers.forEach((u, d) => {
      const upper = u.khoi
        ? make(
            `${code}-khoi`,
            `Đảng bộ Khối cơ quan và doanh nghiệp, ${tinh}`,
            'DISTRICT',
            null,
            randomDay(rng, 1988, 1998),
            provinceOrg,
            g,
          )
        : make(
            `${code}-huyen-${pad(d + 1, dWidth)}`,
            `Đảng bộ Huyện ${pad(d + 1, dWidth)}, ${tinh}`,
            'DISTRICT',
            null,
            Math.min(provinceOrg.established + rng.int(30, 15 * 365), fromYmd(1959, 12, 31)),
            provinceOrg,
            g,
          );
      if (!u.khoi) myDistricts.push(upper);
      const where = upper.name.replace('Đảng bộ ', '');
      const cw = widthFor(u.communes.length);
      u.communes.forEach((plan, i) => {
        const label = `Xã ${pad(i + 1, cw)}`;
        const org = make(
          `${upper.code}-xa-${pad(i + 1, cw)}`,
          `Đảng bộ ${label}, ${where}`,
          'GRASSROOTS_COMMITTEE',
          'COMMUNE',
          upper.established + rng.int(30, 8 * 365),
          upper,
          g,
        );
        grassroots.push(org);
        communeOrgs.push({ org, extra: plan.extra, district: upper });
        const units = (plan.cells >= 4 ? 1 : 0) + (plan.cells >= 9 ? 1 : 0);
        const hw = widthFor(plan.cells - units);
        for (let k = 0; k < plan.cells; k++) {
          const hamlet = k < plan.cells - units;
          const short = hamlet ? `Thôn ${pad(k + 1, hw)}` : k === plan.cells - units ? 'Trường học' : 'Trạm Y tế';
          const slug = hamlet ? `thon-${pad(k + 1, hw)}` : k === plan.cells - units ? 'truong-hoc' : 'tram-y-te';
          const on = hamlet
            ? org.established + rng.int(60, 6 * 365)
            : Math.max(org.established + 60, randomDay(rng, 1976, 2000));
          const c = make(`${org.code}-${slug}`, `Chi bộ ${short}`, 'SUBORDINATE_CELL', null, on, org, g);
          cell(province, c, hamlet ? 'hamlet' : 'unit', hamlet ? rng.int(10, 35) : rng.int(6, 18));
        }
      });
      const kinds: Record<CommitteeType, number> = { commune: 0, agency: 0, enterprise: 0, armed: 0 };
      for (const plan of u.committees) {
        const n = ++kinds[plan.type];
        const [slug, label, sector, from, to]: [string, string, Sector, number, number] =
          plan.type === 'armed'
            ? ['vu-trang', 'Lực lượng vũ trang', 'ARMED_FORCES', 1960, 1980]
            : plan.type === 'enterprise'
              ? ['doanh-nghiep', 'Doanh nghiệp', 'ENTERPRISE', 1990, 2016]
              : ['co-quan', 'Cơ quan', 'AGENCY', 1960, 2010];
        const org = make(
          `${upper.code}-${slug}-${pad(n)}`,
          `Đảng bộ ${label} ${pad(n)}, ${where}`,
          'GRASSROOTS_COMMITTEE',
          sector,
          Math.max(upper.established + 30, randomDay(rng, from, to)),
          upper,
          g,
        );
        grassroots.push(org);
        const sw = widthFor(plan.cells);
        for (let k = 0; k < plan.cells; k++) {
          const on = k === 0 ? org.established : Math.min(org.established + rng.int(0, 5 * 365), fromYmd(2020, 12, 31));
          const c = make(
            `${org.code}-chi-bo-${pad(k + 1, sw)}`,
            `Chi bộ ${pad(k + 1, sw)}`,
            'SUBORDINATE_CELL',
            null,
            Math.max(on, org.established),
            org,
            g,
          );
          cell(
            province,
            c,
            plan.type === 'armed' ? 'armed' : 'agency',
            plan.type === 'armed' ? rng.int(15, 40) : rng.int(5, 25),
          );
        }
      }
      const gw = widthFor(u.grassrootsCells.length);
      u.grassrootsCells.forEach((sector, i) => {
        const label = `${sector === 'ENTERPRISE' ? 'Doanh nghiệp' : 'Cơ quan'} ${pad(i + 1, gw)}`;
        const org = make(
          `${upper.code}-chi-bo-${pad(i + 1, gw)}`,
          `Chi bộ ${label}, ${where}`,
          'GRASSROOTS_CELL',
          sector,
          Math.max(
            upper.established + 30,
            sector === 'ENTERPRISE' ? randomDay(rng, 1995, 2020) : randomDay(rng, 1965, 2015),
          ),
          upper,
          g,
        );
        grassroots.push(org);
        cell(province, org, 'grassroots', sector === 'ENTERPRISE' ? rng.int(5, 30) : rng.int(5, 15));
      });
    });
    districtOrgs.push(myDistricts);
  }
  for (const group of groups) group.survivor = at(group.provinces, 0).org;

  reforms(rng, {
    orgs,
    groups,
    cells,
    grassroots,
    communeOrgs,
    districtOrgs,
    make,
    communesAfter: counts.communesAfter,
  });

  // Members: each cell's share of --members, by its size and the admissions its life spans.
  const full = trend.mass(FIRST_ADMISSION, HORIZON);
  const weights = cells.map((c) => {
    const from = Math.max(c.org.established + 30, FIRST_ADMISSION);
    const to = Math.min((c.org.dissolved ?? HORIZON + 1) - 1, HORIZON);
    return to < from ? 0 : c.weight * Math.max(0.15, trend.mass(from, to) / full);
  });
  apportion(members, weights).forEach((n, i) => {
    at(cells, i).members = n;
  });
  return { counts, orgs, provinces, groups, cells, grassroots, trend };
}

function moveTo(org: Org, parent: Org, on: Day): void {
  const open = org.links[org.links.length - 1];
  if (!open || open.end !== null || open.start >= on) throw new Error(`cannot move ${org.code} on ${on}`);
  open.end = on;
  org.links.push({ org, parent, start: on, end: null });
}

function dissolve(org: Org, on: Day, into: Org | null): void {
  if (org.dissolved !== null || org.established >= on) throw new Error(`cannot dissolve ${org.code} on ${on}`);
  org.dissolved = on;
  org.mergedInto = into;
  const open = org.links[org.links.length - 1];
  if (open && open.end === null) open.end = on;
}

/** The cells whose open parent link names each committee. */
function currentChildren(cells: Cell[]): Map<Org, Cell[]> {
  const out = new Map<Org, Cell[]>();
  for (const c of cells) {
    const open = c.org.links[c.org.links.length - 1];
    if (c.org.dissolved !== null || !open || open.end !== null) continue;
    const list = out.get(open.parent);
    if (list) list.push(c);
    else out.set(open.parent, [c]);
  }
  return out;
}

/** Hamlet cells merged into a sibling (members follow on the day), drawn with probability `p`. */
function mergeHamlets(rng: Rng, cells: Cell[], p: number, from: Day, to: Day): void {
  const chosen = new Set<Cell>();
  for (const [, siblings] of currentChildren(cells)) {
    const hamlets = siblings.filter((c) => c.type === 'hamlet');
    if (hamlets.length < 2) continue;
    for (const c of hamlets) if (rng.chance(p)) chosen.add(c);
    for (const c of hamlets) {
      if (!chosen.has(c)) continue;
      const on = rng.int(from, to);
      const targets = hamlets.filter((t) => !chosen.has(t) && t.org.established < on);
      if (targets.length === 0 || c.org.established >= on) {
        chosen.delete(c);
        continue;
      }
      dissolve(c.org, on, rng.pick(targets).org);
    }
  }
}

function reforms(
  rng: Rng,
  t: {
    orgs: Org[];
    groups: Group[];
    cells: Cell[];
    grassroots: Org[];
    communeOrgs: { org: Org; extra: boolean; district: Org }[];
    districtOrgs: Org[][];
    communesAfter: number;
    make: (
      code: string,
      name: string,
      kind: OrganisationKind,
      sector: Sector | null,
      established: Day,
      parent: Org | null,
      group: number,
    ) => Org;
  },
): void {
  // 2018–2019: a few hamlet cells merged into a neighbour.
  mergeHamlets(rng, t.cells, 0.03, day('2018-06-01'), day('2019-10-31'));

  // 2005–2018: a few communes moved to another district of their province.
  const moved = new Set<Org>();
  for (const c of t.communeOrgs) {
    if (c.extra || !rng.chance(0.005)) continue;
    const districts = (t.districtOrgs.find((ds) => ds.includes(c.district)) ?? []).filter((d) => d !== c.district);
    if (districts.length === 0) continue;
    moveTo(c.org, rng.pick(districts), rng.int(day('2005-01-01'), day('2018-12-31')));
    moved.add(c.org);
  }

  // 2020-01-01: the extra communes merged into a neighbour of their district; their cells move there.
  let children = currentChildren(t.cells);
  for (const c of t.communeOrgs) {
    if (!c.extra) continue;
    const targets = t.communeOrgs.filter(
      (x) => x.district === c.district && !x.extra && !moved.has(x.org) && x.org.established < EARLY_COMMUNE_MERGE,
    );
    if (targets.length === 0) continue;
    const target = rng.pick(targets).org;
    for (const cell of children.get(c.org) ?? []) moveTo(cell.org, target, EARLY_COMMUNE_MERGE);
    dissolve(c.org, EARLY_COMMUNE_MERGE, target);
  }

  // Early 2025: a few more hamlet cells merged.
  mergeHamlets(rng, t.cells, 0.02, day('2025-02-01'), day('2025-06-15'));

  // 2025-07-01: communes merged into new communes under the provinces, districts abolished.
  children = currentChildren(t.cells);
  const communesAfter = countsAfter(t);
  for (const group of t.groups) {
    const old = t.communeOrgs.filter((c) => c.org.group === group.index && c.org.dissolved === null).map((c) => c.org);
    const n = Math.min(old.length, at(communesAfter, group.index));
    if (n === 0) continue;
    const sizes = split(
      old.length,
      Array.from({ length: n }, () => 0.6 + rng.next() * 0.8),
    );
    const w = Math.max(3, String(n).length);
    const tinh = group.survivor.name.replace('Đảng bộ ', '');
    let k = 0;
    sizes.forEach((size, i) => {
      const commune = t.make(
        `${group.survivor.code}-xa-${pad(i + 1, w)}`,
        `Đảng bộ Xã ${pad(i + 1, w)} (từ 2025), ${tinh}`,
        'GRASSROOTS_COMMITTEE',
        'COMMUNE',
        REFORM,
        group.survivor,
        group.index,
      );
      t.grassroots.push(commune);
      for (const o of old.slice(k, (k += size))) {
        for (const cell of children.get(o) ?? []) moveTo(cell.org, commune, REFORM);
        dissolve(o, REFORM, commune);
      }
    });
  }
  for (const g of t.grassroots) {
    if (g.sector === 'COMMUNE' || g.dissolved !== null) continue;
    moveTo(g, at(t.groups, g.group).survivor, REFORM);
  }
  for (const org of t.orgs) if (org.kind === 'DISTRICT') dissolve(org, REFORM, null);
  for (const group of t.groups)
    for (const p of group.provinces) if (p.org !== group.survivor) dissolve(p.org, REFORM, group.survivor);
}

/** New communes per group: in proportion to the group's communes, at least one each. */
function countsAfter(t: { groups: Group[]; communeOrgs: { org: Org }[]; communesAfter: number }): number[] {
  const old = t.groups.map(
    (g) => t.communeOrgs.filter((c) => c.org.group === g.index && c.org.dissolved === null).length,
  );
  return split(Math.max(t.communesAfter, t.groups.length), old).map((n, i) => Math.min(n, at(old, i)));
}

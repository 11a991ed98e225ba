// The organisation tree: province → district → 82 grassroots organisations → their cells,
// with the 2025 change (district abolished, grassroots organisations under the province).

import { addDays, calendarDate, laterOf } from '../../../server/src/rules/dates.ts';
import type { Sector } from '../../generated/sqlite/enums.ts';
import type { OrganisationRow } from '../types.ts';
import {
  type Cell,
  DISTRICT_CODE,
  DISTRICT_NAME,
  type Grassroots,
  nextId,
  PROVINCE_CODE,
  type Rows,
} from './context.ts';
import { agencyCommittees, communes, grassrootsCells, slug } from './names.ts';
import { apportion, type Rng } from './random.ts';

const REFORM = '2025-07-01';
/** The six cells at risk on 2017-01-01: 2 + 2 + 1 + 1 in four upland communes. */
const AT_RISK: Record<string, number> = { 'thanh-duc': 2, 'hanh-lam': 2, 'thanh-son': 1, 'thanh-thuy': 1 };

function randomDay(rng: Rng, fromYear: number, toYear: number): string {
  return rng.date(calendarDate(fromYear, 1, 1), calendarDate(toYear, 12, 31));
}

export function buildTree(rng: Rng, rows: Rows): Grassroots[] {
  const org = (
    code: string,
    name: string,
    kind: OrganisationRow['kind'],
    sector: Sector | null,
    on: string,
    parent: { id: number; until: string | null } | null,
  ): number => {
    const id = nextId(rows.organisations);
    rows.organisations.push({
      id,
      code,
      name,
      kind,
      sector,
      establishedOn: on,
      dissolvedOn: null,
      mergedIntoId: null,
    });
    if (parent !== null) {
      const link = { organisationId: id, parentId: parent.id, startOn: on, endOn: parent.until };
      rows.parentLinks.push({ id: nextId(rows.parentLinks), ...link });
    }
    return id;
  };
  const province = org(PROVINCE_CODE, 'Đảng bộ tỉnh Nghệ An', 'PROVINCIAL', null, '1930-04-20', null);
  // The district is abolished on 2025-07-01, and its own link to the province ends with it.
  const underProvince = { id: province, until: REFORM };
  const district = org(DISTRICT_CODE, `Đảng bộ huyện ${DISTRICT_NAME}`, 'DISTRICT', null, '1930-07-01', underProvince);
  const thanhChuong = rows.organisations.find((o) => o.id === district);
  if (thanhChuong) thanhChuong.dissolvedOn = REFORM;
  // Until then the grassroots organisations sit under the district; their cells stay under them.
  const underDistrict = { id: district, until: REFORM };

  const all: Grassroots[] = [];
  const grassroots = (g: Omit<Grassroots, 'id' | 'cells'>): Grassroots => {
    const id = org(g.code, g.name, g.kind, g.sector, g.established, underDistrict);
    const made: Grassroots = { ...g, id, cells: [] };
    all.push(made);
    return made;
  };
  const cell = (g: Grassroots, short: string, type: Cell['type'], on: string, size: number): void => {
    const kind = type === 'grassroots' ? 'GRASSROOTS_CELL' : 'SUBORDINATE_CELL';
    const code = type === 'grassroots' ? g.code : `${g.code}-${slug(short)}`;
    const name = type === 'grassroots' ? g.name : `Chi bộ ${short}`;
    const id = type === 'grassroots' ? g.id : org(code, name, kind, null, on, { id: g.id, until: null });
    const body = type === 'grassroots' ? g.name : `${name}, ${g.name}`;
    g.cells.push({ id, code, name, kind, grassroots: g, type, established: on, size, atRisk: false, body });
  };

  // 40 commune and town committees, about 364 hamlets between them.
  const hamletCounts = apportion(
    364,
    communes.map((_, i) => (i === 0 ? 1.7 : 0.7 + rng.next() * 0.6)),
  );
  const made = communes.map((c) => {
    const town = c.hamlet === 'Khối';
    const on = town ? '1987-05-01' : randomDay(rng, 1948, 1958);
    return grassroots({
      code: c.code,
      name: `Đảng bộ ${c.place}`,
      kind: 'GRASSROOTS_COMMITTEE',
      sector: 'COMMUNE',
      place: c.place,
      committeeBody: `Đảng ủy ${c.place}`,
      established: on,
    });
  });
  made.forEach((g, i) => {
    const c = communes[i];
    if (!c) return;
    const hamlets = hamletCounts[i] ?? 8;
    const withoutCell = new Set(rng.shuffle(Array.from({ length: hamlets }, (_, k) => k + 1)).slice(0, rng.int(0, 3)));
    const cellOn =
      c.hamlet === 'Khối'
        ? addDays(g.established, 30)
        : laterOf(addDays(g.established, 200), rng.date('1959-06-01', '1961-12-31'));
    for (let k = 1; k <= hamlets; k++) {
      if (withoutCell.has(k)) continue;
      const size = c.hamlet === 'Khối' ? rng.int(18, 45) : c.hamlet === 'bản' ? rng.int(8, 20) : rng.int(10, 28);
      cell(g, `${c.hamlet} ${k}`, 'hamlet', addDays(cellOn, rng.int(0, 60)), size);
      const made = g.cells.at(-1);
      if (made) made.hamlet = k;
    }
    g.hamlets = hamlets;
    cell(g, 'Trường học', 'unit', laterOf(addDays(g.established, 60), randomDay(rng, 1976, 1995)), rng.int(6, 18));
    if (rng.chance(0.4))
      cell(g, 'Trạm Y tế', 'unit', laterOf(addDays(g.established, 90), randomDay(rng, 1985, 2000)), rng.int(5, 12));
    const risky = AT_RISK[g.code] ?? 0;
    const hamletCells = g.cells.filter((x) => x.type === 'hamlet');
    for (const x of rng.shuffle(hamletCells).slice(0, risky)) x.atRisk = true;
  });

  // 18 agency committees.
  for (const a of agencyCommittees) {
    const armed = a.code === 'cong-an-huyen' || a.code === 'quan-su-huyen';
    const g = grassroots({
      code: a.code,
      name: `Đảng bộ ${a.unit}`,
      kind: 'GRASSROOTS_COMMITTEE',
      sector: 'AGENCY',
      place: a.unit,
      committeeBody: `Đảng ủy ${a.unit}`,
      established: randomDay(rng, armed ? 1960 : 1965, a.code.startsWith('truong-thpt') ? 2003 : 1995),
    });
    for (const short of a.cells)
      cell(g, short, 'agency', addDays(g.established, rng.int(0, 90)), armed ? rng.int(10, 30) : rng.int(6, 20));
  }

  // 24 grassroots cells.
  for (const u of grassrootsCells) {
    const g = grassroots({
      code: u.code,
      name: `Chi bộ ${u.unit}`,
      kind: 'GRASSROOTS_CELL',
      sector: u.enterprise ? 'ENTERPRISE' : 'AGENCY',
      place: u.unit,
      committeeBody: `Chi bộ ${u.unit}`,
      established: u.enterprise ? randomDay(rng, 1990, 2013) : randomDay(rng, 1976, 2002),
    });
    cell(g, u.unit, 'grassroots', g.established, u.enterprise ? rng.int(5, 24) : rng.int(5, 15));
  }

  // From 2025-07-01 the grassroots organisations sit directly under the province.
  for (const g of all) {
    rows.parentLinks.push({
      id: nextId(rows.parentLinks),
      organisationId: g.id,
      parentId: province,
      startOn: REFORM,
      endOn: null,
    });
  }
  return all;
}

// How big the synthetic nation is: the national figures at the default size (about Vietnam's, 2025),
// and every count scaled in proportion to the number of members asked for, never below one.

/** The default size and the national counts it comes with. */
export const NATION = {
  /** Member rows: everyone admitted since 1960, including those who have since left. */
  members: 5_600_000,
  provinces: 63,
  /** Provinces from 2025-07-01, after the mergers. */
  provincesAfter: 34,
  /** District committees (huyện, quận, thị xã, thành phố thuộc tỉnh), plus one committee of provincial agencies per province. */
  districts: 705,
  /** Commune and town committees on 2025-06-30 (about 5% more existed before the 2019–2020 mergers). */
  communes: 10_000,
  /** Communes from 2025-07-01, directly under the provinces. */
  communesAfter: 3_321,
  /** Agency, enterprise and armed-forces grassroots committees. */
  agencyCommittees: 12_000,
  /** Grassroots cells (chi bộ cơ sở), directly under a district or the province's agencies' committee. */
  grassrootsCells: 30_000,
  /** Subordinate cells (chi bộ trực thuộc) under the grassroots committees. */
  subordinateCells: 230_000,
} as const;

/** Says, for anyone who reads the data, that it is all synthetic. */
export const NOTICE =
  'Dữ liệu giả lập toàn bộ: tỉnh, huyện, xã, chi bộ chỉ mang số hiệu; mọi con người (đảng viên, quần chúng) ' +
  'và mọi số liệu đều là giả lập, chỉ có quy mô gần với cả nước (khoảng 5,6 triệu đảng viên; 63 tỉnh, thành phố ' +
  'hợp nhất còn 34 từ ngày 1/7/2025). — Entirely synthetic data: provinces, districts, communes and cells are ' +
  'numbered, every person (member, candidate) and every figure is synthetic; only the scale resembles the ' +
  "nation's (about 5.6 million members; 63 provinces merged into 34 on 2025-07-01).";

export type Counts = { [K in keyof typeof NATION]: number };

/** Every count in proportion to `members`, at least 1 (and at least one per parent where a parent needs one). */
export function countsFor(members: number): Counts {
  if (!Number.isInteger(members) || members < 1000)
    throw new RangeError(`--members: a whole number of at least 1000, got ${members}`);
  const f = members / NATION.members;
  const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * f));
  const provinces = scaled(NATION.provinces);
  const provincesAfter = Math.min(provinces, scaled(NATION.provincesAfter));
  const districts = scaled(NATION.districts, provinces);
  const communes = scaled(NATION.communes, districts);
  const communesAfter = Math.min(communes, scaled(NATION.communesAfter, provincesAfter));
  const agencyCommittees = scaled(NATION.agencyCommittees, 0);
  const grassrootsCells = scaled(NATION.grassrootsCells);
  const subordinateCells = scaled(NATION.subordinateCells, communes + agencyCommittees);
  return {
    members,
    provinces,
    provincesAfter,
    districts,
    communes,
    communesAfter,
    agencyCommittees,
    grassrootsCells,
    subordinateCells,
  };
}

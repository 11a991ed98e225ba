// Yearly quotas (chỉ tiêu) of the grassroots organisations from 2020: each organisation's target for
// each calendar year of its life (a commune dissolved on 2025-07-01 had one for January–June, the
// new communes one for July–December), near what it actually admitted, sometimes above, sometimes below.
import { Rng } from '@ketnap/prisma/datasets/thanh-chuong-2017/random.ts';
import { type Day, fromYmd, iso, yearOf } from './days.ts';
import { TALLY_FROM, type Tally } from './members.ts';
import { HORIZON, type Nation, SEED } from './tree.ts';

export function quotaRows(nation: Nation, tally: Tally, firstId: number): unknown[][] {
  const rng = new Rng(SEED + 5);
  const rows: unknown[][] = [];
  const lastYear = yearOf(HORIZON);
  let id = firstId;
  for (const g of nation.grassroots) {
    for (let y = TALLY_FROM; y <= lastYear; y++) {
      const from: Day = Math.max(fromYmd(y, 1, 1), g.established);
      const to: Day = Math.min(fromYmd(y, 12, 31), (g.dissolved ?? Number.POSITIVE_INFINITY) - 1);
      if (to < from) continue;
      const admitted = tally.get(g.id)?.[y - TALLY_FROM] ?? 0;
      // This year is under way: its target is for the whole period.
      const seen = Math.min(to, HORIZON) - from + 1;
      const expected = y === lastYear && seen > 0 ? (admitted * (to - from + 1)) / seen : admitted;
      const target = Math.max(1, Math.round(expected * (0.85 + rng.next() * 0.4)));
      rows.push([id++, g.id, null, iso(from), iso(to), target]);
    }
  }
  return rows;
}

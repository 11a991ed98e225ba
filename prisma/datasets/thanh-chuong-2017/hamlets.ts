// The district's hamlets (about 364 xóm, bản and khối; DESIGN.md, "The demo dataset"): each
// commune's hamlets numbered as its cells are, most served by their own cell; some served by a
// neighbour's cell (chi bộ ghép), the rest without a cell, and about half of those without a member
// living there (Đề án 01/ĐA-TU/2016). Members live in their hamlet cell's hamlet; those of other
// cells in a hamlet where members live. Runs after the members: its own seed changes nothing else.
import type { HamletKind } from '../../generated/sqlite/enums.ts';
import type { HamletCellRow, HamletCommuneRow, HamletRow, ResidenceRow } from '../types.ts';
import { type Cell, type Grassroots, nextId } from './context.ts';
import { communes, slug } from './names.ts';
import type { Rng } from './random.ts';
import type { MemberInfo, Registry } from './registry.ts';

const KIND: Record<string, HamletKind> = { xóm: 'XOM', bản: 'BAN', Khối: 'KHOI' };

export interface HamletRows {
  hamlets: HamletRow[];
  hamletCommunes: HamletCommuneRow[];
  hamletCells: HamletCellRow[];
  residences: ResidenceRow[];
}

/** One commune's hamlets as planned: the cell serving each (none: 0), and who may live there. */
interface Plan {
  id: number;
  cell: Cell | null;
  inhabited: boolean;
}

export function hamlets(rng: Rng, reg: Registry, grassroots: Grassroots[]): HamletRows {
  const out: HamletRows = { hamlets: [], hamletCommunes: [], hamletCells: [], residences: [] };
  const homeOf = new Map<number, number[]>(); // cell id → the hamlets its members live in
  const inhabited: number[] = [];
  for (const g of grassroots) {
    const word = communes.find((c) => c.code === g.code)?.hamlet;
    if (!word || !g.hamlets) continue;
    const own = new Map<number, Cell>();
    for (const c of g.cells) if (c.hamlet !== undefined) own.set(c.hamlet, c);
    const plans: Plan[] = [];
    for (let k = 1; k <= g.hamlets; k++) {
      const id = nextId(out.hamlets);
      const name = `${word[0]?.toUpperCase()}${word.slice(1)} ${k}`;
      out.hamlets.push({
        id,
        code: `${g.code}-${slug(`${word} ${k}`)}`,
        name,
        kind: KIND[word] ?? 'XOM',
        establishedOn: g.established,
        dissolvedOn: null,
        mergedIntoId: null,
      });
      const link = { hamletId: id, communeId: g.id, startOn: g.established, endOn: null };
      out.hamletCommunes.push({ id: nextId(out.hamletCommunes), ...link });
      // A hamlet without its own cell: a neighbour's (never an at-risk one) serves it, or none does.
      const neighbour = [own.get(k - 1), own.get(k + 1)].find((c) => c && !c.atRisk) ?? null;
      const cell = own.get(k) ?? (neighbour && rng.chance(0.3) ? neighbour : null);
      plans.push({ id, cell, inhabited: cell !== null || rng.chance(0.5) });
    }
    for (const plan of plans) {
      if (plan.cell) {
        const row = { hamletId: plan.id, cellId: plan.cell.id, startOn: plan.cell.established, endOn: null };
        out.hamletCells.push({ id: nextId(out.hamletCells), ...row });
      }
      if (plan.inhabited) inhabited.push(plan.id);
    }
    // A hamlet cell's members live in its hamlet; some in the other hamlet it serves, or in a
    // neighbouring hamlet that has no cell but has members (an at-risk cell's stay at home).
    const lonely = (j: number) => {
      const p = plans[j - 1];
      return p && p.cell === null && p.inhabited ? [p.id] : [];
    };
    for (const [k, cell] of own) {
      const home = plans[k - 1]?.id;
      if (home === undefined) continue;
      const joint = plans.filter((p) => p.cell === cell && p.id !== home).map((p) => p.id);
      homeOf.set(cell.id, cell.atRisk ? [home] : [home, ...joint, ...lonely(k - 1), ...lonely(k + 1)]);
    }
  }
  const founded = new Map(out.hamlets.map((h) => [h.id, h.establishedOn]));
  const open = (day: string) => inhabited.filter((id) => (founded.get(id) ?? day) <= day);
  for (const m of reg.members) residencesOf(rng, m, homeOf, open(m.admitted), out);
  return out;
}

/** Where a member lived over each placement, consecutive stays in one hamlet joined; `open`: the
 * inhabited hamlets that existed when they were admitted, for a member of an agency or a unit. */
function residencesOf(rng: Rng, m: MemberInfo, homeOf: Map<number, number[]>, open: number[], out: HamletRows) {
  const anywhere = rng.pick(open);
  let last: ResidenceRow | undefined;
  for (const stay of m.stays) {
    const homes = homeOf.get(stay.cellId);
    // Most members of a hamlet cell live in its own hamlet; one in five in another it looks after.
    const hamletId = homes ? (homes.length > 1 && rng.chance(0.2) ? rng.pick(homes.slice(1)) : homes[0]) : anywhere;
    if (hamletId === undefined) continue;
    if (last && last.hamletId === hamletId && last.endOn === stay.start) last.endOn = stay.end;
    else {
      last = { id: nextId(out.residences), memberId: m.id, hamletId, startOn: stay.start, endOn: stay.end };
      out.residences.push(last);
    }
  }
}

// Plain helpers for check.ts, independent of the generator's own date code.
import type { Dataset, OrganisationRow, ParentLinkRow } from '../types.ts';

export const failures: string[] = [];
export function expect(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

const ms = (s: string): number => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
export const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(ms(s)).toISOString().slice(0, 10) === s;
export const daysBetween = (a: string, b: string): number => Math.round((ms(b) - ms(a)) / 86400000);
export function shiftYears(s: string, n: number): string {
  return `${String(+s.slice(0, 4) + n).padStart(4, '0')}${s.slice(4)}`;
}
export function shiftMonths(s: string, n: number): string {
  const d = new Date(ms(s));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}
/** Full years since birth on `on`. */
export function age(birth: string, on: string): number {
  return +on.slice(0, 4) - +birth.slice(0, 4) - (on.slice(5) < birth.slice(5) ? 1 : 0);
}
/** Mon–Fri days d with a < d ≤ b. */
export function workingDays(a: string, b: string): number {
  let n = 0;
  for (let t = ms(a) + 86400000; t <= ms(b); t += 86400000) {
    const w = new Date(t).getUTCDay();
    if (w >= 1 && w <= 5) n++;
  }
  return n;
}
export const covers = (start: string, end: string | null, d: string): boolean =>
  start <= d && (end === null || end > d);

export class Tree {
  readonly byId = new Map<number, OrganisationRow>();
  private readonly up = new Map<number, ParentLinkRow[]>();
  private readonly down = new Map<number, ParentLinkRow[]>();
  constructor(data: Dataset) {
    for (const o of data.organisations) this.byId.set(o.id, o);
    for (const l of data.parentLinks) {
      this.up.set(l.organisationId, [...(this.up.get(l.organisationId) ?? []), l]);
      this.down.set(l.parentId, [...(this.down.get(l.parentId) ?? []), l]);
    }
  }
  org(id: number): OrganisationRow {
    const o = this.byId.get(id);
    if (!o) throw new Error(`no organisation ${id}`);
    return o;
  }
  active(id: number, d: string): boolean {
    const o = this.org(id);
    return covers(o.establishedOn, o.dissolvedOn, d);
  }
  parent(id: number, d: string): number | null {
    const links = (this.up.get(id) ?? []).filter((l) => covers(l.startOn, l.endOn, d));
    expect(links.length <= 1, `organisation ${id} has ${links.length} parents on ${d}`);
    return links[0]?.parentId ?? null;
  }
  children(id: number, d: string): number[] {
    return (this.down.get(id) ?? [])
      .filter((l) => covers(l.startOn, l.endOn, d) && this.active(l.organisationId, d))
      .map((l) => l.organisationId);
  }
  /** The organisation and all its descendants as of d. */
  subtree(id: number, d: string): Set<number> {
    const out = new Set<number>([id]);
    const stack = [id];
    while (stack.length) for (const c of this.children(stack.pop() ?? 0, d)) if (!out.has(c)) out.add(c), stack.push(c);
    return out;
  }
  /** The grassroots ancestor (child of the district) of an organisation as of d. */
  grassrootsOf(id: number, d: string, districtId: number): number | null {
    let cur: number | null = id;
    for (let i = 0; cur !== null && i < 10; i++) {
      const p = this.parent(cur, d);
      if (p === districtId) return cur;
      cur = p;
    }
    return null;
  }
}

/** Whether org is `ancestor` or below it on d. */
export function within(tree: Tree, id: number, ancestor: number, d: string): boolean {
  let cur: number | null = id;
  for (let i = 0; cur !== null && i < 10; i++) {
    if (cur === ancestor) return true;
    cur = tree.parent(cur, d);
  }
  return false;
}

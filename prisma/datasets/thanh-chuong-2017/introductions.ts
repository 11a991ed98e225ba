// Introducers (người giới thiệu): two full members of the cell who have known the candidate for 12
// months or more; of youth age, the grassroots Youth Union and one member; above it, where the
// workplace has a trade union, the grassroots trade union and one member (rules/introducers.ts).
import { addDays, anniversary, earlierOf, laterOf } from '../../../server/src/rules/dates.ts';
import { addMonths, policyOn } from '../../../server/src/rules/policy.ts';
import { type Cell, nextId, type Rows } from './context.ts';
import type { Person } from './pipeline.ts';
import type { Rng } from './random.ts';
import type { MemberInfo, Registry } from './registry.ts';

/** Full members of the cell who can introduce (recognised before `on`), or null if too few. */
export function introducers(rng: Rng, reg: Registry, cell: Cell, on: string, needed: number): MemberInfo[] | null {
  const pool = reg.fullIn(cell.id, on, true);
  return pool.length < needed ? null : rng.shuffle(pool).slice(0, needed);
}

export function writeIntroductions(
  rng: Rng,
  rows: Rows,
  candidateId: number,
  p: Person,
  cell: Cell,
  on: string,
  by: MemberInfo[],
): void {
  // Known for the policy's 12 months or more by the day of the introduction.
  const latest = addMonths(on, -policyOn(on).introducerKnownMonths);
  if (p.introducedBy === 'youthUnion') {
    const joined = earlierOf(latest, addDays(anniversary(p.birth, 16), rng.int(0, 200)));
    const youthUnion = `Đoàn TNCS Hồ Chí Minh ${cell.grassroots.place}`;
    rows.introductions.push({
      id: nextId(rows.introductions),
      candidateId,
      memberId: null,
      youthUnion,
      tradeUnion: null,
      knownSince: joined,
    });
  }
  if (p.introducedBy === 'tradeUnion') {
    rows.introductions.push({
      id: nextId(rows.introductions),
      candidateId,
      memberId: null,
      youthUnion: null,
      tradeUnion: `Ban Chấp hành Công đoàn ${cell.grassroots.place}`,
      knownSince: null,
    });
  }
  for (const m of by) {
    const knownSince = laterOf(anniversary(p.birth, 10), addDays(latest, -rng.int(0, 2500)));
    rows.introductions.push({
      id: nextId(rows.introductions),
      candidateId,
      memberId: m.id,
      youthUnion: null,
      tradeUnion: null,
      knownSince,
    });
  }
}

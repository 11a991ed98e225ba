// Members admitted before 2017: each ordinary cell admits over the years until it has the wanted
// number of members on 2017-01-01; members die, move away or are struck off along the way; a few
// transfer between cells of the same organisation.

import { addDays, anniversary, calendarDate, daysBetween, laterOf } from '../../../server/src/rules/dates.ts';
import { probationEndsOn } from '../../../server/src/rules/membership.ts';
import type { Gender, LeavingReason } from '../../generated/sqlite/enums.ts';
import { type Cell, HORIZON, RISK_DAY } from './context.ts';
import { personName } from './names.ts';
import type { Rng } from './random.ts';
import type { MemberInfo, Registry } from './registry.ts';

const FIRST_YEAR = 1960;
const LAST_YEAR = 2016;

/** How many admissions a year weighs, from the war years to the 2010s (linear between points). */
const trend: [number, number][] = [
  [1960, 0.7],
  [1966, 1.1],
  [1972, 1.4],
  [1980, 1.1],
  [1990, 1.4],
  [2000, 2.2],
  [2010, 3.3],
  [2016, 3.7],
];
export function yearWeight(y: number): number {
  for (let i = 1; i < trend.length; i++) {
    const [x0, w0] = trend[i - 1] ?? [1960, 1];
    const [x1, w1] = trend[i] ?? [2016, 1];
    if (y <= x1) return w0 + ((w1 - w0) * (Math.max(y, x0) - x0)) / (x1 - x0);
  }
  return 3.7;
}

export interface Fate {
  official: string | null;
  left: string | null;
  leftReason: LeavingReason | null;
}

/** What happens to a member admitted on `admitted`, born on `birth`, up to the horizon. */
export function fate(rng: Rng, birth: string, admitted: string): Fate {
  const official = probationEndsOn(admitted);
  const removed = addDays(official, 20);
  if (rng.chance(0.004) && removed <= HORIZON) {
    return { official: null, left: removed, leftReason: 'REMOVED_AFTER_PROBATION' };
  }
  const events: { on: string; reason: LeavingReason }[] = [];
  const deathAge = rng.chance(0.03) ? rng.int(25, 60) : 45 + rng.next() * 18 + rng.next() * 18 + rng.next() * 18;
  events.push({ on: addDays(anniversary(birth, Math.floor(deathAge)), rng.int(0, 364)), reason: 'DIED' });
  const later = (years: number) => {
    const from = addDays(admitted, Math.floor(365 * years));
    return addDays(from, rng.int(0, Math.max(1, daysBetween(from, HORIZON))));
  };
  if (rng.chance(0.07)) events.push({ on: later(1), reason: 'MOVED_AWAY' });
  if (rng.chance(0.01)) events.push({ on: later(2), reason: 'STRUCK_OFF' });
  if (rng.chance(0.003)) events.push({ on: later(2), reason: 'EXPELLED' });
  const first = events.filter((e) => e.on > official && e.on <= HORIZON).sort((a, b) => a.on.localeCompare(b.on))[0];
  return first ? { official, left: first.on, leftReason: first.reason } : { official, left: null, leftReason: null };
}

function admissionDay(rng: Rng, cell: Cell): string {
  const earliest = addDays(cell.established, 30);
  const fromYear = Math.max(FIRST_YEAR, Number(earliest.slice(0, 4)));
  const years: number[] = [];
  for (let y = fromYear; y <= LAST_YEAR; y++) years.push(y);
  const y = rng.weighted(years, yearWeight);
  return laterOf(earliest, rng.date(calendarDate(y, 1, 1), calendarDate(y, 12, 31)));
}

function ageAtAdmission(rng: Rng, year: number): number {
  if (year < 1976) return rng.chance(0.8) ? rng.int(18, 27) : rng.int(28, 40);
  if (year < 1996) return rng.chance(0.85) ? rng.int(20, 35) : rng.int(36, 50);
  return rng.chance(0.75) ? rng.int(20, 35) : rng.int(36, 55);
}

function genderFor(rng: Rng, year: number, cell: Cell): Gender {
  const base = year < 1976 ? 0.2 : year < 1996 ? 0.3 : 0.42;
  const bonus = cell.code.includes('truong') || cell.code.includes('y-te') || cell.code.includes('mam-non') ? 0.25 : 0;
  return rng.chance(base + bonus) ? 'FEMALE' : 'MALE';
}

/** One member admitted before 2017 in an ordinary cell. */
export function admitOld(rng: Rng, reg: Registry, cell: Cell, admitted: string): MemberInfo {
  const year = Number(admitted.slice(0, 4));
  const gender = genderFor(rng, year, cell);
  const birth = addDays(anniversary(admitted, -ageAtAdmission(rng, year)), -rng.int(0, 364));
  const f = fate(rng, birth, admitted);
  return reg.admit({ fullName: personName(rng, gender), birth, gender, admitted, cellId: cell.id, ...f });
}

export function ordinaryMembers(rng: Rng, reg: Registry, cells: Cell[]): void {
  for (const cell of cells) {
    if (cell.atRisk) continue;
    let present = 0;
    for (let tries = 0; present < cell.size && tries < cell.size * 20; tries++) {
      const m = admitOld(rng, reg, cell, admissionDay(rng, cell));
      if (m.left === null || m.left > RISK_DAY) present++;
    }
  }
}

/** A few transfers (chuyển sinh hoạt) between ordinary cells of the same grassroots organisation. */
export function transfers(rng: Rng, reg: Registry, cells: Cell[], count: number): number {
  const ordinary = cells.filter((c) => !c.atRisk && c.grassroots.cells.filter((x) => !x.atRisk).length > 1);
  let done = 0;
  for (let tries = 0; done < count && tries < count * 20; tries++) {
    const from = rng.pick(ordinary);
    const to = rng.pick(from.grassroots.cells.filter((x) => !x.atRisk && x.id !== from.id));
    const present = reg.inCell(from.id, RISK_DAY);
    if (present.length < 7) continue;
    const m = rng.pick(present);
    if (m.stays.length > 1 || m.official === null) continue;
    const on = addDays(m.official, rng.int(30, Math.max(31, daysBetween(m.official, RISK_DAY) - 30)));
    if (on >= RISK_DAY || to.established >= on) continue;
    reg.transfer(m, to.id, on);
    done++;
  }
  return done;
}

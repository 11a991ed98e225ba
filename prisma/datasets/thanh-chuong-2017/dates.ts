// Calendar arithmetic on day numbers (days since 1970-01-01), without Date or time zones.

export type Day = number;

function daysFromCivil(y0: number, m: number, d: number): Day {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymd(z0: Day): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function fromYmd(y: number, m: number, d: number): Day {
  return daysFromCivil(y, m, d);
}

/** 'YYYY-MM-DD' → day number. */
export function day(s: string): Day {
  const [y, m, d] = s.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad date ${s}`);
  return daysFromCivil(y, m, d);
}

/** day number → 'YYYY-MM-DD'. */
export function iso(z: Day): string {
  const [y, m, d] = ymd(z);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isoOrNull(z: Day | null): string | null {
  return z === null ? null : iso(z);
}

function monthLength(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** The same day n months later (or earlier), clamped to the end of a shorter month. */
export function addMonths(z: Day, n: number): Day {
  const [y, m, d] = ymd(z);
  const k = y * 12 + (m - 1) + n;
  const ny = Math.floor(k / 12);
  const nm = (k % 12) + 1;
  return daysFromCivil(ny, nm, Math.min(d, monthLength(ny, nm)));
}

export function addYears(z: Day, n: number): Day {
  return addMonths(z, 12 * n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(z: Day): number {
  return (((z + 4) % 7) + 7) % 7;
}

export function isWorkingDay(z: Day): boolean {
  const w = weekday(z);
  return w >= 1 && w <= 5;
}

/** Moves n working days (Mon–Fri) forward (n > 0) or backward (n < 0). */
export function addWorkingDays(z: Day, n: number): Day {
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = z;
  while (left > 0) {
    d += step;
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The number of working days d with a < d ≤ b. */
export function workingDaysBetween(a: Day, b: Day): number {
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (isWorkingDay(d)) n++;
  return n;
}

/** Full years since birth on the given day. */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = ymd(birth);
  const [y, m, d] = ymd(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A birth date that is never 29 February, so that ages are the same under every convention. */
export function safeBirth(z: Day): Day {
  const [, m, d] = ymd(z);
  return m === 2 && d === 29 ? z - 1 : z;
}

// Numbers, dates and periods in the reader's language: Vietnamese conventions by default
// ("1.234", "31/7/2017", "7 tháng đầu năm 2017").
import type { Lang } from './i18n.ts';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'vi-VN');

export const formatNumber = (lang: Lang, n: number): string => new Intl.NumberFormat(locale(lang)).format(n);

export const formatPercent = (lang: Lang, share: number): string =>
  new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** "YYYY-MM-DD" (a calendar date, no time zone) → [year, month, day]. */
export function parseDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function utc(date: string): Date {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDate(lang: Lang, date: string): string {
  const opts: Intl.DateTimeFormatOptions =
    lang === 'en'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(lang), opts).format(utc(date));
}

/** "2017-03" → "T3" / "Mar" (axis) or "tháng 3/2017" / "March 2017" (table). */
export function formatMonth(lang: Lang, month: string, long = false): string {
  const [y, m] = parseDate(month);
  if (lang !== 'en') return long ? `tháng ${m}/${y}` : `T${m}`;
  const opts: Intl.DateTimeFormatOptions = long
    ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('en-GB', opts).format(new Date(Date.UTC(y, m - 1, 1)));
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A period in words: "năm 2017", "7 tháng đầu năm 2017", else "1/3/2017 – 31/7/2017". */
export function formatPeriod(lang: Lang, from: string, to: string): string {
  const [fy, fm, fd] = parseDate(from);
  const [ty, tm, td] = parseDate(to);
  const en = lang === 'en';
  if (fy === ty && fm === 1 && fd === 1 && td === lastDayOfMonth(ty, tm)) {
    if (tm === 12) return en ? `${ty}` : `năm ${ty}`;
    return en ? `first ${tm} months of ${ty}` : `${tm} tháng đầu năm ${ty}`;
  }
  return `${formatDate(lang, from)} – ${formatDate(lang, to)}`;
}

/** Today in Vietnam's calendar (UTC+7), as "YYYY-MM-DD". */
export const todayInVietnam = (now = Date.now()): string => new Date(now + 7 * 3600_000).toISOString().slice(0, 10);

/** An instant in Vietnam's time (UTC+7): "16:56 28/11/2026"; "" when it is not a valid time. */
export function formatTime(lang: Lang, at: string | null): string {
  const time = new Date(at ?? '');
  return Number.isNaN(time.getTime())
    ? ''
    : new Intl.DateTimeFormat(locale(lang), {
        hour: '2-digit',
        minute: '2-digit',
        day: 'numeric',
        month: 'numeric',
        year: 'numeric',
        timeZone: 'Asia/Ho_Chi_Minh',
      }).format(time);
}

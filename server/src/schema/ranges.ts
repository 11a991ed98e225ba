// Arguments shared by the fields that ask about a day or a period.
import { GraphQLError } from 'graphql';
import { addDays, todayInVietnam } from '../rules/dates.ts';
import { PERIOD_FORMS, parsePeriod } from '../rules/periods.ts';

/** The longest period a question may span: a range over more years is refused. */
export const MAX_RANGE_YEARS = 100;

/** The descriptions of the `from` and `to` arguments of a period. */
export const FROM_DESCRIPTION =
  'The first day of the period (included); not after `to`. Give `from` and `to`, or `period`.';
export const TO_DESCRIPTION = `The last day of the period (included); at most ${MAX_RANGE_YEARS} years after \`from\`.`;
/** The description of the `period` argument, given instead of `from` and `to`. */
export const PERIOD_DESCRIPTION = `The period as boards name it, instead of \`from\` and \`to\`: ${PERIOD_FORMS}.`;

/** A range's arguments as a field receives them: `from` and `to`, or `period`. */
export interface RangeArgs {
  from?: string | null | undefined;
  to?: string | null | undefined;
  period?: string | null | undefined;
}

const refuse = (argument: string, message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });

/**
 * A period [from, to], both days included, given as `from` and `to` or as a named `period`
 * (rules/periods.ts); both forms, neither, or a malformed period are refused naming the argument,
 * as are `from` after `to` and a range of more than MAX_RANGE_YEARS years.
 */
export function dateRange(args: RangeArgs): { from: string; to: string } {
  const { from, to } = daysOf(args);
  if (from > to) throw refuse('from', `Argument "from" (${from}) is after argument "to" (${to})`);
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_RANGE_YEARS) {
    throw refuse(
      'to',
      `Argument "to" (${to}) is more than ${MAX_RANGE_YEARS} years after "from" (${from}): ask for a shorter period`,
    );
  }
  return { from, to };
}

function daysOf({ from, to, period }: RangeArgs): { from: string; to: string } {
  if (period != null) {
    if (from != null || to != null)
      throw refuse('period', 'Argument "period" cannot be given with "from" or "to": give one or the other');
    const parsed = parsePeriod(period);
    if ('error' in parsed) throw refuse('period', `Argument "period": ${parsed.error}`);
    return parsed;
  }
  if (from == null && to == null) throw refuse('period', 'Give the period: arguments "from" and "to", or "period"');
  if (from == null) throw refuse('from', 'Argument "from" is required with "to" (or give "period" instead)');
  if (to == null) throw refuse('to', 'Argument "to" is required with "from" (or give "period" instead)');
  return { from, to };
}

/** The months a period touches (its cost for a field that lists them); 1 when unreadable. */
export function monthsSpanned(args: { from?: unknown; to?: unknown; period?: unknown }): number {
  const named = typeof args.period === 'string' ? parsePeriod(args.period) : null;
  const { from, to } = named && !('error' in named) ? named : args;
  const month = (d: unknown) =>
    typeof d === 'string' && /^\d{4}-\d{2}/.test(d) ? Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) : Number.NaN;
  const n = month(to) - month(from) + 1;
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/**
 * The day a question without `asOf` is about: today, or for a dissolved organisation its last
 * day, so that a district abolished in 2025 still shows the tree it last had.
 */
export function defaultAsOf(org: { dissolvedOn: string | null }, asOf: string | null | undefined): string {
  if (asOf) return asOf;
  const today = todayInVietnam();
  return org.dissolvedOn && org.dissolvedOn <= today ? addDays(org.dissolvedOn, -1) : today;
}

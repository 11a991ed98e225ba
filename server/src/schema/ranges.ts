// Arguments shared by the fields that ask about a day or a period.
import { GraphQLError } from 'graphql';
import { addDays, todayInVietnam } from '../rules/dates.ts';

/** The longest period a question may span: a range over more years is refused. */
export const MAX_RANGE_YEARS = 100;

/** The descriptions of the `from` and `to` arguments of a period. */
export const FROM_DESCRIPTION = 'The first day of the period (included); not after `to`.';
export const TO_DESCRIPTION = `The last day of the period (included); at most ${MAX_RANGE_YEARS} years after \`from\`.`;

/**
 * A period [from, to], both days included; `from` after `to`, or a range of more than
 * MAX_RANGE_YEARS years, is refused naming the argument.
 */
export function dateRange(args: { from: string; to: string }): { from: string; to: string } {
  if (args.from > args.to) {
    throw new GraphQLError(`Argument "from" (${args.from}) is after argument "to" (${args.to})`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
    });
  }
  if (Number(args.to.slice(0, 4)) - Number(args.from.slice(0, 4)) > MAX_RANGE_YEARS) {
    throw new GraphQLError(
      `Argument "to" (${args.to}) is more than ${MAX_RANGE_YEARS} years after "from" (${args.from}): ask for a shorter period`,
      { extensions: { code: 'BAD_USER_INPUT', argument: 'to' } },
    );
  }
  return args;
}

/** The months a period touches (its cost for a field that lists them); 1 when unreadable. */
export function monthsSpanned(args: { from?: unknown; to?: unknown }): number {
  const month = (d: unknown) =>
    typeof d === 'string' && /^\d{4}-\d{2}/.test(d) ? Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) : Number.NaN;
  const n = month(args.to) - month(args.from) + 1;
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

// Arguments shared by the fields that ask about a day or a period.
import { GraphQLError } from 'graphql';
import { addDays, todayInVietnam } from '../rules/dates.ts';

/** A period [from, to], both days included; `from` after `to` is refused naming the argument. */
export function dateRange(args: { from: string; to: string }): { from: string; to: string } {
  if (args.from > args.to) {
    throw new GraphQLError(`Argument "from" (${args.from}) is after argument "to" (${args.to})`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
    });
  }
  return args;
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

// Date ('YYYY-MM-DD', a calendar date in Vietnam) and DateTime (an instant, for audit times).
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from '../rules/dates.ts';
import { builder } from './builder.ts';
import { MAX_RANGE_YEARS } from './ranges.ts';

/** The node lets useArgumentNamesInErrors() name the argument that held the bad value. */
function parseDate(value: unknown, node?: ValueNode): string {
  const shown = node && node.kind !== Kind.STRING ? 'This value' : JSON.stringify(value).slice(0, 40);
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`${shown} is not a calendar date: write YYYY-MM-DD with a real day, e.g. 2017-07-31`, {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (value < EARLIEST_DATE || value > LATEST_DATE) {
    throw new GraphQLError(`${shown} is outside the dates ketnap knows: ${EARLIEST_DATE} to ${LATEST_DATE}`, {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** The first and last days a Date may be. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

builder.scalarType('Date', {
  description: `A calendar date in Vietnam, written YYYY-MM-DD (e.g. 2017-07-31), from ${EARLIEST_DATE} to ${LATEST_DATE}. A period [from, to] spans at most ${MAX_RANGE_YEARS} years.`,
  serialize: (value) => value,
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

builder.scalarType('DateTime', {
  description: 'An instant, written as an ISO 8601 timestamp in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`${JSON.stringify(value)} is not an ISO 8601 timestamp`);
    return date;
  },
});

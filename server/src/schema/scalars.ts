// Date ('YYYY-MM-DD', a calendar date in Vietnam) and DateTime (an instant, for audit times).
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from '../rules/dates.ts';
import { builder } from './builder.ts';

/** The node lets useArgumentNamesInErrors() name the argument that held the bad value. */
function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    const shown = node && node.kind !== Kind.STRING ? 'This value' : JSON.stringify(value);
    throw new GraphQLError(`${shown} is not a calendar date: write YYYY-MM-DD with a real day, e.g. 2017-07-31`, {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

builder.scalarType('Date', {
  description: 'A calendar date in Vietnam, written YYYY-MM-DD (e.g. 2017-07-31).',
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

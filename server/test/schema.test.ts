// The printed schema is part of the contract: widgets and other teams build against
// server/schema.graphql, so the code and the committed file must never disagree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ASTNode, parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { printedSchema } from '../src/schema/print.ts';

const committed = readFileSync(resolve(repoRoot, 'server/schema.graphql'), 'utf8');

/** The committed schema without its descriptions: each field and its arguments on one line. */
const bare = print(
  visit(parse(committed), {
    enter: (node: ASTNode) =>
      'description' in node && node.description ? { ...node, description: undefined } : undefined,
  }),
);

describe('schema.graphql', () => {
  it('is the schema the code builds (regenerate: pnpm ketnap schema --out server/schema.graphql)', () => {
    expect(printedSchema()).toBe(committed);
  });

  // A range's `from` and `to` became optional beside `period` (issue 11): a query that gives them
  // both reads as before; one that gives neither, or both forms, is refused naming the argument.
  it('keeps every name of the public contract in DESIGN.md', () => {
    for (const name of [
      'organisation(code: String!): Organisation',
      'node(id: ID!): Node',
      'parent(',
      'children(',
      'grassrootsCount(',
      'memberCount(',
      'admissionCount(from: Date, period: String, to: Date): Int!',
      'admissionsByMonth(from: Date, period: String, to: Date): [MonthCount!]!',
      'quotaProgress(from: Date, period: String, to: Date): QuotaProgress',
      'risk(asOf: Date!): RiskAssessment',
      'atRiskCells(asOf: Date!, first: Int, offset: Int): [RiskAssessment!]!',
      'atRiskCount(asOf: Date!): Int!',
      'recoveredCells(first: Int, from: Date, offset: Int, period: String, to: Date): [Recovery!]!',
      'recoveredCount(from: Date, period: String, to: Date): Int!',
      'yearsWithoutAdmission: Int!',
      'lastAdmissionOn: Date',
      'criteria: [RiskCriterion!]!',
      'policy: RiskPolicy!',
    ]) {
      expect(bare).toContain(name);
    }
  });
});

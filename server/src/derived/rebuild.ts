// Deriving every derived table again from the base tables: after a load, after a change of the
// risk policy or of a derivation, and on demand (`ketnap derive`). DerivedState records what the
// tables were derived with, so that a server starting with another policy derives them again.
import type { RiskPolicy } from '../rules/risk.ts';
import { rebuildGrassrootsDays } from './grassroots-days.ts';
import { rebuildRiskSpans } from './risk-spans.ts';
import { type Queryable, sql } from './sql.ts';
import { rebuildSubtreeDays } from './subtree-days.ts';

/** Raise when a derivation changes: every database derives its tables again on next start. */
export const DERIVATION_VERSION = '6';

async function state(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.rows<{ key: string; value: string }>(sql`SELECT "key", "value" FROM "DerivedState"`);
  return new Map(rows.map((r) => [r.key, r.value]));
}

async function record(q: Queryable, key: string, value: string): Promise<void> {
  await q.run(sql`DELETE FROM "DerivedState" WHERE "key" = ${key}`);
  await q.run(sql`INSERT INTO "DerivedState" ("key", "value") VALUES (${key}, ${value})`);
}

export async function rebuildDerived(q: Queryable, policy: RiskPolicy): Promise<void> {
  await rebuildSubtreeDays(q);
  await rebuildGrassrootsDays(q);
  await record(q, 'version', DERIVATION_VERSION);
  await rebuildRiskSpans(q, policy);
  await record(q, 'riskPolicy', JSON.stringify(policy));
  // Fresh statistics for the planner: without them SQLite reads a page of at-risk cells of a large
  // database by scanning every cell (0.5 s at national size instead of 1 ms).
  await q.run(sql`ANALYZE`);
}

/** Derives again what is out of date; says what it did ('none', 'risk' or 'all'). */
export async function ensureDerived(q: Queryable, policy: RiskPolicy): Promise<'none' | 'risk' | 'all'> {
  const found = await state(q);
  if (found.get('version') !== DERIVATION_VERSION) {
    await rebuildDerived(q, policy);
    return 'all';
  }
  if (found.get('riskPolicy') !== JSON.stringify(policy)) {
    await rebuildRiskSpans(q, policy);
    await record(q, 'riskPolicy', JSON.stringify(policy));
    return 'risk';
  }
  return 'none';
}

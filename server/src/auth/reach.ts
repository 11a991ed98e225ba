// Whether a caller's token reaches an organisation: admins without a scope reach everything;
// others reach the subtree of their token's organisation. Reading personal data reaches the
// subtree as it stands or ever stood (a district's token keeps reading its 2017 cells after a
// reorganisation). Writing reaches the subtree as it stands today — a cell moved to another
// commune is that commune's to write — and a dissolved organisation where it stood on its last
// day, so that its staff still get a clear "dissolved" answer rather than a refusal.
import type { Context } from '../context.ts';
import { batched } from '../read/batch.ts';
import { join, num, query, sql } from '../read/sql.ts';
import { todayInVietnam } from '../rules/dates.ts';

export type Reach = 'ever' | 'today';

export async function reaches(ctx: Context, organisationId: number, reach: Reach = 'ever'): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  if (actor.role === 'ADMIN' && actor.organisationId === null) return true;
  if (actor.organisationId === null) return false;
  const root = actor.organisationId;
  const today = todayInVietnam();
  const when =
    reach === 'ever'
      ? sql``
      : sql`AND a."startOn" <= ${today} AND (a."endOn" IS NULL OR a."endOn" > ${today} OR a."endOn" = o."dissolvedOn")`;
  return batched<number, boolean>(
    ctx,
    `reach:${reach}`,
    async (ids) => {
      const rows = await query<{ id: number }>(sql`
        SELECT DISTINCT a."descendantId" AS "id" FROM "OrganisationAncestry" a
          JOIN "Organisation" o ON o."id" = a."descendantId"
        WHERE a."ancestorId" = ${root} AND a."descendantId" IN (${join([...ids])}) ${when}`);
      return new Map(rows.map((row) => [num(row.id), true]));
    },
    false,
  ).load(organisationId);
}

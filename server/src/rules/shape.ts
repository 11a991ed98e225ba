// The tree's shape in each era (DESIGN.md, "The tree's shape"): which kind of organisation may sit
// under which. Before 2025-07-01: province → district (or a committee directly under the province,
// kind DISTRICT) → grassroots committee or grassroots cell → section committee → cells. From
// 2025-07-01 the district level is gone: grassroots organisations sit directly under the province.
// Pure: the caller gives the kinds and the days.
import type { OrganisationKind } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { type Violation, violation } from './violations.ts';

/** The day the district level was abolished (Nghị quyết 60-NQ/TW; Luật Tổ chức chính quyền địa phương 2025). */
export const DISTRICTS_ABOLISHED_ON = '2025-07-01';

type Parents = Record<OrganisationKind, readonly OrganisationKind[]>;

const BELOW_GRASSROOTS: Pick<Parents, 'SECTION_COMMITTEE' | 'SUBORDINATE_CELL'> = {
  SECTION_COMMITTEE: ['GRASSROOTS_COMMITTEE'],
  SUBORDINATE_CELL: ['GRASSROOTS_COMMITTEE', 'SECTION_COMMITTEE'],
};

const WITH_DISTRICTS: Parents = {
  PROVINCIAL: [],
  DISTRICT: ['PROVINCIAL'],
  GRASSROOTS_COMMITTEE: ['DISTRICT'],
  GRASSROOTS_CELL: ['DISTRICT'],
  ...BELOW_GRASSROOTS,
};

const WITHOUT_DISTRICTS: Parents = {
  PROVINCIAL: [],
  DISTRICT: [],
  GRASSROOTS_COMMITTEE: ['PROVINCIAL'],
  GRASSROOTS_CELL: ['PROVINCIAL'],
  ...BELOW_GRASSROOTS,
};

/** The kinds an organisation of `kind` may sit under on `on` (empty: none, it is a root or gone). */
export function parentKinds(kind: OrganisationKind, on: string): readonly OrganisationKind[] {
  return (on < DISTRICTS_ABOLISHED_ON ? WITH_DISTRICTS : WITHOUT_DISTRICTS)[kind];
}

/**
 * `kind` placed under `parentKind` from `on` (a creation, a move, a merge that moves children): the
 * shape of the era of `on` must hold. A link made before 2025-07-01 is judged by the old shape; the
 * reform itself ended those links (each district dissolved, its children moved to the province).
 */
export function validateParentLink(
  link: { kind: OrganisationKind; parentKind: OrganisationKind; on: string },
  field: string,
): Violation[] {
  const allowed = parentKinds(link.kind, link.on);
  if (allowed.includes(link.parentKind)) return [];
  const { kind, parentKind, on } = link;
  return [violation('TREE_SHAPE', field, { kind, parentKind, on, allowed: allowed.join(', ') || '—' })];
}

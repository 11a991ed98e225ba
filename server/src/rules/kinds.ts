// Which kinds of organisation are cells (members belong to cells only) and which are the
// grassroots organisations (TCCSĐ) a district counts. One list each, for JavaScript and SQL.
import type { OrganisationKind } from '@ketnap/prisma/generated/sqlite/enums.ts';

export const CELL_KINDS: readonly OrganisationKind[] = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];
export const GRASSROOTS_KINDS: readonly OrganisationKind[] = ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'];

export const isCellKind = (kind: string) => (CELL_KINDS as readonly string[]).includes(kind);

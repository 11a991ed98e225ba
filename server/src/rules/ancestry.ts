// Derives the time-versioned closure of the organisation tree from its dated parent links:
// for each organisation, each of its ancestors (and itself, depth 0) with the interval over
// which that holds. Pure; the server stores the result in OrganisationAncestry.

export interface OrgLife {
  id: number;
  establishedOn: string;
  dissolvedOn: string | null;
}
export interface ParentLink {
  organisationId: number;
  parentId: number;
  startOn: string;
  endOn: string | null;
}
export interface AncestryRow {
  ancestorId: number;
  descendantId: number;
  depth: number;
  startOn: string;
  endOn: string | null;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

export function ancestryRows(orgs: OrgLife[], links: ParentLink[]): AncestryRow[] {
  const linksOf = new Map<number, ParentLink[]>();
  for (const link of links) linksOf.set(link.organisationId, [...(linksOf.get(link.organisationId) ?? []), link]);
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const memo = new Map<number, AncestryRow[]>();
  const visiting = new Set<number>();

  const rowsOf = (id: number): AncestryRow[] => {
    const known = memo.get(id);
    if (known) return known;
    const org = byId.get(id);
    if (!org) throw new Error(`Parent link names organisation ${id}, which does not exist`);
    if (visiting.has(id)) throw new Error(`The organisation tree has a cycle through organisation ${id}`);
    visiting.add(id);
    const rows: AncestryRow[] = [
      { ancestorId: id, descendantId: id, depth: 0, startOn: org.establishedOn, endOn: org.dissolvedOn },
    ];
    for (const link of linksOf.get(id) ?? []) {
      for (const above of rowsOf(link.parentId)) {
        const startOn = later(link.startOn, above.startOn);
        const endOn = earlier(link.endOn, above.endOn);
        if (endOn !== null && endOn <= startOn) continue;
        rows.push({ ancestorId: above.ancestorId, descendantId: id, depth: above.depth + 1, startOn, endOn });
      }
    }
    visiting.delete(id);
    memo.set(id, rows);
    return rows;
  };

  return orgs.flatMap((org) => rowsOf(org.id));
}

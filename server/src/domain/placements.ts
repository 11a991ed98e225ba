// A placement lies within its cell's life (DESIGN.md, "The tree's shape"). A placement entered
// today may start before its cell was merged into another (history entered out of order): the
// merge moved the cell's members on its day, so the placement is split there and goes on in the
// cell merged into, as it would have had it been entered first. A cell dissolved without a merge
// ends the placement's possible span: one running past it is refused.
import { refuse, type Tx } from './write.ts';

export interface Span {
  cellId: number;
  startOn: string;
  endOn: string | null;
}

type Cell = { id: number; code: string; dissolvedOn: string | null; mergedIntoId: number | null };

/** The placement rows for [startOn, endOn) from `cell`, following the cell's later merges. */
export async function placementSpans(
  tx: Tx,
  cell: Cell,
  startOn: string,
  endOn: string | null,
  field: string,
): Promise<Span[]> {
  const spans: Span[] = [];
  let at = cell;
  let from = startOn;
  while (at.dissolvedOn !== null && (endOn === null || endOn > at.dissolvedOn)) {
    if (at.mergedIntoId === null) refuse('PLACEMENT_OUTLIVES_CELL', field, { code: at.code, on: at.dissolvedOn });
    spans.push({ cellId: at.id, startOn: from, endOn: at.dissolvedOn });
    from = at.dissolvedOn;
    at = await tx.organisation.findUniqueOrThrow({ where: { id: at.mergedIntoId } });
  }
  spans.push({ cellId: at.id, startOn: from, endOn });
  return spans;
}

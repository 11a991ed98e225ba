// Dated states of hamlets (the commune they belong to, the cell serving them, where members live):
// where a state recorded from a day goes in its history, and how it follows later merges.
import { refuse } from './write.ts';

export interface Dated {
  id: number;
  startOn: string;
  endOn: string | null;
}

/**
 * A state starting on `on` among `rows` (one subject's history): the row covering `on` is to be
 * cut there, and the new state ends where that row ended, or where the next row begins (history
 * entered out of order). A second change on the same day is refused: it is a correction.
 */
export function slotAt<T extends Dated>(rows: readonly T[], on: string, field: string) {
  const covering = rows.find((r) => r.startOn <= on && (r.endOn === null || r.endOn > on)) ?? null;
  if (covering && covering.startOn === on) refuse('DATE_BEFORE_PREVIOUS_STEP', field, { on, previous: on });
  const next = rows.filter((r) => r.startOn > on).sort((a, b) => a.startOn.localeCompare(b.startOn))[0];
  return { covering, endOn: covering ? covering.endOn : (next?.startOn ?? null) };
}

/** Something that may be dissolved, or merged into another of its kind, on `dissolvedOn`. */
export interface Mergeable {
  id: number;
  dissolvedOn: string | null;
  mergedIntoId: number | null;
}

export interface Span {
  id: number;
  startOn: string;
  endOn: string | null;
}

/**
 * [startOn, endOn) in `from`, split where `from` was merged into another (and that one into
 * another…), so that a state recorded today goes on where the merge took it; a dissolution without
 * a merge ends it there (a hamlet's cell dissolved: the hamlet has no cell from that day).
 */
export async function followMerges<T extends Mergeable>(
  from: T,
  startOn: string,
  endOn: string | null,
  next: (id: number) => Promise<T>,
): Promise<Span[]> {
  const spans: Span[] = [];
  let at = from;
  let start = startOn;
  while (at.dissolvedOn !== null && (endOn === null || endOn > at.dissolvedOn)) {
    if (at.dissolvedOn > start) spans.push({ id: at.id, startOn: start, endOn: at.dissolvedOn });
    if (at.mergedIntoId === null) return spans;
    start = at.dissolvedOn > start ? at.dissolvedOn : start;
    at = await next(at.mergedIntoId);
  }
  spans.push({ id: at.id, startOn: start, endOn });
  return spans;
}

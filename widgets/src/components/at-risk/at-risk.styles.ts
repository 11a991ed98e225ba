import { css } from '../../lib/reactive.ts';

// The height is reserved before the figures arrive, so the page does not move: the header, then
// max-items cells (--_items, set by the element) of a fixed number of lines each (--_l: name,
// figures and, with recovered-to (--_rec), the recovered note; on a phone the figures take two),
// then the "và N đơn vị khác" line, and the card's padding and border.
export const atRiskStyles = css`
  .base {
    --_l: calc(2 + var(--_rec, 0));
    --_hr: 1.45em;
    --_height: calc(1.75rem + 2px + 4.7em + var(--_rec, 0) * var(--_hr) + var(--_items, 6) * (var(--_l) * 1.45em + 1.4em));
  }
  @container (max-width: 34rem) { .base { --_l: calc(3 + var(--_rec, 0)); --_hr: 2.9em; } }
  header { margin-bottom: 0.6em; }
  /* role="list" in the markup: Safari drops list semantics with list-style: none. */
  ul { list-style: none; padding: 0; display: grid; gap: 0.5em; }
  li { min-height: calc(var(--_l) * 1.45em + 0.9em); padding: 0.45em 0 0.45em 0.75em; border-left: 3px solid var(--_accent); }
  li.recovered { border-left-color: var(--_good); }
  .cell { font-weight: 650; }
  .figures { display: block; font-variant-numeric: tabular-nums; }
  .recovered-note { display: block; color: var(--_good); font-weight: 600; font-size: 0.9em; }
  .recovered-note::before { content: '✓ '; }
  .more { margin-top: 0.5em; }
`;

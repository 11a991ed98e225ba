import { css } from '../../lib/reactive.ts';

// The height is reserved before the figures arrive, so the page does not move: the header and the
// three counts (their words take up to two lines, three on a phone), then, with `concern` (--_list,
// set by the element), the list's heading (two lines on a phone) and the "và N đơn vị khác" line, and max-items hamlets
// (--_items) of two lines each; and the card's padding and border. Longer text still grows.
export const hamletsStyles = css`
  .base {
    --_counts: 7.5em;
    --_head: 4.2em;
    --_height: calc(1.75rem + 2px + var(--_counts) + var(--_list, 0) * var(--_head) + var(--_items, 0) * 4.3em);
  }
  @container (max-width: 34rem) { .base { --_counts: 8.7em; --_head: 5.65em; } }
  header { margin-bottom: 0.6em; }
  /* role="list" in the markup: Safari drops list semantics with list-style: none. */
  ul { list-style: none; padding: 0; }
  .counts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.75em; }
  .counts li { font-size: 0.9em; line-height: 1.3; }
  .counts b { display: block; color: var(--_accent); }
  .of { margin: 0.9em 0 0.5em; }
  .list { display: grid; gap: 0.5em; }
  .list li { padding: 0.45em 0 0.45em 0.75em; border-left: 3px solid var(--_accent); }
  .figures { display: block; font-variant-numeric: tabular-nums; }
  [part='more'] { margin-top: 0.5em; }
`;

import { css } from '../../lib/reactive.ts';

export const grassrootsStyles = css`
  /* Loading and loaded states share this height (no layout shift); less on wide hosts. */
  :host { --_height: 13.5rem; }
  @container (min-width: 34rem) { .base { --_height: 9.5rem; } }
  .date { display: block; }
  svg { display: block; width: 100%; height: 0.9rem; margin: 0.6rem 0; border-radius: 4px; }
  rect, .swatch { fill: var(--_accent); background: var(--_accent); }
  .k1 { fill-opacity: 0.7; opacity: 0.7; }
  .k2 { fill-opacity: 0.45; opacity: 0.45; }
  .k3 { fill-opacity: 0.3; opacity: 0.3; }
  .k4 { fill: var(--_fg); background: var(--_fg); fill-opacity: 0.55; opacity: 0.55; }
  /* role="list" in the markup: Safari drops list semantics with list-style: none. */
  ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.25rem; }
  li { display: flex; align-items: baseline; gap: 0.4rem; font-variant-numeric: tabular-nums; }
  li b { font-size: 1.15em; }
  .swatch { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 2px; align-self: center; }
`;

import { css } from '../../lib/reactive.ts';

export const trendStyles = css`
  /* Loading and loaded states share this height (no layout shift); less on wide hosts. */
  :host { --_height: 15.5rem; }
  @container (min-width: 34rem) { .base { --_height: 13.5rem; } }
  header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; }
  svg { display: block; width: 100%; height: 7rem; margin-top: 0.6rem; }
  rect { fill: var(--_accent); }
  line { stroke: var(--_border); stroke-width: 1; vector-effect: non-scaling-stroke; }
  .axis { display: flex; font-size: 0.75em; text-align: center; font-variant-numeric: tabular-nums; }
  .axis span { flex: 1 1 0; min-width: 0; }
  .axis b { display: block; font-weight: 650; }
  .axis i { display: block; font-style: normal; color: var(--_muted); }
`;

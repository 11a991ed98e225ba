import { css } from '../../lib/reactive.ts';

export const progressStyles = css`
  /* Loading and loaded states share this height (no layout shift); less on wide hosts. */
  :host { --_height: 12.5rem; }
  @container (min-width: 34rem) { .base { --_height: 8.5rem; } }
  .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.6rem; }
  .bar {
    position: relative; height: 0.9rem; margin: 0.7rem 0 0.5rem;
    background: var(--_track); border-radius: 999px;
  }
  .fill {
    position: absolute; inset: 0; border-radius: inherit; background: var(--_accent);
    transform-origin: left center; transform: scaleX(var(--_fill, 0));
    transition: transform 0.8s cubic-bezier(0.2, 0.7, 0.2, 1);
  }
  .mark {
    position: absolute; top: -0.25rem; bottom: -0.25rem; width: 2px;
    left: calc(var(--_mark, 0) * 100% - 1px); background: var(--_fg);
  }
  .foot { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; }
  .status { font-weight: 650; }
  .status.BEHIND { color: var(--_accent); }
  .status.ON_TRACK, .status.ACHIEVED { color: var(--_good); }
`;

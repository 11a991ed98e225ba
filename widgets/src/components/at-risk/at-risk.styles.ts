import { css } from 'lit';

export const atRiskStyles = css`
  :host { --_height: 14rem; }
  header { margin-bottom: 0.6rem; }
  /* role="list" in the markup: Safari drops list semantics with list-style: none. */
  ul { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
  li { padding: 0.45rem 0 0.45rem 0.75rem; border-left: 3px solid var(--_accent); }
  li.recovered { border-left-color: var(--_good); }
  .cell { font-weight: 650; }
  .figures { display: block; font-variant-numeric: tabular-nums; }
  .recovered-note { display: block; color: var(--_good); font-weight: 600; font-size: 0.9em; }
  .recovered-note::before { content: '✓ '; }
`;

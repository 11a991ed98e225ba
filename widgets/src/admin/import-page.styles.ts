// The import page's element styles: plain, legible, keyboard focus always visible; colours come
// from the page (admin.css), so light and dark schemes both keep their contrast.
import { css } from 'lit';

export const importPageStyles = css`
  :host {
    display: block;
  }
  section {
    border-top: 1px solid var(--rule, #d9d2c9);
    padding: 0.5rem 0 1rem;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0.5rem 0;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.25rem;
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
    background: var(--field, transparent);
    border: 1px solid var(--muted, #5b554f);
    border-radius: 4px;
    padding: 0.35rem 0.6rem;
  }
  button:not(:disabled) {
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--link, #9f2a1f);
    outline-offset: 2px;
  }
  a {
    color: var(--link, #9f2a1f);
  }
  .drop {
    border: 2px dashed var(--muted, #5b554f);
    border-radius: 8px;
    padding: 1rem;
    margin-top: 1rem;
  }
  .drop.over {
    border-style: solid;
    border-color: var(--link, #9f2a1f);
  }
  .failure {
    color: var(--link, #9f2a1f);
    font-weight: 600;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0.5rem 0;
  }
  .figures dd {
    margin: 0;
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    margin: 0.75rem 0;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    border: 1px solid var(--rule, #d9d2c9);
    padding: 0.25rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  .commit {
    margin-top: 0.5rem;
  }
`;

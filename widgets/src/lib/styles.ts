// Styles every element shares: the theme (CSS custom properties, light and dark, following the
// reader's system or forced by the theme attribute), the loading / error / empty / mistake
// states, the source line, print, and the motion preference. they are adopted as constructable
// stylesheets, which a strict `style-src 'self'` allows.
import { css } from './reactive.ts';

export const baseStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--ketnap-font-family, system-ui, -apple-system, sans-serif);
    font-size: var(--ketnap-font-size, 1rem);
    line-height: 1.45;
  }
  /* The theme sits on .base (class "auto", "light" or "dark"), so the print rules below win over it. */
  .base {
    --_fg: var(--ketnap-color-text, #1f1d1b);
    --_muted: var(--ketnap-color-muted, #5b5651);
    --_accent: var(--ketnap-color-accent, #b3261e);
    --_good: var(--ketnap-color-good, #1d6b3c);
    --_track: var(--ketnap-color-track, #ebe5df);
    --_bg: var(--ketnap-color-background, #fffdfa);
    --_border: var(--ketnap-color-border, #ddd5cc);
  }
  .dark {
    --_fg: var(--ketnap-color-text, #f1ece6);
    --_muted: var(--ketnap-color-muted, #bdb4aa);
    --_accent: var(--ketnap-color-accent, #ff8a7a);
    --_good: var(--ketnap-color-good, #7fd49b);
    --_track: var(--ketnap-color-track, #3a3532);
    --_bg: var(--ketnap-color-background, #1f1c1a);
    --_border: var(--ketnap-color-border, #4a433e);
  }
  @media (prefers-color-scheme: dark) {
    .auto {
      --_fg: var(--ketnap-color-text, #f1ece6);
      --_muted: var(--ketnap-color-muted, #bdb4aa);
      --_accent: var(--ketnap-color-accent, #ff8a7a);
      --_good: var(--ketnap-color-good, #7fd49b);
      --_track: var(--ketnap-color-track, #3a3532);
      --_bg: var(--ketnap-color-background, #1f1c1a);
      --_border: var(--ketnap-color-border, #4a433e);
    }
  }
  :host([hidden]) { display: none; }
  *, ::before, ::after { box-sizing: border-box; }
  /* One height for every state: the element's own (--_height) and the source line's. */
  .base {
    display: flex; flex-direction: column; justify-content: center;
    min-height: calc(var(--_height, 6rem) + var(--_source, 1.7em));
    padding: var(--ketnap-padding, 0.875rem 1rem);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--ketnap-radius, 8px);
  }
  /* On a phone the source line may take two lines. */
  @container (max-width: 34rem) { .base { --_source: 2.85em; } }
  :host([hide-source]) .base { --_source: 0px; }
  .source { margin-top: auto; padding-top: 0.6em; font-size: 0.8em; color: var(--_muted); }
  .download a { color: inherit; text-underline-offset: 0.15em; }
  .state, .skeleton { flex: 1; margin: 0; }
  .skeleton { display: flex; flex-direction: column; justify-content: center; gap: 0.7rem; }
  .skeleton i {
    height: 0.9rem; border-radius: 4px; background: var(--_track);
    animation: ketnap-pulse 1.1s ease-in-out infinite alternate;
  }
  .skeleton i:nth-child(3) { width: 80%; }
  .skeleton i:nth-child(4) { width: 55%; }
  @keyframes ketnap-pulse { to { opacity: 0.4; } }
  .state { display: flex; flex-direction: column; justify-content: center; align-items: flex-start; gap: 0.5rem; color: var(--_muted); }
  .state p { margin: 0; }
  /* An author's mistake reads apart from an outage. */
  .invalid { color: var(--_accent); font-weight: 600; }
  button {
    font: inherit; font-size: 0.9em; color: var(--_accent); background: transparent;
    border: 1px solid currentColor; border-radius: 4px; padding: 0.2rem 0.8rem; cursor: pointer;
  }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  h2, h3, p, ul { margin: 0; }
  .title { font-size: 1em; font-weight: 650; }
  .muted { color: var(--_muted); font-size: 0.9em; }
  .big { font-size: 1.6em; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
  /* On paper: black on white whatever the theme, the bars kept, nothing to press, nothing
     half-loaded (a figure still on its way prints as nothing rather than as "loading"). */
  @media print {
    .base {
      --_fg: #000; --_muted: #333; --_bg: #fff; --_border: #999; --_track: #ddd;
      --_accent: var(--ketnap-color-accent, #b3261e); --_good: var(--ketnap-color-good, #1d6b3c);
      break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact;
    }
    [aria-busy='true'], button, .download { display: none; }
  }
  @media print, (prefers-reduced-motion: reduce) {
    *, ::before, ::after { animation: none !important; transition: none !important; }
  }
`;

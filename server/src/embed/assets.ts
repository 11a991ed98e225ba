// The embed pages' own files: their style sheet, the script in each page that tells the parent
// its height, and the script a host page includes to size its ketnap iframes. Served from the
// API's origin, so a page CSP of `script-src 'self'; style-src 'self'` covers them.
//
// The height message is AMP's (`{sentinel: 'amp', type: 'embed-size', height}`), so the same
// page works in AMP's <amp-iframe resizable> and, with resize.js, in any host page.

/** Runs in the embed page: reports its height whenever it changes, and when asked. */
const FRAME_JS = `// ketnap embed: reports this page's height to the page that frames it (AMP's embed-size message).
(() => {
  const parent = window.parent;
  if (!parent || parent === window) return;
  let last = -1;
  const post = (again) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last && !again) return;
    last = height;
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  parent.postMessage({ sentinel: 'amp', type: 'embed-ready' }, '*');
  post();
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => post()).observe(document.documentElement);
  addEventListener('load', () => post());
  addEventListener('message', (event) => {
    if (event.source === parent && event.data && event.data.type === 'ketnap:size?') post(true);
  });
})();
`;

/**
 * Runs in the host page (`<script async src="https://HOST/embed/resize.js"></script>`): sets the
 * height of each iframe showing one of this origin's /embed/ pages to the height it reports.
 */
const RESIZE_JS = `// ketnap: sizes the iframes of ketnap embeds (/embed/...) to their content's height.
(() => {
  if (window.ketnapResize) return;
  window.ketnapResize = true;
  const script = document.currentScript;
  const origin = script && script.src ? new URL(script.src).origin : null;
  const urlOf = (frame) => {
    try { return new URL(frame.src, location.href); } catch { return null; }
  };
  const frames = () => Array.from(document.querySelectorAll('iframe')).filter((frame) => {
    const url = urlOf(frame);
    return url && url.pathname.startsWith('/embed/') && (!origin || url.origin === origin);
  });
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
    const height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < 20000)) return;
    for (const frame of frames())
      // A sandboxed frame without allow-same-origin speaks as origin "null"; the source is still that frame.
      if (frame.contentWindow === event.source && [urlOf(frame).origin, 'null'].includes(event.origin))
        frame.style.height = height + 'px';
  });
  // Frames that loaded before this script did have already spoken: ask them again.
  const ask = () => {
    for (const frame of frames()) frame.contentWindow && frame.contentWindow.postMessage({ type: 'ketnap:size?' }, urlOf(frame).origin);
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', ask);
  else ask();
})();
`;

/** The widgets' palette (widgets/src/lib/styles.ts), light and dark; `theme` picks one or follows the reader. */
const LIGHT =
  '--fg:#1f1d1b;--muted:#5b5651;--accent:#b3261e;--good:#1d6b3c;--track:#ebe5df;--bg:#fffdfa;--border:#ddd5cc;';
const DARK =
  '--fg:#f1ece6;--muted:#bdb4aa;--accent:#ff8a7a;--good:#7fd49b;--track:#3a3532;--bg:#1f1c1a;--border:#4a433e;';

const EMBED_CSS = `:root{${LIGHT}color-scheme:light}
.theme-dark{${DARK}color-scheme:dark}
@media (prefers-color-scheme:dark){.theme-auto{${DARK}color-scheme:dark}}
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;padding:0;background:transparent}
body{color:var(--fg);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
.card{margin:0;padding:.875rem 1rem;background:var(--bg);border:1px solid var(--border);border-radius:8px;display:flex;flex-direction:column;gap:.5rem}
h1,p,ul{margin:0}
.org{color:var(--muted);font-size:.8em;text-transform:uppercase;letter-spacing:.04em}
.title{font-size:1em;font-weight:650}
.head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .6rem}
.big{font-size:1.6em;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.muted{color:var(--muted);font-size:.9em}
.good{color:var(--good);font-weight:650}.accent{color:var(--accent);font-weight:650}
svg{display:block;width:100%}
.bar{height:.9rem}.bar .track{fill:var(--track)}.bar .fill{fill:var(--accent)}.bar .mark{fill:var(--fg)}
.chart{height:7rem}.chart rect{fill:var(--accent)}.chart line{stroke:var(--border);vector-effect:non-scaling-stroke}
.axis{display:flex;font-size:.75em;text-align:center;font-variant-numeric:tabular-nums}
.axis span{flex:1 1 0;min-width:0;overflow:hidden}.axis b{display:block;font-weight:650}.axis i{display:block;font-style:normal;color:var(--muted)}
.axis.dense b{display:none}
.stack{height:.9rem;border-radius:4px}
:where(.stack rect),.swatch{fill:var(--accent);background:var(--accent)}
.k1{fill-opacity:.7;opacity:.7}.k2{fill-opacity:.45;opacity:.45}.k3{fill-opacity:.3;opacity:.3}
.k4{fill:var(--fg);background:var(--fg);fill-opacity:.55;opacity:.55}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.25rem}
.legend li{display:flex;align-items:center;gap:.4rem}
.swatch{display:inline-block;width:.75rem;height:.75rem;border-radius:2px}
.cells{list-style:none;padding:0;display:grid;gap:.5em}
.cells li{padding:.3em 0 .3em .75em;border-left:3px solid var(--accent)}
.cells li.recovered{border-left-color:var(--good)}
.figures{display:block;font-variant-numeric:tabular-nums}
.note{display:block;color:var(--good);font-weight:600;font-size:.9em}
.source{color:var(--muted);font-size:.8em}
.error{color:var(--fg)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

export interface Asset {
  type: string;
  body: string;
}

export const ASSETS: Record<string, Asset> = {
  '/embed/frame.js': { type: 'text/javascript; charset=utf-8', body: FRAME_JS },
  '/embed/resize.js': { type: 'text/javascript; charset=utf-8', body: RESIZE_JS },
  '/embed/embed.css': { type: 'text/css; charset=utf-8', body: EMBED_CSS },
};

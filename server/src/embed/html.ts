// The no-JavaScript form of a widget: a small HTML page for an iframe, its figures written on the
// server. Nothing inline: the style sheet and the script that reports the page's height are files
// of their own, so the page's CSP can say `script-src 'self'; style-src 'self'`. Widths are SVG
// attributes (not style attributes), which that CSP allows.
import { formatNumber } from '../../../widgets/src/lib/format.ts';
import type { Lang } from '../../../widgets/src/lib/i18n.ts';
import { messages } from '../../../widgets/src/lib/messages.ts';
import type { Block, Column, View } from './view.ts';

export const esc = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The page's Content-Security-Policy: nothing but its own files; framed by any site. */
export const EMBED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

export interface PageOptions {
  element: string;
  theme: string;
  /** The oEmbed URL describing this page (the discovery link). */
  oembed: string;
}

export function pageOf(view: View, options: PageOptions): string {
  return `<!doctype html>
<html lang="${view.lang}" class="theme-${options.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(view.title)}</title>
<link rel="alternate" type="application/json+oembed" href="${esc(options.oembed)}" title="${esc(view.title)}">
<link rel="stylesheet" href="/embed/embed.css">
<script src="/embed/frame.js" defer></script>
</head>
<body>
<article class="card ${options.element}">
<p class="org">${esc(view.org)}</p>
${view.blocks.map((block) => blockOf(block, view.lang)).join('\n')}
</article>
</body>
</html>
`;
}

const tone = (t: string | undefined) => (t ? ` class="${t}"` : '');

function blockOf(block: Block, lang: Lang): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 class="title">${esc(block.text)}</h1>`;
    case 'figure':
      return `<p class="head"><strong class="big">${esc(block.text)}</strong>${block.note ? ` <span class="muted">${esc(block.note)}</span>` : ''}</p>`;
    case 'line':
      return `<p>${block.spans.map((s) => `<span${tone(s.tone)}>${esc(s.text)}</span>`).join('')}</p>`;
    case 'bar':
      return `<svg class="bar" viewBox="0 0 1000 20" preserveAspectRatio="none" role="progressbar" aria-label="${esc(block.label)}" aria-valuemin="0" aria-valuemax="${block.max}" aria-valuenow="${block.now}" aria-valuetext="${esc(block.valueText)}"><rect class="track" width="1000" height="20" rx="10"/><rect class="fill" width="${round(block.fill * 1000)}" height="20" rx="10"/><rect class="mark" x="${round(block.mark * 1000 - 2)}" width="4" height="20"/></svg>`;
    case 'columns':
      return columnsOf(block.columns, block.caption, block.head);
    case 'stack': {
      const total = block.parts.reduce((sum, p) => sum + p.count, 0) || 1;
      let x = 0;
      const rects = block.parts.map((p) => {
        const rect = `<rect class="k${p.shade}" x="${round((x / total) * 1000)}" width="${round((p.count / total) * 1000)}" height="20"/>`;
        x += p.count;
        return rect;
      });
      const items = block.parts.map((p) => `<li><span class="swatch k${p.shade}"></span>${esc(p.text)}</li>`);
      return `<svg class="stack" viewBox="0 0 1000 20" preserveAspectRatio="none" aria-hidden="true">${rects.join('')}</svg>\n<ul class="legend">${items.join('')}</ul>`;
    }
    case 'list':
      return `<ul class="cells">${block.items
        .map(
          (i) =>
            `<li${i.note ? ' class="recovered"' : ''}><b>${esc(i.name)}</b>${i.context ? ` <span class="muted">· ${esc(i.context)}</span>` : ''}<span class="figures">${esc(i.detail)}</span>${i.note ? `<span class="note">✓ ${esc(i.note)}</span>` : ''}</li>`,
        )
        .join('\n')}</ul>${
        block.more ? `\n<p class="muted">${esc(messages(lang).more(formatNumber(lang, block.more)))}</p>` : ''
      }`;
    case 'empty':
      return `<p class="muted empty">${esc(block.text)}</p>`;
    case 'source':
      return `<p class="source">${esc(block.text)}</p>`;
  }
}

function columnsOf(columns: Column[], caption: string, head: [string, string]): string {
  const w = 10;
  const bars = columns
    .map(
      (c, i) =>
        `<rect x="${i * w + 1.5}" width="${w - 3}" y="${round(100 - c.share * 96)}" height="${round(c.share * 96)}"/>`,
    )
    .join('');
  const axis = columns.map((c) => `<span><b>${esc(c.count)}</b><i>${esc(c.short)}</i></span>`).join('');
  const rows = columns.map((c) => `<tr><th scope="row">${esc(c.long)}</th><td>${esc(c.count)}</td></tr>`).join('');
  return `<svg class="chart" viewBox="0 0 ${columns.length * w} 100" preserveAspectRatio="none" aria-hidden="true">${bars}<line x1="0" x2="${columns.length * w}" y1="100" y2="100"/></svg>
<div class="axis${columns.length > 16 ? ' dense' : ''}" aria-hidden="true">${axis}</div>
<table class="sr-only"><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(head[0])}</th><th scope="col">${esc(head[1])}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** An error as a page of its own (400, 404): it says what is wrong, in the iframe. */
export function errorPageOf(status: number, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${status === 404 ? 'Not found' : 'Bad request'}</title><link rel="stylesheet" href="/embed/embed.css"><script src="/embed/frame.js" defer></script></head>
<body><article class="card error"><p>${esc(message)}</p></article></body>
</html>
`;
}

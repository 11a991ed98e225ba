// An embed as an image: the same blocks as the page, laid out at a fixed width in SVG (title,
// main figure, bar or list), with the figures in words as its <title>, <desc> and aria-label.
// The PNG is this SVG rasterised (png.ts), so the layout is written once. SVG has no line
// breaking: lines are wrapped by an estimate of DejaVu Sans's advance widths (the font the PNG
// is drawn with), generous enough that a line does not overflow.
import { formatNumber } from '../../../widgets/src/lib/format.ts';
import { messages } from '../../../widgets/src/lib/messages.ts';
import { esc } from './html.ts';
import type { Block, View } from './view.ts';

export const WIDTH = 600;
const PAD = 20;
const INNER = WIDTH - 2 * PAD;
/** Items of a list drawn in the image; the rest are counted on one line (the alt text has them all). */
const MAX_ITEMS = 10;
export const FONT_FAMILY = 'DejaVu Sans, Verdana, sans-serif';

const PALETTES = {
  light: {
    fg: '#1f1d1b',
    muted: '#5b5651',
    accent: '#b3261e',
    good: '#1d6b3c',
    track: '#ebe5df',
    bg: '#fffdfa',
    border: '#ddd5cc',
  },
  dark: {
    fg: '#f1ece6',
    muted: '#bdb4aa',
    accent: '#ff8a7a',
    good: '#7fd49b',
    track: '#3a3532',
    bg: '#1f1c1a',
    border: '#4a433e',
  },
};
type Palette = (typeof PALETTES)['light'];

/** "và 3 đơn vị khác": the widgets' words for the items not drawn. */
const more = (lang: 'vi' | 'en', n: number) => messages(lang).more(formatNumber(lang, n));

/** Lines of at most `width` pixels at `size`, breaking at spaces (a word longer than a line is cut). */
export function wrap(text: string, size: number, width = INNER, bold = false): string[] {
  const max = Math.max(8, Math.floor(width / (size * (bold ? 0.68 : 0.62))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > max ? `${word.slice(0, max - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface Image {
  svg: string;
  height: number;
}

export function svgOf(view: View, theme: 'auto' | 'light' | 'dark'): Image {
  const p = theme === 'dark' ? PALETTES.dark : PALETTES.light;
  const out: string[] = [];
  let y = PAD;
  const text = (lines: string[], size: number, fill: string, bold = false, gap = 1.35, x = PAD) => {
    for (const line of lines) {
      y += size;
      out.push(
        `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${bold ? ' font-weight="bold"' : ''}>${esc(line)}</text>`,
      );
      y = Math.round((y + size * (gap - 1)) * 10) / 10;
    }
  };
  text(wrap(view.org.toLocaleUpperCase(view.lang), 12), 12, p.muted);
  y += 8;
  for (const block of view.blocks) {
    drawBlock(
      block,
      p,
      view.lang,
      text,
      (h) => (y += h),
      () => y,
      out,
    );
    y += 10;
  }
  const height = Math.ceil(y + PAD - 10);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${esc(view.alt)}" lang="${view.lang}">
<title>${esc(view.title)}</title>
<desc>${esc(view.alt)}</desc>
<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="8" fill="${p.bg}" stroke="${p.border}"/>
<g font-family="${FONT_FAMILY}">
${out.join('\n')}
</g>
</svg>
`;
  return { svg, height };
}

type Text = (lines: string[], size: number, fill: string, bold?: boolean, gap?: number, x?: number) => void;

function drawBlock(
  b: Block,
  p: Palette,
  lang: 'vi' | 'en',
  text: Text,
  advance: (h: number) => void,
  at: () => number,
  out: string[],
) {
  const tone = (t: string | undefined) =>
    t === 'good' ? p.good : t === 'accent' ? p.accent : t === 'muted' ? p.muted : p.fg;
  switch (b.kind) {
    case 'heading':
      return text(wrap(b.text, 16, INNER, true), 16, p.fg, true);
    case 'figure':
      text(wrap(b.text, 28, INNER, true), 28, p.fg, true, 1.2);
      if (b.note) text(wrap(b.note, 14), 14, p.muted);
      return;
    case 'line': {
      const whole = b.spans.map((s) => s.text).join('');
      const lines = wrap(whole, 14);
      if (lines.length > 1 || b.spans.length === 1) return text(lines, 14, tone(b.spans[0]?.tone));
      advance(14);
      const spans = b.spans.map(
        (s) =>
          `<tspan fill="${tone(s.tone)}"${s.tone && s.tone !== 'muted' ? ' font-weight="bold"' : ''}>${esc(s.text)}</tspan>`,
      );
      out.push(`<text x="${PAD}" y="${at()}" font-size="14" xml:space="preserve">${spans.join('')}</text>`);
      return advance(14 * 0.35);
    }
    case 'bar': {
      advance(4);
      const y = at();
      out.push(`<rect x="${PAD}" y="${y}" width="${INNER}" height="14" rx="7" fill="${p.track}"/>`);
      if (b.fill > 0)
        out.push(
          `<rect x="${PAD}" y="${y}" width="${Math.max(14, b.fill * INNER).toFixed(1)}" height="14" rx="7" fill="${p.accent}"/>`,
        );
      out.push(
        `<rect x="${(PAD + b.mark * INNER - 1).toFixed(1)}" y="${y - 4}" width="2" height="22" fill="${p.fg}"/>`,
      );
      return advance(22);
    }
    case 'columns': {
      const n = b.columns.length;
      const w = INNER / n;
      const chart = 110;
      const top = at() + 16;
      const every = Math.ceil(n / Math.floor(INNER / 34)); // a label every `every` months, so labels never collide
      b.columns.forEach((c, i) => {
        const h = c.share * (chart - 4);
        const x = PAD + i * w;
        out.push(
          `<rect x="${(x + w * 0.15).toFixed(1)}" y="${(top + chart - h).toFixed(1)}" width="${(w * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${p.accent}"/>`,
        );
        if (i % every !== 0) return;
        const mid = (x + w / 2).toFixed(1);
        if (w >= 24)
          out.push(
            `<text x="${mid}" y="${(top + chart - h - 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="${p.fg}" font-weight="bold">${esc(c.count)}</text>`,
          );
        out.push(
          `<text x="${mid}" y="${top + chart + 15}" font-size="11" text-anchor="middle" fill="${p.muted}">${esc(c.short)}</text>`,
        );
      });
      out.push(`<rect x="${PAD}" y="${top + chart}" width="${INNER}" height="1" fill="${p.border}"/>`);
      return advance(16 + chart + 20);
    }
    case 'stack': {
      const total = b.parts.reduce((sum, part) => sum + part.count, 0) || 1;
      let x = PAD;
      advance(4);
      const fillOf = (shade: number) =>
        shade === 4
          ? `fill="${p.fg}" fill-opacity="0.55"`
          : `fill="${p.accent}" fill-opacity="${[1, 0.7, 0.45, 0.3][shade] ?? 1}"`;
      for (const part of b.parts) {
        const w = (part.count / total) * INNER;
        out.push(`<rect x="${x.toFixed(1)}" y="${at()}" width="${w.toFixed(1)}" height="14" ${fillOf(part.shade)}/>`);
        x += w;
      }
      advance(26);
      for (const part of b.parts) {
        out.push(`<rect x="${PAD}" y="${at() + 2}" width="12" height="12" rx="2" ${fillOf(part.shade)}/>`);
        out.push(`<text x="${PAD + 20}" y="${at() + 13}" font-size="14" fill="${p.fg}">${esc(part.text)}</text>`);
        advance(21);
      }
      return;
    }
    case 'list': {
      for (const item of b.items.slice(0, MAX_ITEMS)) {
        const top = at();
        const head = item.context ? `${item.name} · ${item.context}` : item.name;
        text(wrap(head, 14, INNER - 12, true), 14, p.fg, true, 1.35, PAD + 12);
        text(wrap(item.detail, 13, INNER - 12), 13, p.fg, false, 1.35, PAD + 12);
        if (item.note) text(wrap(`✓ ${item.note}`, 13, INNER - 12), 13, p.good, true, 1.35, PAD + 12);
        out.push(
          `<rect x="${PAD}" y="${top + 1}" width="3" height="${(at() - top).toFixed(1)}" fill="${item.note ? p.good : p.accent}"/>`,
        );
        advance(8);
      }
      const hidden = Math.max(0, b.items.length - MAX_ITEMS) + (b.more ?? 0);
      if (hidden > 0) text([more(lang, hidden)], 13, p.muted);
      return;
    }
    case 'empty':
      return text(wrap(b.text, 14), 14, p.muted);
    case 'source':
      return text(wrap(b.text, 12), 12, p.muted);
  }
}

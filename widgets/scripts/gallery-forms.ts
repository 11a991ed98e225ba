// The four forms the gallery shows an example in, each with its snippet: the script (with a
// <noscript> image for readers without JavaScript), the iframe (/embed/<element>, sized by
// resize.js or AMP), the image (/embed/<element>.png, for RSS, newsletters and social cards) and the
// noscript fallback alone. Every URL is derived from the element's own attributes, so that the
// forms cannot disagree; ORIGIN is replaced by the server's origin in the page (gallery.js).
import type { Example } from './gallery-examples.ts';

/** The attributes the embeds read (server/src/embed/params.ts); others (api, source, …) are the script's alone. */
const EMBED_ATTRIBUTES = [
  'snapshot',
  'org',
  'from',
  'to',
  'as-of',
  'recovered-to',
  'concern',
  'max-items',
  'lang',
  'theme',
];
/** The image's width (server/src/embed/svg.ts). */
const WIDTH = 600;

export const SCRIPT = '<script type="module" src="ORIGIN/widgets/ketnap.js"></script>';
export const RESIZER = '<script async src="ORIGIN/embed/resize.js"></script>';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<ketnap-progress org="x" from="…">` → the element's name and attributes. */
function parse(html: string): { element: string; attributes: Map<string, string> } {
  const [, tag = '', rest = ''] = /^<ketnap-([a-z-]+)([^>]*)>/.exec(html) ?? [];
  const attributes = new Map([...rest.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  return { element: tag, attributes };
}

/** The element's embed URL on `origin` (`ORIGIN`, or the example's api): its page, or an image. */
export function embedUrl(html: string, extension = ''): string {
  const { element, attributes } = parse(html);
  const query = EMBED_ATTRIBUTES.filter((name) => attributes.get(name)).map(
    (name) => `${name}=${encodeURIComponent(attributes.get(name) as string)}`,
  );
  return `${attributes.get('api') ?? 'ORIGIN'}/embed/${element}${extension}?${query.join('&')}`;
}

/**
 * What the image says until the page has fetched the figures in words (gallery.js puts the SVG's
 * description in its place, in the live images and in a snippet as it is copied).
 */
export const altOf = (e: Example) => `${e.title} (ketnap)`;

const image = (e: Example) => `<img src="${esc(embedUrl(e.html, '.png'))}" alt="${esc(altOf(e))}" width="${WIDTH}">`;

/** The `<noscript>` every script snippet carries: the same figures as an image. */
export const noscriptOf = (e: Example) => `<noscript>${image(e)}</noscript>`;

/** The script form's snippet: the script, the element, and its <noscript> image. */
export const scriptSnippet = (e: Example) => `${SCRIPT}\n${e.html}\n${noscriptOf(e)}`;

export interface Form {
  name: 'script' | 'iframe' | 'image' | 'noscript';
  title: string;
  /** What the gallery page shows (its strict CSP allows no style attribute: classes instead). */
  live: string;
  snippet: string;
}

export function formsOf(e: Example): Form[] {
  const frame = `<iframe src="${esc(embedUrl(e.html))}" title="${esc(e.title)}" width="${WIDTH}" height="240" loading="lazy"`;
  const img = image(e);
  return [
    { name: 'script', title: 'Script: the live element', live: e.html, snippet: scriptSnippet(e) },
    {
      name: 'iframe',
      title: 'Iframe: for CMSs that strip scripts (and AMP’s amp-iframe); resize.js fits its height',
      live: `${frame} class="frame"></iframe>`,
      snippet: `${frame} style="border:0;width:100%;max-width:${WIDTH}px"></iframe>\n${RESIZER}`,
    },
    {
      name: 'image',
      title: 'Image: for RSS, newsletters, social cards and print (PNG; .svg too)',
      live: img.replace('<img ', '<img class="image" loading="lazy" '),
      snippet: img,
    },
    {
      name: 'noscript',
      title: 'Noscript: what a reader without JavaScript sees of the script form',
      live: img.replace('<img ', '<img class="image" loading="lazy" '),
      snippet: noscriptOf(e),
    },
  ];
}

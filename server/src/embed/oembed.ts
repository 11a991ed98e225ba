// oEmbed (https://oembed.com): `GET /oembed?url=<an /embed/… URL of this server>&format=json`
// answers what a CMS needs to embed it: type `rich` with the iframe (and the resizer script) for
// a page, type `photo` for an .svg or .png image. The pages announce it with a discovery link.
import { HttpError } from '../http/http-error.ts';
import { esc } from './html.ts';
import { canonicalSearch, type EmbedQuery, embedPath, type Format } from './params.ts';
import { resolveQuery } from './snapshots.ts';
import { WIDTH } from './svg.ts';
import type { View } from './view.ts';

/** The embed an oEmbed request asks about, and the size limits the consumer gave. */
export interface OembedRequest {
  query: EmbedQuery;
  format: Format;
  maxWidth?: number | undefined;
  maxHeight?: number | undefined;
}

export async function readOembed(params: URLSearchParams, origin: string): Promise<OembedRequest> {
  const format = params.get('format') ?? 'json';
  if (format === 'xml') throw new HttpError(501, 'Parameter "format": only json is served');
  if (format !== 'json') throw new HttpError(400, 'Parameter "format": write format=json');
  const raw = params.get('url');
  if (!raw) throw new HttpError(400, 'Parameter "url": required, the address of an /embed/… page of this server');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HttpError(400, 'Parameter "url": not an absolute URL');
  }
  const embed = embedPath(url.pathname);
  // A CSV file of figures is no embed a page can show.
  if (!embed || embed.format === 'csv' || url.host !== new URL(origin).host)
    throw new HttpError(404, 'Parameter "url": not an /embed/… address of this server');
  let query: EmbedQuery;
  try {
    query = await resolveQuery(embed.element, url.searchParams);
  } catch (error) {
    throw error instanceof HttpError ? new HttpError(error.status, `Parameter "url": ${error.message}`) : error;
  }
  const size = (name: string) => {
    const value = params.get(name);
    if (value === null || value === '') return undefined;
    if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
      throw new HttpError(400, `Parameter "${name}": a number of pixels`);
    return Number(value);
  };
  return { query, format: embed.format, maxWidth: size('maxwidth'), maxHeight: size('maxheight') };
}

/** The oEmbed answer, given the embed's view and the height of its image (the page's is close). */
export function oembedOf(request: OembedRequest, view: View, imageHeight: number, origin: string): object {
  const { query, format } = request;
  const src = `${origin}/embed/${query.element}${format === 'html' ? '' : `.${format}`}?${canonicalSearch(query)}`;
  const maxWidth = request.maxWidth ?? WIDTH;
  const maxHeight = request.maxHeight ?? Number.POSITIVE_INFINITY;
  // An image scales as a whole; a page reflows, so only its box is bounded (resize.js fits it after).
  const scale = format === 'html' ? 1 : Math.min(1, maxWidth / WIDTH, maxHeight / imageHeight);
  const width = Math.floor(Math.min(WIDTH * scale, maxWidth));
  const height = Math.floor(Math.min(imageHeight * scale, maxHeight));
  const common = {
    version: '1.0',
    title: view.title,
    provider_name: 'ketnap',
    provider_url: `${origin}/`,
    cache_age: 60,
  };
  if (format !== 'html') return { ...common, type: 'photo', url: src, width, height };
  const html =
    `<iframe src="${esc(src)}" title="${esc(view.title)}" width="${width}" height="${height}" ` +
    `style="border:0;width:100%;max-width:${width}px" loading="lazy"></iframe>` +
    `<script async src="${esc(origin)}/embed/resize.js"></script>`;
  return { ...common, type: 'rich', html, width, height };
}

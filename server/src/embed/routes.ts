// The no-JavaScript forms of the widgets: /embed/<element> (a page for an iframe), /embed/<element>.svg
// and .png (images), /embed/<element>.csv (the figures as a file: "Tải số liệu"), /oembed, and the pages' own files (/embed/frame.js, resize.js, embed.css); and
// the frozen widgets' documents, /snapshots/<id>. Live figures come from the widget's persisted
// operation run through yoga as the widgets' GETs are; both the operation's answer and each form's
// bytes are kept in the public answer store, in the organisation's scope (a write to it makes them
// stale). With `snapshot=ID` the figures are the snapshot's, in a scope no write touches. Bad
// attributes get a 400 naming the attribute, an unknown organisation or snapshot a 404: as pages
// for the iframe, as text for the rest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Computed } from '../http/answers/public-read.ts';
import { answerOf } from '../http/answers/public-read.ts';
import type { Answer, AnswerStore } from '../http/answers/store.ts';
import { HttpError } from '../http/http-error.ts';
import { ASSETS } from './assets.ts';
import { embedCache, type Outcome, rawAnswer, sendAnswer } from './cache.ts';
import { csvFileName, csvOf } from './csv.ts';
import { dataOf, operationIds, operationPath } from './data.ts';
import { EMBED_CSP, errorPageOf, pageOf } from './html.ts';
import { type OembedRequest, oembedOf, readOembed } from './oembed.ts';
import { canonicalSearch, type EmbedQuery, embedPath, type Format } from './params.ts';
import { pngOf } from './png.ts';
import { needsLookup, resolveQuery, snapshotBody } from './snapshots.ts';
import { svgOf } from './svg.ts';
import { viewOf } from './view.ts';

export interface EmbedOptions {
  store: AnswerStore;
  /** Persisted operations (id → text): the widgets' operations are found in it by name. */
  manifest: Record<string, string>;
  /** Runs a persisted operation's GET through GraphQL (yoga), anonymously: the public read path's. */
  compute(path: string, accept: string): Promise<Computed>;
  /** Called before computing: false when the client has spent its budget (it got a 429). */
  admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** Does this path belong to the embeds? */
export const isEmbedRoute = (path: string): boolean =>
  path === '/oembed' || path.startsWith('/embed/') || path.startsWith('/snapshots/');

/** A snapshot's document never changes: kept by browsers and CDNs for a year. */
export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Its figures never change either, but the forms' drawing may improve: a day. */
const FROZEN_FORM_CACHE_CONTROL = 'public, max-age=86400';

const assets = Object.fromEntries(
  Object.entries(ASSETS).map(([path, asset]) => [
    path,
    answerOf({ body: Buffer.from(asset.body), contentType: asset.type }),
  ]),
);

/** What one request asks for: a form of an embed, or its oEmbed description. */
type Asked = { form: Format; query: EmbedQuery } | { form: 'oembed'; query: EmbedQuery; oembed: OembedRequest };

export function embedRoutes(options: EmbedOptions) {
  const cache = embedCache(options.store);
  const ids = operationIds(options.manifest);

  /** The operation's JSON answer for these attributes (kept like a widget's read). */
  const dataFor = async (query: EmbedQuery) => {
    if (query.snapshot) return dataOf(query, query.snapshot.body);
    const id = ids[query.element];
    if (!id)
      throw new HttpError(503, `The ${query.element} operation is not in this server's manifest (build the widgets)`);
    const path = operationPath(id, query);
    const { answer } = await cache.through(`embed-data\0${path}`, query.org, async () => {
      const computed = await options.compute(path, 'application/json');
      dataOf(query, computed.body); // a refusal or an unknown organisation is thrown, not kept
      if (!computed.cacheable) throw new HttpError(503, 'The figures could not be computed just now; try again later');
      return rawAnswer(computed.contentType, computed.body);
    });
    return dataOf(query, (answer as Answer).body);
  };

  /** Makes the bytes of one answer. */
  const make = async (asked: Asked, origin: string): Promise<Answer> => {
    const { query } = asked;
    const data = await dataFor(query);
    const made = (body: string, contentType: string) => answerOf({ body: Buffer.from(body), contentType });
    if (asked.form === 'csv') return made(csvOf(query, data), 'text/csv; charset=utf-8');
    const view = viewOf(query, data);
    const image = svgOf(view, query.theme);
    switch (asked.form) {
      case 'html': {
        const page = `${origin}/embed/${query.element}?${canonicalSearch(query)}`;
        const oembed = `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
        return made(pageOf(view, { element: query.element, theme: query.theme, oembed }), 'text/html; charset=utf-8');
      }
      case 'svg':
        return made(image.svg, 'image/svg+xml; charset=utf-8');
      case 'png':
        return rawAnswer('image/png', await pngOf(image.svg));
      case 'oembed':
        return made(
          JSON.stringify(oembedOf(asked.oembed, view, image.height, origin)),
          'application/json; charset=utf-8',
        );
    }
  };

  /** GET /snapshots/<id>: the document stored when the widget was frozen, byte for byte. */
  const snapshot = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<Outcome> => {
    const { answer, outcome } = await cache.through(`snapshot\0${id}`, `snapshot:${id}`, async () => {
      const body = await snapshotBody(id);
      if (!body) throw new HttpError(404, `No snapshot has the id "${id}"`);
      return answerOf({ body, contentType: 'application/json; charset=utf-8' });
    });
    sendAnswer(req, res, answer as Answer, outcome as 'hit' | 'miss', { 'cache-control': SNAPSHOT_CACHE_CONTROL });
    return outcome;
  };

  return async function answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<Outcome | 'none'> {
    const path = url.pathname;
    const embed = embedPath(path);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Embeds are read with GET');
      const asset = assets[path];
      if (asset) {
        sendAnswer(req, res, asset, 'hit', { 'cache-control': 'public, max-age=300' });
        return 'hit';
      }
      // A snapshot read from the database spends a point, as a computed answer does: guessed ids cost.
      const id = path.startsWith('/snapshots/') ? path.slice('/snapshots/'.length) : snapshotIdOf(url);
      if (needsLookup(id) && !(await options.admit(req, res))) return 'limited';
      if (path.startsWith('/snapshots/')) return await snapshot(req, res, id as string);
      const origin = originOf(req);
      let asked: Asked;
      if (embed) asked = { form: embed.format, query: await resolveQuery(embed.element, url.searchParams) };
      else if (path === '/oembed') {
        const oembed = await readOembed(url.searchParams, origin);
        asked = { form: 'oembed', query: oembed.query, oembed };
      } else
        throw new HttpError(404, `No embed at ${path}: try /embed/progress, at-risk, trend, grassroots or hamlets`);
      const sizes =
        asked.form === 'oembed' ? `${asked.oembed.format}:${asked.oembed.maxWidth}x${asked.oembed.maxHeight}` : '';
      const key = `embed\0${asked.form}\0${asked.query.element}\0${canonicalSearch(asked.query)}\0${origin}\0${sizes}`;
      const frozen = asked.query.snapshot;
      const { answer, outcome } = await cache.through(
        key,
        frozen ? `snapshot:${frozen.id}` : asked.query.org,
        () => make(asked, origin),
        () => options.admit(req, res),
      );
      if (answer)
        sendAnswer(req, res, answer, outcome as 'hit' | 'miss', {
          ...(asked.form === 'html' ? { 'content-security-policy': EMBED_CSP } : {}),
          ...(asked.form === 'csv'
            ? { 'content-disposition': `attachment; filename="${csvFileName(asked.query)}"` }
            : {}),
          ...(frozen ? { 'cache-control': FROZEN_FORM_CACHE_CONTROL } : {}),
        });
      return outcome;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      refuse(req, res, error, embed?.format === 'html');
      return 'none';
    }
  };
}

/** The snapshot an embed's or an oEmbed request's URL names, if any. */
function snapshotIdOf(url: URL): string | null {
  const id = url.searchParams.get('snapshot');
  if (id !== null || url.pathname !== '/oembed') return id;
  try {
    return new URL(url.searchParams.get('url') ?? '').searchParams.get('snapshot');
  } catch {
    return null;
  }
}

/** A refusal: in an iframe, a page that says what is wrong; elsewhere the message as text. */
function refuse(req: IncomingMessage, res: ServerResponse, error: HttpError, isPage: boolean) {
  const body = isPage ? errorPageOf(error.status, error.message) : `${error.message}\n`;
  res.writeHead(error.status, {
    'content-type': isPage ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    ...(isPage ? { 'content-security-policy': EMBED_CSP } : {}),
    ...(error.status === 405 ? { allow: 'GET, HEAD' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** This server's origin as the client sees it (the Host header; https when a proxy says so). */
function originOf(req: IncomingMessage): string {
  const host = String(req.headers.host ?? '');
  const safe = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
  const proto =
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
      ? 'https'
      : 'http';
  return `${proto}://${safe}`;
}

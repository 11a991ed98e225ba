// The attributes of an embed's URL (`/embed/progress?org=…&from=…&to=…`), read as the custom
// elements read them and checked as the GraphQL read path checks its arguments: a bad one is a
// 400 that names the attribute. Unknown attributes are ignored (as HTML ignores them) and left
// out of the canonical form, so they cannot multiply the cached answers.

import { type Lang, langOf } from '../../../widgets/src/lib/i18n.ts';
import { HttpError } from '../http/http-error.ts';
import { isCalendarDate } from '../rules/dates.ts';
import { dateRange } from '../schema/ranges.ts';
import { EARLIEST_DATE, LATEST_DATE } from '../schema/scalars.ts';

export const ELEMENTS = ['progress', 'at-risk', 'trend', 'grassroots', 'hamlets'] as const;
export type Element = (typeof ELEMENTS)[number];
export type Theme = 'auto' | 'light' | 'dark';
export type Format = 'html' | 'svg' | 'png' | 'csv';

export interface EmbedQuery {
  element: Element;
  org: string;
  lang: Lang;
  theme: Theme;
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  recoveredTo?: string | undefined;
  /** <ketnap-hamlets>: the kind of hamlet listed (`without-cell`, …), and how many at most (as written). */
  concern?: string | undefined;
  maxItems?: string | undefined;
  /** A snapshot's figures (`snapshot=ID`), shown instead of the live ones (embed/snapshots.ts). */
  snapshot?: Frozen | undefined;
  /** Who the figures come from, named in the source line (the widgets' `source`); "ketnap" when left out. */
  source?: string | undefined;
  /** Leaves the source line out (the widgets' `hide-source`). */
  hideSource?: boolean | undefined;
}

/** The figures of a snapshot, as an embed shows them. */
export interface Frozen {
  id: string;
  /** The day the figures were frozen ("số liệu đến ngày …"). */
  figuresOn: string;
  /** The document served at /snapshots/<id>: its `data` is the operation's answer. */
  body: Buffer;
}

/** Each element's date attributes: required or optional. */
export const DATES: Record<
  Element,
  Partial<Record<'from' | 'to' | 'as-of' | 'recovered-to', 'required' | 'optional'>>
> = {
  progress: { from: 'required', to: 'required' },
  trend: { from: 'required', to: 'required' },
  'at-risk': { 'as-of': 'required', 'recovered-to': 'optional' },
  grassroots: { 'as-of': 'optional' },
  hamlets: { 'as-of': 'required' },
};

/** <ketnap-hamlets>'s `concern` values: Đề án 01/ĐA-TU/2016's three kinds of hamlet. */
export const CONCERNS = ['without-cell', 'without-member', 'cell-at-risk'] as const;
/** How many items a list shows when `max-items` is not written; the most it may say. */
export const ITEMS = { default: 6, max: 99 } as const;

const bad = (attribute: string, message: string) => new HttpError(400, `Attribute "${attribute}": ${message}`);

export function isElement(name: string): name is Element {
  return (ELEMENTS as readonly string[]).includes(name);
}

/** `/embed/progress.svg` (or .png, .csv) → { element, format }, or null when the path names no embed. */
export function embedPath(pathname: string): { element: Element; format: Format } | null {
  const match = /^\/embed\/([a-z-]+)(?:\.(svg|png|csv))?$/.exec(pathname);
  if (!match || !isElement(match[1] ?? '')) return null;
  return { element: match[1] as Element, format: (match[2] as Format | undefined) ?? 'html' };
}

export function readQuery(element: Element, params: URLSearchParams): EmbedQuery {
  const org = params.get('org')?.trim() ?? '';
  if (!org) throw bad('org', 'required: the organisation’s public code, e.g. org=thanh-chuong');
  if (org.length > 200 || !/^[A-Za-z0-9._-]+$/.test(org))
    throw bad('org', 'not an organisation code (e.g. thanh-chuong)');
  const lang = params.get('lang') ?? 'vi';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw bad('lang', 'write "vi" (the default) or "en"');
  const theme = params.get('theme') ?? 'auto';
  if (theme !== 'auto' && theme !== 'light' && theme !== 'dark') throw bad('theme', 'write "light", "dark" or "auto"');
  const date = (name: 'from' | 'to' | 'as-of' | 'recovered-to') => {
    const need = DATES[element][name];
    const value = params.get(name) || undefined;
    if (!need) return undefined;
    if (!value) {
      if (need === 'required') throw bad(name, 'required: a calendar date written YYYY-MM-DD, e.g. 2017-07-31');
      return undefined;
    }
    if (!isCalendarDate(value))
      throw bad(name, `${JSON.stringify(value.slice(0, 40))} is not a calendar date: write YYYY-MM-DD with a real day`);
    if (value < EARLIEST_DATE || value > LATEST_DATE)
      throw bad(name, `${value} is outside the dates ketnap knows: ${EARLIEST_DATE} to ${LATEST_DATE}`);
    return value;
  };
  const query: EmbedQuery = {
    element,
    org,
    lang: langOf(lang),
    theme,
    ...sourceOf(params),
    from: date('from'),
    to: date('to'),
    asOf: date('as-of'),
    recoveredTo: date('recovered-to'),
    ...(element === 'hamlets' ? listOf(params) : {}),
  };
  const [start, end, names] = query.from
    ? [query.from, query.to, ['from', 'to']]
    : [query.asOf, query.recoveredTo, ['as-of', 'recovered-to']];
  if (start && end) {
    try {
      dateRange({ from: start, to: end }); // the GraphQL read path's own check of a period
    } catch (error) {
      const argument = (error as { extensions?: { argument?: string } }).extensions?.argument;
      // Its message names GraphQL's arguments; the reader wrote attributes.
      const attribute = (name: string) => (name === 'from' ? names[0] : names[1]) as string;
      const message = (error as Error).message.replace(/(?:[Aa]rgument )?"(from|to)"/g, (_, n) => `"${attribute(n)}"`);
      throw new HttpError(
        400,
        message.startsWith('"') ? `Attribute ${message}` : `Attribute "${attribute(argument ?? 'to')}": ${message}`,
      );
    }
  }
  return query;
}

/** The source line's attributes, as the widgets take them: `source` (plain text) and `hide-source`. */
export function sourceOf(params: URLSearchParams): Pick<EmbedQuery, 'source' | 'hideSource'> {
  const source = params.get('source')?.trim() || undefined;
  if (source && (source.length > 80 || /[\p{Cc}<>]/u.test(source)))
    throw bad('source', 'plain text of at most 80 characters, e.g. source=Ban Tổ chức Huyện ủy');
  const hide = params.get('hide-source');
  if (hide !== null && !['', 'true', '1'].includes(hide))
    throw bad('hide-source', 'write hide-source (or hide-source=true) to leave the source line out');
  return { source, hideSource: hide !== null };
}

/** <ketnap-hamlets>'s list: `concern` and `max-items`, checked as the element checks them (max-items only with a list). */
function listOf(params: URLSearchParams): Pick<EmbedQuery, 'concern' | 'maxItems'> {
  const concern = params.get('concern') || undefined;
  const maxItems = params.get('max-items') || undefined;
  if (concern && !(CONCERNS as readonly string[]).includes(concern))
    throw bad('concern', `write ${CONCERNS.map((c) => `"${c}"`).join(', ')}, or leave it out for the counts alone`);
  if (maxItems && !/^[1-9]\d?$/.test(maxItems)) throw bad('max-items', `a whole number from 1 to ${ITEMS.max}`);
  return { concern, maxItems: concern && maxItems };
}

/**
 * The query's attributes in a fixed order, defaults left out: the cache key and the canonical URL.
 * A snapshot's URL names the snapshot alone: its attributes are kept in it.
 */
export function canonicalSearch(query: EmbedQuery): string {
  const figures: [string, string | undefined][] = query.snapshot
    ? [
        ['snapshot', query.snapshot.id],
        ['max-items', query.maxItems],
      ]
    : [
        ['org', query.org],
        ['from', query.from],
        ['to', query.to],
        ['as-of', query.asOf],
        ['recovered-to', query.recoveredTo],
        ['concern', query.concern],
        ['max-items', query.maxItems],
      ];
  const params = new URLSearchParams();
  const shown: [string, string | undefined][] = [
    ['lang', query.lang === 'vi' ? undefined : query.lang],
    ['theme', query.theme === 'auto' ? undefined : query.theme],
    ['source', query.source],
    ['hide-source', query.hideSource ? 'true' : undefined],
  ];
  for (const [name, value] of [...figures, ...shown]) if (value) params.set(name, value);
  return params.toString();
}

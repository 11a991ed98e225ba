// The figures of an embed: the widget's own persisted operation, with the variables the widget
// sends, run anonymously through yoga exactly as the widgets' GET is. Operations are found in the
// server's manifest by name (`query Progress(...)`), so the embed follows the widgets' build.
import type {
  AtRiskResult,
  GrassrootsResult,
  HamletConcern,
  HamletsResult,
  ProgressResult,
  TrendResult,
} from '../../../widgets/src/operations/generated.ts';
import { HttpError } from '../http/http-error.ts';
import { type Element, type EmbedQuery, ITEMS } from './params.ts';

type Org<R> = NonNullable<R extends { organisation: infer O } ? O : never>;

/** An operation's answer about a known organisation. */
export type EmbedData = { name: string } & (
  | { element: 'progress'; result: Org<ProgressResult> }
  | { element: 'at-risk'; result: Org<AtRiskResult> }
  | { element: 'trend'; result: Org<TrendResult> }
  | { element: 'grassroots'; result: Org<GrassrootsResult> }
  | { element: 'hamlets'; result: Org<HamletsResult> }
);

const OPERATION: Record<Element, string> = {
  progress: 'Progress',
  'at-risk': 'AtRisk',
  trend: 'Trend',
  grassroots: 'Grassroots',
  hamlets: 'Hamlets',
};

/** Each element's persisted operation id, from the manifest (id → query text). */
export function operationIds(manifest: Record<string, string>): Partial<Record<Element, string>> {
  const ids: Partial<Record<Element, string>> = {};
  for (const [id, text] of Object.entries(manifest)) {
    const name = /^\s*query\s+(\w+)/.exec(text)?.[1];
    for (const [element, operation] of Object.entries(OPERATION)) if (name === operation) ids[element as Element] = id;
  }
  return ids;
}

/** The variables the element sends for these attributes (see the widgets' FetchControllers). */
export function variablesOf(q: EmbedQuery): object {
  switch (q.element) {
    case 'progress':
    case 'trend':
      return { org: q.org, from: q.from, to: q.to };
    case 'at-risk':
      return { org: q.org, asOf: q.asOf, recoveredTo: q.recoveredTo || q.asOf, withRecovered: Boolean(q.recoveredTo) };
    case 'grassroots':
      return { org: q.org, asOf: q.asOf || null };
    case 'hamlets': {
      const concern = q.concern ? (q.concern.toUpperCase().replaceAll('-', '_') as HamletConcern) : null;
      const first = Number(q.maxItems ?? ITEMS.default);
      return { org: q.org, asOf: q.asOf, concern, first, withList: Boolean(concern) };
    }
  }
}

/** The path of the widget's GET for these attributes (as the widgets' `operationUrl` writes it). */
export function operationPath(id: string, q: EmbedQuery): string {
  return `/graphql?documentId=${id}&variables=${encodeURIComponent(JSON.stringify(variablesOf(q)))}`;
}

/** GraphQL's argument names → the element's attribute names, for errors. */
const ATTRIBUTES: Record<Element, Record<string, string>> = {
  progress: { org: 'org', from: 'from', to: 'to' },
  trend: { org: 'org', from: 'from', to: 'to' },
  'at-risk': { org: 'org', asOf: 'as-of', from: 'as-of', to: 'recovered-to', recoveredTo: 'recovered-to' },
  grassroots: { org: 'org', asOf: 'as-of' },
  hamlets: { org: 'org', asOf: 'as-of', concern: 'concern', first: 'max-items' },
};

interface GraphQLAnswer {
  data?: { organisation?: ({ name: string } & object) | null } | null;
  errors?: { message: string; extensions?: { argument?: string; code?: string } }[];
}

/**
 * Reads an operation's JSON answer: the organisation's figures; a 400 naming the attribute when
 * GraphQL refused an argument; a 404 for an unknown organisation; a 503 for anything else.
 */
export function dataOf(q: EmbedQuery, body: Buffer): EmbedData {
  let answer: GraphQLAnswer;
  try {
    answer = JSON.parse(body.toString('utf8')) as GraphQLAnswer;
  } catch {
    throw new HttpError(503, 'The figures could not be read just now; try again later');
  }
  const error = answer.errors?.[0];
  if (error) {
    const argument = error.extensions?.argument?.split('"')[0];
    const attribute = argument ? ATTRIBUTES[q.element][argument] : undefined;
    if (attribute || error.extensions?.code === 'BAD_USER_INPUT')
      throw new HttpError(400, `Attribute "${attribute ?? argument ?? 'org'}": ${error.message}`);
    throw new HttpError(503, 'The figures could not be computed just now; try again later');
  }
  const organisation = answer.data?.organisation;
  if (!organisation) throw new HttpError(404, `Unknown organisation "${q.org}": no organisation has this code`);
  return { element: q.element, name: organisation.name, result: organisation } as EmbedData;
}

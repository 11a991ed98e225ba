// The GraphQL HTTP application (no listening here: main.ts does that, tests call yoga.fetch).
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type Actor, type Context, createContext } from './context.ts';
import { PUBLIC_CACHE_CONTROL } from './http/answers/public-read.ts';
import { useArgumentNamesInErrors } from './http/argument-errors.ts';
import { useCompression } from './http/encoding.ts';
import { graphiqlPage, graphiqlPolicy } from './http/graphiql.ts';
import { useInputHygiene } from './http/input-hygiene.ts';
import { useBadRequestStatus } from './http/request-errors.ts';
import { schema } from './schema/index.ts';

export interface AppOptions {
  /** Resolves a bearer token to its actor; null when absent. Throws a GraphQLError when invalid. */
  authenticate?: (request: Request) => Promise<Actor | null>;
  plugins?: Parameters<typeof createYoga>[0]['plugins'];
}

/** Limits on a document's shape, before any cost is computed (graphql-armor). */
export const DOCUMENT_LIMITS = { aliases: 15, tokens: 2_000, directives: 10 } as const;

export function createApp(options: AppOptions = {}): YogaServerInstance<Record<string, unknown>, Context> {
  const authenticate = options.authenticate ?? (async () => null);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // CORS is decided by the HTTP layer (http/origins.ts), before yoga.
    cors: false,
    renderGraphiQL: graphiqlPage,
    graphiql: GRAPHIQL,
    context: async ({ request }) => createContext(await authenticate(request)),
    plugins: [
      maxTokensPlugin({ n: DOCUMENT_LIMITS.tokens }),
      maxAliasesPlugin({ n: DOCUMENT_LIMITS.aliases }),
      maxDirectivesPlugin({ n: DOCUMENT_LIMITS.directives }),
      useInputHygiene(),
      useArgumentNamesInErrors(),
      useBadRequestStatus(),
      useCacheHeaders(),
      useCompression(),
      ...(options.plugins ?? []),
    ],
  });
}

/**
 * Browsers and CDNs may keep an anonymous GET's answer only when it has no error; everything
 * else is no-store. (Persisted reads are answered before yoga: http/answers/public-read.ts.)
 * The GraphiQL page gets its Content-Security-Policy.
 */
function useCacheHeaders(): Plugin {
  const failed = new WeakSet<Request>();
  return {
    onResultProcess: ({ request, result }) => {
      const results = Array.isArray(result) ? result : [result];
      if (results.some((r) => 'errors' in r && r.errors?.length)) failed.add(request);
    },
    onResponse: ({ request, response }) => {
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        response.headers.set('Content-Security-Policy', graphiqlPolicy());
        response.headers.set('X-Frame-Options', 'DENY');
        response.headers.set('Cache-Control', 'no-cache');
        return;
      }
      const cacheable =
        request.method === 'GET' &&
        !request.headers.get('authorization') &&
        response.status === 200 &&
        !failed.has(request);
      response.headers.set('Cache-Control', cacheable ? PUBLIC_CACHE_CONTROL : 'no-store');
    },
  };
}

export const FIRST_QUERY = `# Thanh Chương district, January to July 2017. Press ▶ to run.
query ThanhChuong2017 {
  organisation(code: "thanh-chuong") {
    name
    grassrootsCount(asOf: "2017-01-01") { total bySector { sector committees cells } }
    admissionCount(from: "2017-01-01", to: "2017-07-31")
    quotaProgress(from: "2017-01-01", to: "2017-07-31") { target admitted ratio status }
    atRiskCount(asOf: "2017-01-01")
    atRiskCells(asOf: "2017-01-01", first: 20) {
      cell { name parent(asOf: "2017-01-01") { name } }
      memberCount elderlyCount yearsWithoutAdmission
    }
    recoveredCount(from: "2017-01-01", to: "2017-07-31")
    recoveredCells(from: "2017-01-01", to: "2017-07-31", first: 20) { cell { name } admitted }
  }
}
`;

/** GraphiQL's options: the http layer serves the page itself, compressed (http/graphiql.ts). */
export const GRAPHIQL = { title: 'ketnap GraphQL', defaultQuery: FIRST_QUERY, endpoint: '/graphql' };

// The GraphQL HTTP application (no listening here: main.ts does that, tests call yoga.fetch).
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type Actor, type Context, createContext } from './context.ts';
import { useArgumentNamesInErrors } from './http/argument-errors.ts';
import { useBadRequestStatus } from './http/request-errors.ts';
import { schema } from './schema/index.ts';

export interface AppOptions {
  /** Resolves a bearer token to its actor; null when absent. Throws a GraphQLError when invalid. */
  authenticate?: (request: Request) => Promise<Actor | null>;
  plugins?: Parameters<typeof createYoga>[0]['plugins'];
}

export function createApp(options: AppOptions = {}): YogaServerInstance<Record<string, unknown>, Context> {
  const authenticate = options.authenticate ?? (async () => null);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The bundled GraphiQL: it works without any CDN (organisation boards may be offline).
    renderGraphiQL,
    graphiql: { title: 'ketnap GraphQL', defaultQuery: FIRST_QUERY },
    context: async ({ request }) => createContext(await authenticate(request)),
    plugins: [useArgumentNamesInErrors(), useBadRequestStatus(), ...(options.plugins ?? [])],
  });
}

export const FIRST_QUERY = `# Thanh Chương district, January to July 2017. Press ▶ to run.
query ThanhChuong2017 {
  organisation(code: "thanh-chuong") {
    name
    grassrootsCount(asOf: "2017-01-01") { total bySector { sector committees cells } }
    admissionCount(from: "2017-01-01", to: "2017-07-31")
    quotaProgress(from: "2017-01-01", to: "2017-07-31") { target admitted ratio status }
    atRiskCells(asOf: "2017-01-01") {
      cell { name parent(asOf: "2017-01-01") { name } }
      memberCount elderlyCount yearsWithoutAdmission
    }
    recoveredCells(from: "2017-01-01", to: "2017-07-31") { cell { name } admitted }
  }
}
`;

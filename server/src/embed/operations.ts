// The widgets' operations as the server runs them to freeze a widget: the text of
// widgets/src/operations/<element>.graphql (the single source the persisted-operation manifest is
// built from), run through a GraphQL app of its own that knows no token, so that a snapshot holds
// exactly the public answer, whoever froze it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config.ts';
import type { Element } from './params.ts';

const texts = new Map<Element, string>();
let app: ReturnType<typeof anonymousApp> | undefined;

// Imported when first needed: the schema that yoga.ts serves registers the mutation calling this.
const anonymousApp = () => import('../yoga.ts').then(({ createApp }) => createApp());

/** The element's operation with these variables, as an anonymous reader gets it. */
export async function publicAnswer(element: Element, variables: object) {
  let query = texts.get(element);
  if (!query) {
    query = readFileSync(resolve(repoRoot, `widgets/src/operations/${element}.graphql`), 'utf8');
    texts.set(element, query);
  }
  app ??= anonymousApp();
  const response = await (await app).fetch('http://ketnap.internal/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: { organisation?: object | null } | null; errors?: unknown[] };
}

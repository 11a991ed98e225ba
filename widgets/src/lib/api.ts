// GET requests for persisted operations: simple CORS requests (no custom header, no body),
// so a browser on a newsroom's page sends no preflight and browsers and CDNs may cache them.
import type { PersistedOperation } from '../operations/generated.ts';

/**
 * Where the script was loaded from: the default `api` origin. Read once, while the script runs:
 * a classic script has `document.currentScript`; in the ES module `import.meta.url` says it.
 */
export const scriptOrigin: string = (() => {
  try {
    const src = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;
    return new URL(src).origin;
  } catch {
    return location.origin;
  }
})();

export function operationUrl(api: string, id: string, variables: object): string {
  const base = api.replace(/\/+$/, '');
  return `${base}/graphql?documentId=${id}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
}

/**
 * The operation's data, and when the figures were served, if the browser lets the page read it.
 * Public answers are dropped on every write, so the figures served at that moment were current
 * then. `Last-Modified` is readable from any origin (a CORS-safelisted header) but the server does
 * not send it today; `Date` is readable only when the page is on the API's own origin (the server
 * does not list it in Access-Control-Expose-Headers), so on a newsroom's page there is no time.
 */
export async function request<R, V extends object>(
  api: string,
  op: PersistedOperation<R, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<[data: R, at: string | null]> {
  const res = await fetch(operationUrl(api, op.id, variables), { credentials: 'omit', signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { data?: R | null; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? 'no data');
  return [body.data, res.headers.get('last-modified') ?? res.headers.get('date')];
}

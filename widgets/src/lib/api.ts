// GET requests for persisted operations: simple CORS requests (no custom header, no body),
// so a browser on a newsroom's page sends no preflight and browsers and CDNs may cache them
// (sent by FetchController).
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

// Who may call from a browser. Public reads and anonymous queries: any page (`*`, never with
// credentials). Requests carrying a token: only the admin origins (KETNAP_ADMIN_ORIGINS) and the
// server's own pages (GraphiQL, /admin). Cross-site requests that a plain HTML form could send
// (a POST that is not JSON) are refused, so no page can make a browser run a mutation. A spreadsheet
// upload (multipart/form-data, the GraphQL multipart request spec) is taken only with a token: a
// form cannot set the Authorization header, and a page that can must pass the admin origins.
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const PUBLIC_HEADERS = 'content-type, accept-language';
const ADMIN_HEADERS = 'content-type, accept-language, authorization';

export interface Origins {
  /** CORS headers for a response to this request. */
  headers(req: IncomingMessage): OutgoingHttpHeaders;
  /** Why the request is refused (403 or 415), or null when it may go on. */
  refusal(req: IncomingMessage): { status: number; message: string } | null;
}

export function origins(adminOrigins: readonly string[]): Origins {
  const admins = new Set(adminOrigins.map((o) => o.replace(/\/+$/, '')));
  const isAdmin = (req: IncomingMessage, origin: string) => admins.has(origin) || isSameOrigin(req, origin);
  return {
    headers(req) {
      const origin = req.headers.origin;
      if (!origin) return {};
      const common = { 'access-control-allow-methods': 'GET, POST', 'access-control-max-age': '600' };
      if (isAdmin(req, origin))
        return {
          ...common,
          'access-control-allow-origin': origin,
          'access-control-allow-headers': ADMIN_HEADERS,
          vary: 'Origin',
        };
      return { ...common, 'access-control-allow-origin': '*', 'access-control-allow-headers': PUBLIC_HEADERS };
    },
    refusal(req) {
      const origin = req.headers.origin;
      if (req.headers.authorization && origin && !isAdmin(req, origin))
        return {
          status: 403,
          message: `Requests with a token are accepted only from the admin origins (KETNAP_ADMIN_ORIGINS); not from ${origin}`,
        };
      const type = req.headers['content-type'];
      if (req.method === 'POST' && !isJson(type) && !(isMultipart(type) && req.headers.authorization))
        return {
          status: 415,
          message:
            'POST a JSON body (Content-Type: application/json), or an upload (multipart/form-data) with a token; forms and other bodies are refused',
        };
      return null;
    },
  };
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || type === 'application/graphql-response+json';
}

function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
}

/** The page calling is one of ours: its origin names the host this request was sent to. */
function isSameOrigin(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}

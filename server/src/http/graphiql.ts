// GraphiQL, bundled (no CDN: boards may be offline), rendered once, under a Content-Security-
// Policy that allows exactly its own inline scripts (by hash) and no framing by other sites.
import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type Encoded, encodeAll } from './encoding.ts';

type Options = Parameters<typeof renderGraphiQL>[0];

let rendered: { html: string; csp: string } | undefined;
let encoded: Encoded | undefined;

/** The page (memoised: the same options always render the same page). */
export function graphiqlPage(options: Options): string {
  rendered ??= withPolicy(renderGraphiQL(options));
  return rendered.html;
}

/** The policy of the rendered page ('' before it was rendered). */
export function graphiqlPolicy(): string {
  return rendered?.csp ?? '';
}

function withPolicy(html: string): { html: string; csp: string } {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`,
    // GraphiQL's editor sets styles from JavaScript.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return { html, csp };
}

/** The page's bytes, compressed once (it is about 9 MB as it is, under 2 MB in brotli). */
export function graphiqlBytes(options: Options): Encoded {
  encoded ??= encodeAll(Buffer.from(graphiqlPage(options)));
  return encoded;
}

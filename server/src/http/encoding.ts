// Compression of text responses: brotli or gzip, as the client accepts, chosen once per response.
// Bodies under a kilobyte go as they are (compression would not pay for its headers).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export type Encoding = 'br' | 'gzip';

/** Bytes in each encoding; `identity` is the body itself. */
export interface Encoded {
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

const MIN_BYTES = 1024;

/** The encoding to send for an Accept-Encoding header: brotli first, then gzip, else none. */
export function negotiate(acceptEncoding: string | string[] | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '')
    .toLowerCase()
    .split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return null;
}

/**
 * Compresses a body in both encodings. `best` for files compressed once (brotli 11); otherwise a
 * quick level suited to answers compressed as they are made.
 */
export function encodeAll(body: Buffer, best = false): Encoded {
  if (body.length < MIN_BYTES) return { identity: body };
  return {
    identity: body,
    br: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip: gzipSync(body, { level: best ? 9 : 6 }),
  };
}

/** The bytes to send and their Content-Encoding (none when the body is sent as it is). */
export function pick(encoded: Encoded, acceptEncoding: string | string[] | undefined) {
  const encoding = negotiate(acceptEncoding);
  const bytes = encoding ? encoded[encoding] : undefined;
  return bytes && encoding ? { bytes, encoding } : { bytes: encoded.identity, encoding: null };
}

/** Compresses yoga's answers (a JSON body of a kilobyte or more) as the client accepts. */
export function useCompression(): Plugin {
  return {
    onResponse: async ({ request, response, setResponse, fetchAPI }) => {
      const type = response.headers.get('content-type') ?? '';
      if (!response.body || response.headers.get('content-encoding') || !/json|text\//.test(type)) return;
      const encoding = negotiate(request.headers.get('accept-encoding') ?? undefined);
      if (!encoding) return;
      const body = Buffer.from(await response.arrayBuffer());
      const encoded = encodeAll(body);
      const bytes = encoded[encoding];
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'Accept-Encoding');
      if (bytes) {
        headers.set('content-encoding', encoding);
        headers.set('content-length', String(bytes.length));
      }
      setResponse(new fetchAPI.Response(new Uint8Array(bytes ?? body), { status: response.status, headers }));
    },
  };
}

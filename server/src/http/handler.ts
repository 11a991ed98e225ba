// The node HTTP listener: /healthz, /graphql (yoga), and the widgets' files and pages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../auth/tokens.ts';
import { createApp } from '../yoga.ts';
import { setPublicCache } from './invalidate.ts';
import { publicReadPath } from './public-read.ts';
import { staticFile } from './static.ts';

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'";

export async function createHttpHandler(options: {
  redisUrl?: string | undefined;
  manifest?: Record<string, string> | undefined;
}) {
  const publicRead = publicReadPath(options);
  setPublicCache(publicRead.cache);
  const yoga = createApp({ authenticate, plugins: publicRead.plugins });
  let ready = false;

  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(ready ? 'ok\n' : 'starting\n');
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      return res.end();
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      return res.end();
    }
    if (path === '/demo' || path === '/gallery') {
      res.writeHead(301, { location: `${path}/` });
      return res.end();
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const file = await staticFile(path);
      if (file) {
        res.writeHead(200, {
          'content-type': file.type,
          'cache-control': 'public, max-age=300',
          'access-control-allow-origin': '*',
          'x-content-type-options': 'nosniff',
          // Our own pages prove the widgets need nothing inline: the strictest policy that works.
          ...(file.type.startsWith('text/html') ? { 'content-security-policy': PAGE_CSP } : {}),
        });
        return res.end(req.method === 'HEAD' ? undefined : file.body);
      }
    }
    return yoga(req, res);
  };

  return {
    listener: (req: IncomingMessage, res: ServerResponse) => void listener(req, res),
    markReady: () => void (ready = true),
    markNotReady: () => void (ready = false),
    close: () => publicRead.close(),
  };
}

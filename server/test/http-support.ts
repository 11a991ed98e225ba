// The whole HTTP handler (as `ketnap start` serves it) on a port of its own for the tests of a
// describe block, started before them and closed after; on the database the block's suite opened.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createHttpHandler } from '../src/http/handler.ts';
import { widgetsManifest } from './embed-support.ts';

/** Registers the hooks; `served.base` is the server's URL once the block's tests run. */
export function servedHandler(available: boolean): { base: string } {
  const served = { base: '' };
  let server: Server | undefined;
  let handler: Awaited<ReturnType<typeof createHttpHandler>> | undefined;
  beforeAll(async () => {
    if (!available) return;
    handler = await createHttpHandler({ manifest: widgetsManifest() });
    server = createServer(handler.listener);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    handler.markReady();
    served.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (!server) return;
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeIdleConnections();
    });
    await handler?.close();
  });
  return served;
}

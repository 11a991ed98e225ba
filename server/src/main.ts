// Starts ketnap: database prepared (migrated, demo data on first start), then HTTP on a port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useDatabase } from './db.ts';
import type { StoreOptions } from './http/answers/store.ts';
import { createHttpHandler } from './http/handler.ts';
import type { RateLimit } from './http/limits.ts';
import { createMetrics } from './http/metrics.ts';
import { log } from './log.ts';
import { prepareDatabase } from './seed/prepare.ts';

export interface StartOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  redisUrl?: string | undefined;
  /** Dataset loaded into an empty database; false to leave it empty. */
  seed?: string | false;
  /** Persisted operations (id → query); default: the widgets' built manifest. */
  manifest?: Record<string, string>;
  /** Expensive requests per client and window; default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimit;
  /** Origins whose pages may send requests with a token. */
  adminOrigins?: readonly string[];
  /** The local cache of public answers; default DEFAULT_STORE_OPTIONS. */
  cache?: StoreOptions;
}

export interface Running {
  url: string;
  server: Server;
  http: Awaited<ReturnType<typeof createHttpHandler>>;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<Running> {
  const metrics = createMetrics();
  const database = useDatabase(options.databaseUrl, { onQuery: (_sql, ms) => metrics.statement(ms) });
  const prepared = await prepareDatabase(database, { seed: options.seed });
  if (prepared.migrations.length) log.info('migrations applied', { migrations: prepared.migrations });
  if (prepared.seeded) log.info('dataset loaded', { dataset: prepared.seeded });
  const handler = await createHttpHandler({ ...options, metrics });
  const server = createServer(handler.listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`PORT ${options.port} is already in use: stop what listens there, or set PORT to another port`)
          : error,
      ),
    );
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  handler.markReady();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    server,
    http: handler,
    close: async () => {
      handler.markNotReady();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await handler.close();
      await database.prisma.$disconnect();
    },
  };
}

// Starts ketnap: database prepared (migrated, demo data on first start), then HTTP on a port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useDatabase } from './db.ts';
import { createHttpHandler } from './http/handler.ts';
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
}

export interface Running {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<Running> {
  const database = useDatabase(options.databaseUrl);
  const prepared = await prepareDatabase(database, { seed: options.seed });
  if (prepared.migrations.length) log.info('migrations applied', { migrations: prepared.migrations });
  if (prepared.seeded) log.info('dataset loaded', { dataset: prepared.seeded });
  const handler = await createHttpHandler({ redisUrl: options.redisUrl, manifest: options.manifest });
  const server = createServer(handler.listener);
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  handler.markReady();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    server,
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

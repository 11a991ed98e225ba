// The driver connection under a Prisma client or transaction, as a RawConnection: what an import
// writes and reads in bulk goes there directly. Prisma compiles every statement it is given, raw
// ones included, and copies each parameter through its query compiler; for 100,000 rows that cost
// more than the database's own work. The statements run on the very connection, and so inside the
// very transaction, that Prisma's own statements of the same write use: SQLite's one connection, or
// on PostgreSQL the pooled client that the transaction holds, found by its backend's process id.

import type { Database, OnQuery } from './client.ts';
import type { ReleasingPg } from './pg-adapter.ts';
import { pgQuery, type RawConnection } from './raw.ts';
import { viaClient } from './via-client.ts';

interface RawClient {
  $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T>(sql: string, ...values: unknown[]): PromiseLike<T>;
}

const found = new WeakMap<object, Promise<RawConnection>>();

/**
 * The connection `client` (the database's Prisma client, or a transaction of it) runs on. On
 * PostgreSQL outside a transaction there is no one connection to name: statements then go through
 * the client, as viaClient sends them.
 */
export async function driverConnection(database: Database, client: RawClient): Promise<RawConnection> {
  const connection = await untimed(database, client);
  return database.onQuery ? timed(connection, database.onQuery) : connection;
}

async function untimed(database: Database, client: RawClient): Promise<RawConnection> {
  const { adapter } = database;
  if (adapter.kind === 'sqlite') {
    // Asked each time: Prisma opens the connection on its first statement, and again after a disconnect.
    if (!adapter.factory.connection) await client.$queryRawUnsafe('SELECT 1');
    const connection = adapter.factory.connection;
    if (!connection) throw new Error('the SQLite adapter has no connection');
    return connection;
  }
  let connection = found.get(client);
  if (!connection) {
    connection = pooledClient(adapter.factory, client);
    found.set(client, connection);
  }
  return connection;
}

/** The connection telling `onQuery` of each statement it runs, as the client's log does. */
function timed(connection: RawConnection, onQuery: OnQuery): RawConnection {
  const time = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      onQuery(sql, performance.now() - start, 'driver');
    }
  };
  const { each } = connection;
  return {
    ...connection,
    query: (sql, params) => time(sql, () => connection.query(sql, params)),
    each: each && ((sql, rows) => time(sql, () => each(sql, rows))),
  };
}

/** The pooled client a transaction holds, found by its backend's process id. */
async function pooledClient(factory: ReleasingPg, client: RawClient): Promise<RawConnection> {
  const [backend] = await client.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS "pid"');
  const pooled = backend && factory.inTransaction.get(Number(backend.pid));
  if (!pooled) return viaClient(client, 'postgres');
  return {
    dialect: 'postgres',
    exec: async (sql) => void (await pooled.query(sql)),
    query: pgQuery(pooled),
    exclusive: (fn) => fn(),
    close: async () => undefined,
  };
}

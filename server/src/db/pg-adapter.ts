// The pg adapter, with two additions.
// - A repair: Prisma 6.19 sends COMMIT and releases the connection only when COMMIT succeeds. When
//   COMMIT itself fails (a serialization failure, 40001) the connection was never returned to the
//   pool: after a burst of conflicting writes an instance ran on one connection, and its shutdown
//   waited forever. Here a failed COMMIT rolls back, which releases it.
// - The pooled clients that hold an open transaction, by backend process id: what an import writes
//   in bulk goes to its transaction's client directly (driver.ts), past Prisma's query compiler.
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';

export class ReleasingPg extends PrismaPg {
  /** Clients inside a transaction Prisma started, by their backend's process id. */
  readonly inTransaction = new Map<number, pg.PoolClient>();

  override async connect() {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      const client = (tx as unknown as { client: pg.PoolClient & { processID?: number } }).client;
      const pid = client.processID;
      if (pid !== undefined) this.inTransaction.set(pid, client);
      const forget = () => {
        if (pid !== undefined && this.inTransaction.get(pid) === client) this.inTransaction.delete(pid);
      };
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.sql === 'COMMIT') {
            forget();
            await tx.rollback().catch(() => {});
          }
          throw error;
        }
      };
      for (const end of ['commit', 'rollback'] as const) {
        const ended = tx[end].bind(tx);
        tx[end] = async () => {
          forget();
          return ended();
        };
      }
      return tx;
    };
    return adapter;
  }
}

// The pg adapter, with one repair: Prisma 6.19 sends COMMIT and releases the connection only when
// COMMIT succeeds. When COMMIT itself fails (a serialization failure, 40001) the connection was
// never returned to the pool: after a burst of conflicting writes an instance ran on one
// connection, and its shutdown waited forever. Here a failed COMMIT rolls back, which releases it.
import { PrismaPg } from '@prisma/adapter-pg';

export class ReleasingPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.sql === 'COMMIT') await tx.rollback().catch(() => {});
          throw error;
        }
      };
      return tx;
    };
    return adapter;
  }
}

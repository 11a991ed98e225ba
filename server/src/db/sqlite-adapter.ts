// The better-sqlite3 adapter, keeping hold of its connection: SQLite has one, so a transaction's
// statements and Prisma's own run on it, and what an import writes in bulk can go to it directly
// (driver.ts), past the query compiler that Prisma puts in front of every statement.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Sqlite from 'better-sqlite3';
import { type RawConnection, sqliteConnection } from './raw.ts';

export class KeptBetterSqlite extends PrismaBetterSQLite3 {
  #driver: Sqlite.Database | undefined;
  #connection: RawConnection | undefined;

  override async connect() {
    const adapter = await super.connect();
    // The adapter's Database (a public field of its Queryable): statements prepared on it run in
    // the transaction it has open, if any.
    this.#driver = (adapter as unknown as { client: Sqlite.Database }).client;
    this.#connection = sqliteConnection(this.#driver, () => undefined);
    return adapter;
  }

  /** The adapter's connection while Prisma has it open (it opens another after a disconnect). */
  get connection(): RawConnection | undefined {
    return this.#driver?.open ? this.#connection : undefined;
  }
}

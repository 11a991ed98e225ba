// A Prisma client or transaction seen as a RawConnection: statements written with `?` marks and
// sent with $queryRawUnsafe (which Prisma still compiles, parameter by parameter). Used where no
// one driver connection can be named (PostgreSQL outside a transaction: driver.ts), and by
// `pnpm bench` for the naive raw INSERTs through the client.
import type { Dialect } from '../config.ts';
import type { RawConnection } from './raw.ts';

interface RawClient {
  $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T>(sql: string, ...values: unknown[]): PromiseLike<T>;
}

/** PostgreSQL numbers its parameters: `?` becomes $1, $2, … (no statement here quotes a `?`). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function viaClient(client: RawClient, dialect: Dialect): RawConnection {
  const text = dialect === 'postgres' ? numbered : (sql: string) => sql;
  return {
    dialect,
    exec: async (sql) => void (await client.$executeRawUnsafe(sql)),
    query: async <T>(sql: string, params: unknown[] = []) => await client.$queryRawUnsafe<T[]>(text(sql), ...params),
    exclusive: (fn) => fn(),
    close: async () => undefined,
  };
}

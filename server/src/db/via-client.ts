// A Prisma client or transaction seen as a RawConnection: statements written with `?` marks and
// sent with $queryRawUnsafe, past the client's query compiler. What an import writes in bulk goes
// this way (insertJson), on the connection of its own transaction; `pnpm bench` measures raw
// INSERTs the same way, so the two are compared on one footing.
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

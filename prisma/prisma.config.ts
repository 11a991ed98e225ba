// Prisma CLI configuration for the embedded SQLite database, with the JavaScript schema engine
// (no native engine is downloaded). postgres.config.ts is its PostgreSQL twin.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.SQLITE_URL ?? 'file:../data/ketnap.db' }),
  schema: 'schema.prisma',
  migrations: { path: 'migrations/sqlite' },
});

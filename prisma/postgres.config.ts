// Prisma CLI configuration for PostgreSQL (DATABASE_URL), with the JavaScript schema engine.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' }),
  schema: 'schema.postgres.prisma',
  migrations: { path: 'migrations/postgres' },
});

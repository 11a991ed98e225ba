// Derives the PostgreSQL schema from the one source of truth, prisma/schema.prisma.
// The only differences are the provider, the stand-in URL and the client's output folder.
export function postgresSchemaFrom(sqliteSchema: string): string {
  const header = '// GENERATED from schema.prisma by `pnpm generate`: edit schema.prisma, never this file.\n';
  return (
    header +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('url      = "file:../data/ketnap.db"', 'url      = "postgres://postgres@127.0.0.1:5432/postgres"')
      .replace('output     = "./generated/sqlite"', 'output     = "./generated/postgres"')
      .replace(/generator pothos \{[^}]*\}\n\n/, '')
  );
}

// `pnpm generate`: writes the PostgreSQL schema from schema.prisma, then both Prisma clients
// and the Pothos types, offline (JavaScript engine, no native binary).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { postgresSchemaFrom } from './postgres-schema.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
const source = readFileSync(`${dir}/schema.prisma`, 'utf8');
writeFileSync(`${dir}/schema.postgres.prisma`, postgresSchemaFrom(source));

const prismaCli = fileURLToPath(import.meta.resolve('prisma/build/index.js'));
for (const config of ['prisma.config.ts', 'postgres.config.ts']) {
  execFileSync(process.execPath, [prismaCli, 'generate', '--config', config], {
    cwd: dir,
    stdio: 'inherit',
    // The Pothos generator is a binary of this package: make it findable however we are called.
    env: { ...process.env, PATH: `${dir}/node_modules/.bin:${process.env.PATH}` },
  });
}

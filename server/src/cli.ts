// `ketnap`: the command line. `ketnap --help` lists the commands.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tokenCommand } from './cli/token.ts';
import { configFromEnv } from './config.ts';
import { migrate } from './db/migrate.ts';
import { rawConnect } from './db/raw.ts';
import { log } from './log.ts';
import { loadDataset } from './seed/load.ts';
import { datasetNamed } from './seed/prepare.ts';

const HELP = `ketnap — GraphQL API and widgets for following how party organisations admit new members

Usage: ketnap <command> [options]

Commands:
  start | serve              migrate, load the demo data into an empty database, serve HTTP
      --no-seed              leave an empty database empty
  migrate                    apply the committed migrations
  seed --dataset NAME        load a dataset into an empty database (thanh-chuong-2017)
  token create --role admin|editor|viewer --name NAME [--org CODE] [--expires-in-days N]
                             create an API token; its secret is printed once
  token list                 list tokens (never their secrets)
  token revoke --id N        revoke a token
  schema [--out FILE]        print the GraphQL schema (SDL)

Environment:
  DATABASE_URL   file:/path/to.db (SQLite, default data/ketnap.db) or postgres://…
  PORT           HTTP port (default 4000)      HOST  interface (default 0.0.0.0)
  REDIS_URL      redis://… shares the public response cache and rate limits between instances
  KETNAP_ADMIN_ORIGINS   comma-separated origins whose pages may send tokens (default: none
                 but the server's own pages)
  KETNAP_RATE_LIMIT      expensive requests per client, POINTS/SECONDSs (default 120/60s)
  KETNAP_TRUST_PROXY     1: the client is the first X-Forwarded-For address (behind a proxy)
  KETNAP_CACHE_MB        memory for ready-made public answers (default 64)
  RISK_MIN_MEMBERS, RISK_ELDERLY_AGE, RISK_MIN_ELDERLY, RISK_YEARS_WITHOUT_ADMISSION
                 the at-risk policy (defaults 5, 60, 3, 5)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = configFromEnv();
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'start':
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { 'no-seed': { type: 'boolean' } } });
      const { startServer } = await import('./main.ts');
      const { DEFAULT_STORE_OPTIONS } = await import('./http/answers/store.ts');
      // The last resort: a promise nobody awaited is logged, never the end of the process.
      process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { reason: String(reason) }));
      const running = await startServer({
        databaseUrl: config.databaseUrl,
        port: config.port,
        host: config.host,
        redisUrl: config.redisUrl,
        adminOrigins: config.adminOrigins,
        rateLimit: config.rateLimit,
        cache: { ...DEFAULT_STORE_OPTIONS, maxBytes: config.cacheMegabytes << 20 },
        seed: values['no-seed'] ? false : undefined,
      });
      log.info('ketnap is serving', {
        graphql: `${running.url.replace('127.0.0.1', 'localhost')}/graphql`,
        port: running.server.address(),
      });
      const stop = async (signal: string) => {
        log.info('shutting down', { signal });
        await running.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
      return -1;
    }
    case 'migrate': {
      const conn = await rawConnect(config.databaseUrl);
      try {
        const ran = await conn.exclusive(() => migrate(conn));
        process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'the database is up to date\n');
      } finally {
        await conn.close();
      }
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { dataset: { type: 'string' } } });
      if (!values.dataset) throw new Error('--dataset: name the dataset to load, e.g. --dataset thanh-chuong-2017');
      const make = datasetNamed(values.dataset);
      const conn = await rawConnect(config.databaseUrl);
      try {
        await conn.exclusive(async () => {
          await migrate(conn);
          const [row] = await conn.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM "Organisation"');
          if (Number(row?.n) > 0) {
            throw new Error('seed: the database already holds organisations; seed loads only into an empty database');
          }
          await loadDataset(conn, make());
        });
      } finally {
        await conn.close();
      }
      process.stdout.write(`loaded ${values.dataset}\n`);
      return 0;
    }
    case 'token':
      return tokenCommand(rest, config.databaseUrl);
    case 'schema': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      const { printedSchema } = await import('./schema/print.ts');
      if (values.out) writeFileSync(values.out, printedSchema());
      else process.stdout.write(printedSchema());
      return 0;
    }
    default:
      process.stderr.write(`ketnap: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`ketnap: ${(error as Error).message}\n`);
    process.exit(1);
  },
);

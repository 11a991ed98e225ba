// `ketnap`: the command line. `ketnap --help` lists the commands.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configFromEnv, configHelp } from './config.ts';
import { flushLogs, log } from './log.ts';

const HELP = `ketnap — GraphQL API and widgets for following how party organisations admit new members

Usage: ketnap <command> [options]

Commands:
  start | serve              migrate, load the demo data into an empty database, serve HTTP
      --no-seed              leave an empty database empty
  migrate                    apply the committed migrations
  seed --dataset NAME        load a dataset into an empty database: thanh-chuong-2017 (the demo), or
      [--members N]          vietnam-synthetic, a synthetic nation of N member rows (default 5,600,000;
                             --members 50000 makes a small one in seconds), checked on a sample after loading
  derive                     derive the derived tables again from the base tables (after a change of
                             the risk policy the server does it on start by itself)
  token create --role admin|editor|viewer --name NAME [--org CODE] [--expires-in-days N]
                             create an API token; its secret is printed once
  token list                 list tokens (never their secrets)
  token revoke --id N        revoke a token
  schema [--out FILE]        print the GraphQL schema (SDL)
  import FILE [--kind members|candidates|organisations|quotas] [--commit] [--rejects FILE] [--lang vi|en]
                             check a spreadsheet (.xlsx or .csv; members by default) whole and print what
                             it would do; --commit writes it, all or nothing; --rejects writes the refused
                             rows with an error column. Acts as an admin; exit 1 if a row is refused
  template members|candidates|organisations|quotas [--out FILE.xlsx|.csv]
                             write an import template (Vietnamese headers, guidance, an example)
  export members|candidates --org CODE [--format xlsx|csv] [--out FILE]
                             the members or candidates of a subtree in their template's columns (edit, import back)
  report admissions --org CODE --period PERIOD [--out FILE.xlsx]
                             the admissions report a board sends up (period: 2017-Q3, 2017-H1, 2017, 2017-07,
                             2015-2020): one row per grassroots organisation, totals, breakdowns; A4 landscape

Environment:
${configHelp()}
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Read when a command needs it, so that --help answers whatever the environment holds.
  let loaded: ReturnType<typeof configFromEnv> | undefined;
  const settings = () => (loaded ??= configFromEnv());
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
        databaseUrl: settings().databaseUrl,
        port: settings().port,
        host: settings().host,
        redisUrl: settings().redisUrl,
        adminOrigins: settings().adminOrigins,
        rateLimit: settings().rateLimit,
        cache: {
          ...DEFAULT_STORE_OPTIONS,
          maxBytes: settings().cacheMegabytes << 20,
          staleMs: settings().staleSeconds * 1000,
        },
        seed: values['no-seed'] ? false : undefined,
      });
      log.info('ketnap is serving', {
        graphql: `${running.url.replace('127.0.0.1', 'localhost')}/graphql`,
        port: (running.server.address() as { port: number }).port,
      });
      const stop = async (signal: string) => {
        log.info('shutting down', { signal });
        await running.close();
        flushLogs();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
      return -1;
    }
    case 'migrate': {
      const { rawConnect } = await import('./db/raw.ts');
      const { migrate } = await import('./db/migrate.ts');
      const conn = await rawConnect(settings().databaseUrl);
      try {
        const ran = await conn.exclusive(() => migrate(conn));
        process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'the database is up to date\n');
      } finally {
        await conn.close();
      }
      return 0;
    }
    case 'seed': {
      // Loaded here, not at the top: `ketnap --help` compiles and loads none of this.
      const { rawConnect } = await import('./db/raw.ts');
      const { migrate } = await import('./db/migrate.ts');
      const { streamedDatasets } = await import('./seed/datasets.ts');
      const { loadDataset } = await import('./seed/load.ts');
      const { progressBar } = await import('./seed/nation/progress.ts');
      const { datasetNamed } = await import('./seed/prepare.ts');
      const { values } = parseArgs({
        args: rest,
        options: { dataset: { type: 'string' }, members: { type: 'string' } },
      });
      if (!values.dataset) throw new Error('--dataset: name the dataset to load, e.g. --dataset thanh-chuong-2017');
      const name = values.dataset;
      const streamed = streamedDatasets[name];
      if (!streamed && values.members !== undefined)
        throw new Error(`--members applies to a generated dataset (${Object.keys(streamedDatasets).join(', ')})`);
      const members = values.members === undefined ? undefined : Number(values.members.replaceAll('_', ''));
      const make = streamed ? null : datasetNamed(name);
      const conn = await rawConnect(settings().databaseUrl);
      let said = `loaded ${name}\n`;
      try {
        await conn.exclusive(async () => {
          await migrate(conn);
          const [row] = await conn.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM "Organisation"');
          if (Number(row?.n) > 0) {
            throw new Error('seed: the database already holds organisations; seed loads only into an empty database');
          }
          if (make) return loadDataset(conn, make());
          if (!streamed) return;
          const total = members ?? streamed.defaultMembers;
          const progress = progressBar(process.stderr, total, { label: name, unit: 'members' });
          const summary = await streamed.load(conn, { members: total, progress });
          progress.done(`${summary.members.toLocaleString('en')} members loaded`);
          const report = await streamed.check(conn);
          said =
            `loaded ${name}: ${Object.entries(summary.rows)
              .map(([table, n]) => `${table} ${n}`)
              .join(', ')}; ${summary.present} members on ${summary.horizon}\n` +
            `checked on a sample (${report.sample.members} members, ${report.sample.cells} cells of which ${report.sample.mergedCells} merged, ${report.sample.candidates} candidates): every rule holds\n`;
        });
      } finally {
        await conn.close();
      }
      process.stdout.write(said);
      return 0;
    }
    case 'derive': {
      const { rawConnect } = await import('./db/raw.ts');
      const { migrate } = await import('./db/migrate.ts');
      const { rebuildDerived } = await import('./derived/rebuild.ts');
      const { viaConnection } = await import('./derived/sql.ts');
      const { inTransaction } = await import('./seed/prepare.ts');
      const { activeRiskPolicy } = await import('./rules/risk.ts');
      const conn = await rawConnect(settings().databaseUrl);
      const start = performance.now();
      try {
        await conn.exclusive(async () => {
          await migrate(conn);
          await inTransaction(conn, () => rebuildDerived(viaConnection(conn), activeRiskPolicy()));
        });
      } finally {
        await conn.close();
      }
      process.stdout.write(`derived tables rebuilt in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
      return 0;
    }
    case 'token': {
      const { tokenCommand } = await import('./cli/token.ts');
      return tokenCommand(rest, settings().databaseUrl);
    }
    case 'schema': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      const { printedSchema } = await import('./schema/print.ts');
      if (values.out) writeFileSync(values.out, printedSchema());
      else process.stdout.write(printedSchema());
      return 0;
    }
    case 'import': {
      const { importCommand } = await import('./import/command.ts');
      return importCommand(rest, settings().databaseUrl);
    }
    case 'template': {
      const { templateCommand } = await import('./import/command.ts');
      return templateCommand(rest);
    }
    case 'export': {
      const { exportCommand } = await import('./export/command.ts');
      return exportCommand(rest, settings().databaseUrl);
    }
    case 'report': {
      const { reportCommand } = await import('./report-file/command.ts');
      return reportCommand(rest, settings().databaseUrl);
    }
    default:
      process.stderr.write(`ketnap: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    flushLogs();
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`ketnap: ${(error as Error).message}\n`);
    flushLogs();
    process.exit(1);
  },
);

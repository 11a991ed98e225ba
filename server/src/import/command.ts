// `ketnap import FILE [--kind members|candidates|organisations|quotas] [--commit] [--rejects FILE] [--lang vi|en]`
// and `ketnap template KIND [--out FILE]`. The command line acts as an admin (it has the database's URL, which is more than
// any token): it writes anywhere, and its audit events name the operating-system user.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Actor } from '../context.ts';
import { useDatabase } from '../db.ts';
import { KINDS, kindNamed } from './kinds.ts';
import type { ImportReport } from './report.ts';
import { writeTemplate } from './template.ts';

const cliActor = (): Actor => ({
  tokenId: 0,
  name: `ketnap import (command line, ${userInfo().username})`,
  role: 'ADMIN',
  organisationId: null,
});

/** The summary table and the row errors, as printed. */
export function formatReport(report: ImportReport, lang: 'vi' | 'en' = 'vi'): string {
  const n = (v: number) => v.toLocaleString('en').padStart(9);
  const state = report.committed
    ? 'committed'
    : report.errors.length > 0
      ? 'nothing written: every row must pass'
      : 'preview, nothing written (add --commit to write)';
  const lines = [
    `${report.file} (sha256 ${report.sha256.slice(0, 16)}…): ${state}`,
    `  rows read ${n(report.rowsRead)}`,
    `  valid     ${n(report.valid)}`,
    `  refused   ${n(report.refused)}`,
    `  new       ${n(report.new)}${report.committed ? '  (written)' : ''}`,
    `  changed   ${n(report.changed)}${report.committed ? '  (written)' : ''}`,
    `  unchanged ${n(report.unchanged)}`,
  ];
  if (report.skipped > 0) lines.push(`  skipped   ${n(report.skipped)}  (the template's guidance and example rows)`);
  if (report.sheets.passedOver.length > 0)
    lines.push(`  sheets without a header row, passed over: ${report.sheets.passedOver.join(', ')}`);
  if (report.errors.length > 0) {
    lines.push('', 'sheet\trow\tcolumn\tcode\tmessage');
    for (const e of report.errors.slice(0, 500))
      lines.push(`${e.sheet}\t${e.row}\t${e.column}\t${e.code}\t${lang === 'en' ? e.messageEn : e.messageVi}`);
    if (report.errors.length > 500)
      lines.push(`… and ${report.errors.length - 500} more (write them all with --rejects FILE)`);
  }
  return `${lines.join('\n')}\n`;
}

export async function importCommand(args: string[], databaseUrl: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      commit: { type: 'boolean' },
      rejects: { type: 'string' },
      lang: { type: 'string' },
      kind: { type: 'string', default: 'members' },
    },
  });
  const kind = kindNamed(values.kind);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new Error('import: name one file, e.g. ketnap import dang-vien.xlsx');
  const { rawConnect } = await import('../db/raw.ts');
  const { migrate } = await import('../db/migrate.ts');
  const conn = await rawConnect(databaseUrl);
  try {
    await conn.exclusive(() => migrate(conn));
  } finally {
    await conn.close();
  }
  const database = useDatabase(databaseUrl);
  try {
    const tty = process.stderr.isTTY === true;
    let told = 0;
    const report = await kind.run({
      actor: cliActor(),
      input: {
        file,
        commit: values.commit === true,
        rejects: values.rejects,
        // Redrawn in place on a terminal; a line every 25,000 rows in a log.
        onProgress: (rows) => {
          if (tty && rows >= 5_000) process.stderr.write(`\rimport: ${rows.toLocaleString('en')} rows read`);
          else if (!tty && Math.floor(rows / 25_000) > Math.floor(told / 25_000))
            process.stderr.write(`import: ${rows.toLocaleString('en')} rows read\n`);
          told = rows;
        },
      },
    });
    if (tty && report.rowsRead >= 5_000) process.stderr.write('\n');
    process.stdout.write(formatReport(report, values.lang === 'en' ? 'en' : 'vi'));
    if (values.rejects && report.refused > 0) process.stdout.write(`refused rows written to ${values.rejects}\n`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await database.prisma.$disconnect();
  }
}

export async function templateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1)
    throw new Error(`template: name the template: ${Object.keys(KINDS).join(', ')} (ketnap template members)`);
  const name = positionals[0]!;
  const kind = kindNamed(name);
  const out = values.out ?? `ketnap-${name}.xlsx`;
  await writeTemplate(kind, out);
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}

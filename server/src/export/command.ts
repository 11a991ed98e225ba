// `ketnap export members|candidates --org CODE [--format xlsx|csv] --out FILE`: the command line
// holds the database's URL, so it reads any subtree (as an admin token would).
import { parseArgs } from 'node:util';
import { useDatabase } from '../db.ts';
import { formatOf } from '../import/sheets.ts';
import { EXPORT_KINDS, type ExportKind, writeExport } from './sheet.ts';

export async function exportCommand(args: string[], databaseUrl: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  });
  const kind = positionals[0] as ExportKind;
  if (!EXPORT_KINDS.includes(kind) || positionals.length > 1)
    throw new Error(
      `export: what to export is ${EXPORT_KINDS.join(' or ')} (ketnap export members --org CODE --out FILE)`,
    );
  if (!values.org) throw new Error('export: --org CODE names the subtree');
  if (values.format && values.format !== 'xlsx' && values.format !== 'csv')
    throw new Error('export: --format is xlsx or csv');
  const format = (values.format as 'xlsx' | 'csv' | undefined) ?? (values.out ? formatOf(values.out) : 'xlsx');
  const out = values.out ?? `${kind}-${values.org}.${format}`;
  if (formatOf(out) !== format) throw new Error(`export: --out ${out} does not end in .${format}`);
  const database = useDatabase(databaseUrl);
  try {
    const org = await database.prisma.organisation.findUnique({ where: { code: values.org } });
    if (!org) throw new Error(`export: no organisation has the code "${values.org}"`);
    const rows = await writeExport({ kind, org, format, to: out });
    process.stdout.write(`wrote ${out}: ${rows.toLocaleString('en')} rows\n`);
    return 0;
  } finally {
    await database.prisma.$disconnect();
  }
}

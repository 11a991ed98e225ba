// `ketnap report admissions --org CODE --period 2017-Q3 [--out FILE.xlsx]`: the admissions report
// of a subtree as its board sends it up (workbook.ts). The command line holds the database's URL,
// so it reads any subtree (as an admin token would).
import { parseArgs } from 'node:util';
import { useDatabase } from '../db.ts';
import { parsePeriod } from '../rules/periods.ts';
import { admissionsReport } from './figures.ts';
import { writeAdmissionsReport } from './workbook.ts';

export async function reportCommand(args: string[], databaseUrl: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals[0] !== 'admissions' || positionals.length > 1)
    throw new Error('report: the report is admissions (ketnap report admissions --org CODE --period 2017-Q3)');
  if (!values.org) throw new Error('report: --org CODE names the organisation');
  if (!values.period) throw new Error('report: --period names the period, e.g. --period 2017-Q3');
  const period = parsePeriod(values.period);
  if ('error' in period) throw new Error(`report: --period ${period.error}`);
  const out = values.out ?? `admissions-${values.org}-${values.period}.xlsx`;
  if (!out.toLowerCase().endsWith('.xlsx')) throw new Error(`report: --out ${out} does not end in .xlsx`);
  const database = useDatabase(databaseUrl);
  try {
    const org = await database.prisma.organisation.findUnique({ where: { code: values.org } });
    if (!org) throw new Error(`report: no organisation has the code "${values.org}"`);
    const report = await admissionsReport(org, period);
    await writeAdmissionsReport(report, values.period, out);
    process.stdout.write(
      `wrote ${out}: ${report.lines.length} grassroots organisations, ${report.total.admissions.total} admissions\n`,
    );
    return 0;
  } finally {
    await database.prisma.$disconnect();
  }
}

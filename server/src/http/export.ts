// GET /export/members.xlsx?org=CODE (also .csv, and candidates.xlsx|.csv): the members or candidates
// of a subtree as a spreadsheet in their import template's columns, for a token that reads the
// subtree's personal data; GET /export/report.xlsx?org=CODE&period=2017-Q3: the admissions report
// its board sends up (report-file/), for the same tokens. Anonymous: 401; a token outside the
// subtree: 403; an unknown code: 404 (codes are public); a bad period: 400. Never cached.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { reaches } from '../auth/reach.ts';
import { authenticate } from '../auth/tokens.ts';
import { createContext } from '../context.ts';
import { prisma } from '../db.ts';
import { EXPORT_KINDS, type ExportKind, writeExport } from '../export/sheet.ts';
import type { Format } from '../import/sheets.ts';
import { admissionsReport } from '../report-file/figures.ts';
import { writeAdmissionsReport } from '../report-file/workbook.ts';
import { parsePeriod } from '../rules/periods.ts';
import { HttpError } from './http-error.ts';

const ROUTE = /^\/export\/(members|candidates)\.(xlsx|csv)$/;
const REPORT_ROUTE = '/export/report.xlsx';

export const isExportRoute = (path: string) => path.startsWith('/export/');

const TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function exportRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const match = ROUTE.exec(url.pathname);
  const isReport = url.pathname === REPORT_ROUTE;
  if (!match && !isReport)
    throw new HttpError(
      404,
      `Exports are /export/{${EXPORT_KINDS.join(',')}}.{xlsx,csv}?org=CODE and ${REPORT_ROUTE}?org=CODE&period=PERIOD`,
    );
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'An export is read with GET');
  const period = isReport ? periodOf(url) : null;
  const org = await readableOrganisation(req, url);
  const format: Format = match ? (match[2] as Format) : 'xlsx';
  const name = match
    ? `${match[1]}-${org.code}.${format}`
    : `admissions-${org.code}-${url.searchParams.get('period')}.xlsx`;
  res.writeHead(200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  if (period) return writeAdmissionsReport(await admissionsReport(org, period), url.searchParams.get('period')!, res);
  await writeExport({ kind: match![1] as ExportKind, org, format, to: res });
}

function periodOf(url: URL) {
  const text = url.searchParams.get('period');
  if (!text) throw new HttpError(400, 'Name the period: ?period=2017-Q3 (a quarter, half-year, year, month or term)');
  const period = parsePeriod(text);
  if ('error' in period) throw new HttpError(400, `period: ${period.error}`);
  return period;
}

/** The organisation of `?org=`, when the request's token reads its subtree's personal data. */
async function readableOrganisation(req: IncomingMessage, url: URL) {
  const code = url.searchParams.get('org');
  if (!code) throw new HttpError(400, 'Name the organisation: ?org=CODE');
  let actor: Awaited<ReturnType<typeof authenticate>>;
  try {
    actor = await authenticate(new Request('http://ketnap.internal/', { headers: plainHeaders(req) }));
  } catch (error) {
    throw new HttpError(401, error instanceof GraphQLError ? error.message : 'Unauthorised');
  }
  if (!actor) throw new HttpError(401, 'Personal data: send Authorization: Bearer <token>');
  const org = await prisma().organisation.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  if (!org) throw new HttpError(404, `No organisation has the code "${code}"`);
  if (!(await reaches(createContext(actor), org.id)))
    throw new HttpError(403, `This token does not read the personal data of "${code}"`);
  return org;
}

function plainHeaders(req: IncomingMessage): Record<string, string> {
  const auth = req.headers.authorization;
  return auth ? { authorization: auth } : {};
}

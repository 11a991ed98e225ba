// GET /export/members.xlsx?org=CODE (also .csv, and candidates.xlsx|.csv): the members or candidates
// of a subtree as a spreadsheet in their import template's columns, for a token that reads the
// subtree's personal data. Anonymous: 401; a token outside the subtree: 403;
// an unknown code: 404 (codes are public). Streamed as it is read; never cached.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { reaches } from '../auth/reach.ts';
import { authenticate } from '../auth/tokens.ts';
import { createContext } from '../context.ts';
import { prisma } from '../db.ts';
import { EXPORT_KINDS, type ExportKind, writeExport } from '../export/sheet.ts';
import type { Format } from '../import/sheets.ts';
import { HttpError } from './http-error.ts';

const ROUTE = /^\/export\/(members|candidates)\.(xlsx|csv)$/;

export const isExportRoute = (path: string) => path.startsWith('/export/');

const TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function exportRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const match = ROUTE.exec(url.pathname);
  if (!match) throw new HttpError(404, `Exports are /export/{${EXPORT_KINDS.join(',')}}.{xlsx,csv}?org=CODE`);
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'An export is read with GET');
  const kind = match[1] as ExportKind;
  const format = match[2] as Format;
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
  res.writeHead(200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${kind}-${org.code}.${format}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  await writeExport({ kind, org, format, to: res });
}

function plainHeaders(req: IncomingMessage): Record<string, string> {
  const auth = req.headers.authorization;
  return auth ? { authorization: auth } : {};
}

// GET /templates/KIND.xlsx (also .csv): the import templates, as `ketnap template KIND` writes them,
// linked from the admin page. Public: a template holds headers, guidance and an example, no data.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KINDS } from '../import/kinds.ts';
import { IMPORT_KINDS, type ImportKind } from '../import/report.ts';
import type { Format } from '../import/sheets.ts';
import { writeTemplate } from '../import/template.ts';
import { HttpError } from './http-error.ts';

const ROUTE = new RegExp(`^/templates/(${IMPORT_KINDS.join('|')})\\.(xlsx|csv)$`);

export const isTemplateRoute = (path: string) => path.startsWith('/templates/');

const TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function templateRoute(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const match = ROUTE.exec(path);
  if (!match) throw new HttpError(404, `Templates are /templates/{${IMPORT_KINDS.join(',')}}.{xlsx,csv}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'A template is read with GET');
  const kind = match[1] as ImportKind;
  const format = match[2] as Format;
  res.writeHead(200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="ketnap-${kind}.${format}"`,
    'cache-control': 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  await writeTemplate(KINDS[kind], { stream: res, format });
}

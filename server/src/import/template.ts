// `ketnap template members|candidates|organisations|quotas` (and GET /templates/KIND.xlsx): the
// spreadsheet staff fill in: a title, the Vietnamese headers the import recognises, one line of
// guidance per column, an example row (the import skips the guidance and example rows if left in).
import type { Kind } from './kinds.ts';
import { formatOf, type SheetTarget, writeRows } from './sheets.ts';

/** Writes the template of `kind` to a file (.xlsx or .csv by its name) or a stream. */
export async function writeTemplate(kind: Kind, to: SheetTarget): Promise<void> {
  const writer = writeRows(
    to,
    kind.sheet,
    kind.columns.map((c) => Math.max(16, c.header.length + 4)),
  );
  const format = typeof to === 'string' ? formatOf(to) : to.format;
  if (format === 'xlsx') writer.add([`${kind.title} (mẫu nhập ketnap)`], 'title');
  writer.add(
    kind.columns.map((c) => c.header),
    'header',
  );
  writer.add(
    kind.columns.map((c) => c.guidance),
    'guidance',
  );
  writer.add(kind.columns.map((c) => c.example));
  await writer.close();
}

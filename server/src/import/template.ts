// `ketnap template members|organisations|quotas`: the spreadsheet staff fill in: a title, the
// Vietnamese headers the import recognises, one line of guidance per column, an example row (the
// import skips the guidance and example rows if they are left in).
import type { Kind } from './kinds.ts';
import { writeRows } from './sheets.ts';

export async function writeTemplate(kind: Kind, path: string): Promise<void> {
  const writer = writeRows(
    path,
    kind.sheet,
    kind.columns.map((c) => Math.max(16, c.header.length + 4)),
  );
  if (!path.toLowerCase().endsWith('.csv')) writer.add([`${kind.title} (mẫu nhập ketnap)`], 'title');
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

// `ketnap template members`: the spreadsheet staff fill in: a title, the Vietnamese headers the
// import recognises, one line of guidance per column, an example row (the import skips the
// guidance and example rows if they are left in).
import { MEMBER_COLUMNS } from './columns.ts';
import { writeRows } from './sheets.ts';

export async function writeMembersTemplate(path: string): Promise<void> {
  const writer = writeRows(
    path,
    'Dang vien',
    MEMBER_COLUMNS.map((c) => Math.max(16, c.header.length + 4)),
  );
  if (!path.toLowerCase().endsWith('.csv')) writer.add(['DANH SÁCH ĐẢNG VIÊN (mẫu nhập ketnap)'], 'title');
  writer.add(
    MEMBER_COLUMNS.map((c) => c.header),
    'header',
  );
  writer.add(
    MEMBER_COLUMNS.map((c) => c.guidance),
    'guidance',
  );
  writer.add(MEMBER_COLUMNS.map((c) => c.example));
  await writer.close();
}

// The columns of a members spreadsheet: the template's Vietnamese header, the headers staff
// actually write (matched by a key without diacritics), a line of guidance and an example; and
// finding the header row below merged title rows.
import { type Cell, headerKey } from './cells.ts';

export type MemberField =
  | 'fullName'
  | 'birthDate'
  | 'gender'
  | 'admittedOn'
  | 'officialOn'
  | 'cellCode'
  | 'partyCardNumber'
  | 'citizenId';

export interface Column {
  field: MemberField;
  /** The template's header, and the column's name in error messages when the file lacks it. */
  header: string;
  /** Other headers found in real rosters, written naturally: compared by headerKey. */
  aliases: string[];
  required: boolean;
  guidance: string;
  example: string;
}

export const MEMBER_COLUMNS: readonly Column[] = [
  {
    field: 'fullName',
    header: 'Họ và tên',
    aliases: ['Họ tên', 'Họ và tên đảng viên', 'Full name'],
    required: true,
    guidance: 'Bắt buộc. Họ và tên đầy đủ, có dấu.',
    example: 'Nguyễn Thị Mẫu',
  },
  {
    field: 'birthDate',
    header: 'Ngày sinh',
    aliases: ['Ngày tháng năm sinh', 'Sinh ngày', 'Birth date'],
    required: true,
    guidance: 'Bắt buộc. Ngày/tháng/năm, ví dụ 05/03/1990.',
    example: '05/03/1990',
  },
  {
    field: 'gender',
    header: 'Giới tính',
    aliases: ['Nam/Nữ', 'Gender'],
    required: false,
    guidance: 'Nam hoặc Nữ; có thể để trống.',
    example: 'Nữ',
  },
  {
    field: 'admittedOn',
    header: 'Ngày vào Đảng',
    aliases: ['Ngày kết nạp', 'Ngày kết nạp Đảng', 'Admitted on'],
    required: true,
    guidance: 'Bắt buộc. Ngày lễ kết nạp, ngày/tháng/năm.',
    example: '19/05/2015',
  },
  {
    field: 'officialOn',
    header: 'Ngày chính thức',
    aliases: ['Ngày công nhận chính thức', 'Ngày đảng viên chính thức', 'Official on'],
    required: false,
    guidance: 'Ngày được công nhận đảng viên chính thức; để trống nếu còn dự bị.',
    example: '19/05/2016',
  },
  {
    field: 'cellCode',
    header: 'Mã chi bộ',
    aliases: ['Mã chi bộ sinh hoạt', 'Mã tổ chức', 'Cell code'],
    required: true,
    guidance: 'Bắt buộc. Mã chi bộ kết nạp (mã tổ chức trong ketnap, ví dụ thanh-hoa-xom-3).',
    example: 'thanh-hoa-xom-3',
  },
  {
    field: 'partyCardNumber',
    header: 'Số thẻ đảng viên',
    aliases: ['Số thẻ', 'Số thẻ Đảng', 'Party card number'],
    required: false,
    guidance: 'Số thẻ đảng viên; cần số thẻ hoặc số CCCD để nhận ra đảng viên khi nhập lại.',
    example: '48012345',
  },
  {
    field: 'citizenId',
    header: 'Số CCCD',
    aliases: ['CCCD', 'Số căn cước công dân', 'Số căn cước', 'Số định danh cá nhân', 'Citizen ID'],
    required: false,
    guidance: 'Số căn cước công dân, 12 chữ số (gõ dạng văn bản để giữ số 0 đầu).',
    example: '040190012345',
  },
];

const BY_KEY = new Map(MEMBER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c] as const)));

/** The column a header names, if any. */
export const columnOf = (header: Cell): Column | undefined => BY_KEY.get(headerKey(header));

/** Where each known column is in a header row (0-based positions), and the headers as written. */
export interface HeaderMap {
  positions: Map<MemberField, number>;
  labels: Map<MemberField, string>;
  /** The header row's cells as written, for the rejects file. */
  cells: Cell[];
}

export function mapHeader(cells: Cell[]): HeaderMap {
  const positions = new Map<MemberField, number>();
  const labels = new Map<MemberField, string>();
  cells.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && !positions.has(column.field)) {
      positions.set(column.field, i);
      labels.set(column.field, String(cell).trim());
    }
  });
  return { positions, labels, cells };
}

/** Rows scanned for the header: titles, dates and merged banners often stand above it. */
export const HEADER_SEARCH_ROWS = 10;

/** The header among the first rows: the first that names at least three known columns. */
export function findHeader(rows: Cell[][]): number {
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => mapHeader(cells).positions.size >= 3);
}

/** The template's guidance and example rows, which the import skips when they were left in. */
export const isTemplateRow = (values: string[]) =>
  [MEMBER_COLUMNS.map((c) => c.guidance), MEMBER_COLUMNS.map((c) => c.example)].some((known) =>
    known.every((v, i) => values[i] === v),
  );

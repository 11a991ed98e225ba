// The columns of a members spreadsheet (the template's Vietnamese headers, the headers staff
// actually write, a line of guidance and an example each); table.ts finds them in a file.
import { type AttributeField, attributeColumns } from './attributes.ts';
import { type HeaderMap as AnyHeaderMap, type Column, tableOf } from './table.ts';

export type MemberField =
  | 'fullName'
  | 'birthDate'
  | 'gender'
  | 'admittedOn'
  | 'officialOn'
  | 'cellCode'
  | 'partyCardNumber'
  | 'citizenId'
  | AttributeField
  | 'isYouthUnionMember'
  | 'ketnapId';

export type HeaderMap = AnyHeaderMap<MemberField>;

/**
 * The record's ketnap ID (its GraphQL `id`), last in every template: empty for a new record, filled
 * in by an export, so that a record exported, edited and imported again is recognised even
 * without a card or citizen ID number.
 */
export const ketnapIdColumn = <F extends string>(field: F, what: string, example: string): Column<F> => ({
  field,
  header: 'Mã ketnap',
  aliases: ['ketnap ID', 'ID ketnap'],
  required: false,
  guidance: `Để trống khi thêm ${what} mới; tệp xuất từ ketnap điền sẵn để nhận ra ${what} khi nhập lại.`,
  example,
});

export const MEMBER_COLUMNS: readonly Column<MemberField>[] = [
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
  // The report's attributes (issue 11): optional; an empty cell leaves the record as it is.
  ...attributeColumns<MemberField>(),
  {
    field: 'isYouthUnionMember',
    header: 'Đoàn viên',
    aliases: ['Đoàn viên TNCS', 'Là đoàn viên', 'Youth Union member'],
    required: false,
    guidance: 'Đoàn viên Đoàn TNCS Hồ Chí Minh khi được kết nạp Đảng: Có hoặc Không.',
    example: 'Có',
  },
  ketnapIdColumn('ketnapId', 'đảng viên', ''),
];

export const MEMBERS = tableOf(MEMBER_COLUMNS);

export const { columnOf, mapHeader, findHeader, isTemplateRow } = MEMBERS;

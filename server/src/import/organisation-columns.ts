// The columns of an organisations spreadsheet (the tree with its dates): one row per organisation.
import { type Column, tableOf } from './table.ts';

export type OrganisationField =
  | 'code'
  | 'name'
  | 'kind'
  | 'sector'
  | 'parentCode'
  | 'establishedOn'
  | 'dissolvedOn'
  | 'mergeIntoCode';

const column = (
  field: OrganisationField,
  header: string,
  aliases: string[],
  required: boolean,
  guidance: string,
  example: string,
): Column<OrganisationField> => ({ field, header, aliases, required, guidance, example });

export const ORGANISATION_COLUMNS: readonly Column<OrganisationField>[] = [
  column(
    'code',
    'Mã tổ chức',
    ['Mã', 'Code'],
    true,
    'Bắt buộc. Chữ thường không dấu, số và dấu gạch ngang.',
    'thanh-hoa-xom-5',
  ),
  column('name', 'Tên tổ chức', ['Tên', 'Name'], true, 'Bắt buộc. Tên đầy đủ, có dấu.', 'Chi bộ xóm 5'),
  column(
    'kind',
    'Loại',
    ['Loại tổ chức', 'Kind'],
    true,
    'Bắt buộc. Đảng bộ tỉnh, Đảng bộ huyện, Đảng bộ cơ sở, Chi bộ cơ sở, Đảng bộ bộ phận hoặc Chi bộ trực thuộc.',
    'Chi bộ trực thuộc',
  ),
  column(
    'sector',
    'Khối',
    ['Lĩnh vực', 'Sector'],
    false,
    'Với tổ chức cơ sở: Xã, thị trấn; Cơ quan; Doanh nghiệp; Lực lượng vũ trang.',
    '',
  ),
  column(
    'parentCode',
    'Mã cấp trên',
    ['Mã tổ chức cấp trên', 'Trực thuộc', 'Parent code'],
    true,
    'Bắt buộc. Mã tổ chức cấp trên trực tiếp từ ngày thành lập.',
    'thanh-hoa',
  ),
  column(
    'establishedOn',
    'Ngày thành lập',
    ['Thành lập', 'Established on'],
    true,
    'Bắt buộc. Ngày/tháng/năm.',
    '01/01/2017',
  ),
  column('dissolvedOn', 'Ngày giải thể', ['Giải thể', 'Dissolved on'], false, 'Để trống nếu còn hoạt động.', ''),
  column(
    'mergeIntoCode',
    'Sáp nhập vào',
    ['Mã tổ chức sáp nhập vào', 'Merged into'],
    false,
    'Khi giải thể để sáp nhập: mã tổ chức nhận đảng viên và tổ chức trực thuộc.',
    '',
  ),
];

export const ORGANISATIONS = tableOf(ORGANISATION_COLUMNS);

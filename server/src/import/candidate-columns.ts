// The columns of a candidates spreadsheet: one row per candidate, with the date of each step of the
// path in a column of its own (and what the step needs: the certificate, the introducers, the
// votes), as boards keep their list of quần chúng ưu tú — one line per person, a date filled in as
// the person moves on. Why not one row per step: a step alone says nothing staff can check (who is
// it? at which stage now?), the same name and birth date would be typed on up to nine lines, and
// "the candidate moved on" would mean inserting a line in the right place rather than filling a cell.
import { type AttributeField, attributeColumns } from './attributes.ts';
import { ketnapIdColumn } from './columns.ts';
import { type Column, tableOf } from './table.ts';

export type CandidateField =
  | 'fullName'
  | 'birthDate'
  | 'gender'
  | 'cellCode'
  | 'source'
  | 'sourcedBy'
  | 'sourcedOn'
  | AttributeField
  | 'isYouthUnionMember'
  | 'isTradeUnionMember'
  | 'workplaceHasTradeUnion'
  | 'trainedOn'
  | 'certificateOn'
  | 'trainedBy'
  | 'appliedOn'
  | 'verifiedOn'
  | 'introducedOn'
  | 'youthUnionIntroducer'
  | 'tradeUnionIntroducer'
  | 'introducer1'
  | 'knownSince1'
  | 'introducer2'
  | 'knownSince2'
  | 'cellVotedOn'
  | 'cellVotesFor'
  | 'committeeVotedOn'
  | 'committeeVotesFor'
  | 'committeeVotesEligible'
  | 'decidedOn'
  | 'decidedBy'
  | 'admittedOn'
  | 'stoppedAs'
  | 'stoppedOn'
  | 'ketnapId';

const c = (
  field: CandidateField,
  header: string,
  aliases: string[],
  guidance: string,
  example: string,
  required = false,
): Column<CandidateField> => ({ field, header, aliases, required, guidance, example });

const YES_NO = 'Có hoặc Không; để trống nếu chưa biết.';
const MEMBER = 'Số thẻ đảng viên (hoặc Mã ketnap) của đảng viên chính thức giới thiệu.';

export const CANDIDATE_COLUMNS: readonly Column<CandidateField>[] = [
  c(
    'fullName',
    'Họ và tên',
    ['Họ tên', 'Họ và tên quần chúng', 'Full name'],
    'Bắt buộc. Họ và tên đầy đủ, có dấu.',
    'Trần Thị Mẫu',
    true,
  ),
  c(
    'birthDate',
    'Ngày sinh',
    ['Ngày tháng năm sinh', 'Sinh ngày', 'Birth date'],
    'Bắt buộc. Ngày/tháng/năm.',
    '05/05/1998',
    true,
  ),
  c('gender', 'Giới tính', ['Nam/Nữ', 'Gender'], 'Nam hoặc Nữ; có thể để trống.', 'Nữ'),
  c(
    'cellCode',
    'Mã chi bộ',
    ['Mã chi bộ sinh hoạt', 'Cell code'],
    'Bắt buộc. Mã chi bộ theo dõi quần chúng (mã tổ chức trong ketnap).',
    'thanh-hoa-xom-3',
    true,
  ),
  c(
    'source',
    'Nguồn',
    ['Nguồn giới thiệu', 'Source'],
    'Bắt buộc. Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Công đoàn hoặc Khác.',
    'Đoàn Thanh niên',
    true,
  ),
  c(
    'sourcedBy',
    'Đoàn thể giới thiệu',
    ['Tổ chức giới thiệu nguồn', 'Sourced by'],
    'Bắt buộc. Tên đoàn thể đưa vào nguồn.',
    'Đoàn xã Thanh Hòa',
    true,
  ),
  c(
    'sourcedOn',
    'Ngày vào nguồn',
    ['Ngày đưa vào nguồn', 'Sourced on'],
    'Bắt buộc. Ngày đoàn thể giới thiệu vào nguồn.',
    '10/01/2017',
    true,
  ),
  // The report's attributes (issue 11), copied onto the member at the ceremony.
  ...attributeColumns<CandidateField>(),
  c(
    'isYouthUnionMember',
    'Đoàn viên',
    ['Đoàn viên TNCS', 'Youth Union member'],
    `Đoàn viên Đoàn TNCS Hồ Chí Minh: ${YES_NO}`,
    'Có',
  ),
  c(
    'isTradeUnionMember',
    'Đoàn viên công đoàn',
    ['Công đoàn viên', 'Trade union member'],
    `Đoàn viên công đoàn nơi làm việc: ${YES_NO}`,
    'Không',
  ),
  c(
    'workplaceHasTradeUnion',
    'Nơi làm việc có công đoàn',
    ['Có công đoàn', 'Workplace has a trade union'],
    YES_NO,
    'Không',
  ),
  c(
    'trainedOn',
    'Ngày học lớp cảm tình Đảng',
    ['Ngày học lớp nhận thức về Đảng', 'Trained on'],
    'Ngày kết thúc lớp bồi dưỡng nhận thức về Đảng.',
    '20/02/2017',
  ),
  c(
    'certificateOn',
    'Ngày cấp giấy chứng nhận',
    ['Ngày giấy chứng nhận', 'Certificate on'],
    'Cần khi có ngày học lớp; giấy chứng nhận có giá trị 5 năm.',
    '20/02/2017',
  ),
  c(
    'trainedBy',
    'Nơi mở lớp',
    ['Cơ sở đào tạo', 'Trained by'],
    'Cần khi có ngày học lớp: nơi tổ chức lớp.',
    'Trung tâm chính trị huyện',
  ),
  c('appliedOn', 'Ngày nộp đơn', ['Ngày làm đơn', 'Applied on'], 'Ngày nộp đơn xin vào Đảng và lý lịch.', '01/03/2017'),
  c(
    'verifiedOn',
    'Ngày thẩm tra lý lịch',
    ['Thẩm tra lý lịch', 'Verified on'],
    'Ngày chi ủy hoàn thành thẩm tra lý lịch.',
    '15/03/2017',
  ),
  c(
    'introducedOn',
    'Ngày giới thiệu',
    ['Ngày được giới thiệu', 'Introduced on'],
    'Ngày được giới thiệu vào Đảng.',
    '20/03/2017',
  ),
  c(
    'youthUnionIntroducer',
    'Đoàn TN giới thiệu',
    ['Đoàn cơ sở giới thiệu', 'Youth Union introducer'],
    'Người trong độ tuổi thanh niên: tên ban chấp hành Đoàn cơ sở giới thiệu.',
    'BCH Đoàn xã Thanh Hòa',
  ),
  c(
    'tradeUnionIntroducer',
    'Công đoàn giới thiệu',
    ['Công đoàn cơ sở giới thiệu', 'Trade union introducer'],
    'Trên tuổi thanh niên, nơi làm việc có công đoàn: tên ban chấp hành công đoàn cơ sở.',
    '',
  ),
  c('introducer1', 'Đảng viên giới thiệu 1', ['Người giới thiệu 1', 'Introducer 1'], MEMBER, '48012345'),
  c(
    'knownSince1',
    'Ngày quen biết 1',
    ['Biết từ ngày 1', 'Known since 1'],
    'Từ ngày đảng viên 1 cùng công tác hoặc cư trú với quần chúng (ít nhất 12 tháng).',
    '01/01/2015',
  ),
  c(
    'introducer2',
    'Đảng viên giới thiệu 2',
    ['Người giới thiệu 2', 'Introducer 2'],
    `${MEMBER} Để trống khi có Đoàn hoặc Công đoàn giới thiệu.`,
    '',
  ),
  c('knownSince2', 'Ngày quen biết 2', ['Biết từ ngày 2', 'Known since 2'], 'Như trên, cho đảng viên 2.', ''),
  c(
    'cellVotedOn',
    'Ngày chi bộ biểu quyết',
    ['Ngày chi bộ xét', 'Cell voted on'],
    'Ngày nghị quyết chi bộ đề nghị kết nạp.',
    '01/04/2017',
  ),
  c(
    'cellVotesFor',
    'Số tán thành ở chi bộ',
    ['Chi bộ tán thành', 'Cell votes for'],
    'Số đảng viên tán thành (số có quyền biểu quyết tính từ danh sách đảng viên).',
    '5',
  ),
  c(
    'committeeVotedOn',
    'Ngày đảng ủy biểu quyết',
    ['Ngày đảng ủy cơ sở xét', 'Committee voted on'],
    'Không có với chi bộ cơ sở.',
    '10/04/2017',
  ),
  c(
    'committeeVotesFor',
    'Số tán thành ở đảng ủy',
    ['Đảng ủy tán thành', 'Committee votes for'],
    'Số đảng ủy viên tán thành.',
    '9',
  ),
  c(
    'committeeVotesEligible',
    'Số đảng ủy viên',
    ['Tổng số đảng ủy viên', 'Committee members'],
    'Số đảng ủy viên có quyền biểu quyết.',
    '11',
  ),
  c(
    'decidedOn',
    'Ngày quyết định kết nạp',
    ['Ngày quyết định', 'Decided on'],
    'Ngày cấp ủy có thẩm quyền ra quyết định kết nạp.',
    '05/05/2017',
  ),
  c(
    'decidedBy',
    'Cấp ủy quyết định',
    ['Cấp ra quyết định', 'Decided by'],
    'Cần khi có ngày quyết định.',
    'Ban Thường vụ Huyện ủy',
  ),
  c(
    'admittedOn',
    'Ngày kết nạp',
    ['Ngày lễ kết nạp', 'Admitted on'],
    'Ngày lễ kết nạp: quần chúng trở thành đảng viên dự bị.',
    '19/05/2017',
  ),
  c(
    'stoppedAs',
    'Dừng',
    ['Rút hoặc loại', 'Stopped'],
    'Xin rút hoặc Bị loại, nếu quần chúng dừng lại; để trống nếu không.',
    '',
  ),
  c('stoppedOn', 'Ngày dừng', ['Ngày rút', 'Stopped on'], 'Cần khi có cột Dừng.', ''),
  ketnapIdColumn('ketnapId', 'quần chúng', ''),
];

export const CANDIDATES = tableOf(CANDIDATE_COLUMNS);

// Names. The province, the district, the town and the 39 communes are real (public geography, 2017);
// agencies, enterprises and cells are plausible illustrations; every person's name is synthetic.
import type { Gender } from '../../generated/sqlite/enums.ts';
import type { Rng } from './random.ts';

/** A stable code without diacritics: "Thanh Hòa" → "thanh-hoa". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface Commune {
  /** "xã Thanh Hòa", "thị trấn Thanh Chương". */
  place: string;
  code: string;
  /** What its hamlets are called. */
  hamlet: 'xóm' | 'khối' | 'bản';
}

const town: Commune = { place: 'thị trấn Thanh Chương', code: 'thi-tran-thanh-chuong', hamlet: 'khối' };
const communeNames = [
  'Cát Văn', 'Phong Thịnh', 'Thanh Hòa', 'Thanh Nho', 'Thanh Đức', 'Hạnh Lâm', 'Thanh Mỹ', 'Thanh Liên',
  'Thanh Tiên', 'Thanh Lĩnh', 'Thanh Thịnh', 'Thanh Hương', 'Thanh An', 'Thanh Chi', 'Thanh Khê',
  'Thanh Thủy', 'Võ Liệt', 'Thanh Long', 'Thanh Hà', 'Thanh Tùng', 'Thanh Giang', 'Thanh Mai',
  'Thanh Xuân', 'Thanh Lâm', 'Thanh Hưng', 'Thanh Văn', 'Thanh Tường', 'Thanh Phong', 'Thanh Đồng',
  'Đồng Văn', 'Thanh Ngọc', 'Ngọc Sơn', 'Xuân Tường', 'Thanh Dương', 'Thanh Lương', 'Thanh Yên',
  'Thanh Khai', 'Thanh Sơn', 'Ngọc Lâm',
];
const upland = new Set(['Thanh Sơn', 'Ngọc Lâm']);

/** The district's 40 administrative units in 2017: the town first, then the 39 communes. */
export const communes: Commune[] = [
  town,
  ...communeNames.map((name): Commune => ({
    place: `xã ${name}`,
    code: slug(name),
    hamlet: upland.has(name) ? 'bản' : 'xóm',
  })),
];

export interface Unit {
  /** Without "Đảng bộ"/"Chi bộ": "Công an huyện". */
  unit: string;
  code: string;
  /** Names of its subordinate cells (committees only). */
  cells: string[];
}

const school = ['Tổ Khoa học Tự nhiên', 'Tổ Khoa học Xã hội', 'Hành chính – Tổ Văn phòng'];
const office = ['Văn phòng', 'Tổng hợp', 'Nghiệp vụ'];
function unit(name: string, cells: string[], code = slug(name)): Unit {
  return { unit: name, code, cells };
}

/** The 18 agency committees (đảng bộ cơ quan) directly under the district. */
export const agencyCommittees: Unit[] = [
  unit('Cơ quan Huyện ủy', ['Văn phòng Huyện ủy', 'Các Ban xây dựng Đảng', 'Trung tâm Bồi dưỡng chính trị']),
  unit('Cơ quan Ủy ban nhân dân huyện', ['Văn phòng HĐND – UBND', 'Khối Kinh tế', 'Khối Văn hóa – Xã hội', 'Khối Nội chính'], 'co-quan-ubnd-huyen'),
  unit('Cơ quan Mặt trận Tổ quốc và các đoàn thể huyện', ['Mặt trận Tổ quốc', 'Các đoàn thể'], 'co-quan-mttq-doan-the-huyen'),
  unit('Công an huyện', ['Đội An ninh', 'Đội Cảnh sát điều tra', 'Đội Cảnh sát giao thông', 'Đội Tổng hợp', 'Công an thị trấn']),
  unit('Quân sự huyện', ['Chỉ huy', 'Tham mưu', 'Chính trị – Hậu cần']),
  unit('Bệnh viện Đa khoa huyện Thanh Chương', ['Khối Nội', 'Khối Ngoại', 'Cận lâm sàng', 'Hành chính'], 'benh-vien-da-khoa-thanh-chuong'),
  unit('Trung tâm Y tế huyện', ['Y tế dự phòng', 'Dân số – Kế hoạch hóa gia đình', 'Hành chính']),
  unit('Trường THPT Thanh Chương 1', school),
  unit('Trường THPT Thanh Chương 3', school),
  unit('Trường THPT Đặng Thúc Hứa', school),
  unit('Trường THPT Nguyễn Cảnh Chân', school),
  unit('Trường THPT Đặng Thai Mai', school),
  unit('Trường THPT Cát Ngạn', school),
  unit('Trường THPT Nguyễn Sỹ Sách', school),
  unit('Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện', ['Giáo viên', 'Hành chính'], 'trung-tam-gdnn-gdtx-huyen'),
  unit('Phòng Giáo dục và Đào tạo huyện', ['Chuyên môn', 'Văn phòng']),
  unit('Chi cục Thuế huyện', office),
  unit('Ban Quản lý Rừng phòng hộ Thanh Chương', ['Trạm Quản lý bảo vệ rừng', 'Văn phòng']),
];

/** The 24 grassroots cells (chi bộ cơ sở) directly under the district. */
export const grassrootsCells: { unit: string; code: string; enterprise: boolean }[] = [
  ...[
    'Viện Kiểm sát nhân dân huyện', 'Tòa án nhân dân huyện', 'Chi cục Thi hành án dân sự huyện',
    'Kho bạc Nhà nước huyện', 'Bảo hiểm xã hội huyện', 'Hạt Kiểm lâm huyện',
    'Trung tâm Văn hóa – Thông tin huyện', 'Trạm Khuyến nông huyện', 'Ngân hàng Chính sách xã hội huyện',
    'Chi cục Thống kê huyện', 'Ban Quản lý dự án đầu tư xây dựng huyện', 'Trung tâm Dịch vụ nông nghiệp huyện',
    'Trường Mầm non Hoa Sen',
  ].map((u) => ({ unit: u, code: slug(u), enterprise: false })),
  ...[
    'Ngân hàng Nông nghiệp và Phát triển nông thôn huyện', 'Điện lực Thanh Chương', 'Bưu điện huyện Thanh Chương',
    'Viettel Thanh Chương', 'Công ty Cổ phần Chè Thanh Chương', 'Công ty TNHH Chế biến lâm sản Thanh Chương',
    'Công ty Cổ phần Xây dựng giao thông Thanh Chương', 'Công ty Cổ phần Cấp nước Thanh Chương',
    'Công ty TNHH Xăng dầu Thanh Chương', 'Công ty Cổ phần Gạch ngói Thanh Chương',
    'Công ty TNHH May mặc Thanh Chương',
  ].map((u) => ({ unit: u, code: slug(u), enterprise: true })),
];

/** Cells of a commune other than hamlets. */
export const communeUnitCells = ['Cơ quan', 'Trường học', 'Trạm Y tế', 'Quân sự'];

// Synthetic personal names, from common parts (no real person is meant).
const families = [
  ['Nguyễn', 30], ['Trần', 10], ['Lê', 9], ['Phan', 7], ['Hoàng', 5], ['Võ', 6], ['Đặng', 4], ['Bùi', 3],
  ['Đinh', 3], ['Hồ', 5], ['Ngô', 3], ['Đào', 2], ['Phạm', 4], ['Chu', 2], ['Thái', 2], ['Cao', 2],
  ['Lương', 2], ['Tôn', 1], ['Đậu', 2], ['Lưu', 1],
] as const;
const maleMiddles = ['Văn', 'Văn', 'Văn', 'Đình', 'Hữu', 'Xuân', 'Công', 'Đức', 'Quang', 'Minh', 'Cảnh', 'Sỹ', 'Viết', 'Bá'];
const femaleMiddles = ['Thị', 'Thị', 'Thị', 'Thị', 'Thị Thu', 'Thị Hồng', 'Thị Minh', 'Thị Thanh', 'Thị Ngọc', 'Thị Kim'];
const maleGiven = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Hải', 'Hùng', 'Hưng', 'Khánh', 'Long', 'Nam', 'Phong', 'Sơn',
  'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Tuấn', 'Việt', 'Vinh', 'Lâm', 'Hiếu', 'Kiên', 'Lợi', 'Lực',
  'Nghĩa', 'Phúc', 'Quý', 'Thịnh', 'Tùng', 'Hòa', 'Chiến', 'Đạt', 'Hậu', 'Luận', 'Mạnh', 'Quyết',
];
const femaleGiven = [
  'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Huyền', 'Hương', 'Lan', 'Liên',
  'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo', 'Thơm', 'Thủy',
  'Trang', 'Tuyết', 'Vân', 'Yến', 'Lý', 'Sen',
];

export function personName(rng: Rng, gender: Gender): string {
  const family = rng.weighted(families, (f) => f[1])[0];
  const male = gender === 'MALE';
  return `${family} ${rng.pick(male ? maleMiddles : femaleMiddles)} ${rng.pick(male ? maleGiven : femaleGiven)}`;
}

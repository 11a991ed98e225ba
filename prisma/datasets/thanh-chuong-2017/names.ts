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

/** "a | b | c" → ["a", "b", "c"]: keeps long tables of names compact. */
const list = (text: string): string[] => text.split('|').map((s) => s.trim());

export interface Commune {
  /** "xã Thanh Hòa", "thị trấn Thanh Chương". */
  place: string;
  code: string;
  /** What its hamlets are called, as written in a cell's name ("Chi bộ xóm 3", "Chi bộ Khối 2"). */
  hamlet: 'xóm' | 'Khối' | 'bản';
}

const communeNames = list(`
  Cát Văn | Phong Thịnh | Thanh Hòa | Thanh Nho | Thanh Đức | Hạnh Lâm | Thanh Mỹ | Thanh Liên | Thanh Tiên |
  Thanh Lĩnh | Thanh Thịnh | Thanh Hương | Thanh An | Thanh Chi | Thanh Khê | Thanh Thủy | Võ Liệt | Thanh Long |
  Thanh Hà | Thanh Tùng | Thanh Giang | Thanh Mai | Thanh Xuân | Thanh Lâm | Thanh Hưng | Thanh Văn | Thanh Tường |
  Thanh Phong | Thanh Đồng | Đồng Văn | Thanh Ngọc | Ngọc Sơn | Xuân Tường | Thanh Dương | Thanh Lương | Thanh Yên |
  Thanh Khai | Thanh Sơn | Ngọc Lâm`);
const upland = new Set(['Thanh Sơn', 'Ngọc Lâm']);

/** The district's 40 administrative units in 2017: the town (Dùng) first, then the 39 communes. */
export const communes: Commune[] = [
  { place: 'thị trấn Thanh Chương', code: 'thi-tran-thanh-chuong', hamlet: 'Khối' },
  ...communeNames.map(
    (name): Commune => ({ place: `xã ${name}`, code: slug(name), hamlet: upland.has(name) ? 'bản' : 'xóm' }),
  ),
];

export interface Unit {
  /** Without "Đảng bộ"/"Chi bộ": "Công an huyện". */
  unit: string;
  code: string;
  /** Names of its subordinate cells (committees only). */
  cells: string[];
}

const school = 'Tổ Khoa học Tự nhiên | Tổ Khoa học Xã hội | Hành chính – Văn phòng';
/** Agency committees: "name = cell | cell | …", with a short code where the slug would be long. */
const agencyTable: [string, string, string?][] = [
  ['Cơ quan Huyện ủy', 'Văn phòng Huyện ủy | Các Ban xây dựng Đảng | Trung tâm Bồi dưỡng chính trị'],
  [
    'Cơ quan Ủy ban nhân dân huyện',
    'Văn phòng HĐND – UBND | Khối Kinh tế | Khối Văn hóa – Xã hội | Khối Nội chính',
    'co-quan-ubnd-huyen',
  ],
  ['Cơ quan Mặt trận Tổ quốc và các đoàn thể huyện', 'Mặt trận Tổ quốc | Các đoàn thể', 'co-quan-mttq-doan-the-huyen'],
  ['Công an huyện', 'Đội An ninh | Đội Cảnh sát điều tra | Đội Cảnh sát giao thông | Đội Tổng hợp | Công an thị trấn'],
  ['Quân sự huyện', 'Chỉ huy | Tham mưu | Chính trị – Hậu cần'],
  [
    'Bệnh viện Đa khoa huyện Thanh Chương',
    'Khối Nội | Khối Ngoại | Cận lâm sàng | Hành chính',
    'benh-vien-da-khoa-thanh-chuong',
  ],
  ['Trung tâm Y tế huyện', 'Y tế dự phòng | Dân số – Kế hoạch hóa gia đình | Hành chính'],
  ['Trường THPT Thanh Chương 1', school],
  ['Trường THPT Thanh Chương 3', school],
  ['Trường THPT Đặng Thúc Hứa', school],
  ['Trường THPT Nguyễn Cảnh Chân', school],
  ['Trường THPT Đặng Thai Mai', school],
  ['Trường THPT Cát Ngạn', school],
  ['Trường THPT Nguyễn Sỹ Sách', school],
  [
    'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện',
    'Giáo viên | Hành chính',
    'trung-tam-gdnn-gdtx-huyen',
  ],
  ['Phòng Giáo dục và Đào tạo huyện', 'Chuyên môn | Văn phòng'],
  ['Chi cục Thuế huyện', 'Văn phòng | Tổng hợp | Nghiệp vụ'],
  ['Ban Quản lý Rừng phòng hộ Thanh Chương', 'Trạm Quản lý bảo vệ rừng | Văn phòng'],
];

/** The 18 agency committees (đảng bộ cơ quan) directly under the district. */
export const agencyCommittees: Unit[] = agencyTable.map(([unit, cells, code]) => ({
  unit,
  code: code ?? slug(unit),
  cells: list(cells),
}));

const agencyCells = list(`
  Viện Kiểm sát nhân dân huyện | Tòa án nhân dân huyện | Chi cục Thi hành án dân sự huyện | Kho bạc Nhà nước huyện |
  Bảo hiểm xã hội huyện | Hạt Kiểm lâm huyện | Trung tâm Văn hóa – Thông tin huyện | Trạm Khuyến nông huyện |
  Ngân hàng Chính sách xã hội huyện | Chi cục Thống kê huyện | Ban Quản lý dự án đầu tư xây dựng huyện |
  Trung tâm Dịch vụ nông nghiệp huyện | Trường Mầm non Hoa Sen`);
const enterpriseCells = list(`
  Ngân hàng Nông nghiệp và Phát triển nông thôn huyện | Điện lực Thanh Chương | Bưu điện huyện Thanh Chương |
  Viettel Thanh Chương | Công ty Cổ phần Chè Thanh Chương | Công ty TNHH Chế biến lâm sản Thanh Chương |
  Công ty Cổ phần Xây dựng giao thông Thanh Chương | Công ty Cổ phần Cấp nước Thanh Chương |
  Công ty TNHH Xăng dầu Thanh Chương | Công ty Cổ phần Gạch ngói Thanh Chương | Công ty TNHH May mặc Thanh Chương`);

/** The 24 grassroots cells (chi bộ cơ sở) directly under the district: 13 agencies, 11 enterprises. */
export const grassrootsCells: { unit: string; code: string; enterprise: boolean }[] = [
  ...agencyCells.map((unit) => ({ unit, code: slug(unit), enterprise: false })),
  ...enterpriseCells.map((unit) => ({ unit, code: slug(unit), enterprise: true })),
];

// Synthetic personal names, from common parts (no real person is meant).
const families: [string, number][] = list(
  'Nguyễn 30 | Trần 10 | Lê 9 | Phan 7 | Hoàng 5 | Võ 6 | Đặng 4 | Bùi 3 | Đinh 3 | Hồ 5 | Ngô 3 | Đào 2 | Phạm 4 | ' +
    'Chu 2 | Thái 2 | Cao 2 | Lương 2 | Tôn 1 | Đậu 2 | Lưu 1',
).map((s) => [s.split(' ')[0] ?? s, Number(s.split(' ')[1])]);
const maleMiddles = list('Văn | Văn | Văn | Đình | Hữu | Xuân | Công | Đức | Quang | Minh | Cảnh | Sỹ | Viết | Bá');
const femaleMiddles = list('Thị | Thị | Thị | Thị | Thị Thu | Thị Hồng | Thị Minh | Thị Thanh | Thị Ngọc | Thị Kim');
const maleGiven = list(`
  An | Bình | Cường | Dũng | Đông | Hải | Hùng | Hưng | Khánh | Long | Nam | Phong | Sơn | Tài | Thắng | Thành |
  Tiến | Toàn | Tuấn | Việt | Vinh | Lâm | Hiếu | Kiên | Lợi | Lực | Nghĩa | Phúc | Quý | Thịnh | Tùng | Hòa |
  Chiến | Đạt | Hậu | Luận | Mạnh | Quyết`);
const femaleGiven = list(`
  Chi | Dung | Giang | Hà | Hằng | Hạnh | Hiền | Hoa | Hồng | Huyền | Hương | Lan | Liên | Linh | Loan | Mai |
  Nga | Ngân | Nhung | Oanh | Phương | Quyên | Tâm | Thảo | Thơm | Thủy | Trang | Tuyết | Vân | Yến | Lý | Sen`);

export function personName(rng: Rng, gender: Gender): string {
  const family = rng.weighted(families, (f) => f[1])[0];
  const male = gender === 'MALE';
  return `${family} ${rng.pick(male ? maleMiddles : femaleMiddles)} ${rng.pick(male ? maleGiven : femaleGiven)}`;
}

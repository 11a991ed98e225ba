// The widgets' words in Vietnamese, the default; English is in i18n-en.ts, which the bundle loads
// only for a page that asks for it (lang="en"). Numbers arrive already formatted.
import type { HamletConcern, PaceStatus, Sector } from '../operations/generated.ts';

export type Lang = 'vi' | 'en';

/** `lang` attribute → language: English when it says so ("en", "en-GB"), Vietnamese otherwise. */
export const langOf = (attr: string | null | undefined): Lang => (attr?.toLowerCase().startsWith('en') ? 'en' : 'vi');

export const vi = {
  loading: 'Đang tải số liệu…',
  error: 'Tạm thời chưa tải được số liệu. Xin bạn thử lại sau.',
  retry: 'Thử lại',
  empty: 'Chưa có số liệu cho lựa chọn này.',
  // Author mistakes (the embed code is wrong), said apart from an outage: no "try again".
  invalid: (attr: string, value: string | null | undefined) =>
    `Mã nhúng sai: thuộc tính «${attr}» ${value ? `không hợp lệ («${value}»)` : 'bị thiếu'}.`,
  unknownOrg: (code: string) => `Không tìm thấy tổ chức «${code}».`,
  source: (source: string, at: string) => `Nguồn: ${source}${at && ` · cập nhật ${at}`}`,
  /** A snapshot's source line: the day its figures were frozen. */
  frozen: (source: string, on: string) => `Nguồn: ${source} · số liệu đến ngày ${on}`,
  unknownSnapshot: (id: string) => `Không tìm thấy bản lưu số liệu «${id}».`,
  /** The link to the figures as a CSV file, in the source line. */
  download: 'Tải số liệu',
  newMembers: (n: string, _n: number) => `${n} đảng viên mới`,
  ofTarget: (pct: string, target: string) => `Đạt ${pct} chỉ tiêu ${target} đảng viên`,
  progressLabel: (org: string) => `Kết nạp đảng viên mới của ${org} so với chỉ tiêu`,
  pace: { ON_TRACK: 'Đúng tiến độ', BEHIND: 'Chậm tiến độ', ACHIEVED: 'Đã đạt chỉ tiêu' } as Record<PaceStatus, string>,
  expectedBy: (n: string) => `Cần đạt đến nay: ${n}`,
  atRiskTitle: 'Chi bộ có nguy cơ không còn chi bộ',
  atRiskCount: (n: number, communes: number) => `${n} chi bộ thuộc ${communes} xã`,
  onDate: (d: string) => `ngày ${d}`,
  figures: (m: string, e: string, age: string, y: string) =>
    `${m} đảng viên, ${e} trên ${age} tuổi, ${y} năm chưa kết nạp`,
  recovered: (n: string) => `Đã kết nạp ${n} đảng viên`,
  recoveredCount: (n: number, total: number, to: string) =>
    `${n}/${total} chi bộ đã kết nạp được đảng viên mới đến ${to}`,
  noneAtRisk: (d: string) => `Không có chi bộ nào có nguy cơ vào ngày ${d}.`,
  more: (n: string) => `và ${n} đơn vị khác`,
  trendTitle: 'Kết nạp đảng viên theo tháng',
  month: 'Tháng',
  admissions: 'Số đảng viên kết nạp',
  total: (n: string) => `Tổng: ${n}`,
  grassrootsTotal: (n: string, _n: number) => `${n} tổ chức cơ sở đảng`,
  committees: {
    COMMUNE: 'đảng bộ xã, thị trấn',
    AGENCY: 'đảng bộ cơ quan',
    ENTERPRISE: 'đảng bộ doanh nghiệp',
    ARMED_FORCES: 'đảng bộ lực lượng vũ trang',
  } as Record<Sector, string>,
  cells: (_n: number) => 'chi bộ cơ sở',
  // Đề án 01/ĐA-TU/2016's words: "khối, xóm, bản chưa có chi bộ, chưa có đảng viên … nguy cơ không còn chi bộ".
  hamletsTitle: 'Chi bộ, đảng viên ở khối, xóm, bản',
  hamletsTotal: (n: string, _n: number) => `${n} khối, xóm, bản`,
  concerns: {
    WITHOUT_CELL: 'chưa có chi bộ',
    WITHOUT_MEMBER: 'chưa có đảng viên',
    CELL_AT_RISK: 'nguy cơ không còn chi bộ',
  } as Record<HamletConcern, string>,
  /** The heading of the list of one concern. */
  hamletsOf: (concern: string) => `Khối, xóm, bản ${concern}`,
  residents: (n: string, _n: number) => `${n} đảng viên cư trú`,
};

export type Messages = typeof vi;

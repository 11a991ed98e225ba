// The admissions report as a district board sends it up (báo cáo kết nạp đảng viên): one sheet, a
// title naming the organisation and the period, two header rows, one row per grassroots
// organisation, a totals row (the subtree as a whole), set up to print on A4 landscape. Counts
// only: the file carries no one's personal data. A district has a few dozen rows: built in memory.
import type { Writable } from 'node:stream';
import { CandidateSource, EducationLevel } from '@ketnap/prisma/generated/sqlite/enums.ts';
import ExcelJS from 'exceljs';
import { dmy } from '../export/page.ts';
import type { Breakdown } from '../read/report.ts';
import { todayInVietnam } from '../rules/dates.ts';
import type { AdmissionsReport, ReportLine } from './figures.ts';

const EDUCATION: Record<EducationLevel, string> = {
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
  UPPER_SECONDARY: 'THPT',
  VOCATIONAL: 'Trung cấp',
  COLLEGE: 'Cao đẳng',
  UNIVERSITY: 'Đại học',
  POSTGRADUATE: 'Thạc sĩ, tiến sĩ',
};
const SOURCE: Record<CandidateSource, string> = {
  YOUTH_UNION: 'Đoàn TN',
  WOMENS_UNION: 'Hội Phụ nữ',
  FARMERS_UNION: 'Hội Nông dân',
  VETERANS_ASSOCIATION: 'Hội CCB',
  TRADE_UNION: 'Công đoàn',
  OTHER: 'Khác',
};

/** A column of the sheet: its group (the upper header row), its own header, and its value for a line. */
interface Column {
  group: string;
  header: string;
  width: number;
  value: (line: ReportLine) => number | null;
  format?: string;
}

const of = (group: string, header: string, count: (b: Breakdown) => number): Column => ({
  group,
  header,
  width: 10,
  value: (l) => count(l.admissions),
});

const IN_ADMISSIONS = 'Trong số kết nạp trong kỳ';
const COLUMNS: Column[] = [
  { group: 'Kết nạp', header: 'Trong kỳ', width: 10, value: (l) => l.admissions.total },
  { group: 'Kết nạp', header: 'Cùng kỳ năm trước', width: 12, value: (l) => l.lastYear.total },
  { group: 'Đảng viên', header: 'Đầu kỳ', width: 10, value: (l) => l.membersAtStart.total },
  {
    group: 'Đảng viên',
    header: 'Tỷ lệ kết nạp / đầu kỳ',
    width: 12,
    format: '0.00%',
    value: (l) => (l.membersAtStart.total ? l.admissions.total / l.membersAtStart.total : null),
  },
  of(IN_ADMISSIONS, 'Nữ', (b) => b.women),
  of(IN_ADMISSIONS, 'Dân tộc thiểu số', (b) => b.ethnicMinorities),
  of(IN_ADMISSIONS, 'Tôn giáo', (b) => b.religious),
  of(IN_ADMISSIONS, 'Đoàn viên', (b) => b.youthUnion),
  of(IN_ADMISSIONS, 'Từ 18 đến 30 tuổi', (b) => b.aged18To30),
  ...[...Object.values(EducationLevel), null].map((level) =>
    of('Trình độ học vấn', level ? EDUCATION[level] : 'Chưa ghi', (b) => b.byEducation.get(level) ?? 0),
  ),
  ...[...Object.values(CandidateSource), null].map((source) =>
    of('Nguồn kết nạp', source ? SOURCE[source] : 'Không qua nguồn', (b) => b.bySource.get(source) ?? 0),
  ),
];

/** The headers of the sheet's columns, in order (for readers of the file and its tests). */
export const REPORT_HEADERS = ['STT', 'Tổ chức cơ sở đảng', ...COLUMNS.map((c) => c.header)];

/** The first row of figures: below the title (rows 1–3) and the two header rows (4–5). */
export const FIRST_LINE_ROW = 6;

/** The period as a board names it in a title: "quý 3 năm 2017", "6 tháng đầu năm 2017", … */
export function periodName(text: string): string {
  const [year, part] = text.split('-');
  if (!part) return `năm ${year}`;
  if (/^[Qq]\d$/.test(part)) return `quý ${part[1]} năm ${year}`;
  if (/^[Hh]\d$/.test(part)) return `6 tháng ${part[1] === '1' ? 'đầu' : 'cuối'} năm ${year}`;
  if (part.length === 2) return `tháng ${Number(part)} năm ${year}`;
  return `nhiệm kỳ ${year}–${part}`;
}

export async function writeAdmissionsReport(
  report: AdmissionsReport,
  period: string,
  to: string | Writable,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ketnap';
  const sheet = workbook.addWorksheet('Báo cáo kết nạp', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:5',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 5 }],
  });
  const width = REPORT_HEADERS.length;
  sheet.columns = [{ width: 5 }, { width: 34 }, ...COLUMNS.map((c) => ({ width: c.width }))];

  const title = (row: number, text: string, size: number) => {
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold: size > 11, size };
    cell.alignment = { horizontal: 'center' };
  };
  title(1, `BÁO CÁO KẾT NẠP ĐẢNG VIÊN ${periodName(period).toUpperCase()}`, 14);
  title(2, report.org.name, 12);
  title(
    3,
    `Từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)} — số liệu của ketnap ngày ${dmy(todayInVietnam())}`,
    10,
  );

  // Two header rows: a group above its columns (merged), STT and the name spanning both.
  const headers = (row: number) => sheet.getRow(row);
  headers(4).values = ['STT', 'Tổ chức cơ sở đảng', ...COLUMNS.map((c) => c.group)];
  headers(5).values = ['STT', 'Tổ chức cơ sở đảng', ...COLUMNS.map((c) => c.header)];
  sheet.mergeCells(4, 1, 5, 1);
  sheet.mergeCells(4, 2, 5, 2);
  for (let start = 0; start < COLUMNS.length; ) {
    let end = start;
    while (end + 1 < COLUMNS.length && COLUMNS[end + 1]!.group === COLUMNS[start]!.group) end++;
    if (end > start) sheet.mergeCells(4, start + 3, 4, end + 3);
    start = end + 1;
  }
  for (const row of [4, 5]) {
    headers(row).font = { bold: true };
    headers(row).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  const values = (line: ReportLine) => COLUMNS.map((c) => c.value(line));
  report.lines.forEach((line, i) => {
    sheet.getRow(FIRST_LINE_ROW + i).values = [i + 1, line.name, ...values(line)];
  });
  const totals = sheet.getRow(FIRST_LINE_ROW + report.lines.length);
  totals.values = ['', `Tổng cộng (${report.org.name})`, ...values(report.total)];
  totals.font = { bold: true };

  const last = FIRST_LINE_ROW + report.lines.length;
  COLUMNS.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 3).numFmt = c.format;
  });
  for (let r = 4; r <= last; r++)
    for (let c = 1; c <= width; c++)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(width).letter}${last}`;

  if (typeof to === 'string') await workbook.xlsx.writeFile(to);
  else {
    await workbook.xlsx.write(to);
    to.end();
  }
}

// The report's attributes of a person (issue 11) as members and candidates spreadsheets write them:
// dân tộc and tôn giáo as free text, trình độ as one of the EducationLevel names (compared without
// diacritics, or by code), đoàn viên as Có/Không. One place for the columns, the words, the reading
// and the writing back, so that an export of either kind imports back unchanged.
import type { EducationLevel } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { MAJORITY_ETHNICITY } from '../rules/report.ts';
import { type Cell, headerKey } from './cells.ts';
import type { Column } from './table.ts';
import type { RowValues } from './values.ts';

export type AttributeField = 'ethnicity' | 'religion' | 'education';

export interface Attributes {
  ethnicity: string | null;
  religion: string | null;
  education: EducationLevel | null;
}

/** The words staff write for each level; the first is what an export writes. */
export const EDUCATION: Record<EducationLevel, string[]> = {
  PRIMARY: ['Tiểu học', 'Cấp 1'],
  LOWER_SECONDARY: ['Trung học cơ sở', 'THCS', 'Cấp 2'],
  UPPER_SECONDARY: ['Trung học phổ thông', 'THPT', 'Cấp 3'],
  VOCATIONAL: ['Trung cấp'],
  COLLEGE: ['Cao đẳng'],
  UNIVERSITY: ['Đại học', 'Cử nhân', 'Kỹ sư'],
  POSTGRADUATE: ['Thạc sĩ, tiến sĩ', 'Thạc sĩ', 'Tiến sĩ', 'Sau đại học'],
};

/** Yes and no as staff write them; the first of each is what an export writes. */
export const YES_NO = { yes: ['Có', 'x', 'Yes', 'Đúng'], no: ['Không', 'No', '0'] };

export const yesNoCell = (value: boolean): Cell => (value ? YES_NO.yes[0]! : YES_NO.no[0]!);

const col = <F extends string>(field: F, header: string, aliases: string[], guidance: string, example: string) => ({
  field,
  header,
  aliases,
  required: false,
  guidance,
  example,
});

/** The three columns, in both templates. */
export const attributeColumns = <F extends string>(): Column<F | AttributeField>[] => [
  col('ethnicity', 'Dân tộc', ['Thành phần dân tộc', 'Ethnicity'], 'Tên dân tộc, ví dụ Kinh, Thái, Mường.', 'Kinh'),
  col('religion', 'Tôn giáo', ['Theo tôn giáo', 'Religion'], 'Tên tôn giáo; để trống nếu không theo tôn giáo.', ''),
  col(
    'education',
    'Trình độ học vấn',
    ['Trình độ', 'Trình độ chuyên môn', 'Trình độ học vấn/chuyên môn', 'Education'],
    `Trình độ cao nhất: ${Object.values(EDUCATION)
      .map((w) => w[0])
      .join(', ')}.`,
    'Đại học',
  ),
];

/** What staff write in the religion column for none: the report counts any religion recorded. */
const NO_RELIGION = new Set(['khong', 'khong co', 'khong theo', 'khong theo ton giao', '-', '']);

/**
 * The attributes a row gives (an empty cell: null); a level that is none of the names is a row
 * error. The majority group is written as the report compares it ("kinh", "KINH": Kinh), so that a
 * spelling does not make a minority; "Không" as a religion is none.
 */
export function readAttributes<F extends string>(v: RowValues<F | AttributeField>): Attributes {
  const ethnicity = v.text('ethnicity');
  const religion = v.text('religion');
  return {
    ethnicity: ethnicity && headerKey(ethnicity) === headerKey(MAJORITY_ETHNICITY) ? MAJORITY_ETHNICITY : ethnicity,
    religion: religion && NO_RELIGION.has(headerKey(religion)) ? null : religion,
    education: v.choice('education', EDUCATION),
  };
}

/** Có, Không, or null for an empty cell; anything else is a row error. */
export function readYesNo<F extends string>(v: RowValues<F>, field: F): boolean | null {
  const answer = v.choice(field, YES_NO);
  return answer === null ? null : answer === 'yes';
}

/** The cells an export writes for the attributes. */
export const attributeCells = (a: Attributes): Record<AttributeField, Cell> => ({
  ethnicity: a.ethnicity,
  religion: a.religion,
  education: a.education ? EDUCATION[a.education][0]! : null,
});

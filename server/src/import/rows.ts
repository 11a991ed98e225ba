// One spreadsheet row of a members roster read into a member, with what is wrong with it on its
// own (before the database is asked): missing values, dates that are not dates, an admission
// before the minimum age, a full membership before the probation ended. Pure.
import type { Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { ageOn } from '../rules/dates.ts';
import { validateHistory } from '../rules/membership.ts';
import { policyOn } from '../rules/policy.ts';
import { type Violation, violation } from '../rules/violations.ts';
import { type Attributes, readAttributes, readYesNo } from './attributes.ts';
import { type Cell, headerKey, parseDate, text } from './cells.ts';
import { type HeaderMap, MEMBERS, type MemberField } from './columns.ts';
import { ketnapId } from './ketnap-ids.ts';
import type { RowSpec } from './row-reader.ts';
import { RowValues } from './values.ts';

export interface MemberRow extends Attributes {
  fullName: string;
  birthDate: string;
  gender: Gender | null;
  admittedOn: string;
  officialOn: string | null;
  cellCode: string;
  partyCardNumber: string | null;
  citizenId: string | null;
  /** Đoàn viên when admitted; null: the file does not say. */
  isYouthUnionMember: boolean | null;
  /** The member's ketnap ID (decoded), as an export writes it. */
  ketnapId: number | null;
}

const GENDERS: Record<string, Gender> = {
  nam: 'MALE',
  male: 'MALE',
  m: 'MALE',
  nu: 'FEMALE',
  female: 'FEMALE',
  f: 'FEMALE',
};

/** A header as the file writes it, or the template's when the file lacks the column. */
export const labelOf = (header: HeaderMap, field: MemberField) => MEMBERS.labelOf(header, field);

/** A party card number: letters, digits and separators as printed on the card, spaces removed. */
function cardNumber(cell: Cell): string | null | undefined {
  const value = text(cell).replace(/\s/g, '');
  if (!value) return null;
  return /^[0-9A-Za-z./-]{4,20}$/.test(value) ? value : undefined;
}

/**
 * A citizen ID: 12 digits (CCCD), or 9 for an old identity card (CMND). Excel turns a number typed
 * into a cell into a number and drops its leading zeros (province codes 001–096 start with 0): a
 * numeric cell of 10 or 11 digits gets them back.
 */
function citizenId(cell: Cell): string | null | undefined {
  let value = text(cell).replace(/[\s.]/g, '');
  if (!value) return null;
  if (typeof cell === 'number' && value.length >= 10 && value.length < 12) value = value.padStart(12, '0');
  return /^(\d{9}|\d{12})$/.test(value) ? value : undefined;
}

export function readMemberRow(
  cells: Cell[],
  header: HeaderMap,
  today: string,
): { member: MemberRow | null; violations: Violation[] } {
  const violations: Violation[] = [];
  const cell = (field: MemberField): Cell => {
    const at = header.positions.get(field);
    return at === undefined ? null : (cells[at] ?? null);
  };
  const required = (field: MemberField) => {
    const value = text(cell(field));
    if (!value) violations.push(violation('IMPORT_REQUIRED', field, { column: labelOf(header, field) }));
    return value;
  };
  const date = (field: MemberField, isRequired: boolean) => {
    if (!text(cell(field))) return isRequired ? (required(field), '') : null;
    const parsed = parseDate(cell(field), today);
    if (parsed.ok) return parsed.date;
    violations.push(violation('IMPORT_DATE_INVALID', field, { value: parsed.value }));
    return '';
  };
  const invalid = (field: MemberField) =>
    violations.push(violation('IMPORT_VALUE_INVALID', field, { value: text(cell(field)) }));

  const fullName = required('fullName');
  const birthDate = date('birthDate', true) ?? '';
  const admittedOn = date('admittedOn', true) ?? '';
  const officialOn = date('officialOn', false);
  const cellCode = required('cellCode');
  const genderText = headerKey(cell('gender'));
  const gender = genderText ? (GENDERS[genderText] ?? null) : null;
  if (genderText && !gender) invalid('gender');
  const card = cardNumber(cell('partyCardNumber'));
  if (card === undefined) invalid('partyCardNumber');
  const id = citizenId(cell('citizenId'));
  if (id === undefined) invalid('citizenId');
  // The report's attributes, read as the candidates list reads them (values.ts).
  const values = new RowValues(cells, header, today, (field: MemberField) => labelOf(header, field));
  const attributes = readAttributes(values);
  const isYouthUnionMember = readYesNo(values, 'isYouthUnionMember');
  violations.push(...values.violations);
  const known = ketnapId(cell('ketnapId'), 'Member');
  if (known === undefined) invalid('ketnapId');
  if (card === null && id === null && known === null) {
    const column = `${labelOf(header, 'partyCardNumber')} / ${labelOf(header, 'citizenId')} / ${labelOf(header, 'ketnapId')}`;
    violations.push(violation('IMPORT_REQUIRED', 'partyCardNumber', { column }));
  }
  if (birthDate && admittedOn) {
    if (birthDate >= admittedOn) violations.push(violation('BIRTH_DATE_AFTER', 'birthDate'));
    else {
      // Điều lệ Đảng, Art. 1: admitted from 18 (policy.ts); the cell votes before the ceremony.
      const min = policyOn(admittedOn).minAge;
      const age = ageOn(birthDate, admittedOn);
      if (age < min) violations.push(violation('ADMITTED_UNDER_AGE', 'admittedOn', { age, min }));
    }
  }
  if (admittedOn && officialOn !== '')
    violations.push(
      ...validateHistory(admittedOn, officialOn, [admittedOn]).map((v) => ({ ...v, field: 'officialOn' })),
    );
  if (violations.length > 0) return { member: null, violations };
  return {
    member: {
      fullName,
      birthDate,
      gender,
      admittedOn,
      officialOn,
      cellCode,
      partyCardNumber: card ?? null,
      citizenId: id ?? null,
      ...attributes,
      isYouthUnionMember,
      ketnapId: known ?? null,
    },
    violations,
  };
}

/** A members roster, row by row: one of a card, a citizen ID or a ketnap ID identifies each person. */
export const MEMBER_SPEC: RowSpec<MemberField, MemberRow> = {
  table: MEMBERS,
  oneOf: [['partyCardNumber', 'citizenId', 'ketnapId']],
  read: (cells, header, today) => {
    const { member, violations } = readMemberRow(cells, header, today);
    return { value: member, violations };
  },
  keys: (m) => [
    ...(m.partyCardNumber ? [{ field: 'partyCardNumber' as const, key: m.partyCardNumber }] : []),
    ...(m.citizenId ? [{ field: 'citizenId' as const, key: m.citizenId }] : []),
    ...(m.ketnapId ? [{ field: 'ketnapId' as const, key: String(m.ketnapId) }] : []),
  ],
  duplicate: 'IMPORT_DUPLICATE_ROW',
};

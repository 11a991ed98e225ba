// Nhập chỉ tiêu: quotas (targets for a period, optionally under a programme) through assignQuota,
// as the mutation: the same checks, and the same who — the body that hands the quota down, the
// organisation's parent on the first day of the period, must lie in the importer's subtree. A row
// naming a recorded quota with another target changes it; with the same target, nothing.
import { assignQuotaIn } from '../domain/quotas.ts';
import { refuse, type WriteOptions } from '../domain/write.ts';
import { covers } from '../rules/dates.ts';
import type { Cell } from './cells.ts';
import { importThrough } from './domain-import.ts';
import type { ImportInput } from './report.ts';
import type { RowSpec } from './row-reader.ts';
import { writesIn } from './scope.ts';
import { type Column, type HeaderMap, tableOf } from './table.ts';
import { RowValues } from './values.ts';

type QuotaField = 'organisationCode' | 'periodFrom' | 'periodTo' | 'target' | 'programmeCode';

export const QUOTA_COLUMNS: readonly Column<QuotaField>[] = [
  {
    field: 'organisationCode',
    header: 'Mã tổ chức',
    aliases: ['Mã đảng bộ, chi bộ', 'Mã chi bộ', 'Organisation code'],
    required: true,
    guidance: 'Bắt buộc. Mã tổ chức được giao chỉ tiêu (ví dụ thanh-hoa).',
    example: 'thanh-hoa',
  },
  {
    field: 'periodFrom',
    header: 'Từ ngày',
    aliases: ['Ngày bắt đầu', 'From'],
    required: true,
    guidance: 'Bắt buộc. Ngày đầu kỳ, ngày/tháng/năm.',
    example: '01/01/2017',
  },
  {
    field: 'periodTo',
    header: 'Đến ngày',
    aliases: ['Ngày kết thúc', 'To'],
    required: true,
    guidance: 'Bắt buộc. Ngày cuối kỳ (tính cả ngày này).',
    example: '31/12/2017',
  },
  {
    field: 'target',
    header: 'Chỉ tiêu',
    aliases: ['Chỉ tiêu kết nạp', 'Số chỉ tiêu', 'Target'],
    required: true,
    guidance: 'Bắt buộc. Số đảng viên cần kết nạp trong kỳ (số nguyên, từ 0).',
    example: '12',
  },
  {
    field: 'programmeCode',
    header: 'Mã đề án',
    aliases: ['Đề án', 'Programme code'],
    required: false,
    guidance: 'Mã đề án nếu chỉ tiêu thuộc một đề án; để trống nếu không.',
    example: '',
  },
];

export const QUOTAS = tableOf(QUOTA_COLUMNS);

interface QuotaRow {
  organisationCode: string;
  periodFrom: string;
  periodTo: string;
  target: number;
  programmeCode: string | null;
}

const rows: RowSpec<QuotaField, QuotaRow> = {
  table: QUOTAS,
  read: (cells: Cell[], header: HeaderMap<QuotaField>, today: string) => {
    const v = new RowValues(cells, header, today, (f) => QUOTAS.labelOf(header, f));
    const row = {
      organisationCode: v.text('organisationCode', true),
      periodFrom: v.date('periodFrom', true),
      periodTo: v.date('periodTo', true),
      target: v.integer('target', true),
      programmeCode: v.text('programmeCode'),
    };
    const { organisationCode, periodFrom, periodTo, target } = row;
    if (v.violations.length > 0 || !organisationCode || !periodFrom || !periodTo || target === null)
      return { value: null, violations: v.violations };
    return { value: { ...row, organisationCode, periodFrom, periodTo, target }, violations: [] };
  },
  keys: (q) => [
    { field: 'organisationCode', key: `${q.organisationCode}|${q.periodFrom}|${q.periodTo}|${q.programmeCode ?? ''}` },
  ],
};

export function importQuotas(options: WriteOptions<ImportInput>) {
  return importThrough(
    {
      kind: 'quotas',
      rows,
      apply: async (list, { tx, actor, today, attempt }) => {
        for (const row of list)
          await attempt(row, async () => {
            const q = row.value;
            const org = await tx.organisation.findUnique({ where: { code: q.organisationCode } });
            const links = org ? await tx.organisationParent.findMany({ where: { organisationId: org.id } }) : [];
            const parent = links.find((l) => covers(l.startOn, l.endOn, q.periodFrom));
            if (org && !(await writesIn(tx, actor, parent?.parentId ?? -1, today)))
              refuse('IMPORT_OUTSIDE_SCOPE', 'organisationCode', { code: q.organisationCode });
            const programme = q.programmeCode
              ? await tx.programme.findUnique({ where: { code: q.programmeCode } })
              : null;
            const before =
              org && (programme || !q.programmeCode)
                ? await tx.quota.findFirst({
                    where: {
                      organisationId: org.id,
                      periodFrom: q.periodFrom,
                      periodTo: q.periodTo,
                      programmeId: programme?.id ?? null,
                    },
                  })
                : null;
            if (before?.target === q.target) return 'unchanged';
            await assignQuotaIn(tx, { actor, input: q });
            return before ? 'changed' : 'new';
          });
      },
    },
    options,
  );
}

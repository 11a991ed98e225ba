// Nhập cây tổ chức: organisations with their dates, through the mutations' own functions —
// createOrganisation (under its parent, from its establishment), renameOrganisation, and
// dissolveOrganisation (optionally merged into another). Parents are written before their
// children wherever they stand in the file; dissolutions last, children before parents. A row
// naming a recorded organisation is unchanged when it says the same; a new name renames it, a
// dissolution date dissolves it; another kind, sector, parent or establishment date is refused.
import type { OrganisationKind, Sector } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { dissolveOrganisationIn } from '../domain/dissolution.ts';
import { createOrganisationIn, renameOrganisationIn } from '../domain/organisations.ts';
import { refuse, type WriteOptions } from '../domain/write.ts';
import { importThrough } from './domain-import.ts';
import { ORGANISATIONS, type OrganisationField } from './organisation-columns.ts';
import type { ImportInput } from './report.ts';
import type { ReadRow, RowSpec } from './row-reader.ts';
import { writesIn } from './scope.ts';
import { RowValues } from './values.ts';

const KINDS: Record<OrganisationKind, string[]> = {
  PROVINCIAL: ['Đảng bộ tỉnh', 'Tỉnh ủy'],
  DISTRICT: ['Đảng bộ huyện', 'Huyện ủy'],
  GRASSROOTS_COMMITTEE: ['Đảng bộ cơ sở'],
  GRASSROOTS_CELL: ['Chi bộ cơ sở'],
  SECTION_COMMITTEE: ['Đảng bộ bộ phận'],
  SUBORDINATE_CELL: ['Chi bộ trực thuộc', 'Chi bộ'],
};
const SECTORS: Record<Sector, string[]> = {
  COMMUNE: ['Xã, thị trấn', 'Xã', 'Phường', 'Thị trấn'],
  AGENCY: ['Cơ quan'],
  ENTERPRISE: ['Doanh nghiệp'],
  ARMED_FORCES: ['Lực lượng vũ trang'],
};

interface OrganisationRow {
  code: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector | null;
  parentCode: string;
  establishedOn: string;
  dissolvedOn: string | null;
  mergeIntoCode: string | null;
}

const rows: RowSpec<OrganisationField, OrganisationRow> = {
  table: ORGANISATIONS,
  read: (cells, header, today) => {
    const v = new RowValues(cells, header, today, (f) => ORGANISATIONS.labelOf(header, f));
    const [code, name, parentCode] = [v.text('code', true), v.text('name', true), v.text('parentCode', true)];
    const kind = v.choice('kind', KINDS, true);
    const sector = v.choice('sector', SECTORS);
    const establishedOn = v.date('establishedOn', true);
    const dissolvedOn = v.date('dissolvedOn');
    const mergeIntoCode = v.text('mergeIntoCode');
    if (mergeIntoCode && !dissolvedOn) v.text('dissolvedOn', true);
    if (v.violations.length > 0 || !code || !name || !parentCode || !kind || !establishedOn)
      return { value: null, violations: v.violations };
    const value = { code, name, kind, sector, parentCode, establishedOn, dissolvedOn, mergeIntoCode };
    return { value, violations: [] };
  },
  keys: (o) => [{ field: 'code', key: o.code }],
};

/** The rows with every parent named in the file before its children (file order otherwise). */
function parentsFirst(list: ReadRow<OrganisationRow>[]): ReadRow<OrganisationRow>[] {
  const byCode = new Map(list.map((r) => [r.value.code, r]));
  const done = new Set<ReadRow<OrganisationRow>>();
  const out: ReadRow<OrganisationRow>[] = [];
  const visit = (row: ReadRow<OrganisationRow>, path: Set<string>) => {
    if (done.has(row) || path.has(row.value.code)) return; // a cycle: createOrganisation finds no parent
    path.add(row.value.code);
    const parent = byCode.get(row.value.parentCode);
    if (parent) visit(parent, path);
    done.add(row);
    out.push(row);
  };
  for (const row of list) visit(row, new Set());
  return out;
}

export function importOrganisations(options: WriteOptions<ImportInput>) {
  return importThrough(
    {
      kind: 'organisations',
      rows,
      columnOf: { on: 'dissolvedOn' },
      apply: async (list, { tx, actor, today, attempt }) => {
        const ordered = parentsFirst(list);
        for (const row of ordered)
          await attempt(row, async () => {
            const o = row.value;
            const before = await tx.organisation.findUnique({
              where: { code: o.code },
              include: { parentLinks: { orderBy: { startOn: 'asc' }, take: 1, include: { parent: true } } },
            });
            const parent = await tx.organisation.findUnique({ where: { code: o.parentCode } });
            if (parent && !(await writesIn(tx, actor, parent.id, today)))
              refuse('IMPORT_OUTSIDE_SCOPE', 'parentCode', { code: o.parentCode });
            if (!before) {
              const { dissolvedOn: _, mergeIntoCode: __, ...input } = o;
              await createOrganisationIn(tx, { actor, input });
              return 'new';
            }
            const recorded: Partial<Record<OrganisationField, unknown>> = {
              kind: before.kind,
              sector: before.sector,
              establishedOn: before.establishedOn,
              parentCode: before.parentLinks[0]?.parent.code,
            };
            const differs = (['kind', 'sector', 'establishedOn', 'parentCode'] as const).find(
              (f) => recorded[f] !== o[f],
            );
            if (differs) refuse('IMPORT_RECORD_DIFFERS', differs);
            if (before.dissolvedOn && o.dissolvedOn !== before.dissolvedOn)
              refuse('IMPORT_RECORD_DIFFERS', 'dissolvedOn');
            if (before.name === o.name) return 'unchanged';
            await renameOrganisationIn(tx, { actor, input: { code: o.code, name: o.name } });
            return 'changed';
          });
        // Dissolutions after every creation, the deepest first (a committee empties before it closes).
        for (const row of ordered.filter((r) => r.value.dissolvedOn).reverse())
          await attempt(row, async () => {
            const o = row.value;
            const recorded = await tx.organisation.findUniqueOrThrow({ where: { code: o.code } });
            if (recorded.dissolvedOn === o.dissolvedOn) return 'unchanged';
            const input = { code: o.code, on: o.dissolvedOn!, mergeIntoCode: o.mergeIntoCode };
            await dissolveOrganisationIn(tx, { actor, input });
            return 'changed';
          });
      },
    },
    options,
  );
}

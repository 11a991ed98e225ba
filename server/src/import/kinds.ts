// Every kind of spreadsheet ketnap imports: its columns (for its template), its sheet's name and
// title, and its import function. The command line, the GraphQL upload and the admin page all
// start here.
import type { WriteOptions } from '../domain/write.ts';
import { CANDIDATE_COLUMNS } from './candidate-columns.ts';
import { importCandidates } from './candidates-import.ts';
import { MEMBER_COLUMNS } from './columns.ts';
import { importMembers } from './members-import.ts';
import { ORGANISATION_COLUMNS } from './organisation-columns.ts';
import { importOrganisations } from './organisations-import.ts';
import { importQuotas, QUOTA_COLUMNS } from './quotas-import.ts';
import type { ImportInput, ImportKind, ImportReport } from './report.ts';
import type { Column } from './table.ts';

export interface Kind {
  columns: readonly Column[];
  sheet: string;
  title: string;
  run(options: WriteOptions<ImportInput>): Promise<ImportReport>;
}

export const KINDS: Record<ImportKind, Kind> = {
  members: { columns: MEMBER_COLUMNS, sheet: 'Dang vien', title: 'DANH SÁCH ĐẢNG VIÊN', run: importMembers },
  candidates: {
    columns: CANDIDATE_COLUMNS,
    sheet: 'Quan chung',
    title: 'DANH SÁCH QUẦN CHÚNG ƯU TÚ',
    run: importCandidates,
  },
  organisations: {
    columns: ORGANISATION_COLUMNS,
    sheet: 'To chuc',
    title: 'DANH SÁCH TỔ CHỨC ĐẢNG',
    run: importOrganisations,
  },
  quotas: { columns: QUOTA_COLUMNS, sheet: 'Chi tieu', title: 'CHỈ TIÊU KẾT NẠP ĐẢNG VIÊN', run: importQuotas },
};

export function kindNamed(name: string): Kind {
  const kind = KINDS[name as ImportKind];
  if (!kind) throw new Error(`"${name}": the kinds of spreadsheet are ${Object.keys(KINDS).join(', ')}`);
  return kind;
}

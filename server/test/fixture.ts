// A small, fully known world for the write tests: a district with two communes, their hamlet
// cells (one dissolved, one at risk), members, a candidate waiting for its decision, quotas, a
// leader. Synthetic names. Tokens: an admin, editors of each commune, a viewer.
import type { Dataset, MemberRow } from '@ketnap/prisma/datasets/types.ts';
import { createToken } from '../src/auth/tokens.ts';
import type { Role } from '../src/context.ts';
import { rawConnect } from '../src/db/raw.ts';
import { prisma } from '../src/db.ts';
import { loadDataset } from '../src/seed/load.ts';
import { type Engine, freshDatabase, type TestDatabase } from './support.ts';

const org = (
  id: number,
  code: string,
  kind: Dataset['organisations'][number]['kind'],
  establishedOn: string,
  dissolvedOn: string | null = null,
) => ({
  id,
  code,
  name: `Tổ chức ${code}`,
  kind,
  sector: kind === 'GRASSROOTS_COMMITTEE' ? ('COMMUNE' as const) : null,
  establishedOn,
  dissolvedOn,
  mergedIntoId: null,
});
const link = (id: number, organisationId: number, parentId: number, startOn: string, endOn: string | null = null) => ({
  id,
  organisationId,
  parentId,
  startOn,
  endOn,
});

/** Cells: 4 thanh-hoa-xom-3, 5 thanh-hoa-xom-4, 7 thanh-duc-xom-1 (at risk), 8 thanh-hoa-xom-9 (dissolved 2016). */
export const CELL = { xom3: 4, xom4: 5, duc1: 7, dissolved: 8 };

function members(): MemberRow[] {
  const m = (
    id: number,
    birthDate: string,
    admittedOn: string,
    cell: number,
    officialOn: string | null = '2000-01-01',
  ): MemberRow => ({
    id,
    fullName: `Đảng viên ${id}`,
    birthDate,
    gender: null,
    personalHistory: 'Tiểu sử tổng hợp',
    admittedOn,
    admittedInId: cell,
    officialOn,
    leftOn: null,
    leftReason: null,
    candidateId: null,
    ethnicity: null,
    religion: null,
    education: null,
    isYouthUnionMember: false,
  });
  return [
    ...[1, 2, 3, 4, 5, 6].map((id) => m(id, `19${60 + id}-05-05`, '1995-03-01', CELL.xom3, '1996-03-01')),
    m(7, '1970-01-01', '1999-01-01', CELL.xom4),
    m(8, '1971-01-01', '1999-01-01', CELL.xom4),
    m(9, '1994-02-02', '2016-02-01', CELL.xom4, null),
    m(10, '1940-01-01', '1970-01-01', CELL.duc1),
    m(11, '1942-01-01', '1975-01-01', CELL.duc1),
    m(12, '1945-01-01', '1980-01-01', CELL.duc1),
    m(13, '1975-01-01', '2005-06-01', CELL.duc1),
  ];
}

export function miniDataset(): Dataset {
  const ms = members();
  return {
    name: 'mini',
    notice: 'Synthetic test data.',
    organisations: [
      org(1, 'nghe-an', 'PROVINCIAL', '1930-04-20'),
      org(2, 'thanh-chuong', 'DISTRICT', '1930-07-01'),
      org(3, 'thanh-hoa', 'GRASSROOTS_COMMITTEE', '1950-01-01'),
      org(4, 'thanh-hoa-xom-3', 'SUBORDINATE_CELL', '1960-01-01'),
      org(5, 'thanh-hoa-xom-4', 'SUBORDINATE_CELL', '1960-01-01'),
      org(6, 'thanh-duc', 'GRASSROOTS_COMMITTEE', '1950-01-01'),
      org(7, 'thanh-duc-xom-1', 'SUBORDINATE_CELL', '1960-01-01'),
      org(8, 'thanh-hoa-xom-9', 'SUBORDINATE_CELL', '1960-01-01', '2016-01-01'),
    ],
    parentLinks: [
      link(1, 2, 1, '1930-07-01'),
      link(2, 3, 2, '1950-01-01'),
      link(3, 4, 3, '1960-01-01'),
      link(4, 5, 3, '1960-01-01'),
      link(5, 6, 2, '1950-01-01'),
      link(6, 7, 6, '1960-01-01'),
      link(7, 8, 3, '1960-01-01', '2016-01-01'),
    ],
    members: ms,
    placements: ms.map((m) => ({
      id: m.id,
      memberId: m.id,
      cellId: m.admittedInId,
      startOn: m.admittedOn,
      endOn: null,
    })),
    candidates: [
      {
        id: 1,
        fullName: 'Người chờ quyết định',
        birthDate: '1990-01-01',
        gender: null,
        personalHistory: null,
        isYouthUnionMember: false,
        isTradeUnionMember: false,
        workplaceHasTradeUnion: false,
        cellId: CELL.xom3,
        source: 'FARMERS_UNION',
        stage: 'CELL_VOTED',
        stageOn: '2016-12-01',
        certificateOn: '2016-06-01',
        ageException: null,
        ageExceptionBy: null,
      },
    ],
    candidateEvents: [
      {
        id: 1,
        candidateId: 1,
        stage: 'SOURCED',
        on: '2016-03-01',
        actingBody: 'Hội Nông dân xã',
        votesFor: null,
        votesEligible: null,
        note: null,
      },
      {
        id: 2,
        candidateId: 1,
        stage: 'CELL_VOTED',
        on: '2016-12-01',
        actingBody: 'Chi bộ xóm 3',
        votesFor: 6,
        votesEligible: 6,
        note: null,
      },
    ],
    introductions: [],
    programmes: [
      {
        id: 1,
        code: 'de-an-01-2016',
        name: 'Đề án 01',
        issuedBy: 'Tỉnh ủy Nghệ An',
        startOn: '2016-01-01',
        endOn: '2020-12-31',
      },
    ],
    quotas: [
      { id: 1, organisationId: 2, programmeId: null, periodFrom: '2017-01-01', periodTo: '2017-12-31', target: 10 },
      { id: 2, organisationId: 3, programmeId: null, periodFrom: '2017-01-01', periodTo: '2017-12-31', target: 4 },
      { id: 3, organisationId: 6, programmeId: null, periodFrom: '2017-01-01', periodTo: '2017-12-31', target: 3 },
    ],
    leaders: [{ id: 1, fullName: 'Lãnh đạo Một', title: 'Phó Bí thư Huyện ủy' }],
    assignments: [{ id: 1, leaderId: 1, organisationId: 6, startOn: '2016-01-01', endOn: null, zone: 'Vùng thượng' }],
    visits: [{ id: 1, leaderId: 1, cellId: CELL.duc1, visitedOn: '2017-02-10', note: null }],
  };
}

export interface World {
  db: TestDatabase;
  tokens: { admin: string; hoa: string; duc: string; viewer: string };
}

export async function miniWorld(engine: Engine): Promise<World> {
  const db = await freshDatabase(engine, { seed: false });
  const conn = await rawConnect(db.database.url);
  try {
    await loadDataset(conn, miniDataset());
  } finally {
    await conn.close();
  }
  const make = async (role: Role, org?: string) =>
    (await createToken({ name: `${role.toLowerCase()} ${org ?? 'all'}`, role, organisationCode: org })).secret;
  const tokens = {
    admin: await make('ADMIN'),
    hoa: await make('EDITOR', 'thanh-hoa'),
    duc: await make('EDITOR', 'thanh-duc'),
    viewer: await make('VIEWER', 'thanh-hoa'),
  };
  return { db, tokens };
}

/** Everything a write could change, to check that a refused or invalid write changed nothing. */
export async function fingerprint(): Promise<string> {
  const p = prisma();
  const rows = await Promise.all([
    p.organisation.findMany({ orderBy: { id: 'asc' } }),
    p.organisationParent.findMany({ orderBy: { id: 'asc' } }),
    p.organisationAncestry.count(),
    p.member.findMany({ orderBy: { id: 'asc' } }),
    p.recognitionVote.findMany({ orderBy: { id: 'asc' } }),
    p.placement.findMany({ orderBy: { id: 'asc' } }),
    p.candidate.findMany({ orderBy: { id: 'asc' } }),
    p.candidateEvent.count(),
    p.introduction.count(),
    p.quota.findMany({ orderBy: { id: 'asc' } }),
    p.programme.count(),
    p.leader.count(),
    p.assignment.count(),
    p.meetingVisit.count(),
    p.auditEvent.count(),
    p.widgetSnapshot.count(),
    p.hamlet.findMany({ orderBy: { id: 'asc' } }),
    p.hamletCommune.findMany({ orderBy: { id: 'asc' } }),
    p.hamletCell.findMany({ orderBy: { id: 'asc' } }),
    p.residence.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
}

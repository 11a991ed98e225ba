// Loads a dataset into an empty database, table by table in dependency order, and derives the
// tree's closure (OrganisationAncestry) from its parent links.
import type { Dataset } from '@ketnap/prisma/datasets/types.ts';
import type { Database } from '../db/client.ts';
import { ancestryRows } from '../rules/ancestry.ts';

const CHUNK = 2_000;

export async function loadDataset(database: Database, dataset: Dataset): Promise<void> {
  const { prisma } = database;
  const insert = async <T>(create: (rows: T[]) => Promise<unknown>, rows: T[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) await create(rows.slice(i, i + CHUNK));
  };
  const ancestry = ancestryRows(dataset.organisations, dataset.parentLinks).map((row, i) => ({ id: i + 1, ...row }));

  await prisma.$transaction(
    async (tx) => {
      await insert(
        (data) => tx.organisation.createMany({ data }),
        dataset.organisations.map((o) => ({ ...o, mergedIntoId: null })),
      );
      for (const org of dataset.organisations.filter((o) => o.mergedIntoId !== null)) {
        await tx.organisation.update({ where: { id: org.id }, data: { mergedIntoId: org.mergedIntoId } });
      }
      await insert((data) => tx.organisationParent.createMany({ data }), dataset.parentLinks);
      await insert((data) => tx.organisationAncestry.createMany({ data }), ancestry);
      await insert((data) => tx.candidate.createMany({ data }), dataset.candidates);
      await insert((data) => tx.member.createMany({ data }), dataset.members);
      await insert((data) => tx.placement.createMany({ data }), dataset.placements);
      await insert((data) => tx.candidateEvent.createMany({ data }), dataset.candidateEvents);
      await insert((data) => tx.introduction.createMany({ data }), dataset.introductions);
      await insert((data) => tx.programme.createMany({ data }), dataset.programmes);
      await insert((data) => tx.quota.createMany({ data }), dataset.quotas);
      await insert((data) => tx.leader.createMany({ data }), dataset.leaders);
      await insert((data) => tx.assignment.createMany({ data }), dataset.assignments);
      await insert((data) => tx.meetingVisit.createMany({ data }), dataset.visits);
      if (database.dialect === 'postgres') {
        // Rows came with explicit ids: move each sequence past them.
        for (const table of SERIAL_TABLES) {
          await tx.$executeRawUnsafe(
            `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`,
          );
        }
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

const SERIAL_TABLES = [
  'Organisation',
  'OrganisationParent',
  'OrganisationAncestry',
  'Candidate',
  'Member',
  'Placement',
  'CandidateEvent',
  'Introduction',
  'Programme',
  'Quota',
  'Leader',
  'Assignment',
  'MeetingVisit',
];

// For the correction tests: everything a correction must get right, read from the database the
// tests run on — the base rows a history is made of (members, placements, candidates and their
// steps, the tree and its closure, hamlets' communes and cells), the derived tables, and the public figures of every organisation on days
// around the corrected facts — so that two databases can be compared: one where the wrong value
// was entered then corrected, one where the right value was entered first.
import { expect } from 'vitest';
import type { Actor } from '../src/context.ts';
import { prisma } from '../src/db.ts';
import { admissionsByMonth, memberCounts } from '../src/read/figures.ts';
import { atRiskCellIds } from '../src/read/risk.ts';
import { derivedRows } from './derived-support.ts';
import { miniWorld } from './fixture.ts';

export const actor: Actor = { tokenId: 0, name: 'correction test', role: 'ADMIN', organisationId: null };

const DAYS = ['1999-06-01', '2005-01-01', '2010-06-01', '2012-06-01', '2015-06-01', '2017-03-01', '2019-06-01'];

/** The state a history leaves: rows without their ids (which the order of writes decides), and figures. */
export async function outcome() {
  const p = prisma();
  const ids = (await p.organisation.findMany({ select: { id: true } })).map((o) => o.id);
  const figures: Record<string, unknown> = {};
  for (const day of DAYS) {
    figures[`members ${day}`] = Object.fromEntries([...(await memberCounts(ids, day))].filter(([, n]) => n !== 0));
    figures[`at risk ${day}`] = Object.fromEntries(await atRiskCellIds(ids, day));
  }
  const months = await admissionsByMonth(ids, '1960-01-01', '2020-12-31');
  // A month with no admission left reads 0, as does one that never had any: both are left out.
  const counted = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n !== 0));
  figures.admissions = Object.fromEntries([...months].map(([id, m]) => [id, counted(m)]));
  const members = await p.member.findMany({
    orderBy: { id: 'asc' },
    select: {
      fullName: true,
      admittedOn: true,
      admittedInId: true,
      officialOn: true,
      leftOn: true,
      leftReason: true,
      candidateId: true,
      placements: { orderBy: { startOn: 'asc' }, select: { cellId: true, startOn: true, endOn: true } },
    },
  });
  const candidates = await p.candidate.findMany({
    orderBy: { id: 'asc' },
    select: {
      stage: true,
      stageOn: true,
      certificateOn: true,
      cellId: true,
      events: {
        orderBy: [{ on: 'asc' }, { id: 'asc' }],
        select: { stage: true, on: true, actingBody: true, votesFor: true, votesEligible: true },
      },
    },
  });
  const tree = await p.organisation.findMany({
    orderBy: { id: 'asc' },
    select: { name: true, dissolvedOn: true, mergedIntoId: true },
  });
  const links = await p.organisationParent.findMany({
    orderBy: [{ organisationId: 'asc' }, { startOn: 'asc' }],
    select: { organisationId: true, parentId: true, startOn: true, endOn: true },
  });
  const ancestry = await p.organisationAncestry.findMany({
    orderBy: [{ descendantId: 'asc' }, { ancestorId: 'asc' }, { startOn: 'asc' }],
    select: { ancestorId: true, descendantId: true, depth: true, startOn: true, endOn: true },
  });
  const dated = { orderBy: [{ hamletId: 'asc' as const }, { startOn: 'asc' as const }] };
  const hamlets = {
    communes: await p.hamletCommune.findMany({
      ...dated,
      select: { hamletId: true, communeId: true, startOn: true, endOn: true },
    }),
    cells: await p.hamletCell.findMany({
      ...dated,
      select: { hamletId: true, cellId: true, startOn: true, endOn: true },
    }),
  };
  return { figures, members, candidates, tree, links, ancestry, hamlets, derived: await derivedRows() };
}

/** The outcome of `writes` on a fresh mini world (SQLite), which is dropped afterwards. */
export async function outcomeOf(writes: () => Promise<unknown>) {
  const world = await miniWorld('sqlite');
  try {
    await writes();
    return await outcome();
  } finally {
    await world.db.drop();
  }
}

/**
 * The wrong value entered then corrected equals the right value entered first, while the wrong
 * value left alone does not (so a correction that did nothing fails).
 */
export async function expectAsIfRightFirst(
  wrong: () => Promise<unknown>,
  correction: () => Promise<unknown>,
  right: () => Promise<unknown>,
) {
  const rightFirst = await outcomeOf(right);
  expect(await outcomeOf(wrong)).not.toEqual(rightFirst);
  expect(
    await outcomeOf(async () => {
      await wrong();
      await correction();
    }),
  ).toEqual(rightFirst);
}

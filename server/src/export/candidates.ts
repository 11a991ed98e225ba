// The rows of a candidates export: the candidates whose cell is in the subtree (as the `candidates`
// query reads them), one row each with the dates of the steps recorded, in the columns of the
// candidates import template, so that the file can be edited (a date filled in as a candidate moves
// on) and imported again. Read a page at a time, by id.
import { prisma } from '../db.ts';
import { attributeCells, yesNoCell as yesNo } from '../import/attributes.ts';
import type { CandidateField } from '../import/candidate-columns.ts';
import { CANDIDATE_COLUMNS } from '../import/candidate-columns.ts';
import { SOURCES, STOPS } from '../import/candidate-rows.ts';
import type { Cell } from '../import/cells.ts';
import { ketnapIdOf } from '../import/ketnap-ids.ts';
import { candidateWhere } from '../schema/candidate.ts';
import { type DateCell, PAGE } from './page.ts';

const GENDER = { MALE: 'Nam', FEMALE: 'Nữ' } as const;

/** The column of each step's date. */
const DATE_OF = {
  SOURCED: 'sourcedOn',
  TRAINED: 'trainedOn',
  APPLIED: 'appliedOn',
  VERIFIED: 'verifiedOn',
  INTRODUCED: 'introducedOn',
  CELL_VOTED: 'cellVotedOn',
  COMMITTEE_VOTED: 'committeeVotedOn',
  DECIDED: 'decidedOn',
  ADMITTED: 'admittedOn',
  WITHDRAWN: 'stoppedOn',
  REJECTED: 'stoppedOn',
} as const satisfies Record<string, CandidateField>;

function page(code: string, after: number) {
  return prisma().candidate.findMany({
    where: { AND: [candidateWhere({ code }), { id: { gt: after } }] },
    orderBy: { id: 'asc' },
    take: PAGE,
    include: {
      cell: { select: { code: true } },
      events: { orderBy: [{ on: 'asc' }, { id: 'asc' }] },
      introductions: { orderBy: { id: 'asc' }, include: { member: { select: { id: true, partyCardNumber: true } } } },
    },
  });
}

export async function* candidateRows(code: string, date: DateCell): AsyncGenerator<Cell[]> {
  let after = 0;
  for (;;) {
    const candidates = await page(code, after);
    for (const c of candidates) {
      const values: Partial<Record<CandidateField, Cell>> = {
        fullName: c.fullName,
        birthDate: date(c.birthDate),
        gender: c.gender ? GENDER[c.gender] : null,
        cellCode: c.cell.code,
        source: SOURCES[c.source][0]!,
        ...attributeCells(c),
        isYouthUnionMember: yesNo(c.isYouthUnionMember),
        isTradeUnionMember: yesNo(c.isTradeUnionMember),
        workplaceHasTradeUnion: yesNo(c.workplaceHasTradeUnion),
        certificateOn: c.certificateOn ? date(c.certificateOn) : null,
        ketnapId: ketnapIdOf('Candidate', c.id),
      };
      for (const e of c.events) {
        values[DATE_OF[e.stage]] = date(e.on);
        if (e.stage === 'SOURCED') values.sourcedBy = e.actingBody;
        if (e.stage === 'TRAINED') values.trainedBy = e.actingBody;
        if (e.stage === 'DECIDED') values.decidedBy = e.actingBody;
        if (e.stage === 'CELL_VOTED') values.cellVotesFor = e.votesFor;
        if (e.stage === 'COMMITTEE_VOTED')
          Object.assign(values, { committeeVotesFor: e.votesFor, committeeVotesEligible: e.votesEligible });
        if (e.stage === 'WITHDRAWN' || e.stage === 'REJECTED') values.stoppedAs = STOPS[e.stage][0]!;
      }
      const members = c.introductions.filter((i) => i.member);
      members.forEach((i, n) => {
        const field = n === 0 ? 'introducer1' : 'introducer2';
        values[field] = i.member!.partyCardNumber ?? ketnapIdOf('Member', i.member!.id);
        values[n === 0 ? 'knownSince1' : 'knownSince2'] = i.knownSince ? date(i.knownSince) : null;
      });
      values.youthUnionIntroducer = c.introductions.find((i) => i.youthUnion)?.youthUnion ?? null;
      values.tradeUnionIntroducer = c.introductions.find((i) => i.tradeUnion)?.tradeUnion ?? null;
      yield CANDIDATE_COLUMNS.map((col) => values[col.field] ?? null);
    }
    if (candidates.length < PAGE) return;
    after = candidates.at(-1)!.id;
  }
}

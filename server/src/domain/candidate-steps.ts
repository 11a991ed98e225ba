// What a candidate's step needs from the database (the dates of earlier steps, the introducers
// as members), and what the last step does: kết nạp makes the member, nothing entered twice.
import type { Candidate } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { Actor } from '../context.ts';
import { addMembers } from '../derived/track.ts';
import type { IntroducerFacts } from '../rules/introducers.ts';
import type { CandidateFacts, Stage } from '../rules/stages.ts';
import { ensureAlive } from './lookup.ts';
import { placementSpans } from './placements.ts';
import { audit, refuse, type Tx } from './write.ts';

export interface IntroducerInput {
  memberId?: number | null;
  youthUnion?: string | null;
  tradeUnion?: string | null;
  knownSince?: string | null;
}

export async function stepFacts(tx: Tx, candidate: Candidate, certificateOn: string | null): Promise<CandidateFacts> {
  const lastOn = async (stage: Stage) =>
    (await tx.candidateEvent.findFirst({ where: { candidateId: candidate.id, stage }, orderBy: { on: 'desc' } }))?.on ??
    null;
  const cell = await tx.organisation.findUniqueOrThrow({ where: { id: candidate.cellId }, select: { kind: true } });
  return {
    ...candidate,
    certificateOn,
    stage: candidate.stage as Stage,
    inGrassrootsCell: cell.kind === 'GRASSROOTS_CELL',
    cellVotedOn: await lastOn('CELL_VOTED'),
    decidedOn: await lastOn('DECIDED'),
  };
}

export async function introducerFacts(tx: Tx, introducers: IntroducerInput[]): Promise<IntroducerFacts[]> {
  const facts: IntroducerFacts[] = [];
  for (const i of introducers) {
    const youthUnion = i.youthUnion?.trim();
    const tradeUnion = i.tradeUnion?.trim();
    // Each introducer is one member or one organisation, never both, never none.
    if ([i.memberId, youthUnion, tradeUnion].filter(Boolean).length !== 1) refuse('INTRODUCER_INVALID', 'introducers');
    const member = i.memberId ? await tx.member.findUnique({ where: { id: i.memberId } }) : null;
    if (i.memberId && !member) refuse('NOT_FOUND', 'introducers', { thing: 'introducer' });
    facts.push(
      member
        ? { member: { ...member, knownSince: i.knownSince ?? null } }
        : youthUnion
          ? { youthUnion }
          : { tradeUnion },
    );
  }
  return facts;
}

/** The member made by the ceremony: first placement in the candidate's cell from that day. */
export async function memberFromCandidate(tx: Tx, actor: Actor, candidate: Candidate, on: string) {
  const cell = await tx.organisation.findUniqueOrThrow({ where: { id: candidate.cellId } });
  ensureAlive(cell, on, 'on');
  // The report's attributes go with the person: admissions through the path are broken down too.
  const { fullName, birthDate, gender, personalHistory, ethnicity, religion, education, isYouthUnionMember } =
    candidate;
  const member = await tx.member.create({
    data: {
      fullName,
      birthDate,
      gender,
      personalHistory,
      ethnicity,
      religion,
      education,
      isYouthUnionMember,
      admittedOn: on,
      admittedInId: cell.id,
      candidateId: candidate.id,
    },
  });
  const spans = await placementSpans(tx, cell, on, null, 'on');
  await tx.placement.createMany({ data: spans.map((span) => ({ memberId: member.id, ...span })) });
  addMembers(tx, [member.id]);
  await audit(tx, actor, { action: 'admitCandidate', entityType: 'Member', entityId: member.id, after: member });
  return member;
}

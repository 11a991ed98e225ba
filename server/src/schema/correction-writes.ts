// Corrections (đính chính) of facts recorded by mistake, each with its reason: a placement's day or
// cell, a transfer voided, a leaving's day or reason, a leaving voided, a candidate's step
// corrected or the last one voided. Same rules as a first entry; every figure is derived again;
// the record keeps its history (Member.changes, Candidate.changes). correctMember is with the
// member's writes.
import { candidateCellOf, memberCellOf, organisationIdOf } from '../auth/targets.ts';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { correctLeaving, voidLeaving } from '../domain/leaving-corrections.ts';
import { correctPlacement, voidTransfer } from '../domain/placement-corrections.ts';
import { correctCandidateStep, voidCandidateStep } from '../domain/step-corrections.ts';
import { builder } from './builder.ts';
import { CandidateRef, CandidateStageEnum } from './candidate.ts';
import { idOf, writeErrors, writesInAll } from './errors.ts';
import { LeavingReasonEnum, MemberRef } from './member.ts';
import { decodeMember, inMemberCell } from './member-writes.ts';

type Fields = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

const reasonField = (t: Fields, where: string) =>
  t.string({ required: true, description: `Why (not blank): kept in the record’s history (${where}).` });

const whichPlacement = (t: Fields) => ({
  memberId: t.id({ required: true, description: 'The Member’s global ID.' }),
  placementStartOn: t.field({
    type: 'Date',
    required: true,
    description: 'The placement to correct, named by the day it starts as recorded (Member.placements).',
  }),
  reason: reasonField(t, 'Member.changes'),
});

type PlacementArgs = { input: { memberId: string | number; placementStartOn: string; cellCode?: string | null } };

/**
 * Scope-auth: the caller writes in the member's current cell, in the cells of the placement named
 * and of the one before it (a corrected day moves both), and in the corrected cell.
 */
const inPlacementCells = async (_root: unknown, args: PlacementArgs, ctx: Context) => {
  const memberId = idOf(args.input.memberId, 'Member');
  const on = args.input.placementStartOn;
  const rows = await prisma().placement.findMany({
    where: { memberId, OR: [{ startOn: on }, { endOn: on }] },
    select: { cellId: true },
  });
  return writesInAll([
    await memberCellOf(ctx, memberId),
    ...rows.map((r) => r.cellId),
    ...(args.input.cellCode ? [await organisationIdOf(args.input.cellCode)] : []),
  ]);
};

const CorrectPlacementInput = builder.inputType('CorrectPlacementInput', {
  description: 'A placement (chuyển sinh hoạt) entered wrongly; omitted fields stay as they are.',
  fields: (t) => ({
    ...whichPlacement(t),
    startOn: t.field({
      type: 'Date',
      description:
        'The day the member really moved there: the previous placement ends on it; after it, before the next ' +
        'placement and before any leaving. The first placement’s day is the admission’s (correctMember).',
    }),
    cellCode: t.string({
      description:
        'The cell the member really moved to; alive on the day. For the first placement: the admitting cell.',
    }),
  }),
});

builder.mutationField('correctPlacement', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('CorrectPlacement'),
    description:
      'Đính chính: corrects the day or the cell of a placement entered wrongly, with the reason. The member’s ' +
      'placements are written again from the corrected facts, with the checks of a first entry; every figure is ' +
      'derived again.',
    args: { input: t.arg({ type: CorrectPlacementInput, required: true }) },
    authScopes: inPlacementCells,
    resolve: (_root, args, ctx) => correctPlacement({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

const VoidTransferInput = builder.inputType('VoidTransferInput', {
  description: 'A transfer recorded by error: the member stayed where they were.',
  fields: (t) => whichPlacement(t),
});

builder.mutationField('voidTransfer', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('VoidTransfer'),
    description:
      'Hủy: voids a transfer recorded by error, with the reason. The previous placement runs on until the next ' +
      'transfer (a transfer back to that same cell goes too) or the leaving. The first placement is the ' +
      'admission and cannot be voided.',
    args: { input: t.arg({ type: VoidTransferInput, required: true }) },
    authScopes: inPlacementCells,
    resolve: (_root, args, ctx) => voidTransfer({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

const CorrectLeavingInput = builder.inputType('CorrectLeavingInput', {
  description: 'A leaving entered wrongly; omitted fields stay as they are.',
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The Member’s global ID: a member who left.' }),
    reason: reasonField(t, 'Member.changes'),
    leftOn: t.field({
      type: 'Date',
      description:
        'The day the member really left: after the last placement started and after anything they did as a member.',
    }),
    leftReason: t.field({
      type: LeavingReasonEnum,
      description: 'Why the member really left (not REMOVED_AFTER_PROBATION: that is the committee’s decision).',
    }),
  }),
});

builder.mutationField('correctLeaving', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('CorrectLeaving'),
    description: 'Đính chính: corrects the day or the reason of a leaving, with the reason for the correction.',
    args: { input: t.arg({ type: CorrectLeavingInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => correctLeaving({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

const VoidLeavingInput = builder.inputType('VoidLeavingInput', {
  description: 'A leaving recorded by error: the member is present again.',
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The Member’s global ID: a member who left.' }),
    reason: reasonField(t, 'Member.changes'),
  }),
});

builder.mutationField('voidLeaving', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('VoidLeaving'),
    description:
      'Hủy: voids a leaving recorded by error, with the reason: the member is present again, their last placement ' +
      'open (in the cell it merged into, if it merged since).',
    args: { input: t.arg({ type: VoidLeavingInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => voidLeaving({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

const whichStep = (t: Fields) => ({
  candidateId: t.id({ required: true, description: 'The Candidate’s global ID.' }),
  stage: t.field({
    type: CandidateStageEnum,
    required: true,
    description: 'The step, named by its stage (Candidate.events).',
  }),
  reason: reasonField(t, 'Candidate.changes'),
});

type StepArgs = { input: { candidateId: string | number; absentExcused?: (string | number)[] | null } };
const inCandidateCell = async (_root: unknown, args: StepArgs) => ({
  writesIn: await candidateCellOf(idOf(args.input.candidateId, 'Candidate')),
});
const decodeStep = <T extends StepArgs['input']>(input: T) => ({
  ...input,
  candidateId: idOf(input.candidateId, 'Candidate'),
  absentExcused: input.absentExcused?.map((id) => idOf(id, 'Member')),
});

const CorrectCandidateStepInput = builder.inputType('CorrectCandidateStepInput', {
  description: 'A step of a candidate’s path entered wrongly; omitted fields stay as they are.',
  fields: (t) => ({
    ...whichStep(t),
    on: t.field({
      type: 'Date',
      description:
        'The step’s real day: the path is judged again from it (order, certificate, age, deadlines). ADMITTED: the ' +
        'member’s admission day is corrected with it.',
    }),
    actingBody: t.string({ description: 'The body that really acted.' }),
    votesFor: t.int({ description: 'CELL_VOTED, COMMITTEE_VOTED: the members who really voted for.' }),
    votesEligible: t.int({
      description:
        'COMMITTEE_VOTED: the members entitled to vote. CELL_VOTED: counted again from the roster of the cell that ' +
        'voted (its full members that day, less absentExcused); when given it must agree.',
    }),
    absentExcused: t.idList({
      description: 'CELL_VOTED: the Members’ global IDs of the excused absentees, when the base is counted again.',
    }),
    certificateOn: t.field({ type: 'Date', description: 'TRAINED: the course certificate’s real day.' }),
    note: t.string({ description: 'Free text about the step (personal data), at most 2,000 characters.' }),
  }),
});

builder.mutationField('correctCandidateStep', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('CorrectCandidateStep'),
    description:
      'Đính chính: corrects a step of a candidate’s path (its day, body or figures), with the reason. The stage ' +
      'rules are checked again on the corrected path; the record keeps its history (Candidate.changes).',
    args: { input: t.arg({ type: CorrectCandidateStepInput, required: true }) },
    authScopes: inCandidateCell,
    resolve: (_root, args, ctx) => correctCandidateStep({ actor: ctx.actor!, input: decodeStep(args.input) }),
  }),
);

const VoidCandidateStepInput = builder.inputType('VoidCandidateStepInput', {
  description: 'The last step of a candidate’s path, recorded by error.',
  fields: (t) => whichStep(t),
});

builder.mutationField('voidCandidateStep', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('VoidCandidateStep'),
    description:
      'Hủy: voids the last step recorded by error, with the reason: the candidate’s stage goes back to the step ' +
      'before. A voided ceremony removes the member it made, unless anything was recorded about them since.',
    args: { input: t.arg({ type: VoidCandidateStepInput, required: true }) },
    authScopes: inCandidateCell,
    resolve: (_root, args, ctx) => voidCandidateStep({ actor: ctx.actor!, input: decodeStep(args.input) }),
  }),
);

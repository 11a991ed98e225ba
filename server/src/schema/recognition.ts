// Xét công nhận đảng viên chính thức: the cell's votes on a probationary member after the 12 months
// (proposals, counted against the roster) and the competent committee's decision, written
// (recordRecognitionVote, recogniseMember, decideRecognition) and read on the Member by callers who
// may read its personal data.
import { decideRecognition, recogniseMember, recordRecognitionVote } from '../domain/recognition.ts';
import { recognitionProposal } from '../rules/membership.ts';
import { builder } from './builder.ts';
import { idOf, writeErrors } from './errors.ts';
import { MemberRef, personalOfMember } from './member.ts';
import { decodeMember, inMemberCell } from './member-writes.ts';

const ProposalEnum = builder.enumType('RecognitionProposal', {
  description: 'What a cell’s recognition vote proposes to the competent committee.',
  values: {
    RECOGNISE: { description: 'At least two thirds voted for recognition as a full member.' },
    REMOVE: { description: 'At least two thirds voted for removal.' },
    NONE: {
      description:
        'Two thirds neither way: the cell votes again; after three such votes the superior committee decides.',
    },
  },
});

const RecognitionVoteRef = builder.prismaObject('RecognitionVote', {
  description: 'One vote of the cell on recognising a probationary member: a proposal to the competent committee.',
  fields: (t) => ({
    on: t.expose('on', { type: 'Date', description: 'The day of the cell’s vote.' }),
    votesFor: t.exposeInt('votesFor', { description: 'Members who voted for recognition.' }),
    votesAgainst: t.exposeInt('votesAgainst', { description: 'Members who voted for removal.' }),
    votesEligible: t.exposeInt('votesEligible', {
      description: 'The vote’s base: the cell’s full members that day, less the excused absentees.',
    }),
    passed: t.exposeBoolean('passed', { description: 'At least two thirds for recognition (proposal RECOGNISE).' }),
    proposal: t.field({
      type: ProposalEnum,
      description: 'What the vote proposes.',
      resolve: (v) => recognitionProposal(v),
    }),
  }),
});

const RecognitionDecisionRef = builder.prismaObject('RecognitionDecision', {
  description: 'The committee’s decision on a probationary member: recognised, or removed.',
  fields: (t) => ({
    on: t.expose('on', { type: 'Date', description: 'The day of the decision.' }),
    recognised: t.exposeBoolean('recognised', {
      description: 'Recognised (full member from the day the probation ended), or removed (left on this day).',
    }),
    by: t.exposeString('by', { description: 'The committee that decided.' }),
    decision: t.exposeString('decision', { description: 'Its decision: number and date, as written.' }),
    referred: t.exposeBoolean('referred', {
      description: 'Decided by the superior committee, after votes that reached two thirds neither way.',
    }),
  }),
});

builder.prismaObjectField(MemberRef, 'recognitionVotes', (t) =>
  t.relation('recognitionVotes', {
    type: RecognitionVoteRef,
    nullable: true,
    description: 'The cell’s recognition votes, oldest first: only for tokens reaching the member’s cell.',
    query: { orderBy: { on: 'asc' } },
    authScopes: personalOfMember,
  }),
);

builder.prismaObjectField(MemberRef, 'recognitionDecision', (t) =>
  t.relation('recognitionDecision', {
    type: RecognitionDecisionRef,
    nullable: true,
    description: 'The committee’s decision on recognition, once recorded: only for tokens reaching the member’s cell.',
    authScopes: personalOfMember,
  }),
);

const voteFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  memberId: t.id({ required: true, description: 'The probationary Member’s global ID.' }),
  on: t.field({
    type: 'Date',
    required: true,
    description: 'The day of the cell’s vote: not before the 12 months of probation end, after any earlier vote.',
  }),
  votesFor: t.int({ required: true, description: 'Members who voted for recognition.' }),
  votesAgainst: t.int({ description: 'Members who voted for removal (default 0).' }),
  votesEligible: t.int({
    description: 'The base as counted by the cell: checked against the roster (full members less absentExcused).',
  }),
  absentExcused: t.idList({
    description: 'Full members exempt from activity or temporarily transferred out who were absent: not in the base.',
  }),
});

const RecordRecognitionVoteInput = builder.inputType('RecordRecognitionVoteInput', { fields: voteFields });
const RecogniseMemberInput = builder.inputType('RecogniseMemberInput', { fields: voteFields });
const DecideRecognitionInput = builder.inputType('DecideRecognitionInput', {
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The probationary Member’s global ID.' }),
    on: t.field({ type: 'Date', required: true, description: 'The day of the decision: not before the last vote.' }),
    recognised: t.boolean({ required: true, description: 'true: recognised as a full member; false: removed.' }),
    by: t.string({ required: true, description: 'The committee deciding (the superior one after a referral).' }),
    decision: t.string({ required: true, description: 'Its decision: number and date, as written.' }),
  }),
});

type VoteArgs = { memberId: string | number; absentExcused?: (string | number)[] | null };
const decodeVote = <T extends VoteArgs>(input: T) => ({
  ...decodeMember(input),
  absentExcused: input.absentExcused?.map((id) => idOf(id, 'Member')),
});

builder.mutationField('recordRecognitionVote', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecordRecognitionVote'),
    description:
      'The cell’s vote on recognition after the 12 months of probation: a proposal (two thirds for recognition, ' +
      'for removal, or neither), counted against the roster. The member’s standing changes only by decideRecognition.',
    args: { input: t.arg({ type: RecordRecognitionVoteInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => recordRecognitionVote({ actor: ctx.actor!, input: decodeVote(args.input) }),
  }),
);

builder.mutationField('recogniseMember', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecogniseMember'),
    description:
      'A cell vote that must propose recognition (two thirds for): recorded like recordRecognitionVote; a vote ' +
      'short of it is refused. The committee’s decision (decideRecognition) makes the full member.',
    args: { input: t.arg({ type: RecogniseMemberInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => recogniseMember({ actor: ctx.actor!, input: decodeVote(args.input) }),
  }),
);

builder.mutationField('decideRecognition', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('DecideRecognition'),
    description:
      'The competent committee’s decision after the cell’s proposal, or the superior committee’s after three votes ' +
      'reaching two thirds neither way: recognised (full member from the day the probation ended) or removed ' +
      '(leftReason REMOVED_AFTER_PROBATION from the decision’s day).',
    args: { input: t.arg({ type: DecideRecognitionInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => decideRecognition({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

// Xét công nhận đảng viên chính thức: the cell's votes on a probationary member after the 12 months,
// written (recordRecognitionVote: passed or failed; recogniseMember: passed only) and read on the
// Member by callers who may read its personal data.
import { recogniseMember, recordRecognitionVote } from '../domain/recognition.ts';
import { builder } from './builder.ts';
import { writeErrors } from './errors.ts';
import { MemberRef, personalOfMember } from './member.ts';
import { decodeMember, inMemberCell } from './member-writes.ts';

const RecognitionVoteRef = builder.prismaObject('RecognitionVote', {
  description: 'One vote of the cell on recognising a probationary member as a full member.',
  fields: (t) => ({
    on: t.expose('on', { type: 'Date', description: 'The day of the cell’s vote.' }),
    votesFor: t.exposeInt('votesFor', { description: 'Members who voted for recognition.' }),
    votesEligible: t.exposeInt('votesEligible', { description: 'Members entitled to vote.' }),
    passed: t.exposeBoolean('passed', {
      description: 'At least two thirds of the eligible members voted for: the member became a full member that day.',
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

const voteFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  memberId: t.id({ required: true, description: 'The probationary Member’s global ID.' }),
  on: t.field({
    type: 'Date',
    required: true,
    description: 'The day of the cell’s vote: not before the 12 months of probation end, after any earlier vote.',
  }),
  votesFor: t.int({ required: true, description: 'Members who voted for recognition: from 0 to votesEligible.' }),
  votesEligible: t.int({ required: true, description: 'Members entitled to vote: more than 0.' }),
});

const RecordRecognitionVoteInput = builder.inputType('RecordRecognitionVoteInput', { fields: voteFields });
const RecogniseMemberInput = builder.inputType('RecogniseMemberInput', { fields: voteFields });

builder.mutationField('recordRecognitionVote', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecordRecognitionVote'),
    description:
      'The cell’s vote on recognition after the 12 months of probation, passed or failed. Two thirds: full member ' +
      'from that day. The third failed vote removes the member (leftReason REMOVED_AFTER_PROBATION).',
    args: { input: t.arg({ type: RecordRecognitionVoteInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => recordRecognitionVote({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

builder.mutationField('recogniseMember', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecogniseMember'),
    description:
      'Công nhận đảng viên chính thức, after the 12-month probation: a passing vote, recorded like ' +
      'recordRecognitionVote; a vote under two thirds is refused (record it with recordRecognitionVote).',
    args: { input: t.arg({ type: RecogniseMemberInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => recogniseMember({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

// Writing a member's life: record an existing member with their history, transfer between cells,
// record leaving (the recognition votes are in recognition.ts). Editors write inside their
// subtree; a transfer needs both the sending and the receiving cell in reach.
import { memberCellOf, organisationIdOf } from '../auth/targets.ts';
import type { Context } from '../context.ts';
import { correctMember } from '../domain/corrections.ts';
import { recordMember } from '../domain/member-history.ts';
import { recordLeaving, transferMember } from '../domain/members.ts';
import { builder } from './builder.ts';
import { idOf, writeErrors, writesInAll } from './errors.ts';
import { EducationLevelEnum, GenderEnum, LeavingReasonEnum, MemberRef } from './member.ts';

const PlacementInput = builder.inputType('PlacementInput', {
  description: 'A cell the member belonged to (sinh hoạt), from a day until the next placement starts.',
  fields: (t) => ({
    cellCode: t.string({ required: true, description: 'The cell’s code; it must exist on startOn.' }),
    startOn: t.field({ type: 'Date', required: true, description: 'The first day in that cell.' }),
  }),
});

const RecordMemberInput = builder.inputType('RecordMemberInput', {
  fields: (t) => ({
    fullName: t.string({ required: true, description: 'Họ và tên: not blank, at most 200 characters.' }),
    birthDate: t.field({ type: 'Date', required: true, description: 'Ngày sinh: before admittedOn.' }),
    gender: t.field({ type: GenderEnum, description: 'Giới tính, if known.' }),
    personalHistory: t.string({ description: 'Lý lịch: free text, at most 2,000 characters.' }),
    ethnicity: t.string({ description: 'Dân tộc, if known: the ethnic group as written ("Kinh", "Thái"…).' }),
    religion: t.string({ description: 'Tôn giáo, if any: the religion followed as written ("Công giáo"…).' }),
    education: t.field({ type: EducationLevelEnum, description: 'Trình độ, if known: the highest level completed.' }),
    isYouthUnionMember: t.boolean({ description: 'Đoàn viên when admitted (default false).' }),
    admittedOn: t.field({
      type: 'Date',
      required: true,
      description: 'Ngày kết nạp: the day of the admission ceremony.',
    }),
    officialOn: t.field({
      type: 'Date',
      description:
        'The day recognised as a full member, not before the 12 months of probation end; omit if probationary.',
    }),
    placements: t.field({
      type: [PlacementInput],
      required: true,
      description: 'In order; the first, the admitting cell, starts on admittedOn.',
    }),
  }),
});

builder.mutationField('recordMember', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecordMember'),
    description: 'Records a member admitted before ketnap was used, with the cells they belonged to.',
    args: { input: t.arg({ type: RecordMemberInput, required: true }) },
    authScopes: async (_root, args) =>
      writesInAll(await Promise.all(args.input.placements.map((p) => organisationIdOf(p.cellCode)))),
    resolve: (_root, args, ctx) => recordMember({ actor: ctx.actor!, input: args.input }),
  }),
);

type MemberArgs = { input: { memberId: string | number } };
/** Scope-auth: the caller writes in the member's current cell. */
export const inMemberCell = async (_root: unknown, args: MemberArgs, ctx: Context) => ({
  writesIn: await memberCellOf(ctx, idOf(args.input.memberId, 'Member')),
});
/** The input with `memberId` decoded from its global ID. */
export const decodeMember = <T extends MemberArgs['input']>(input: T) => ({
  ...input,
  memberId: idOf(input.memberId, 'Member'),
});

const TransferMemberInput = builder.inputType('TransferMemberInput', {
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The Member’s global ID.' }),
    toCellCode: t.string({ required: true, description: 'The receiving cell’s code; it must exist on `on`.' }),
    on: t.field({
      type: 'Date',
      required: true,
      description: 'The current placement ends and the next starts on this day.',
    }),
  }),
});

builder.mutationField('transferMember', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('TransferMember'),
    description: 'Chuyển sinh hoạt: the member moves to another cell from a date.',
    args: { input: t.arg({ type: TransferMemberInput, required: true }) },
    authScopes: async (_root, args, ctx) =>
      writesInAll([
        await memberCellOf(ctx, idOf(args.input.memberId, 'Member')),
        await organisationIdOf(args.input.toCellCode),
      ]),
    resolve: (_root, args, ctx) => transferMember({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

const RecordLeavingInput = builder.inputType('RecordLeavingInput', {
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The Member’s global ID.' }),
    on: t.field({
      type: 'Date',
      required: true,
      description: 'The first day no longer a member; the current placement ends on it.',
    }),
    reason: t.field({ type: LeavingReasonEnum, required: true, description: 'Why the member left.' }),
  }),
});

builder.mutationField('recordLeaving', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecordLeaving'),
    description: 'The member died, was struck off, expelled, moved away, or removed after probation.',
    args: { input: t.arg({ type: RecordLeavingInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => recordLeaving({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

const CorrectMemberInput = builder.inputType('CorrectMemberInput', {
  description: 'A correction of facts recorded by mistake; omitted fields stay as they are.',
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The Member’s global ID.' }),
    reason: t.string({ required: true, description: 'Why: kept in the record’s history (Member.changes).' }),
    fullName: t.string({ description: 'Họ và tên, corrected.' }),
    birthDate: t.field({ type: 'Date', description: 'Ngày sinh, corrected: before the admission.' }),
    gender: t.field({ type: GenderEnum, description: 'Giới tính, corrected.' }),
    admittedOn: t.field({
      type: 'Date',
      description: 'Ngày kết nạp, corrected: the first placement starts on it; before any later placement.',
    }),
    officialOn: t.field({
      type: 'Date',
      description: 'The day the member became a full member, corrected (not before the probation ended).',
    }),
    admittedInCellCode: t.string({ description: 'The admitting cell, corrected: the first placement moves there.' }),
    ethnicity: t.string({ description: 'Dân tộc, corrected (blank: not recorded).' }),
    religion: t.string({ description: 'Tôn giáo, corrected (blank: none).' }),
    education: t.field({ type: EducationLevelEnum, description: 'Trình độ, corrected.' }),
    isYouthUnionMember: t.boolean({ description: 'Đoàn viên when admitted, corrected.' }),
  }),
});

builder.mutationField('correctMember', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('CorrectMember'),
    description:
      'Đính chính: corrects a member’s facts entered by mistake, with the reason. The same rules as a first entry; ' +
      'every figure is derived again; the record keeps its history (Member.changes).',
    args: { input: t.arg({ type: CorrectMemberInput, required: true }) },
    authScopes: inMemberCell,
    resolve: (_root, args, ctx) => correctMember({ actor: ctx.actor!, input: decodeMember(args.input) }),
  }),
);

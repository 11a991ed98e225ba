// Đảng viên, read by authorised callers: the Member type (personal fields only inside the
// token's subtree) and the `members` connection of a subtree, paged at the root.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { EducationLevel, Gender, LeavingReason } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { memberCellOf, NOWHERE, organisationIdOf } from '../auth/targets.ts';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { todayInVietnam } from '../rules/dates.ts';
import { fullMonthsBetween } from '../rules/policy.ts';
import { builder } from './builder.ts';
import { OrganisationRef } from './organisation.ts';

export const GenderEnum = builder.enumType('Gender', {
  description: 'Giới tính: a person’s gender, as recorded (personal data).',
  values: {
    FEMALE: { description: 'Nữ: female.' },
    MALE: { description: 'Nam: male.' },
  } satisfies Record<Gender, { description: string }>,
});
export const EducationLevelEnum = builder.enumType('EducationLevel', {
  description: 'Trình độ: the highest level of education a person completed (personal data; public only as counts).',
  values: {
    PRIMARY: { description: 'Tiểu học: primary school.' },
    LOWER_SECONDARY: { description: 'Trung học cơ sở: lower secondary school.' },
    UPPER_SECONDARY: { description: 'Trung học phổ thông: upper secondary school.' },
    VOCATIONAL: { description: 'Trung cấp: secondary vocational training.' },
    COLLEGE: { description: 'Cao đẳng: college.' },
    UNIVERSITY: { description: 'Đại học: a university degree.' },
    POSTGRADUATE: { description: 'Thạc sĩ, tiến sĩ: a master’s degree or a doctorate.' },
  } satisfies Record<EducationLevel, { description: string }>,
});
export const LeavingReasonEnum = builder.enumType('LeavingReason', {
  description: 'Why a member left the Party (ra khỏi Đảng).',
  values: {
    DIED: { description: 'Từ trần: the member died.' },
    STRUCK_OFF: { description: 'Xóa tên: struck off the rolls.' },
    EXPELLED: { description: 'Khai trừ: expelled.' },
    MOVED_AWAY: { description: 'Moved away: the member no longer belongs to any cell recorded here.' },
    REMOVED_AFTER_PROBATION: {
      description: 'Not recognised as a full member: removed after the third failed recognition vote.',
    },
  } satisfies Record<LeavingReason, { description: string }>,
});
const MemberStatusEnum = builder.enumType('MemberStatus', {
  description: 'A member’s standing, as recorded: probationary, full, or left.',
  values: {
    PROBATIONARY: { description: 'Dự bị: not recognised as a full member yet (no officialOn), and not left.' },
    FULL: { description: 'Chính thức: recognised as a full member (officialOn recorded), and not left.' },
    LEFT: { description: 'Ra khỏi Đảng: left the Party (leftOn recorded), whatever the reason.' },
  },
});

/** Scope-auth: the caller reads personal data in the member's current cell. */
export const personalOfMember = async (m: { id: number }, _args: object, ctx: Context) => ({
  readsPersonalDataOf: await memberCellOf(ctx, m.id),
});

builder.prismaObject('Placement', {
  description: 'Where a member belongs (sinh hoạt) over [startOn, endOn).',
  fields: (t) => ({
    cell: t.relation('cell', { type: OrganisationRef, description: 'The cell the member belonged to.' }),
    startOn: t.expose('startOn', {
      type: 'Date',
      description: 'The first day in that cell (admission, transfer or merge).',
    }),
    endOn: t.expose('endOn', {
      type: 'Date',
      nullable: true,
      description: 'The day it ended (excluded): a transfer, a merge or leaving; null while it lasts.',
    }),
  }),
});

const PARTY_AGE_SELECT = {
  admittedOn: true,
  leftOn: true,
  candidate: {
    select: { events: { where: { stage: 'DECIDED' }, select: { on: true }, orderBy: { on: 'desc' }, take: 1 } },
  },
} as const;
type PartyAgeFacts = { admittedOn: string; candidate: { events: { on: string }[] } | null };
const partyAgeFrom = (m: PartyAgeFacts) => m.candidate?.events[0]?.on ?? m.admittedOn;

function partyAge(from: string, leftOn: string | null, asOf: string) {
  const until = leftOn && leftOn < asOf ? leftOn : asOf;
  if (until < from) return null;
  const months = fullMonthsBetween(from, until);
  return { years: Math.floor(months / 12), months: months % 12 };
}

const PartyAgeRef = builder.objectRef<{ years: number; months: number }>('PartyAge').implement({
  description: 'Tuổi Đảng: whole years and months of party membership.',
  fields: (t) => ({
    years: t.exposeInt('years', { description: 'Whole years.' }),
    months: t.exposeInt('months', { description: 'Whole months beyond the years (0 to 11).' }),
  }),
});

export const MemberRef = builder.prismaNode('Member', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  // Nothing about one person outside the token's reach, not even dates (admission, leaving and
  // its reason are personal history); anonymous callers reach no one.
  authScopes: async (member, ctx) => ({ readsPersonalDataOf: await memberCellOf(ctx, member.id) }),
  description:
    'Đảng viên. fullName, birthDate, gender, personalHistory, ethnicity, religion, education and isYouthUnionMember are personal data: only for tokens reaching the member’s cell.',
  fields: (t) => ({
    fullName: t.exposeString('fullName', {
      nullable: true,
      description: 'Họ và tên (personal data).',
      authScopes: personalOfMember,
    }),
    birthDate: t.expose('birthDate', {
      type: 'Date',
      nullable: true,
      description: 'Ngày sinh (personal data).',
      authScopes: personalOfMember,
    }),
    gender: t.expose('gender', {
      type: GenderEnum,
      nullable: true,
      description: 'Giới tính (personal data); null when not recorded.',
      authScopes: personalOfMember,
    }),
    personalHistory: t.exposeString('personalHistory', {
      nullable: true,
      description: 'Lý lịch: the personal history, free text (personal data); null when not recorded.',
      authScopes: personalOfMember,
    }),
    ethnicity: t.exposeString('ethnicity', {
      nullable: true,
      description: 'Dân tộc: the ethnic group, as recorded (personal data); null when not recorded.',
      authScopes: personalOfMember,
    }),
    religion: t.exposeString('religion', {
      nullable: true,
      description: 'Tôn giáo: the religion followed, as recorded (personal data); null for none.',
      authScopes: personalOfMember,
    }),
    education: t.expose('education', {
      type: EducationLevelEnum,
      nullable: true,
      description: 'Trình độ: the highest level of education completed (personal data); null when not recorded.',
      authScopes: personalOfMember,
    }),
    isYouthUnionMember: t.exposeBoolean('isYouthUnionMember', {
      nullable: true,
      description: 'Đoàn viên: a member of the Youth Union when admitted (personal data).',
      authScopes: personalOfMember,
    }),
    admittedOn: t.expose('admittedOn', {
      type: 'Date',
      description: 'Ngày kết nạp: the admission ceremony, which starts the 12-month probation.',
    }),
    admittedIn: t.relation('admittedIn', {
      type: OrganisationRef,
      description: 'The cell that admitted the member (the first placement); admissions count there.',
    }),
    officialOn: t.expose('officialOn', {
      type: 'Date',
      nullable: true,
      description: 'The day recognised as a full member (chính thức); null while probationary, or if never recognised.',
    }),
    leftOn: t.expose('leftOn', {
      type: 'Date',
      nullable: true,
      description: 'The day the member left the Party (no longer a member from it); null while a member.',
    }),
    leftReason: t.expose('leftReason', {
      type: LeavingReasonEnum,
      nullable: true,
      description: 'Why the member left; null while a member.',
    }),
    partyAgeFrom: t.field({
      type: 'Date',
      description:
        'The day party age (tuổi Đảng) runs from: the competent committee’s admission decision (DECIDED on the ' +
        'candidate’s path); for a member recorded without their path, the admission day, the closest date known.',
      select: PARTY_AGE_SELECT,
      resolve: partyAgeFrom,
    }),
    partyAge: t.field({
      type: PartyAgeRef,
      nullable: true,
      description:
        'Tuổi Đảng on a day, in whole years and months from partyAgeFrom (until leaving, for a former member); ' +
        'null before it.',
      args: { asOf: t.arg({ type: 'Date', description: 'The day (default: today in Vietnam).' }) },
      select: PARTY_AGE_SELECT,
      resolve: (m, args) => partyAge(partyAgeFrom(m), m.leftOn, args.asOf ?? todayInVietnam()),
    }),
    placements: t.relation('placements', {
      description: 'The cells the member belonged to (sinh hoạt), oldest first: personal data, like fullName.',
      query: { orderBy: { startOn: 'asc' } },
      authScopes: personalOfMember,
    }),
  }),
});

export function memberWhere(args: {
  code: string;
  cell?: string | null;
  status?: 'PROBATIONARY' | 'FULL' | 'LEFT' | null;
  admittedFrom?: string | null;
  admittedTo?: string | null;
}): Prisma.MemberWhereInput {
  const today = todayInVietnam();
  // Current placements, except for former members: their last placement ended when they left.
  const current = args.status === 'LEFT' ? {} : { OR: [{ endOn: null }, { endOn: { gt: today } }] };
  const placed = (cell: Prisma.OrganisationWhereInput) => ({ placements: { some: { ...current, cell } } });
  const status = {
    PROBATIONARY: { officialOn: null, leftOn: null },
    FULL: { officialOn: { not: null }, leftOn: null },
    LEFT: { leftOn: { not: null } },
  } satisfies Record<string, Prisma.MemberWhereInput>;
  return {
    AND: [
      placed({ ancestries: { some: { ancestor: { code: args.code } } } }),
      args.cell ? placed({ code: args.cell }) : {},
      args.status ? status[args.status] : {},
      args.admittedFrom ? { admittedOn: { gte: args.admittedFrom } } : {},
      args.admittedTo ? { admittedOn: { lte: args.admittedTo } } : {},
    ],
  };
}

/**
 * Scope-auth for a root connection of a subtree: the caller must read the organisation's
 * personal data. An unknown code reaches no one's data and answers an empty connection, for every
 * caller alike (organisation codes are public), so that nothing is checked against an id that does not exist.
 */
export const personalOfSubtree = async (_root: unknown, args: { code: string }) => {
  const id = await organisationIdOf(args.code);
  return id === NOWHERE ? true : { readsPersonalDataOf: id };
};

builder.queryField('members', (t) =>
  t.prismaConnection({
    type: 'Member',
    cursor: 'id',
    description:
      'Members whose current cell is in the subtree; with status LEFT, former members once placed there. An unknown code answers an empty connection.',
    args: {
      code: t.arg.string({ required: true, description: 'The code of the organisation whose subtree is read.' }),
      cell: t.arg.string({ description: 'Only the members of this cell (its code).' }),
      status: t.arg({ type: MemberStatusEnum, description: 'Only members of this standing. Default: every standing.' }),
      admittedFrom: t.arg({ type: 'Date', description: 'Only members admitted on or after this day.' }),
      admittedTo: t.arg({ type: 'Date', description: 'Only members admitted on or before this day.' }),
    },
    authScopes: personalOfSubtree,
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    totalCount: (_root, args) => prisma().member.count({ where: memberWhere(args) }),
    resolve: (query, _root, args) =>
      prisma().member.findMany({ ...query, where: memberWhere(args), orderBy: { id: 'asc' } }),
  }),
);

// Writing hamlets: record one under its commune, move it to another commune, assign the cell that
// serves it, dissolve or merge it, and record where a member lives. An editor acts inside its
// subtree: the hamlet's commune on the day (and the new commune or merge target's too).
import { hamletCommuneIdOf, memberCellOf, NOWHERE, organisationIdOf } from '../auth/targets.ts';
import { dissolveHamlet, recordResidence } from '../domain/hamlet-life.ts';
import { assignHamletCell, assignHamletCommune, createHamlet } from '../domain/hamlets.ts';
import { builder } from './builder.ts';
import { idOf, writeErrors, writesInAll } from './errors.ts';
import { HamletKindEnum, HamletRef } from './hamlet.ts';
import { MemberRef } from './member.ts';

const code = (description: string) => ({ required: true, description }) as const;
const day = (description: string) => ({ type: 'Date', required: true, description }) as const;
/**
 * The hamlet's commune on `on` and the other organisations written about; a hamlet with no commune
 * that day (unknown, or not yet existing: the domain says so) adds nothing to check but the others.
 */
async function writesAbout(hamletCode: string, on: string, others: number[]) {
  const commune = await hamletCommuneIdOf(hamletCode, on);
  return writesInAll(commune === NOWHERE && others.length > 0 ? others : [commune, ...others]);
}

const CreateHamletInput = builder.inputType('CreateHamletInput', {
  fields: (t) => ({
    code: t.string(code('Stable public slug, not yet taken by a hamlet: lowercase ASCII, digits, hyphens.')),
    name: t.string(code('The name, e.g. "Xóm 3", not blank, at most 200 characters.')),
    kind: t.field({ type: HamletKindEnum, required: true, description: 'Xóm, bản, khối, thôn or tổ dân phố.' }),
    communeCode: t.string(code('The commune or town committee it belongs to, existing on establishedOn.')),
    establishedOn: t.field(day('Its first day, and the first in the commune.')),
    cellCode: t.string({
      description: 'The cell serving it from establishedOn, inside the commune; omit when it has none.',
    }),
  }),
});

builder.mutationField('createHamlet', (t) =>
  t.field({
    type: HamletRef,
    errors: writeErrors('CreateHamlet'),
    description: 'Records a hamlet (xóm, bản, khối…) of a commune from the day it was established.',
    args: { input: t.arg({ type: CreateHamletInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.communeCode) }),
    resolve: (_root, args, ctx) => createHamlet({ actor: ctx.actor!, input: args.input }),
  }),
);

const AssignHamletCommuneInput = builder.inputType('AssignHamletCommuneInput', {
  fields: (t) => ({
    hamletCode: t.string(code('The hamlet moved, existing on `on`.')),
    communeCode: t.string(code('The commune or town committee it belongs to from `on`.')),
    on: t.field(day('The first day in the new commune. A cell outside it stops serving the hamlet that day.')),
  }),
});

builder.mutationField('assignHamletCommune', (t) =>
  t.field({
    type: HamletRef,
    errors: writeErrors('AssignHamletCommune'),
    description: 'Moves a hamlet to another commune from a day; the days before keep the old commune.',
    args: { input: t.arg({ type: AssignHamletCommuneInput, required: true }) },
    authScopes: async (_root, { input }) =>
      writesAbout(input.hamletCode, input.on, [await organisationIdOf(input.communeCode)]),
    resolve: (_root, args, ctx) => assignHamletCommune({ actor: ctx.actor!, input: args.input }),
  }),
);

const AssignHamletCellInput = builder.inputType('AssignHamletCellInput', {
  fields: (t) => ({
    hamletCode: t.string(code('The hamlet served, existing on `on`.')),
    cellCode: t.string({
      description: 'The cell serving it from `on`, inside its commune that day; omit (or null): no cell from `on`.',
    }),
    on: t.field(day('The first day of the change; the days before keep the previous cell.')),
  }),
});

builder.mutationField('assignHamletCell', (t) =>
  t.field({
    type: HamletRef,
    errors: writeErrors('AssignHamletCell'),
    description: 'The cell that serves a hamlet from a day (one cell may serve two hamlets), or none.',
    args: { input: t.arg({ type: AssignHamletCellInput, required: true }) },
    authScopes: async (_root, { input }) => writesAbout(input.hamletCode, input.on, []),
    resolve: (_root, args, ctx) => assignHamletCell({ actor: ctx.actor!, input: args.input }),
  }),
);

const DissolveHamletInput = builder.inputType('DissolveHamletInput', {
  fields: (t) => ({
    code: t.string(code('The hamlet dissolved.')),
    on: t.field(day('The first day it no longer exists.')),
    mergeIntoCode: t.string({
      description: 'Sáp nhập: the hamlet its residents live in from `on`. Without it, no member may live there.',
    }),
  }),
});

builder.mutationField('dissolveHamlet', (t) =>
  t.field({
    type: HamletRef,
    errors: writeErrors('DissolveHamlet'),
    description: 'Dissolves a hamlet from a day, or merges it into another: its commune and cell periods end.',
    args: { input: t.arg({ type: DissolveHamletInput, required: true }) },
    authScopes: async (_root, { input }) =>
      writesAbout(
        input.code,
        input.on,
        input.mergeIntoCode ? [await hamletCommuneIdOf(input.mergeIntoCode, input.on)] : [],
      ),
    resolve: (_root, args, ctx) => dissolveHamlet({ actor: ctx.actor!, input: args.input }),
  }),
);

const RecordResidenceInput = builder.inputType('RecordResidenceInput', {
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The Member’s global ID.' }),
    hamletCode: t.string(code('The hamlet the member lives in from startOn, existing that day.')),
    startOn: t.field(day('The first day living there; the previous residence ends that day.')),
  }),
});

builder.mutationField('recordResidence', (t) =>
  t.field({
    type: MemberRef,
    errors: writeErrors('RecordResidence'),
    description: 'Nơi cư trú: the hamlet a member lives in from a day (personal data: public figures count it).',
    args: { input: t.arg({ type: RecordResidenceInput, required: true }) },
    authScopes: async (_root, args, ctx) => ({
      writesIn: await memberCellOf(ctx, idOf(args.input.memberId, 'Member')),
    }),
    resolve: (_root, { input }, ctx) =>
      recordResidence({ actor: ctx.actor!, input: { ...input, memberId: idOf(input.memberId, 'Member') } }),
  }),
);

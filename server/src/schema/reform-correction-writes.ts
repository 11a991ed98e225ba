// Corrections of reforms recorded by error, each with its reason: an organisation's move, its
// rename, its dissolution or merger voided. Authorised like the original write (the organisation;
// for a move both parents; for a merger its target); every figure is derived again; the record
// keeps its history (Organisation.changes).
import { organisationIdOf } from '../auth/targets.ts';
import { prisma } from '../db.ts';
import { voidDissolution } from '../domain/dissolution-corrections.ts';
import { voidMove, voidRename } from '../domain/reform-corrections.ts';
import { builder } from './builder.ts';
import { writeErrors, writesInAll } from './errors.ts';
import { OrganisationRef } from './organisation.ts';

const reasonDescription = 'Why (not blank): kept in the record’s history (Organisation.changes).';

const VoidMoveInput = builder.inputType('VoidMoveInput', {
  description: 'A move of an organisation recorded by error: it stayed under its parent.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'The code of the organisation wrongly moved.' }),
    on: t.field({
      type: 'Date',
      required: true,
      description: 'The move, named by its day: the first day under the parent it wrongly gave (Organisation.changes).',
    }),
    reason: t.string({ required: true, description: reasonDescription }),
  }),
});

/** Scope-auth: the caller writes in the organisation and in both parents: the one voided and the one before it. */
const inMoveParents = async (_root: unknown, args: { input: { code: string; on: string } }) => {
  const { code, on } = args.input;
  const links = await prisma().organisationParent.findMany({
    where: { organisation: { code }, OR: [{ startOn: on }, { endOn: on }] },
    select: { parentId: true },
  });
  return writesInAll([await organisationIdOf(code), ...links.map((l) => l.parentId)]);
};

builder.mutationField('voidMove', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('VoidMove'),
    description:
      'Hủy: voids a move recorded by error, with the reason. The previous parent link runs on until the next move ' +
      '(a move back under that same parent goes too); the previous parent must still exist then, and the tree’s ' +
      'shape hold. A move whose new parent has since merged (the organisation followed it) cannot be voided.',
    args: { input: t.arg({ type: VoidMoveInput, required: true }) },
    authScopes: inMoveParents,
    resolve: (_root, args, ctx) => voidMove({ actor: ctx.actor!, input: args.input }),
  }),
);

const VoidRenameInput = builder.inputType('VoidRenameInput', {
  description: 'A rename recorded by error: the name before it comes back.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'The code of the organisation wrongly renamed.' }),
    reason: t.string({ required: true, description: reasonDescription }),
  }),
});

builder.mutationField('voidRename', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('VoidRename'),
    description:
      'Hủy: voids the last rename still standing, with the reason: the name before it is shown again (for every ' +
      'day: the name has no history). Voiding again goes one rename further back.',
    args: { input: t.arg({ type: VoidRenameInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.code) }),
    resolve: (_root, args, ctx) => voidRename({ actor: ctx.actor!, input: args.input }),
  }),
);

const VoidDissolutionInput = builder.inputType('VoidDissolutionInput', {
  description: 'A dissolution or a merger recorded by error: the organisation lives on.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'The code of the organisation wrongly dissolved or merged.' }),
    reason: t.string({ required: true, description: reasonDescription }),
  }),
});

/** Scope-auth: the caller writes in the organisation and in the organisation it was merged into. */
const inDissolved = async (_root: unknown, args: { input: { code: string } }) => {
  const org = await prisma().organisation.findUnique({ where: { code: args.input.code } });
  return writesInAll([await organisationIdOf(args.input.code), ...(org?.mergedIntoId ? [org.mergedIntoId] : [])]);
};

builder.mutationField('voidDissolution', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('VoidDissolution'),
    description:
      'Hủy: voids a dissolution or merger recorded by error, with the reason. The organisation lives on; what the ' +
      'dissolution moved comes back: members’ placements, subordinate organisations, candidates on their way, ' +
      'hamlets and their services; its own parent links run on. Refused (LATER_FACTS_DEPEND) when facts recorded ' +
      'since rest on it: a transfer, leaving or move of what it moved, a later merger of the target, a vote in the ' +
      'target counting moved members, a step of a moved candidate, or its parent dissolved since.',
    args: { input: t.arg({ type: VoidDissolutionInput, required: true }) },
    authScopes: inDissolved,
    resolve: (_root, args, ctx) => voidDissolution({ actor: ctx.actor!, input: args.input }),
  }),
);

// Writing the tree: create, rename, move from a date, dissolve or merge from a date. An editor
// acts inside its subtree: on the organisation, and on the new parent or merge target too.
import { organisationIdOf } from '../auth/targets.ts';
import { dissolveOrganisation } from '../domain/dissolution.ts';
import { createOrganisation, moveOrganisation, renameOrganisation } from '../domain/organisations.ts';
import { builder } from './builder.ts';
import { writeErrors, writesInAll } from './errors.ts';
import { OrganisationKindEnum, OrganisationRef, SectorEnum } from './organisation.ts';

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Stable public slug, not yet taken: lowercase ASCII, digits, hyphens, e.g. "thanh-hoa-xom-3".',
    }),
    name: t.string({ required: true, description: 'The name, not blank, at most 200 characters.' }),
    kind: t.field({ type: OrganisationKindEnum, required: true, description: 'Its level in the tree.' }),
    sector: t.field({
      type: SectorEnum,
      description: 'Where it works, for a grassroots organisation; omit otherwise.',
    }),
    parentCode: t.string({
      required: true,
      description: 'The code of the organisation above it: not a cell, and existing on establishedOn.',
    }),
    establishedOn: t.field({
      type: 'Date',
      required: true,
      description: 'Its first day, and the first under the parent.',
    }),
  }),
});

builder.mutationField('createOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('CreateOrganisation'),
    description: 'Adds an organisation to the tree under a parent, from the day it was established.',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.parentCode) }),
    resolve: (_root, args, ctx) => createOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

const RenameOrganisationInput = builder.inputType('RenameOrganisationInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'The code of the organisation renamed (the code never changes).' }),
    name: t.string({ required: true, description: 'The new name, not blank, at most 200 characters.' }),
  }),
});

builder.mutationField('renameOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('RenameOrganisation'),
    description: 'Corrects or changes the name; the name has no history: the new one is shown for every day.',
    args: { input: t.arg({ type: RenameOrganisationInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.code) }),
    resolve: (_root, args, ctx) => renameOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

const MoveOrganisationInput = builder.inputType('MoveOrganisationInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'The code of the organisation moved, with its subtree.' }),
    parentCode: t.string({
      required: true,
      description: 'The new parent’s code: not a cell, not inside the moved subtree, existing on `on`.',
    }),
    on: t.field({ type: 'Date', required: true, description: 'The first day under the new parent.' }),
  }),
});

builder.mutationField('moveOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('MoveOrganisation'),
    description:
      'Moves an organisation and its subtree under another parent from a day; the days before keep the old parent.',
    args: { input: t.arg({ type: MoveOrganisationInput, required: true }) },
    authScopes: async (_root, args) =>
      writesInAll([await organisationIdOf(args.input.code), await organisationIdOf(args.input.parentCode)]),
    resolve: (_root, args, ctx) => moveOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

const DissolveOrganisationInput = builder.inputType('DissolveOrganisationInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'The code of the organisation dissolved.' }),
    on: t.field({ type: 'Date', required: true, description: 'The first day it no longer exists.' }),
    mergeIntoCode: t.string({
      description:
        'Merge: its members (cells) or subordinate organisations move there on `on`; a cell merges into a cell, a committee into a committee. Without it, the organisation must be empty.',
    }),
  }),
});

builder.mutationField('dissolveOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('DissolveOrganisation'),
    description: 'Dissolves an organisation from a date; with mergeIntoCode, merges it into another.',
    args: { input: t.arg({ type: DissolveOrganisationInput, required: true }) },
    authScopes: async (_root, args) =>
      writesInAll([
        await organisationIdOf(args.input.code),
        ...(args.input.mergeIntoCode ? [await organisationIdOf(args.input.mergeIntoCode)] : []),
      ]),
    resolve: (_root, args, ctx) => dissolveOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

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
    code: t.string({ required: true, description: 'Stable public slug: lowercase ASCII, digits, hyphens.' }),
    name: t.string({ required: true }),
    kind: t.field({ type: OrganisationKindEnum, required: true }),
    sector: t.field({ type: SectorEnum }),
    parentCode: t.string({ required: true }),
    establishedOn: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationField('createOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('CreateOrganisation'),
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.parentCode) }),
    resolve: (_root, args, ctx) => createOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

const RenameOrganisationInput = builder.inputType('RenameOrganisationInput', {
  fields: (t) => ({ code: t.string({ required: true }), name: t.string({ required: true }) }),
});

builder.mutationField('renameOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('RenameOrganisation'),
    args: { input: t.arg({ type: RenameOrganisationInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.code) }),
    resolve: (_root, args, ctx) => renameOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

const MoveOrganisationInput = builder.inputType('MoveOrganisationInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    parentCode: t.string({ required: true, description: 'The new parent.' }),
    on: t.field({ type: 'Date', required: true, description: 'The first day under the new parent.' }),
  }),
});

builder.mutationField('moveOrganisation', (t) =>
  t.field({
    type: OrganisationRef,
    errors: writeErrors('MoveOrganisation'),
    args: { input: t.arg({ type: MoveOrganisationInput, required: true }) },
    authScopes: async (_root, args) =>
      writesInAll([await organisationIdOf(args.input.code), await organisationIdOf(args.input.parentCode)]),
    resolve: (_root, args, ctx) => moveOrganisation({ actor: ctx.actor!, input: args.input }),
  }),
);

const DissolveOrganisationInput = builder.inputType('DissolveOrganisationInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    on: t.field({ type: 'Date', required: true, description: 'The first day it no longer exists.' }),
    mergeIntoCode: t.string({
      description: 'Merge: its members (cells) or subordinate organisations move there on `on`.',
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

// The tree changes over time: organisations are created, renamed, moved under another parent,
// dissolved, or merged into another (members' placements and children follow the merge).
import type { OrganisationKind, Sector } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { addOrganisations, touchOrganisations } from '../derived/track.ts';
import { isCellKind } from '../rules/kinds.ts';
import { validateParentLink } from '../rules/shape.ts';
import { ensureAlive, organisationByCode } from './lookup.ts';
import { cutParentLink, rebuildAncestry } from './tree.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The parent named by `parentCode`: alive on `on`, not a cell. */
async function ensureCanHoldChildren(tx: Tx, parentCode: string, on: string, field: string) {
  const parent = await organisationByCode(tx, parentCode, field);
  ensureAlive(parent, on, field);
  if (isCellKind(parent.kind)) refuse('PARENT_IS_CELL', field);
  return parent;
}

export interface CreateOrganisationInput {
  code: string;
  name: string;
  kind: OrganisationKind;
  sector?: Sector | null;
  parentCode: string;
  establishedOn: string;
}

export function createOrganisation(options: WriteOptions<CreateOrganisationInput>) {
  return write((tx) => createOrganisationIn(tx, options));
}

/** createOrganisation inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function createOrganisationIn(tx: Tx, { actor, input }: WriteOptions<CreateOrganisationInput>) {
  if (!CODE.test(input.code)) refuse('CODE_INVALID', 'code');
  if (await tx.organisation.findUnique({ where: { code: input.code } }))
    refuse('CODE_TAKEN', 'code', { code: input.code });
  if (!input.name.trim()) refuse('REQUIRED', 'name', { input: 'name' });
  const parent = await ensureCanHoldChildren(tx, input.parentCode, input.establishedOn, 'parentCode');
  const on = input.establishedOn;
  ensure(validateParentLink({ kind: input.kind, parentKind: parent.kind, on }, 'parentCode'));
  const { parentCode: _, ...data } = input;
  const org = await tx.organisation.create({ data: { ...data, name: input.name.trim() } });
  await tx.organisationParent.create({
    data: { organisationId: org.id, parentId: parent.id, startOn: input.establishedOn },
  });
  await rebuildAncestry(tx, [org.id]);
  addOrganisations(tx, [org.id]);
  await audit(tx, actor, {
    action: 'createOrganisation',
    entityType: 'Organisation',
    entityId: org.id,
    after: { ...org, parentCode: parent.code },
  });
  return org;
}

export function renameOrganisation(options: WriteOptions<{ code: string; name: string }>) {
  return write((tx) => renameOrganisationIn(tx, options));
}

/** renameOrganisation inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function renameOrganisationIn(tx: Tx, { actor, input }: WriteOptions<{ code: string; name: string }>) {
  const before = await organisationByCode(tx, input.code, 'code');
  if (!input.name.trim()) refuse('REQUIRED', 'name', { input: 'name' });
  const org = await tx.organisation.update({ where: { id: before.id }, data: { name: input.name.trim() } });
  await audit(tx, actor, {
    action: 'renameOrganisation',
    entityType: 'Organisation',
    entityId: org.id,
    before,
    after: org,
  });
  return org;
}

export function moveOrganisation({ actor, input }: WriteOptions<{ code: string; parentCode: string; on: string }>) {
  return write(async (tx) => {
    const org = await organisationByCode(tx, input.code, 'code');
    ensureAlive(org, input.on, 'on');
    const parent = await ensureCanHoldChildren(tx, input.parentCode, input.on, 'parentCode');
    const cycle = await tx.organisationAncestry.findFirst({ where: { ancestorId: org.id, descendantId: parent.id } });
    if (cycle) refuse('CYCLE', 'parentCode');
    ensure(validateParentLink({ kind: org.kind, parentKind: parent.kind, on: input.on }, 'parentCode'));
    await touchOrganisations(tx, [org.id]);
    // A move may be dated before one already recorded: it then lasts until that one.
    const { before, endOn } = await cutParentLink(tx, org.id, input.on, parent.id);
    const after = await tx.organisationParent.create({
      data: { organisationId: org.id, parentId: parent.id, startOn: input.on, endOn },
    });
    await rebuildAncestry(tx, [org.id]);
    await audit(tx, actor, { action: 'moveOrganisation', entityType: 'Organisation', entityId: org.id, before, after });
    return org;
  });
}

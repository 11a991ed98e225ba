// Chỉ tiêu and Đề án: the board assigns (or changes) a target for a period, optionally under a
// programme; a grassroots committee splits its own among its cells. Gaps are reported, never forced.
import { organisationByCode } from './lookup.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

export interface AssignQuotaInput {
  organisationCode: string;
  periodFrom: string;
  periodTo: string;
  target: number;
  programmeCode?: string | null;
}

export function assignQuota(options: WriteOptions<AssignQuotaInput>) {
  return write((tx) => assignQuotaIn(tx, options));
}

/** assignQuota inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function assignQuotaIn(tx: Tx, { actor, input }: WriteOptions<AssignQuotaInput>) {
  if (input.periodFrom > input.periodTo) refuse('PERIOD_INVALID', 'periodTo');
  if (!Number.isInteger(input.target) || input.target < 0) refuse('TARGET_INVALID', 'target');
  const org = await organisationByCode(tx, input.organisationCode, 'organisationCode');
  if (org.establishedOn > input.periodTo || (org.dissolvedOn && org.dissolvedOn <= input.periodFrom))
    refuse('ORGANISATION_NOT_ACTIVE', 'organisationCode', {
      code: input.organisationCode,
      on: `${input.periodFrom} – ${input.periodTo}`,
    });
  let programmeId: number | null = null;
  if (input.programmeCode) {
    const programme = await tx.programme.findUnique({ where: { code: input.programmeCode } });
    if (!programme) refuse('NOT_FOUND', 'programmeCode', { thing: 'programme', code: input.programmeCode });
    if (input.periodFrom < programme.startOn || input.periodTo > programme.endOn)
      refuse('PERIOD_OUTSIDE_PROGRAMME', 'periodFrom');
    programmeId = programme.id;
  }
  const key = { organisationId: org.id, periodFrom: input.periodFrom, periodTo: input.periodTo, programmeId };
  const before = await tx.quota.findFirst({ where: key });
  const quota = before
    ? await tx.quota.update({ where: { id: before.id }, data: { target: input.target } })
    : await tx.quota.create({ data: { ...key, target: input.target } });
  await audit(tx, actor, { action: 'assignQuota', entityType: 'Quota', entityId: quota.id, before, after: quota });
  return quota;
}

export interface CreateProgrammeInput {
  code: string;
  name: string;
  issuedBy: string;
  startOn: string;
  endOn: string;
}

export function createProgramme({ actor, input }: WriteOptions<CreateProgrammeInput>) {
  return write(async (tx) => {
    if (input.startOn > input.endOn) refuse('PERIOD_INVALID', 'endOn');
    if (await tx.programme.findUnique({ where: { code: input.code } }))
      refuse('CODE_TAKEN', 'code', { code: input.code });
    const programme = await tx.programme.create({ data: input });
    await audit(tx, actor, {
      action: 'createProgramme',
      entityType: 'Programme',
      entityId: programme.id,
      after: programme,
    });
    return programme;
  });
}

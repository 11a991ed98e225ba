// Chỉ tiêu and Đề án: the board assigns (or changes) a target for a period, optionally under a
// programme; a grassroots committee splits its own among its cells. Gaps are reported, never forced.
import { violation } from '../rules/violations.ts';
import { organisationByCode } from './lookup.ts';
import { audit, ensure, type WriteOptions, write } from './write.ts';

export interface AssignQuotaInput {
  organisationCode: string;
  periodFrom: string;
  periodTo: string;
  target: number;
  programmeCode?: string | null;
}

const period = (from: string, to: string) => (from > to ? [violation('PERIOD_INVALID', 'periodTo')] : []);

export function assignQuota({ actor, input }: WriteOptions<AssignQuotaInput>) {
  return write(async (tx) => {
    ensure(period(input.periodFrom, input.periodTo));
    if (!Number.isInteger(input.target) || input.target < 0) ensure([violation('TARGET_INVALID', 'target')]);
    const org = await organisationByCode(tx, input.organisationCode, 'organisationCode');
    if (org.establishedOn > input.periodTo || (org.dissolvedOn && org.dissolvedOn <= input.periodFrom))
      ensure([
        violation('ORGANISATION_NOT_ACTIVE', 'organisationCode', {
          code: input.organisationCode,
          on: `${input.periodFrom} – ${input.periodTo}`,
        }),
      ]);
    let programmeId: number | null = null;
    if (input.programmeCode) {
      const programme = await tx.programme.findUnique({ where: { code: input.programmeCode } });
      if (!programme)
        ensure([
          violation('NOT_FOUND', 'programmeCode', {
            vi: `đề án "${input.programmeCode}"`,
            en: `programme "${input.programmeCode}"`,
          }),
        ]);
      if (input.periodFrom < programme!.startOn || input.periodTo > programme!.endOn)
        ensure([violation('PERIOD_OUTSIDE_PROGRAMME', 'periodFrom')]);
      programmeId = programme!.id;
    }
    const key = { organisationId: org.id, periodFrom: input.periodFrom, periodTo: input.periodTo, programmeId };
    const before = await tx.quota.findFirst({ where: key });
    const quota = before
      ? await tx.quota.update({ where: { id: before.id }, data: { target: input.target } })
      : await tx.quota.create({ data: { ...key, target: input.target } });
    await audit(tx, actor, { action: 'assignQuota', entityType: 'Quota', entityId: quota.id, before, after: quota });
    return quota;
  });
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
    ensure(period(input.startOn, input.endOn).map((v) => ({ ...v, field: 'endOn' })));
    if (await tx.programme.findUnique({ where: { code: input.code } }))
      ensure([violation('CODE_TAKEN', 'code', { code: input.code })]);
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

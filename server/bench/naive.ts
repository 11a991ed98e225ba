// The naive way, for comparison only: read every member, placement and tree link of the
// database and compute the district's figures in JavaScript with the same pure rules.
import type { Db } from '../src/db/client.ts';
import { ancestryRows } from '../src/rules/ancestry.ts';
import { ageOn, covers } from '../src/rules/dates.ts';
import { assessRisk, defaultRiskPolicy } from '../src/rules/risk.ts';

export async function naiveDistrictFigures(prisma: Db, code: string) {
  const [orgs, links, members, placements] = await Promise.all([
    prisma.organisation.findMany(),
    prisma.organisationParent.findMany(),
    prisma.member.findMany(),
    prisma.placement.findMany(),
  ]);
  const root = orgs.find((o) => o.code === code);
  if (!root) throw new Error(`no ${code}`);
  const ancestry = ancestryRows(orgs, links).filter((r) => r.ancestorId === root.id);
  const inTree = (id: number, day: string) =>
    ancestry.some((r) => r.descendantId === id && covers(r.startOn, r.endOn, day));
  const byId = new Map(members.map((m) => [m.id, m]));
  const isMember = (id: number, day: string) => {
    const m = byId.get(id);
    return !!m && m.admittedOn <= day && (m.leftOn === null || m.leftOn > day);
  };
  const memberCount = placements.filter(
    (p) =>
      covers(p.startOn, p.endOn, '2017-07-31') && isMember(p.memberId, '2017-07-31') && inTree(p.cellId, '2017-07-31'),
  ).length;
  const admissionCount = members.filter(
    (m) => m.admittedOn >= '2017-01-01' && m.admittedOn <= '2017-07-31' && inTree(m.admittedInId, m.admittedOn),
  ).length;
  const D = '2017-01-01';
  const cells = orgs.filter(
    (o) =>
      (o.kind === 'GRASSROOTS_CELL' || o.kind === 'SUBORDINATE_CELL') &&
      o.establishedOn <= D &&
      (o.dissolvedOn === null || o.dissolvedOn > D) &&
      inTree(o.id, D),
  );
  let atRisk = 0;
  for (const cell of cells) {
    const here = placements.filter(
      (p) => p.cellId === cell.id && covers(p.startOn, p.endOn, D) && isMember(p.memberId, D),
    );
    const admitted = members
      .filter((m) => m.admittedInId === cell.id && m.admittedOn <= D)
      .map((m) => m.admittedOn)
      .sort();
    const assessment = assessRisk(
      {
        cellId: cell.id,
        establishedOn: cell.establishedOn,
        memberCount: here.length,
        elderlyCount: here.filter((p) => ageOn(byId.get(p.memberId)?.birthDate ?? D, D) >= defaultRiskPolicy.elderlyAge)
          .length,
        lastAdmissionOn: admitted.at(-1) ?? null,
      },
      D,
      defaultRiskPolicy,
    );
    if (assessment.isAtRisk) atRisk++;
  }
  return { memberCount, admissionCount, atRisk };
}

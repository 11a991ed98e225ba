// What a dissolution or merger of an organisation does to hamlets (called by dissolution.ts): a
// commune merged into another takes its hamlets there, as placements follow a merged cell; a cell
// merged into another goes on serving its hamlets as that cell; a cell dissolved without a merge
// leaves its hamlets without a cell from that day. A commune that still has hamlets must be merged.
import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import { concern } from '../derived/track.ts';
import { followMerges } from './dated.ts';
import { entry, type Ledger } from './dissolution-ledger.ts';
import { refuse, type Tx } from './write.ts';

export async function hamletsFollowDissolution(
  tx: Tx,
  org: Organisation,
  target: Organisation | null,
  on: string,
  ledger: Ledger,
) {
  const past = { OR: [{ endOn: null }, { endOn: { gt: on } }] };
  const [communeLinks, services] = await Promise.all([
    tx.hamletCommune.findMany({ where: { communeId: org.id, ...past } }),
    tx.hamletCell.findMany({ where: { cellId: org.id, ...past } }),
  ]);
  const later = [...communeLinks, ...services].find((r) => r.startOn >= on);
  if (later) refuse('LINK_STARTS_LATER', 'on', { on, start: later.startOn });
  if (communeLinks.length > 0 && !target) refuse('HAMLETS_REMAIN', 'mergeIntoCode');
  const next = (id: number) => tx.organisation.findUniqueOrThrow({ where: { id } });
  for (const link of communeLinks) {
    await tx.hamletCommune.update({ where: { id: link.id }, data: { endOn: on } });
    ledger.cut.push(entry('hamletCommune', link));
    // target is there: refused above otherwise.
    const spans = await followMerges(target!, on, link.endOn, next);
    const made = await tx.hamletCommune.createManyAndReturn({
      data: spans.map((s) => ({ hamletId: link.hamletId, communeId: s.id, startOn: s.startOn, endOn: s.endOn })),
    });
    ledger.made.push(...made.map((row) => entry('hamletCommune', row)));
  }
  for (const service of services) {
    await tx.hamletCell.update({ where: { id: service.id }, data: { endOn: on } });
    ledger.cut.push(entry('hamletCell', service));
    const spans = target ? await followMerges(target, on, service.endOn, next) : [];
    const made = await tx.hamletCell.createManyAndReturn({
      data: spans.map((s) => ({ hamletId: service.hamletId, cellId: s.id, startOn: s.startOn, endOn: s.endOn })),
    });
    ledger.made.push(...made.map((row) => entry('hamletCell', row)));
  }
  if (target) concern(tx, [target.id]);
  return { movedHamlets: communeLinks.length, hamletsServed: services.length };
}

// Corrections of reforms are as if the right value had been entered first (DESIGN.md,
// "Corrections"): a move, a rename, a dissolution or a merger recorded by error and voided leaves
// the same rows, tree,
// closure, derived tables and figures as a history where it was never entered (three fresh
// databases each, corrections-support.ts).
import { describe, expect, it } from 'vitest';
import { prisma } from '../src/db.ts';
import { advanceCandidate } from '../src/domain/candidates.ts';
import { dissolveOrganisation } from '../src/domain/dissolution.ts';
import { voidDissolution } from '../src/domain/dissolution-corrections.ts';
import { createHamlet } from '../src/domain/hamlets.ts';
import { createOrganisation, moveOrganisation, renameOrganisation } from '../src/domain/organisations.ts';
import { voidMove, voidRename } from '../src/domain/reform-corrections.ts';
import { ValidationFailure } from '../src/domain/write.ts';
import { actor, expectAsIfRightFirst } from './corrections-support.ts';
import { miniWorld } from './fixture.ts';

const reason = 'Nhập sai (theo quyết định gốc)';
const move = (code: string, parentCode: string, on: string) =>
  moveOrganisation({ actor, input: { code, parentCode, on } });
const rename = (name: string) => renameOrganisation({ actor, input: { code: 'thanh-hoa-xom-3', name } });
/** A section committee of thanh-hoa (created first in every history, so the ids agree). */
const section = () =>
  createOrganisation({
    actor,
    input: {
      code: 'thanh-hoa-dang-uy-bo',
      name: 'Đảng ủy bộ phận',
      kind: 'SECTION_COMMITTEE',
      parentCode: 'thanh-hoa',
      establishedOn: '2000-01-01',
    },
  });
const nothing = async () => undefined;
const dissolve = (code: string, on: string, mergeIntoCode: string | null = null) =>
  dissolveOrganisation({ actor, input: { code, on, mergeIntoCode } });
const undo = (code: string) => voidDissolution({ actor, input: { code, reason } });

describe('a voided reform equals the reform never entered', () => {
  it('a move voided: the cell and its members stay under their committee', async () => {
    await expectAsIfRightFirst(
      () => move('thanh-hoa-xom-3', 'thanh-duc', '2010-01-01'),
      () => voidMove({ actor, input: { code: 'thanh-hoa-xom-3', on: '2010-01-01', reason } }),
      nothing,
    );
  }, 60_000);

  it('a move voided, and the move back that it made pointless', async () => {
    await expectAsIfRightFirst(
      async () => {
        await move('thanh-hoa-xom-3', 'thanh-duc', '2010-01-01');
        await move('thanh-hoa-xom-3', 'thanh-hoa', '2014-01-01');
      },
      () => voidMove({ actor, input: { code: 'thanh-hoa-xom-3', on: '2010-01-01', reason } }),
      nothing,
    );
  }, 60_000);

  it('a move voided before a later one: the previous parent runs on until it', async () => {
    await expectAsIfRightFirst(
      async () => {
        await section();
        await move('thanh-hoa-xom-3', 'thanh-duc', '2010-01-01');
        await move('thanh-hoa-xom-3', 'thanh-hoa-dang-uy-bo', '2014-01-01');
      },
      () => voidMove({ actor, input: { code: 'thanh-hoa-xom-3', on: '2010-01-01', reason } }),
      async () => {
        await section();
        await move('thanh-hoa-xom-3', 'thanh-hoa-dang-uy-bo', '2014-01-01');
      },
    );
  }, 60_000);

  it('a rename voided, and the last of two renames voided', async () => {
    await expectAsIfRightFirst(
      () => rename('Chi bộ xóm Ba'),
      () => voidRename({ actor, input: { code: 'thanh-hoa-xom-3', reason } }),
      nothing,
    );
    await expectAsIfRightFirst(
      async () => {
        await rename('Chi bộ xóm Ba');
        await rename('Chi bộ xóm 3 (sai)');
      },
      () => voidRename({ actor, input: { code: 'thanh-hoa-xom-3', reason } }),
      () => rename('Chi bộ xóm Ba'),
    );
  }, 60_000);

  it('a merger of cells voided: the members and the candidate on its way come back', async () => {
    await expectAsIfRightFirst(
      () => dissolve('thanh-hoa-xom-3', '2017-01-01', 'thanh-hoa-xom-4'),
      () => undo('thanh-hoa-xom-3'),
      nothing,
    );
  }, 60_000);

  it('a merger of committees voided: the subordinate cell comes back, the closure with it', async () => {
    await expectAsIfRightFirst(
      () => dissolve('thanh-duc', '2018-01-01', 'thanh-hoa'),
      () => undo('thanh-duc'),
      nothing,
    );
  }, 60_000);

  it('a dissolution voided: the parent link recorded after it comes back', async () => {
    await expectAsIfRightFirst(
      async () => {
        await section();
        await move('thanh-hoa-xom-3', 'thanh-hoa-dang-uy-bo', '2019-01-01');
        await dissolve('thanh-hoa-xom-3', '2017-01-01', 'thanh-hoa-xom-4');
      },
      () => undo('thanh-hoa-xom-3'),
      async () => {
        await section();
        await move('thanh-hoa-xom-3', 'thanh-hoa-dang-uy-bo', '2019-01-01');
      },
    );
    await expectAsIfRightFirst(
      async () => {
        await section();
        await dissolve('thanh-hoa-dang-uy-bo', '2010-01-01');
      },
      () => undo('thanh-hoa-dang-uy-bo'),
      section,
    );
  }, 60_000);

  it('mergers voided: hamlets go back to their commune and their cell', async () => {
    const hamlet = (code: string, communeCode: string, cellCode: string) =>
      createHamlet({
        actor,
        input: { code, name: `Xóm ${code}`, kind: 'XOM', communeCode, cellCode, establishedOn: '2000-01-01' },
      });
    const hamlets = async () => {
      await hamlet('xom-duc-1', 'thanh-duc', 'thanh-duc-xom-1');
      await hamlet('xom-hoa-3', 'thanh-hoa', 'thanh-hoa-xom-3');
    };
    await expectAsIfRightFirst(
      async () => {
        await hamlets();
        await dissolve('thanh-duc', '2018-01-01', 'thanh-hoa');
        await dissolve('thanh-hoa-xom-3', '2017-01-01', 'thanh-hoa-xom-4');
      },
      async () => {
        await undo('thanh-duc');
        await undo('thanh-hoa-xom-3');
      },
      hamlets,
    );
  }, 60_000);

  it('a merger is not voided once a candidate it moved took a step in the target', async () => {
    const world = await miniWorld('sqlite');
    try {
      await dissolve('thanh-hoa-xom-3', '2017-01-01', 'thanh-hoa-xom-4');
      const input = {
        candidateId: 1,
        stage: 'COMMITTEE_VOTED' as const,
        on: '2017-01-10',
        votesFor: 7,
        votesEligible: 9,
      };
      await advanceCandidate({ actor, input: { ...input, actingBody: 'Ban Thường vụ Huyện ủy' } });
      const refused = await undo('thanh-hoa-xom-3').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationFailure);
      expect((refused as ValidationFailure).violations.map((v) => [v.code, v.field])).toEqual([
        ['LATER_FACTS_DEPEND', 'code'],
      ]);
      const org = await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-hoa-xom-3' } });
      expect(org.dissolvedOn).toBe('2017-01-01');
      expect((await prisma().candidate.findUniqueOrThrow({ where: { id: 1 } })).cellId).toBe(5);
    } finally {
      await world.db.drop();
    }
  }, 60_000);
});

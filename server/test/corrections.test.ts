// Corrections are as if the right value had been entered first (DESIGN.md, "Corrections"): for
// each kind, three fresh databases — the wrong value entered and left, the wrong value entered and
// corrected, the right value entered first — and the corrected one must equal the right one in its
// rows, derived tables and figures (member counts, admissions, at-risk cells), while the uncorrected
// one does not (so the test fails if the correction did nothing).
import { describe, it } from 'vitest';
import { advanceCandidate } from '../src/domain/candidates.ts';
import { dissolveOrganisation } from '../src/domain/dissolution.ts';
import { correctLeaving, voidLeaving } from '../src/domain/leaving-corrections.ts';
import { recordMember } from '../src/domain/member-history.ts';
import { recordLeaving, transferMember } from '../src/domain/members.ts';
import { correctPlacement, voidTransfer } from '../src/domain/placement-corrections.ts';
import { correctCandidateStep, voidCandidateStep } from '../src/domain/step-corrections.ts';
import { actor, expectAsIfRightFirst } from './corrections-support.ts';

const reason = 'Nhập sai (theo hồ sơ gốc)';
const transfer = (memberId: number, toCellCode: string, on: string) =>
  transferMember({ actor, input: { memberId, toCellCode, on } });
const leave = (memberId: number, on: string, why: 'DIED' | 'MOVED_AWAY' = 'DIED') =>
  recordLeaving({ actor, input: { memberId, on, reason: why } });
/** The mini world's candidate 1 (cell vote 2016-12-01 in thanh-hoa-xom-3): committee vote, decided, admitted. */
const step = (stage: 'COMMITTEE_VOTED' | 'DECIDED' | 'ADMITTED', on: string) =>
  advanceCandidate({
    actor,
    input: {
      candidateId: 1,
      stage,
      on,
      actingBody: 'Ban Thường vụ Huyện ủy',
      ...(stage === 'COMMITTEE_VOTED' ? { votesFor: 7, votesEligible: 9 } : {}),
    },
  });
const voted = () => step('COMMITTEE_VOTED', '2016-12-20');
const nothing = async () => undefined;

describe('a correction equals the right value entered first', () => {
  it('a transfer’s day', async () => {
    await expectAsIfRightFirst(
      () => transfer(7, 'thanh-hoa-xom-3', '2010-05-01'),
      () =>
        correctPlacement({
          actor,
          input: { memberId: 7, placementStartOn: '2010-05-01', startOn: '2012-03-01', reason },
        }),
      () => transfer(7, 'thanh-hoa-xom-3', '2012-03-01'),
    );
  }, 60_000);

  it('a transfer’s cell', async () => {
    await expectAsIfRightFirst(
      () => transfer(13, 'thanh-hoa-xom-4', '2014-01-01'),
      () =>
        correctPlacement({
          actor,
          input: { memberId: 13, placementStartOn: '2014-01-01', cellCode: 'thanh-hoa-xom-3', reason },
        }),
      () => transfer(13, 'thanh-hoa-xom-3', '2014-01-01'),
    );
  }, 60_000);

  it('the admitting cell, through the first placement', async () => {
    const record = (cellCode: string) =>
      recordMember({
        actor,
        input: {
          fullName: 'Đảng viên mới',
          birthDate: '1980-01-01',
          admittedOn: '2011-04-01',
          placements: [{ cellCode, startOn: '2011-04-01' }],
        },
      });
    await expectAsIfRightFirst(
      () => record('thanh-duc-xom-1'),
      () =>
        correctPlacement({
          actor,
          input: { memberId: 14, placementStartOn: '2011-04-01', cellCode: 'thanh-hoa-xom-4', reason },
        }),
      () => record('thanh-hoa-xom-4'),
    );
  }, 60_000);

  it('a transfer voided: the at-risk cell keeps its member', async () => {
    await expectAsIfRightFirst(
      () => transfer(10, 'thanh-hoa-xom-3', '2015-01-01'),
      () => voidTransfer({ actor, input: { memberId: 10, placementStartOn: '2015-01-01', reason } }),
      nothing,
    );
  }, 60_000);

  it('a transfer voided, and the transfer back that it made pointless', async () => {
    await expectAsIfRightFirst(
      async () => {
        await transfer(7, 'thanh-hoa-xom-3', '2010-01-01');
        await transfer(7, 'thanh-hoa-xom-4', '2012-01-01');
      },
      () => voidTransfer({ actor, input: { memberId: 7, placementStartOn: '2010-01-01', reason } }),
      nothing,
    );
  }, 60_000);

  it('a transfer voided after its first cell merged: the member follows the merge', async () => {
    const merge = () =>
      dissolveOrganisation({
        actor,
        input: { code: 'thanh-hoa-xom-4', on: '2018-01-01', mergeIntoCode: 'thanh-hoa-xom-3' },
      });
    await expectAsIfRightFirst(
      async () => {
        await transfer(8, 'thanh-duc-xom-1', '2012-01-01');
        await merge();
      },
      () => voidTransfer({ actor, input: { memberId: 8, placementStartOn: '2012-01-01', reason } }),
      merge,
    );
  }, 60_000);

  it('a leaving’s day and reason', async () => {
    await expectAsIfRightFirst(
      () => leave(8, '2017-05-01'),
      () => correctLeaving({ actor, input: { memberId: 8, leftOn: '2019-02-01', leftReason: 'MOVED_AWAY', reason } }),
      () => leave(8, '2019-02-01', 'MOVED_AWAY'),
    );
  }, 60_000);

  it('a leaving voided: the cell is at risk again', async () => {
    await expectAsIfRightFirst(
      () => leave(11, '2016-01-01'),
      () => voidLeaving({ actor, input: { memberId: 11, reason } }),
      nothing,
    );
  }, 60_000);

  it('a decision’s day', async () => {
    await expectAsIfRightFirst(
      async () => {
        await voted();
        await step('DECIDED', '2017-01-05');
        await step('ADMITTED', '2017-02-15');
      },
      () => correctCandidateStep({ actor, input: { candidateId: 1, stage: 'DECIDED', on: '2017-01-10', reason } }),
      async () => {
        await voted();
        await step('DECIDED', '2017-01-10');
        await step('ADMITTED', '2017-02-15');
      },
    );
  }, 60_000);

  it('a ceremony’s day: the member’s admission follows', async () => {
    await expectAsIfRightFirst(
      async () => {
        await voted();
        await step('DECIDED', '2017-01-10');
        await step('ADMITTED', '2017-02-08');
      },
      () => correctCandidateStep({ actor, input: { candidateId: 1, stage: 'ADMITTED', on: '2017-02-15', reason } }),
      async () => {
        await voted();
        await step('DECIDED', '2017-01-10');
        await step('ADMITTED', '2017-02-15');
      },
    );
  }, 60_000);

  it('a ceremony voided: the member it made is gone, the candidate waits again', async () => {
    await expectAsIfRightFirst(
      async () => {
        await voted();
        await step('DECIDED', '2017-01-10');
        await step('ADMITTED', '2017-02-08');
      },
      () => voidCandidateStep({ actor, input: { candidateId: 1, stage: 'ADMITTED', reason } }),
      async () => {
        await voted();
        await step('DECIDED', '2017-01-10');
      },
    );
  }, 60_000);
});

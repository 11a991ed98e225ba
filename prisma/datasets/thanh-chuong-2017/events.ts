// The events of a candidate's path: one per stage reached, with the body that acted and the votes.

import { PATH, pathOf } from '../../../server/src/rules/stages.ts';
import type { CandidateSource, CandidateStage } from '../../generated/sqlite/enums.ts';
import { type Cell, DISTRICT_NAME, nextId, type Rows } from './context.ts';
import type { Person } from './pipeline.ts';
import { at, type Rng } from './random.ts';
import type { Registry } from './registry.ts';

export const DECIDING_BODY = `Ban Thường vụ Huyện ủy ${DISTRICT_NAME}`;
const COURSE_BODY = `Trung tâm Bồi dưỡng chính trị huyện ${DISTRICT_NAME}`;

/** At least two thirds of those eligible, often all of them. */
export function passingVotes(rng: Rng, eligible: number): number {
  const need = Math.ceil((2 * eligible) / 3);
  return rng.chance(0.75) ? eligible : rng.int(need, eligible);
}

/** Fewer than two thirds. */
export function failingVotes(rng: Rng, eligible: number): number {
  const need = Math.ceil((2 * eligible) / 3);
  return need <= 0 ? 0 : rng.int(Math.max(0, need - 3), need - 1);
}

/** Members of the grassroots committee (ban chấp hành) who vote on admissions: more in larger organisations. */
export function committeeSize(cell: Cell): number {
  const g = cell.grassroots;
  return g.sector === 'COMMUNE' ? Math.min(15, 9 + Math.floor(g.cells.length / 3)) : Math.min(9, 5 + g.cells.length);
}

export function writeEvents(
  rng: Rng,
  rows: Rows,
  reg: Registry,
  candidateId: number,
  p: Person,
  cell: Cell,
  dates: string[],
): void {
  // A grassroots cell has no committee vote: its date in `dates` is the cell vote's, and no event is written.
  const path = pathOf(cell.kind === 'GRASSROOTS_CELL');
  dates.forEach((on, i) => {
    const stage: CandidateStage = at(PATH, i);
    if (!path.includes(stage)) return;
    let actingBody = cell.body;
    let votes: { votesFor: number; votesEligible: number } | null = null;
    let note: string | null = null;
    if (stage === 'SOURCED') {
      actingBody = sourceBody(p.source, cell);
      note = 'Phát hiện, giới thiệu quần chúng ưu tú';
    } else if (stage === 'TRAINED') {
      actingBody = COURSE_BODY;
      note = 'Lớp bồi dưỡng nhận thức về Đảng; cấp giấy chứng nhận';
    } else if (stage === 'APPLIED') note = 'Đơn xin vào Đảng, lý lịch của người xin vào Đảng';
    else if (stage === 'VERIFIED') note = 'Thẩm tra lý lịch';
    else if (stage === 'INTRODUCED') {
      note = p.introducedBy
        ? `${p.introducedBy === 'youthUnion' ? 'Đoàn' : 'Công đoàn'} cơ sở và một đảng viên chính thức giới thiệu`
        : 'Hai đảng viên chính thức giới thiệu';
    } else if (stage === 'CELL_VOTED') {
      const eligible = reg.fullIn(cell.id, on).length;
      votes = { votesFor: passingVotes(rng, eligible), votesEligible: eligible };
      note = 'Nghị quyết của chi bộ đề nghị kết nạp';
    } else if (stage === 'COMMITTEE_VOTED') {
      const eligible = committeeSize(cell);
      actingBody = cell.grassroots.committeeBody;
      votes = { votesFor: passingVotes(rng, eligible), votesEligible: eligible };
      note = 'Nghị quyết của đảng ủy cơ sở đề nghị kết nạp';
    } else if (stage === 'DECIDED') {
      actingBody = DECIDING_BODY;
      note = 'Quyết định kết nạp đảng viên';
    } else if (stage === 'ADMITTED') note = 'Lễ kết nạp đảng viên';
    rows.candidateEvents.push({
      id: nextId(rows.candidateEvents),
      candidateId,
      stage,
      on,
      actingBody,
      votesFor: votes?.votesFor ?? null,
      votesEligible: votes?.votesEligible ?? null,
      note,
    });
  });
}

export function sourceBody(source: CandidateSource, cell: Cell): string {
  const place = cell.grassroots.place;
  const commune = cell.grassroots.sector === 'COMMUNE';
  if (source === 'YOUTH_UNION') return `Đoàn Thanh niên ${place}`;
  if (source === 'WOMENS_UNION') return commune ? `Hội Liên hiệp Phụ nữ ${place}` : `Ban Nữ công Công đoàn ${place}`;
  if (source === 'FARMERS_UNION') return `Hội Nông dân ${place}`;
  if (source === 'VETERANS_ASSOCIATION') return `Hội Cựu chiến binh ${place}`;
  if (source === 'TRADE_UNION') return `Công đoàn ${commune ? `${cell.name.replace('Chi bộ ', '')} ${place}` : place}`;
  return cell.body;
}

// Supervision: the district's leaders are each assigned three or four communes for the 2015–2020
// term and attend their cells' meetings — monthly or quarterly, more often in the at-risk cells.

import { addDays, calendarDate } from '../../../server/src/rules/dates.ts';
import { addMonths } from '../../../server/src/rules/policy.ts';
import type { MeetingVisitRow } from '../types.ts';
import { type Grassroots, nextId, type Rows } from './context.ts';
import { personName } from './names.ts';
import type { Rng } from './random.ts';

const titles: [string, 'monthly' | 'quarterly'][] = [
  ['Bí thư Huyện ủy', 'quarterly'],
  ['Phó Bí thư Thường trực Huyện ủy', 'quarterly'],
  ['Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', 'quarterly'],
  ['Trưởng ban Tổ chức Huyện ủy', 'monthly'],
  ['Chủ nhiệm Ủy ban Kiểm tra Huyện ủy', 'monthly'],
  ['Trưởng ban Tuyên giáo Huyện ủy', 'monthly'],
  ['Trưởng ban Dân vận Huyện ủy', 'monthly'],
  ['Ủy viên Ban Thường vụ Huyện ủy, Phó Chủ tịch UBND huyện', 'monthly'],
  ['Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban MTTQ huyện', 'monthly'],
  ['Ủy viên Ban Thường vụ Huyện ủy, Chỉ huy trưởng Ban CHQS huyện', 'quarterly'],
  ['Ủy viên Ban Thường vụ Huyện ủy, Trưởng Công an huyện', 'quarterly'],
  ['Chánh Văn phòng Huyện ủy', 'monthly'],
];

export function supervision(rng: Rng, rows: Rows, grassroots: Grassroots[]): void {
  const communes = grassroots.filter((g) => g.sector === 'COMMUNE');
  const used = new Set<string>();
  const visits: Omit<MeetingVisitRow, 'id'>[] = [];
  let next = 0;
  titles.forEach(([title, pace], i) => {
    let fullName = '';
    do fullName = personName(rng, rng.chance(0.8) ? 'MALE' : 'FEMALE');
    while (used.has(fullName));
    used.add(fullName);
    const leaderId = nextId(rows.leaders);
    rows.leaders.push({ id: leaderId, fullName, title });

    const zone = communes.slice(next, next + (i < 4 ? 4 : 3));
    next += zone.length;
    const zoneText = `Cụm ${i + 1}: ${zone.map((g) => g.place.replace(/^(xã|thị trấn) /, '')).join(' – ')}`;
    for (const g of zone) {
      rows.assignments.push({
        id: nextId(rows.assignments),
        leaderId,
        organisationId: g.id,
        startOn: '2015-10-01',
        endOn: '2020-10-01',
        zone: zoneText,
      });
    }

    const cells = zone.flatMap((g) => g.cells);
    const months =
      pace === 'monthly' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter(() => rng.chance(0.85)) : [1, 4, 7, 10];
    for (const month of months) {
      const cell = rng.pick(cells.filter((c) => !c.atRisk));
      const first = calendarDate(2017, month, 1);
      visits.push({
        leaderId,
        cellId: cell.id,
        visitedOn: rng.date(first, addDays(addMonths(first, 1), -1)),
        note: 'Dự sinh hoạt chi bộ định kỳ',
      });
    }
    // The at-risk cells of the zone: every quarter, and at each admission ceremony.
    for (const cell of cells.filter((c) => c.atRisk)) {
      for (const month of [2, 5, 8, 11]) {
        const first = calendarDate(2017, month, 1);
        visits.push({
          leaderId,
          cellId: cell.id,
          visitedOn: rng.date(addDays(first, 4), addDays(first, 20)),
          note: 'Dự sinh hoạt chi bộ; chỉ đạo phát triển đảng viên theo Đề án 01/ĐA-TU/2016',
        });
      }
      const ceremonies = rows.members.filter((m) => m.admittedInId === cell.id && m.admittedOn.startsWith('2017'));
      for (const m of ceremonies)
        visits.push({ leaderId, cellId: cell.id, visitedOn: m.admittedOn, note: 'Dự lễ kết nạp đảng viên mới' });
    }
  });
  if (next !== communes.length) throw new Error(`zones cover ${next} of ${communes.length} communes`);
  visits.sort((a, b) => a.visitedOn.localeCompare(b.visitedOn) || a.leaderId - b.leaderId || a.cellId - b.cellId);
  for (const v of visits) rows.visits.push({ id: nextId(rows.visits), ...v });
}

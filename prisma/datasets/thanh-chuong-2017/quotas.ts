// Programmes and quotas: the district's yearly target, the board's targets for the 82 grassroots
// organisations (their sum differs a little from the district's, as in real life), the communes'
// split among their cells, and a programme target for each at-risk cell under Đề án 01.
import { type Grassroots, nextId, type Rows } from './context.ts';
import { apportion, at, type Rng } from './random.ts';

export const DISTRICT_TARGET_2017 = 420;
/** The year of the article, the period of the yearly quotas that matter. */
export const YEAR_2017 = { from: '2017-01-01', to: '2017-12-31' };
/** Đề án 01/ĐA-TU/2016: the province's programme for hamlets without a cell or at risk of losing it. */
export const RISK_PROGRAMME_CODE = '01/DA-TU/2016';
const GRASSROOTS_TARGET_2017 = 426;
const DISTRICT_TARGET_2016 = 400;
const GRASSROOTS_TARGET_2016 = 404;

export function programmes(rows: Rows): { riskProgramme: number } {
  const riskProgramme = nextId(rows.programmes);
  rows.programmes.push({
    id: riskProgramme,
    code: RISK_PROGRAMME_CODE,
    name:
      'Đề án 01/ĐA-TU/2016 về xây dựng chi bộ, phát triển đảng viên ở các khối, xóm, bản chưa có chi bộ, ' +
      'chưa có đảng viên và khối, xóm, bản có nguy cơ không còn chi bộ, giai đoạn 2016–2020',
    issuedBy: 'Tỉnh ủy Nghệ An',
    startOn: '2016-01-01',
    endOn: '2020-12-31',
  });
  rows.programmes.push({
    id: nextId(rows.programmes),
    code: '5155/DA-TU',
    name:
      'Đề án 5155-ĐA/TU về phát triển đảng viên, tổ chức đảng trong các doanh nghiệp tư nhân ' +
      'và doanh nghiệp có vốn đầu tư nước ngoài trên địa bàn tỉnh Nghệ An',
    issuedBy: 'Tỉnh ủy Nghệ An',
    startOn: '2016-06-01',
    endOn: '2020-12-31',
  });
  return { riskProgramme };
}

/** Targets proportional to the weights, each at least 1, summing to total. */
function targets(total: number, weights: number[]): number[] {
  const parts = apportion(total, weights);
  for (let i = 0; i < parts.length; i++) {
    if (at(parts, i) > 0) continue;
    const big = parts.indexOf(Math.max(...parts));
    parts[big] = at(parts, big) - 1;
    parts[i] = 1;
  }
  return parts;
}

export function quotas(
  rng: Rng,
  rows: Rows,
  districtId: number,
  grassroots: Grassroots[],
  riskProgramme: number,
): void {
  const add = (
    organisationId: number,
    periodFrom: string,
    periodTo: string,
    target: number,
    programmeId: number | null = null,
  ): void => {
    rows.quotas.push({ id: nextId(rows.quotas), organisationId, programmeId, periodFrom, periodTo, target });
  };
  add(districtId, '2016-01-01', '2016-12-31', DISTRICT_TARGET_2016);
  add(districtId, YEAR_2017.from, YEAR_2017.to, DISTRICT_TARGET_2017);

  const weights = grassroots.map((g) => g.cells.reduce((sum, c) => sum + (c.atRisk ? 6 : c.size), 0));
  const y2016 = targets(GRASSROOTS_TARGET_2016, weights);
  const y2017 = targets(GRASSROOTS_TARGET_2017, weights);
  for (const [i, g] of grassroots.entries()) add(g.id, '2016-01-01', '2016-12-31', at(y2016, i));
  for (const [i, g] of grassroots.entries()) add(g.id, YEAR_2017.from, YEAR_2017.to, at(y2017, i));

  // Each commune committee splits its 2017 target among its cells; at-risk cells get 1 (or 2).
  let firstRisk = true;
  grassroots.forEach((g, i) => {
    if (g.sector !== 'COMMUNE') return;
    const split = apportion(
      at(y2017, i),
      g.cells.map((c) => (c.atRisk ? 0 : c.size)),
    );
    g.cells.forEach((c, k) => {
      if (c.atRisk) {
        split[k] = firstRisk ? 2 : 1;
        firstRisk = false;
      }
    });
    if (rng.chance(0.3)) {
      const k = rng.int(0, split.length - 1);
      split[k] = at(split, k) + 1;
    }
    g.cells.forEach((c, k) => {
      if (at(split, k) > 0) add(c.id, YEAR_2017.from, YEAR_2017.to, at(split, k));
    });
  });

  // Đề án 01/ĐA-TU/2016: a target for each at-risk cell over the programme's period.
  const risky = grassroots.flatMap((g) => g.cells.filter((c) => c.atRisk));
  const programmeTargets = [2, 1, 2, 1, 1, 2];
  for (const [i, c] of risky.entries()) add(c.id, '2016-01-01', '2020-12-31', programmeTargets[i] ?? 1, riskProgramme);
}

// The demo dataset `thanh-chuong-2017`: the world of the Baonghean.vn article (2017) — 82 grassroots
// organisations, 252 admissions from January to July 2017, six at-risk cells in four communes that
// all admitted again — with synthetic people. Pure and deterministic: no I/O, no clock, a fixed seed.
import type { Dataset } from '../types.ts';
import { atRiskMembers } from './atrisk.ts';
import { fillReportAttributes } from './attributes.ts';
import { admissions2017 } from './candidates.ts';
import { DISTRICT_CODE, emptyRows, SEED } from './context.ts';
import { hamlets } from './hamlets.ts';
import { ordinaryMembers, transfers } from './members.ts';
import { pending } from './pending.ts';
import { programmes, quotas } from './quotas.ts';
import { Rng } from './random.ts';
import { Registry } from './registry.ts';
import { supervision } from './supervision.ts';
import { buildTree } from './tree.ts';

export const NOTICE =
  'Dữ liệu minh họa. Tên tỉnh, huyện, thị trấn và 39 xã là có thật (địa giới hành chính công khai năm 2017); ' +
  'tên xóm, bản, khối, tên chi bộ, cơ quan, doanh nghiệp và ngày thành lập chỉ là minh họa; mọi con người (đảng viên, quần chúng, lãnh đạo) và nơi cư trú, ' +
  'mọi số liệu không có trong bài báo Baonghean.vn năm 2017, mọi chỉ tiêu, quần chúng ưu tú và lượt dự sinh hoạt đều là giả lập. ' +
  'Việc bỏ cấp huyện ngày 1/7/2025 được thể hiện; việc sáp nhập xã năm 2025 thì không. — ' +
  'Illustrative data. The names of the province, the district, the town and its 39 communes are real (public geography, 2017); ' +
  'hamlet, cell, agency and enterprise names and founding dates are illustrative; every person (member, candidate, leader) and where they live, ' +
  'every figure not in the 2017 Baonghean.vn article, every quota, candidate and meeting visit is synthetic. ' +
  'The abolition of the district level on 2025-07-01 is modelled; the 2025 commune mergers are not.';

export function thanhChuong2017(): Dataset {
  const rows = emptyRows();
  const grassroots = buildTree(new Rng(SEED), rows);
  const cells = grassroots.flatMap((g) => g.cells);
  const reg = new Registry(rows);
  ordinaryMembers(new Rng(SEED + 1), reg, cells);
  atRiskMembers(
    new Rng(SEED + 2),
    reg,
    cells.filter((c) => c.atRisk),
  );
  transfers(new Rng(SEED + 3), reg, cells, 60);
  admissions2017(new Rng(SEED + 4), rows, reg, cells);
  pending(new Rng(SEED + 7), rows, reg, cells);
  reg.finish();
  fillReportAttributes(rows, cells);
  const { riskProgramme } = programmes(rows);
  const district = rows.organisations.find((o) => o.code === DISTRICT_CODE);
  if (!district) throw new Error('no district');
  quotas(new Rng(SEED + 5), rows, district.id, grassroots, riskProgramme);
  supervision(new Rng(SEED + 6), rows, grassroots);
  const places = hamlets(new Rng(SEED + 8), reg, grassroots);
  return { name: 'thanh-chuong-2017', notice: NOTICE, ...rows, ...places };
}

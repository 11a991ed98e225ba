// What the generator's steps share: the tree as built, and the rows being collected.
import type { Dataset } from '../types.ts';

export const SEED = 20170731;
/** The dataset tells the story up to this day (the 2025 tree change aside). */
export const HORIZON = '2017-12-31';
export const RISK_DAY = '2017-01-01';
/** Members admitted from this day on come through candidates, with their stages; earlier ones do not. */
export const CANDIDATES_FROM = '2017-01-01';
export const WINDOW_END = '2017-07-31';
export const DISTRICT_NAME = 'Thanh Chương';
/** The codes of the province and of the district, the organisations the story is told from. */
export const PROVINCE_CODE = 'nghe-an';
export const DISTRICT_CODE = 'thanh-chuong';

export interface Grassroots {
  id: number;
  code: string;
  name: string;
  kind: 'GRASSROOTS_COMMITTEE' | 'GRASSROOTS_CELL';
  sector: 'COMMUNE' | 'AGENCY' | 'ENTERPRISE';
  /** "xã Thanh Hòa", "Công an huyện". */
  place: string;
  /** The body that votes at grassroots level: "Đảng ủy xã Thanh Hòa", or the cell itself. */
  committeeBody: string;
  established: string;
  cells: Cell[];
  /** A commune's hamlets, numbered 1…n (xóm 1, bản 2, khối 3); 0 for other organisations. */
  hamlets?: number;
}

export interface Cell {
  id: number;
  code: string;
  name: string;
  kind: 'GRASSROOTS_CELL' | 'SUBORDINATE_CELL';
  grassroots: Grassroots;
  type: 'hamlet' | 'unit' | 'agency' | 'grassroots';
  established: string;
  /** Members wanted on 2017-01-01. */
  size: number;
  /** One of the six cells at risk on 2017-01-01. */
  atRisk: boolean;
  /** "Chi bộ xóm 3, Đảng bộ xã Thanh Hòa". */
  body: string;
  /** A hamlet cell's hamlet, by its number in the commune. */
  hamlet?: number;
}

export type Rows = Omit<Dataset, 'name' | 'notice'>;

export function emptyRows(): Rows {
  return {
    organisations: [],
    parentLinks: [],
    members: [],
    placements: [],
    candidates: [],
    candidateEvents: [],
    introductions: [],
    programmes: [],
    quotas: [],
    leaders: [],
    assignments: [],
    visits: [],
  };
}

/** The next id of a table: ids start at 1 and follow the order of insertion. */
export function nextId(rows: readonly unknown[]): number {
  return rows.length + 1;
}

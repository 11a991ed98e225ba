// The datasets the command line and the first start can load, by name: small ones generated whole
// in memory and loaded by load.ts, and the synthetic nation, generated and written as it goes.

import { thanhChuong2017 } from '@ketnap/prisma/datasets/thanh-chuong-2017/index.ts';
import type { Dataset } from '@ketnap/prisma/datasets/types.ts';
import type { RawConnection } from '../db/raw.ts';
import type { CheckReport } from './nation/check.ts';
import type { NationSummary } from './nation/index.ts';
import type { Progress } from './nation/progress.ts';
import { NATION, NOTICE } from './nation/scale.ts';

export const datasets: Record<string, () => Dataset> = {
  'thanh-chuong-2017': thanhChuong2017,
};

/** A dataset too large to hold in memory: it writes itself into the database, `members` member rows. */
export interface StreamedDataset {
  notice: string;
  defaultMembers: number;
  load(conn: RawConnection, options: { members?: number; progress?: Progress }): Promise<NationSummary>;
  /** Its invariants, checked on a sample read back from the database; throws naming the reasons. */
  check(conn: RawConnection): Promise<CheckReport>;
}

// Imported when used: the nation's date tables take a moment to build, which a server start need not pay.
export const streamedDatasets: Record<string, StreamedDataset> = {
  'vietnam-synthetic': {
    notice: NOTICE,
    defaultMembers: NATION.members,
    load: async (conn, options) => (await import('./nation/index.ts')).loadNation(conn, options),
    check: async (conn) => (await import('./nation/check.ts')).assertNation(conn),
  },
};

export const datasetNames = () => [...Object.keys(datasets), ...Object.keys(streamedDatasets)];

export const defaultDataset = 'thanh-chuong-2017';

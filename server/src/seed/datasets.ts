// The datasets the command line and the first start can load, by name.

import { thanhChuong2017 } from '@ketnap/prisma/datasets/thanh-chuong-2017/index.ts';
import type { Dataset } from '@ketnap/prisma/datasets/types.ts';

export const datasets: Record<string, () => Dataset> = {
  'thanh-chuong-2017': thanhChuong2017,
};

export const defaultDataset = 'thanh-chuong-2017';

// The demo dataset thanh-chuong-2017, checked from its rows alone: one test per named check
// (prisma/datasets/thanh-chuong-2017/checks.ts) — determinism, row integrity, the article's
// figures, every candidate's steps as the server's rules judge them, quotas and visits. The API
// suite (public-api.test.ts) asks for the article's figures again through GraphQL.
import { World } from '@ketnap/prisma/datasets/thanh-chuong-2017/check-tools.ts';
import { checks } from '@ketnap/prisma/datasets/thanh-chuong-2017/checks.ts';
import { thanhChuong2017 } from '@ketnap/prisma/datasets/thanh-chuong-2017/index.ts';
import { beforeAll, describe, expect, it } from 'vitest';

/** Problems shown when a check fails: enough to start from, not the whole dataset. */
const SHOWN = 20;

describe('dataset thanh-chuong-2017', () => {
  let world: World;
  beforeAll(() => {
    world = new World(thanhChuong2017());
  });

  // A loop, not it.each: it.each would cut the names short in the report.
  for (const check of checks) {
    it(check.name, () => {
      const problems = check.problems(world);
      expect(problems.slice(0, SHOWN), `${problems.length} problem(s), the first ${SHOWN} shown`).toEqual([]);
    });
  }
});

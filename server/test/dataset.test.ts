// The demo dataset checks itself from its rows alone (determinism, keys, the article's figures,
// the party's rules for every admitted candidate); the API suite checks the same figures again
// through GraphQL.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';

describe('dataset thanh-chuong-2017', () => {
  it('passes its own checks', () => {
    const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
    const output = execFileSync(tsx, ['prisma/datasets/thanh-chuong-2017/check.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(output).toContain('all checks hold');
    expect(output).toContain('"atRiskCommunes": 4');
  });
});

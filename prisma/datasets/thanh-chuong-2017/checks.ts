// Every check of the demo dataset, by name, in the order a reader asks: is it the same on every
// run, are its rows sound, does it give the article's figures, do its candidates follow the rules,
// are its plans consistent, are its hamlets those of Đề án 01. Run by server/test/dataset.test.ts
// (one test each) and by check.ts.
import { articleChecks } from './check-article.ts';
import { candidateChecks } from './check-candidates.ts';
import { hamletChecks } from './check-hamlets.ts';
import { integrityChecks } from './check-integrity.ts';
import { planChecks } from './check-plans.ts';
import { stepChecks } from './check-steps.ts';
import type { Check } from './check-tools.ts';
import { thanhChuong2017 } from './index.ts';

const determinism: Check = {
  name: 'the generator gives the same rows on every run',
  problems: (w) => (JSON.stringify(thanhChuong2017()) === JSON.stringify(w.data) ? [] : ['two runs differ']),
};

export const checks: Check[] = [
  determinism,
  ...integrityChecks,
  ...articleChecks,
  ...stepChecks,
  ...candidateChecks,
  ...planChecks,
  ...hamletChecks,
];

// The widgets' read path: the same persisted GET answered from the response cache against
// computed afresh each time (the cache switched off).
import { createHash } from 'node:crypto';
import { publicReadPath } from '../src/http/public-read.ts';
import { createApp } from '../src/yoga.ts';

const AT_RISK = `query AtRisk($org: String!, $asOf: Date!, $to: Date!) { organisation(code: $org) {
  atRiskCells(asOf: $asOf) { cell { code name parent(asOf: $asOf) { name } } memberCount elderlyCount yearsWithoutAdmission }
  recoveredCells(from: $asOf, to: $to) { cell { code } admitted } } }`;

export function readPathCases() {
  const id = createHash('sha256').update(AT_RISK).digest('hex');
  const manifest = { [id]: AT_RISK };
  const url = `http://bench/graphql?documentId=${id}&variables=${encodeURIComponent(
    JSON.stringify({ org: 'thanh-chuong', asOf: '2017-01-01', to: '2017-07-31' }),
  )}`;
  const cached = createApp({ plugins: publicReadPath({ manifest }).plugins });
  const uncached = createApp({ plugins: publicReadPath({ manifest }).plugins.slice(0, 1) });
  const get = (app: ReturnType<typeof createApp>) => async () => {
    const response = await app.fetch(url);
    if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
    return response.text();
  };
  return { cached: get(cached), uncached: get(uncached) };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { throughput } from './bench/throughput.ts';
import { widgetsDist } from './src/http/static.ts';

const manifest = JSON.parse(readFileSync(resolve(widgetsDist, 'persisted-operations.json'), 'utf8')) as Record<
  string,
  string
>;
const atRiskId = Object.keys(manifest).find((key) => manifest[key]?.includes('query AtRisk'));
const path = `/graphql?documentId=${atRiskId}&variables=${encodeURIComponent(JSON.stringify({ org: 'thanh-chuong', asOf: '2017-01-01', recoveredTo: '2017-07-31', withRecovered: true }))}`;
const r = await throughput('file:/tmp/tp/k.db', path, '/tmp/tp', Number(process.argv[2] ?? 2));
console.log(JSON.stringify(r), (r.oursRps / r.bareRps).toFixed(2), (r.ours304Rps / r.bare304Rps).toFixed(2));

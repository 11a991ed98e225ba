// The widgets' read path over real HTTP: the same persisted GET answered from ready-made bytes
// against computed afresh (the cache emptied before each request), and the cached read's latency
// while one client floods the server with unique uncached queries, with and without the limit.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpHandler } from '../src/http/handler.ts';

const AT_RISK = `query AtRisk($org: String!, $asOf: Date!, $to: Date!) { organisation(code: $org) {
  atRiskCells(asOf: $asOf) { cell { code name parent(asOf: $asOf) { name } } memberCount elderlyCount yearsWithoutAdmission }
  recoveredCells(from: $asOf, to: $to) { cell { code } admitted } } }`;

export interface ReadPath {
  get(): Promise<string>;
  invalidate(): Promise<void>;
  /** Starts `clients` loops of unique uncached POSTs; `counts` grow as they are answered. */
  flood(clients: number): {
    counts: { answered: number; limited: number };
    stop(): Promise<{ answered: number; limited: number }>;
  };
  close(): Promise<void>;
}

export async function readPath(points: number): Promise<ReadPath> {
  const id = createHash('sha256').update(AT_RISK).digest('hex');
  const handler = await createHttpHandler({
    manifest: { [id]: AT_RISK },
    rateLimit: { points, windowSeconds: 60, trustProxy: false },
  });
  const server = createServer(handler.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${base}/graphql?documentId=${id}&variables=${encodeURIComponent(
    JSON.stringify({ org: 'thanh-chuong', asOf: '2017-01-01', to: '2017-07-31' }),
  )}`;
  return {
    get: async () => {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
      return response.text();
    },
    invalidate: () => handler.store.invalidate(),
    flood(clients) {
      let running = true;
      const counts = { answered: 0, limited: 0 };
      let n = 0;
      const loop = async () => {
        while (running) {
          const day = String(1 + (n++ % 28)).padStart(2, '0');
          const year = 1990 + (n % 30);
          const response = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: `{ organisation(code: "thanh-chuong") { atRiskCells(asOf: "${year}-02-${day}") { memberCount } admissionsByMonth(from: "${year}-01-01", to: "${year + 5}-12-31") { count } } }`,
            }),
          });
          await response.arrayBuffer();
          if (response.status === 429) counts.limited++;
          else counts.answered++;
        }
      };
      const loops = Array.from({ length: clients }, loop);
      return {
        counts,
        stop: async () => {
          running = false;
          await Promise.all(loops);
          return counts;
        },
      };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.close();
    },
  };
}

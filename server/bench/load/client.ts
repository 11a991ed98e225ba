// A load generator in a process of its own: keep-alive GETs of one URL from `connections`
// concurrent loops for `seconds`; prints {"requests","statuses"} as JSON when done.
import { Agent, get } from 'node:http';

const [url = '', connectionsText = '32', secondsText = '3', ifNoneMatch = ''] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: Number(connectionsText) });
const until = Date.now() + Number(secondsText) * 1000;
const statuses: Record<number, number> = {};
let requests = 0;

function once(): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
    get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        requests++;
        resolve();
      });
    }).on('error', reject);
  });
}

async function loop() {
  while (Date.now() < until) await once();
}

await Promise.all(Array.from({ length: Number(connectionsText) }, loop));
agent.destroy();
process.stdout.write(JSON.stringify({ requests, statuses }));

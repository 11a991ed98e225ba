// The yardstick: a bare node:http server that sends fixed bytes and headers (those ketnap sent
// for the same request), answering 304 with the headers ketnap's 304 had when If-None-Match names
// its ETag. Prints its port.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const { headers, notModified, body } = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as {
  headers: Record<string, string>;
  notModified: Record<string, string>;
  body: string;
};
const bytes = Buffer.from(body, 'base64');
const server = createServer((req, res) => {
  if (req.headers['if-none-match'] === headers.etag) {
    res.writeHead(304, notModified);
    return void res.end();
  }
  res.writeHead(200, headers);
  res.end(bytes);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));

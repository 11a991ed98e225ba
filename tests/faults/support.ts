// What the fault tests do to a running instance: a widget's public read (a persisted operation,
// anonymous GET) and an admin's write (a mutation with a token).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../widgets/dist/persisted-operations.json', import.meta.url)), 'utf8'),
) as Record<string, string>;

/** The Progress widget's operation: it reads an organisation's admission count in a period. */
const progressId = Object.keys(manifest).find((id) => manifest[id]?.startsWith('query Progress('));
if (!progressId) throw new Error('no Progress operation in widgets/dist/persisted-operations.json');

/** The demo organisation's admissions in the demo period: 252 before any write. */
export const PERIOD = { org: 'thanh-chuong', from: '2017-01-01', to: '2017-07-31' };

export interface Read {
  status: number;
  cacheControl: string;
  /** x-ketnap-cache: hit or miss (absent on answers that are not kept). */
  cache: string | null;
  /** The admission count, or null when the answer has errors or no data. */
  admissions: number | null;
  hasErrors: boolean;
  body: string;
}

/**
 * The Progress widget's read of PERIOD. With `spelling` the same variables are written with
 * different white space, so the read misses every cache and reaches the database.
 */
export async function widgetRead(base: string, spelling?: number): Promise<Read> {
  let variables = JSON.stringify(PERIOD);
  if (spelling !== undefined) {
    // Each decimal digit of `spelling` is the number of spaces at one of seven places.
    const digits = String(spelling % 10_000_000).padStart(7, '0');
    let place = 0;
    const spaces = () => ' '.repeat(Number(digits[place++]));
    variables = variables.replace(/[{:,]|}$/g, (c) => (c === '}' ? spaces() + c : c + spaces()));
  }
  const response = await fetch(`${base}/graphql?documentId=${progressId}&variables=${encodeURIComponent(variables)}`, {
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  let parsed: { data?: { organisation?: { admissionCount?: number } }; errors?: unknown[] } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: counted as an answer with errors
  }
  const hasErrors = !parsed.data || (Array.isArray(parsed.errors) && parsed.errors.length > 0);
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control') ?? '',
    cache: response.headers.get('x-ketnap-cache'),
    admissions: hasErrors ? null : (parsed.data?.organisation?.admissionCount ?? null),
    hasErrors,
    body,
  };
}

/** A mutation as an admin: the parsed answer. */
export async function mutate(
  base: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: Record<string, { __typename: string } | null>; errors?: unknown[] }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<{ data?: Record<string, { __typename: string } | null>; errors?: unknown[] }>;
}

export const RECORD_MEMBER = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }`;
export const TRANSFER_MEMBER = `mutation($input: TransferMemberInput!) { transferMember(input: $input) { __typename } }`;

/** A new member admitted in PERIOD (so the Progress figure goes up by one). */
export function newMember(name: string, cellCode = 'thanh-hoa-xom-3') {
  return {
    input: {
      fullName: name,
      birthDate: '1990-05-05',
      admittedOn: '2017-03-15',
      placements: [{ cellCode, startOn: '2017-03-15' }],
    },
  };
}

/** A member's global ID, as the API takes it. */
export const memberGlobalId = (id: number) => Buffer.from(`Member:${id}`).toString('base64');

/** /readyz: its status code and body. */
export async function readyz(base: string): Promise<{ code: number; status: string; database: string; redis: string }> {
  const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) });
  return { code: response.status, ...((await response.json()) as { status: string; database: string; redis: string }) };
}

/** One request of a loop: what was asked, when, and what came back (or why nothing did). */
export interface Sample<T> {
  base: string;
  /** The request's number, passed to `request`. */
  n: number;
  startedAt: number;
  result?: T;
  failure?: string;
}

/**
 * Runs `request` against every base URL with `workers` concurrent loops each, until stop():
 * which resolves with every sample taken. A request that throws is recorded as a failure.
 */
export function loop<T>(bases: string[], workers: number, request: (base: string, n: number) => Promise<T>) {
  const samples: Sample<T>[] = [];
  let running = true;
  let n = 0;
  const worker = async (base: string) => {
    while (running) {
      const sample: Sample<T> = { base, n: n++, startedAt: Date.now() };
      try {
        sample.result = await request(base, sample.n);
      } catch (error) {
        sample.failure = String(error);
        await new Promise((ok) => setTimeout(ok, 20));
      }
      samples.push(sample);
    }
  };
  const done = Promise.all(bases.flatMap((base) => Array.from({ length: workers }, () => worker(base))));
  return {
    samples,
    stop: async () => {
      running = false;
      await done;
      return samples;
    },
  };
}

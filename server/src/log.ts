// One-line JSON logs on stderr, through pino. Never personal data: requests are logged by route
// and operation name, never by variables or headers, and the fields that could carry personal
// data are redacted wherever they appear (a test checks it). KETNAP_LOG sets the least severe
// level written; `silent` writes nothing.
import pino from 'pino';

type Fields = Record<string, unknown>;

/** Field names that may hold personal data or secrets: always written as "[redacted]". */
export const REDACTED = [
  'variables',
  'authorization',
  'fullName',
  'birthDate',
  'personalHistory',
  'citizenId',
  'partyCardNumber',
  'ethnicity',
  'religion',
  'education',
  'secret',
  'token',
];

/** stderr, buffered: a request's log line never waits for the pipe (flushed at exit). */
const stderr = pino.destination({ fd: 2, sync: false });

/** Writes out what the buffer holds (before the process exits). */
export function flushLogs(): void {
  writePending();
  try {
    stderr.flushSync();
  } catch {
    // Nothing buffered yet, or stderr already closed.
  }
}

export function createLogger(destination: pino.DestinationStream = stderr, level = process.env.KETNAP_LOG || 'info') {
  return pino(
    {
      level,
      base: null,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED, ...REDACTED.map((name) => `*.${name}`)], censor: '[redacted]' },
    },
    destination,
  );
}

/** Request lines of one turn of the event loop, written together (one write for many requests). */
let pending = '';
let scheduled = false;
function writePending() {
  scheduled = false;
  const lines = pending;
  pending = '';
  if (lines) stderr.write(lines);
}

let logger: pino.Logger | undefined;
const current = () => (logger ??= createLogger());

/** One request's line: fixed fields only (never variables or headers), so written without pino. */
export interface RequestLine {
  method: string | undefined;
  route: string;
  operation: string | undefined;
  status: number;
  durationMs: number;
  cache: string;
}

export const log = {
  /**
   * The access log: the same JSON line pino writes, built by hand. Its fields are fixed and carry
   * no personal data, so the redaction pass (a fifth of a cached answer's cost) is skipped.
   */
  request(line: RequestLine) {
    const logger = current();
    if (!logger.isLevelEnabled('info')) return;
    const operation = line.operation === undefined ? '' : `"operation":${JSON.stringify(line.operation)},`;
    pending += `{"level":"info","time":"${new Date().toISOString()}","method":${JSON.stringify(line.method ?? '')},"route":${JSON.stringify(line.route)},${operation}"status":${line.status},"durationMs":${line.durationMs},"cache":${JSON.stringify(line.cache)},"message":"request"}\n`;
    if (!scheduled) {
      scheduled = true;
      setImmediate(writePending);
    }
  },
  info: (message: string, fields?: Fields) => current().info(fields ?? {}, message),
  warn: (message: string, fields?: Fields) => current().warn(fields ?? {}, message),
  error: (message: string, fields?: Fields) => current().error(fields ?? {}, message),
};

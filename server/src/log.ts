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
  'secret',
  'token',
];

/** stderr, buffered: a request's log line never waits for the pipe (flushed at exit). */
const stderr = pino.destination({ fd: 2, sync: false });

/** Writes out what the buffer holds (before the process exits). */
export function flushLogs(): void {
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

let logger: pino.Logger | undefined;
const current = () => (logger ??= createLogger());

export const log = {
  info: (message: string, fields?: Fields) => current().info(fields ?? {}, message),
  warn: (message: string, fields?: Fields) => current().warn(fields ?? {}, message),
  error: (message: string, fields?: Fields) => current().error(fields ?? {}, message),
};

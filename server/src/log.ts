// One-line JSON logs on stderr. Never log personal data: ids and counts only.
type Fields = Record<string, unknown>;

function write(level: string, message: string, fields: Fields = {}) {
  if (process.env.KETNAP_LOG === 'silent') return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};

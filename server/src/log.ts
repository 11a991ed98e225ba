// One-line JSON logs on stderr. Never log personal data: ids and counts only.
type Fields = Record<string, unknown>;

const SEVERITY: Record<string, number> = { error: 3, warn: 2, info: 1 };
/** KETNAP_LOG: the least severe level written (`silent` writes nothing). */
const threshold = () => ({ silent: 99, error: 3, warn: 2, info: 1 })[process.env.KETNAP_LOG ?? 'info'] ?? 1;

function write(level: string, message: string, fields: Fields = {}) {
  if ((SEVERITY[level] ?? 1) < threshold()) return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};

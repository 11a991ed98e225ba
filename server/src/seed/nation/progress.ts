// A progress report for long loads, on stderr: one line redrawn in place on a terminal, plain
// lines now and then (every 10% or 15 seconds, and at each phase) when stderr is a file or a pipe.

export interface Progress {
  /** A step that does not count towards the total (building the tree, the closure, …). */
  phase(name: string): void;
  /** A finer label within a phase (the province being made): shown at the next redraw, never a line of its own. */
  detail(name: string): void;
  /** `n` more units of the total done. */
  advance(n: number): void;
  done(message: string): void;
}

export const silentProgress: Progress = { phase() {}, detail() {}, advance() {}, done() {} };

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

export function progressBar(
  stream: Stream,
  total: number,
  options: { label: string; unit: string; now?: () => number },
): Progress {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const started = now();
  let done = 0;
  let phase = '';
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastTenth = -1;
  const line = () => {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const elapsed = now() - started;
    const left = share > 0.01 ? (elapsed * (1 - share)) / share : null;
    const figures = `${(share * 100).toFixed(1).padStart(5)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${options.unit}`;
    const times = `${clock(elapsed)}${tty ? '' : ' elapsed'}${left === null ? '' : `, ~${clock(left)} left`}`;
    if (!tty) return `${options.label}: ${figures}, ${times}${phase ? ` (${phase})` : ''}`;
    const width = Math.max(10, Math.min(30, (stream.columns ?? 100) - 90));
    const filled = Math.round(share * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    return `${options.label} ${bar} ${figures}  ${times}${phase ? `  ${phase}` : ''}`;
  };
  const draw = (force: boolean) => {
    const t = now();
    if (tty) {
      if (!force && t - lastDraw < 100) return;
      const text = line();
      const max = (stream.columns ?? 200) - 1;
      stream.write(`\r\x1b[2K${text.length > max ? text.slice(0, max) : text}`);
    } else {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 0;
      if (!force && tenth === lastTenth && t - lastDraw < 15_000) return;
      lastTenth = tenth;
      stream.write(`${line()}\n`);
    }
    lastDraw = t;
  };
  return {
    phase(name) {
      phase = name;
      draw(true);
    },
    detail(name) {
      phase = name;
      draw(false);
    },
    advance(n) {
      done += n;
      draw(false);
    },
    done(message) {
      phase = '';
      if (tty) {
        draw(true);
        stream.write('\n');
      }
      stream.write(`${options.label}: ${message} in ${clock(now() - started)}\n`);
    },
  };
}

// What happens after a write commits: listeners (the HTTP layer's public cache) subscribe here,
// so that the domain never imports the HTTP layer. A listener's failure is logged, never thrown:
// a committed write is never reported as failed.
import { log } from '../log.ts';

/** What a committed write touched. */
export interface Committed {
  /** When the transaction committed. */
  at: Date;
  /**
   * The codes of the organisations whose figures the write may have changed (ancestors included);
   * undefined when it cannot say, and then every answer is to be taken as changed.
   */
  scopes?: string[] | undefined;
}

type Listener = (event: Committed) => Promise<void> | void;

const listeners = new Set<Listener>();

/** Subscribes to committed writes; returns the unsubscribe function. */
export function onCommitted(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Runs every listener; each gets at most `waitMs` before the write's answer goes out. */
export async function notifyCommitted(event: Committed, waitMs = 1_000): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await Promise.race([listener(event), new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
      } catch (error) {
        log.error('after-commit listener failed; the write stays committed', { error: String(error) });
      }
    }),
  );
}

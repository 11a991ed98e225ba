// Fetches one persisted operation for its host element, but only once the element comes near
// the viewport (a long article should not fire every widget's request on load) or the page is
// about to be printed, and again whenever the variables change. Never throws: failures become
// the "error" state.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PersistedOperation } from '../operations/generated.ts';
import { request } from './api.ts';
import { warn } from './attributes.ts';

/** "unknown": the API answered, and no organisation has the code asked for (an author's mistake). */
export type FetchState = 'idle' | 'loading' | 'ready' | 'empty' | 'unknown' | 'error';

type Host = ReactiveControllerHost & HTMLElement;

// Printing lays out the whole page at once, below the fold included: every element still waiting
// for the viewport starts loading on `beforeprint` (the reader prints) or when the print media
// query starts to match (print preview, emulation).
const printing = matchMedia('print');
const waiting = new Set<() => void>();
const wakeAll = () => {
  for (const wake of waiting) wake();
};
addEventListener('beforeprint', wakeAll);
printing.addEventListener('change', wakeAll);

export class FetchController<R extends { organisation: unknown }, V extends object> implements ReactiveController {
  state: FetchState = 'idle';
  data: R | undefined;
  /** When the figures were served (an HTTP date), when the browser lets the page know (see `request`). */
  at: string | null = null;
  private near = typeof IntersectionObserver === 'undefined' || printing.matches;
  private observer: IntersectionObserver | undefined;
  private abort: AbortController | undefined;
  private key = '';

  constructor(
    private host: Host,
    private op: PersistedOperation<R, V>,
    /** The request's api and variables, or false while an attribute is missing or wrong. */
    private input: () => { api: string; variables: V } | false,
    private isEmpty: (data: R) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.near) {
      this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.wake(), {
        rootMargin: '200px',
      });
      this.observer.observe(this.host);
      waiting.add(this.wake);
    }
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.sleep();
    if (this.state === 'loading') this.key = ''; // refetch on reconnection
    this.abort?.abort();
  }

  private wake = (): void => {
    this.near = true;
    this.sleep();
    this.host.requestUpdate();
  };

  /** Stops waiting for the viewport or for printing. */
  private sleep(): void {
    this.observer?.disconnect();
    waiting.delete(this.wake);
  }

  /** Runs before each render: starts a request when the element is near and its input changed. */
  hostUpdate(): void {
    if (!this.near) return;
    const input = this.input();
    const key = JSON.stringify(input);
    if (key === this.key) return;
    this.key = key;
    this.abort?.abort();
    this.state = input ? 'loading' : 'idle';
    if (input) void this.run(input.api, input.variables);
  }

  retry = (): void => {
    this.key = '';
    this.host.requestUpdate();
  };

  private async run(api: string, variables: V): Promise<void> {
    const abort = (this.abort = new AbortController());
    try {
      const [data, at] = await request(api, this.op, variables, abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      this.at = at;
      this.state = !data.organisation ? 'unknown' : this.isEmpty(data) ? 'empty' : 'ready';
      if (!data.organisation)
        warn(this.host.localName, ['org', (variables as { org?: string }).org, 'names no organisation']);
    } catch {
      if (abort.signal.aborted) return;
      this.state = 'error';
    }
    this.host.requestUpdate();
  }
}

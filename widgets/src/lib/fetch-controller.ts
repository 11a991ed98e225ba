// Fetches one persisted operation for its host element, but only once the element comes near
// the viewport (a long article should not fire every widget's request on load), and again
// whenever the variables change. Never throws: failures become the "error" state.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PersistedOperation } from '../operations/generated.ts';
import { request } from './api.ts';

export type FetchState = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

type Host = ReactiveControllerHost & HTMLElement;

export class FetchController<R, V extends object> implements ReactiveController {
  state: FetchState = 'idle';
  data: R | undefined;
  private near = typeof IntersectionObserver === 'undefined';
  private observer: IntersectionObserver | undefined;
  private abort: AbortController | undefined;
  private key = '';

  constructor(
    private host: Host,
    private op: PersistedOperation<R, V>,
    /** The request's api and variables, or undefined while a required attribute is missing. */
    private input: () => { api: string; variables: V } | undefined,
    private isEmpty: (data: R) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) {
      this.host.requestUpdate();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.near = true;
        this.observer?.disconnect();
        this.host.requestUpdate();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    if (this.state === 'loading') this.key = ''; // refetch on reconnection
    this.abort?.abort();
  }

  /** Runs before each render: starts a request when the element is near and its input changed. */
  hostUpdate(): void {
    if (!this.near) return;
    const input = this.input();
    const key = JSON.stringify(input ?? null);
    if (key === this.key) return;
    this.key = key;
    this.abort?.abort();
    if (!input) {
      this.state = 'empty';
      return;
    }
    this.state = 'loading';
    void this.run(input.api, input.variables);
  }

  retry = (): void => {
    this.key = '';
    this.host.requestUpdate();
  };

  private async run(api: string, variables: V): Promise<void> {
    const abort = (this.abort = new AbortController());
    try {
      const data = await request(api, this.op, variables, abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      this.state = this.isEmpty(data) ? 'empty' : 'ready';
    } catch {
      if (abort.signal.aborted) return;
      this.state = 'error';
    }
    this.host.requestUpdate();
  }
}

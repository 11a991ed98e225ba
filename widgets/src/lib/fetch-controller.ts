// Fetches one persisted operation for its host element, or the snapshot it names, but only once
// the element comes near the viewport (a long article should not fire every widget's request on
// load) or the page is about to be printed, and again whenever the input changes. Never throws:
// failures become the "error" state.
import type { PersistedOperation } from '../operations/generated.ts';
import { operationUrl } from './api.ts';
import { warn } from './attributes.ts';
import type { Controller, ReactiveBase } from './reactive.ts';

/**
 * "unknown": the API answered, and no organisation has the code asked for, or no snapshot of this
 * element the id (an author's mistake).
 */
export type FetchState = 'idle' | 'loading' | 'ready' | 'empty' | 'unknown' | 'error';

/** What to fetch: the operation's variables, or a snapshot (/snapshots/<id>, server/src/embed/snapshots.ts). */
export interface Input<V> {
  api: string;
  variables?: V;
  snapshot?: string;
}

/** A snapshot's document: its element, attributes and day, and the operation's answer as it was. */
interface Frozen<R> {
  data: R;
  snapshot?: { element: string; attributes: object; figuresOn: string };
}

type Host = ReactiveBase;

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

export class FetchController<R extends { organisation: unknown }, V extends object> implements Controller {
  state: FetchState = 'idle';
  declare data: R | undefined;
  /** When the figures were served (an HTTP date), when the browser lets the page know (see `_run`). */
  at: string | null = null;
  /** A snapshot's day: its figures are those of that day. */
  declare frozen: string | undefined;
  private _near = typeof IntersectionObserver === 'undefined' || printing.matches;
  private declare _observer: IntersectionObserver | undefined;
  private declare _abort: AbortController | undefined;
  private _key = '';

  constructor(
    private _host: Host,
    private _op: PersistedOperation<R, V>,
    /** What to fetch, or false while an attribute is missing or wrong. */
    private _input: () => Input<V> | false,
    private _isEmpty: (data: R) => boolean,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (!this._near) {
      this._observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this._wake(), {
        rootMargin: '200px',
      });
      this._observer.observe(this._host);
      waiting.add(this._wake);
    }
    this._host.requestUpdate();
  }

  hostDisconnected(): void {
    this._sleep();
    if (this.state === 'loading') this._key = ''; // refetch on reconnection
    this._abort?.abort();
  }

  private _wake = (): void => {
    this._near = true;
    this._sleep();
    this._host.requestUpdate();
  };

  /** Stops waiting for the viewport or for printing. */
  private _sleep(): void {
    this._observer?.disconnect();
    waiting.delete(this._wake);
  }

  /** Runs before each render: starts a request when the element is near and its input changed. */
  hostUpdate(): void {
    if (!this._near) return;
    const input = this._input();
    const key = JSON.stringify(input);
    if (key === this._key) return;
    this._key = key;
    this._abort?.abort();
    this.state = input ? 'loading' : 'idle';
    if (input) void this._run(input);
  }

  retry = (): void => {
    this._key = '';
    this._host.requestUpdate();
  };

  /**
   * Public answers are dropped on every write, so the figures served at a moment were current then:
   * the time is `Last-Modified` (readable from any origin, not sent today) or `Date` (readable only
   * on the API's own origin, which does not expose it), so on a newsroom's page there is no time.
   */
  private async _run({ api, variables, snapshot }: Input<V>): Promise<void> {
    const abort = (this._abort = new AbortController());
    const tag = this._host.localName;
    try {
      const res = await fetch(
        snapshot ? `${api.replace(/\/+$/, '')}/snapshots/${snapshot}` : operationUrl(api, this._op.id, variables!),
        { credentials: 'omit', signal: abort.signal },
      );
      const body = (res.ok ? await res.json() : {}) as Frozen<R> & { errors?: unknown[] };
      if (abort.signal.aborted) return;
      const frozen = body.snapshot;
      if (snapshot && (res.status === 404 || (frozen && `ketnap-${frozen.element}` !== tag))) {
        this.state = 'unknown';
        warn(tag, ['snapshot', snapshot, `names no snapshot of <${tag}>`]);
      } else {
        if (!res.ok || body.errors || !body.data) throw new Error(`HTTP ${res.status}`);
        const { data } = body;
        Object.assign(this._host, frozen?.attributes); // a snapshot's own org and dates
        this.data = data;
        this.at = res.headers.get('last-modified') ?? res.headers.get('date');
        this.frozen = frozen?.figuresOn;
        this.state = !data.organisation ? 'unknown' : this._isEmpty(data) ? 'empty' : 'ready';
        if (!data.organisation)
          warn(tag, ['org', (variables as { org?: string } | undefined)?.org, 'names no organisation']);
      }
    } catch {
      if (abort.signal.aborted) return;
      this.state = 'error';
    }
    this._host.requestUpdate();
  }
}

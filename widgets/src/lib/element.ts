// The base every ketnap element extends: the common attributes (org, api, lang, theme, source,
// hide-source, snapshot) and their checks, the fetch, the states that are not data (loading, error,
// empty, an author's mistake) and the source line, all at one reserved height so that the host page
// does not jump when the figures arrive. With `snapshot`, the figures frozen at publication are
// shown, with their own attributes, and the source line says the day they were frozen.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { scriptOrigin } from './api.ts';
import { type DateAttribute, dateMistakes, type Mistake, warn } from './attributes.ts';
import { loadEnglish } from './english.ts';
import type { FetchController, Input } from './fetch-controller.ts';
import { formatDate, formatTime } from './format.ts';
import { type Lang, langOf, type Messages, vi } from './i18n.ts';
import { type Properties, ReactiveBase } from './reactive.ts';
import { baseStyles } from './styles.ts';

/** The words of each language loaded: Vietnamese always; English once a page asks for it. */
const words: Partial<Record<Lang, Messages>> = { vi };
let english: Promise<void> | undefined;

export abstract class KetnapElement<R extends { organisation: unknown }, V extends object> extends ReactiveBase {
  static override properties: Properties = {
    org: {},
    api: {},
    lang: {},
    theme: {},
    source: {},
    hideSource: { attribute: 'hide-source', type: Boolean }, // reflected, as every Boolean (see reactive.ts)
    snapshot: {},
  };
  static override styles = [baseStyles];

  /** The organisation's public code, e.g. "thanh-chuong". */
  declare org: string | null;
  /** The API's origin; defaults to the origin the script was loaded from. */
  declare api: string | null;
  /** "vi" (default) or "en". */
  declare lang: string;
  /** "auto" (default: as the reader's system is set), "light" or "dark". */
  declare theme: string | null;
  /** Who the figures come from, named in the source line; "ketnap" by default. */
  declare source: string | null;
  /** Leaves the source line out. */
  declare hideSource: boolean;
  /** The id of figures frozen at publication (the freezeWidget mutation): shown instead of live ones. */
  declare snapshot: string | null;

  /** Offers the figures as a CSV file ("Tải số liệu") in the source line: the server's /embed/<element>.csv. */
  protected offersCsv = false;
  /** What is wrong with the attributes, found before each update. */
  protected mistakes: Mistake[] = [];
  /** The mistakes last said in the console, so that each is said once. */
  private _said = '';

  protected abstract fetcher: FetchController<R, V>;
  protected abstract renderData(data: R): TemplateResult;
  /** The element's dates, in the order of its period, each `[attr, value, required]`. */
  protected abstract dates(): DateAttribute[];

  protected get language(): Lang {
    return langOf(this.lang);
  }

  /** The words of the element's language (Vietnamese until English has arrived: see render). */
  protected get t(): Messages {
    return words[this.language] ?? vi;
  }

  /** The request: api, variables and snapshot; false while an attribute is wrong: nothing is sent. */
  protected input(variables: V): Input<V> | false {
    const api = this.api || scriptOrigin;
    return !this.mistakes.length && (this.snapshot ? { api, snapshot: this.snapshot } : { api, variables });
  }

  /** What is wrong with the attributes: a snapshot brings its own org and dates. */
  protected check(): Mistake[] {
    const { org, theme, snapshot } = this;
    const mistakes: Mistake[] = snapshot
      ? /^[\w-]{12}$/.test(snapshot)
        ? []
        : [['snapshot', snapshot, 'must be a snapshot id (12 letters, digits, - or _)']]
      : [...(org ? [] : [['org', org, 'is required'] as Mistake]), ...dateMistakes(this.dates())];
    if (theme && !/^(auto|light|dark)$/.test(theme)) mistakes.push(['theme', theme, 'must be light, dark or auto']);
    return mistakes;
  }

  // Runs before the fetch controller's hostUpdate, so that a wrong attribute sends no request.
  protected override willUpdate(): void {
    const mistakes = (this.mistakes = this.check());
    const said = JSON.stringify(mistakes);
    if (said !== this._said) for (const m of mistakes) warn(this.localName, m);
    this._said = said;
  }

  /** The figures' CSV: the same attributes (or snapshot) as the element, at the API's /embed/<element>.csv. */
  private _csvUrl(): string {
    const params = new URLSearchParams();
    if (this.snapshot) params.set('snapshot', this.snapshot);
    else {
      params.set('org', this.org!);
      for (const [attr, value] of this.dates()) if (value) params.set(attr, value);
    }
    if (this.language === 'en') params.set('lang', 'en');
    const api = (this.api || scriptOrigin).replace(/\/+$/, '');
    return `${api}/embed/${this.localName.replace(/^ketnap-/, '')}.csv?${params}`;
  }

  private _skeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton">
      <span class="sr-only">${this.t.loading}</span><i></i><i></i><i></i>
    </div>`;
  }

  override render(): TemplateResult {
    const { state, data, retry, at, frozen } = this.fetcher;
    const { t, language: lang } = this;
    // English is fetched on first use; until it is there the element stays in its loading state
    // (and if it cannot be fetched, the figures come in Vietnamese rather than never).
    const speechless = !words[lang];
    if (speechless)
      (english ??= loadEnglish().then(
        (en) => void (words.en = en),
        () => void (words.en = vi),
      )).then(() => this.requestUpdate());
    const [mistake] = speechless ? [] : this.mistakes;
    const known = !speechless && (state === 'ready' || state === 'empty');
    let body: TemplateResult;
    if (speechless) body = this._skeleton();
    else if (mistake || state === 'unknown') {
      body = html`<p part="invalid" class="state invalid" role="status">${
        mistake
          ? t.invalid(mistake[0], mistake[1])
          : this.snapshot
            ? t.unknownSnapshot(this.snapshot)
            : t.unknownOrg(this.org!)
      }</p>`;
    } else if (state === 'ready') body = this.renderData(data!);
    else if (state === 'error') {
      body = html`<div part="error" class="state" role="status">
        <p>${t.error}</p><button part="retry" type="button" @click=${retry}>${t.retry}</button>
      </div>`;
    } else if (state === 'empty') body = html`<p part="empty" class="state" role="status">${t.empty}</p>`;
    else body = this._skeleton();
    return html`<div part="base" class="base ${this.theme || 'auto'}" lang=${lang}
      aria-busy=${speechless || (!mistake && (state === 'idle' || state === 'loading'))}>${body}${
        known && !mistake && !this.hideSource
          ? html`<p class="source"><span part="source">${
              frozen
                ? t.frozen(this.source || 'ketnap', formatDate(lang, frozen))
                : t.source(this.source || 'ketnap', formatTime(lang, at))
            }</span>${
              this.offersCsv
                ? html`<span class="download"> · <a part="download" href=${this._csvUrl()} download>${t.download}</a></span>`
                : nothing
            }</p>`
          : nothing
      }</div>`;
  }
}

// The base every ketnap element extends: the common attributes (org, api, lang, theme, source,
// hide-source) and their checks, the fetch, the states that are not data (loading, error, empty,
// an author's mistake) and the source line, all at one reserved height so that the host page
// does not jump when the figures arrive.
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { scriptOrigin } from './api.ts';
import { type Mistake, warn } from './attributes.ts';
import type { FetchController } from './fetch-controller.ts';
import { formatTime } from './format.ts';
import { type Lang, langOf, type Messages, messages } from './i18n.ts';
import { baseStyles } from './styles.ts';

export abstract class KetnapElement<R extends { organisation: unknown }, V extends object> extends LitElement {
  static override properties: PropertyDeclarations = {
    org: {},
    api: {},
    lang: {},
    theme: {},
    source: {},
    hideSource: { attribute: 'hide-source', type: Boolean, reflect: true },
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

  /** What is wrong with the attributes, found before each update. */
  protected mistakes: Mistake[] = [];
  /** The mistakes last said in the console, so that each is said once. */
  private said = '';

  protected abstract fetcher: FetchController<R, V>;
  protected abstract renderData(data: R): TemplateResult;

  protected get language(): Lang {
    return langOf(this.lang);
  }

  protected get t(): Messages {
    return messages(this.language);
  }

  /** The request's api and variables, or false while an attribute is wrong: nothing is sent. */
  protected input(variables: V): { api: string; variables: V } | false {
    return !this.mistakes.length && { api: this.api || scriptOrigin, variables };
  }

  /** What is wrong with the common attributes; each element adds its own. */
  protected check(): Mistake[] {
    const { org, theme } = this;
    const mistakes: Mistake[] = org ? [] : [['org', org, 'is required']];
    if (theme && !/^(auto|light|dark)$/.test(theme)) mistakes.push(['theme', theme, 'must be light, dark or auto']);
    return mistakes;
  }

  // Runs before the fetch controller's hostUpdate, so that a wrong attribute sends no request.
  protected override willUpdate(): void {
    const mistakes = (this.mistakes = this.check());
    const said = JSON.stringify(mistakes);
    if (said !== this.said) for (const m of mistakes) warn(this.localName, m);
    this.said = said;
  }

  override render(): TemplateResult {
    const { state, data, retry, at } = this.fetcher;
    const { t, language: lang } = this;
    const [mistake] = this.mistakes;
    const known = state === 'ready' || state === 'empty';
    let body: TemplateResult;
    if (mistake || state === 'unknown') {
      body = html`<p part="invalid" class="state invalid" role="status">${mistake ? t.invalid(mistake[0], mistake[1]) : t.unknownOrg(this.org!)}</p>`;
    } else if (state === 'ready') body = this.renderData(data!);
    else if (state === 'error') {
      body = html`<div part="error" class="state" role="status">
        <p>${t.error}</p><button part="retry" type="button" @click=${retry}>${t.retry}</button>
      </div>`;
    } else if (state === 'empty') body = html`<p part="empty" class="state" role="status">${t.empty}</p>`;
    else {
      body = html`<div part="skeleton" class="skeleton">
        <span class="sr-only">${t.loading}</span><i></i><i></i><i></i>
      </div>`;
    }
    return html`<div part="base" class="base ${this.theme || 'auto'}" lang=${lang}
      aria-busy=${!mistake && (state === 'idle' || state === 'loading')}>${body}${
        known && !mistake && !this.hideSource
          ? html`<p part="source" class="source">${t.source(this.source || 'ketnap', formatTime(lang, at))}</p>`
          : nothing
      }</div>`;
  }
}

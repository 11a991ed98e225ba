// The base every ketnap element extends: the common attributes (org, api, lang), the fetch
// and the three states that are not data (loading, error, empty), rendered at a fixed height
// so the host page does not jump when the figures arrive.
import { html, LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { scriptOrigin } from './api.ts';
import type { FetchController } from './fetch-controller.ts';
import { type Lang, langOf, type Messages, messages } from './i18n.ts';
import { baseStyles } from './styles.ts';

export abstract class KetnapElement<R, V extends object> extends LitElement {
  static override properties: PropertyDeclarations = { org: {}, api: {}, lang: {} };
  static override styles = [baseStyles];

  /** The organisation's public code, e.g. "thanh-chuong". */
  declare org: string | null;
  /** The API's origin; defaults to the origin the script was loaded from. */
  declare api: string | null;
  /** "vi" (default) or "en". */
  declare lang: string;

  protected abstract fetcher: FetchController<R, V>;
  protected abstract renderData(data: R): TemplateResult;

  protected get language(): Lang {
    return langOf(this.lang);
  }

  protected get t(): Messages {
    return messages(this.language);
  }

  protected get apiBase(): string {
    return this.api || scriptOrigin;
  }

  override render(): TemplateResult {
    const { state, data, retry } = this.fetcher;
    const t = this.t;
    let body: TemplateResult;
    if (state === 'ready' && data) body = this.renderData(data);
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
    const busy = state === 'idle' || state === 'loading';
    return html`<div part="base" class="base" lang=${this.language} aria-busy=${busy}>${body}</div>`;
  }
}

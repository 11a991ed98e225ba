import { html, nothing } from 'lit/html.js';
import { type DateAttribute, maxItemsMistakes } from '../../lib/attributes.ts';
import { KetnapElement } from '../../lib/element.ts';
import { FetchController } from '../../lib/fetch-controller.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { AtRisk, type AtRiskResult, type AtRiskVariables } from '../../operations/generated.ts';
import { atRiskStyles } from './at-risk.styles.ts';

/**
 * The cells at risk of disappearing (nguy cơ không còn chi bộ) on a date, each with the
 * figures behind the verdict and its commune; with `recovered-to`, those that have admitted
 * new members since, and how many.
 *
 * @tag ketnap-at-risk
 * @summary Cells at risk on a date, and which of them recovered.
 *
 * @attr org - The organisation's public code, e.g. `thanh-chuong`.
 * @attr as-of - The day of the assessment, `YYYY-MM-DD`.
 * @attr recovered-to - Optional last day, `YYYY-MM-DD`: mark the cells that admitted someone from `as-of` to it.
 * @attr max-items - How many cells the list shows, 1 to 99; 6 by default (the article's six). The rest are
 *   counted in a last line ("và 3 đơn vị khác"), and the element's height is reserved for this many before the figures arrive.
 * @attr api - Origin of the ketnap API; defaults to the origin the script was loaded from.
 * @attr lang - `vi` (default) or `en`.
 * @attr theme - `auto` (default: light or dark as the reader's system is set), `light` or `dark` (whatever the system says).
 * @attr source - Who the figures come from, in the source line ("Nguồn: … · cập nhật …"); `ketnap` by default.
 * @attr hide-source - Boolean: leaves the source line out.
 * @attr snapshot - The id of figures frozen at publication (the `freezeWidget` mutation): shown for ever instead of the live
 *   ones, with their own org and dates, and "số liệu đến ngày …" (figures as of) in the source line.
 *
 * @csspart base - The card around everything.
 * @csspart summary - The count of cells and communes.
 * @csspart list - The list of cells.
 * @csspart item - One cell.
 * @csspart recovered - The note on a cell that admitted new members.
 * @csspart more - The line counting the cells beyond `max-items`.
 * @csspart skeleton - The loading skeleton, the size of the figure to come.
 * @csspart error - The error message.
 * @csspart retry - The error message's button.
 * @csspart empty - The message shown when there is nothing to show.
 * @csspart source - The source line: who the figures come from and, when the browser may read it, when they were served.
 * @csspart download - The "Tải số liệu" link in the source line: the figures as a CSV file (/embed/<element>.csv).
 * @csspart invalid - An author's mistake: a wrong or missing attribute, or an unknown organisation (also named in the console).
 *
 * @cssprop --ketnap-color-accent - Marks a cell at risk.
 * @cssprop --ketnap-color-good - Marks a recovered cell.
 * @cssprop --ketnap-color-text - Text.
 * @cssprop --ketnap-color-muted - Secondary text.
 * @cssprop --ketnap-color-background - The card.
 * @cssprop --ketnap-color-border - The card's border.
 * @cssprop --ketnap-font-family - Font.
 * @cssprop --ketnap-radius - Corners.
 * @cssprop --ketnap-padding - Padding.
 */
export class KetnapAtRisk extends KetnapElement<AtRiskResult, AtRiskVariables> {
  static override properties = {
    asOf: { attribute: 'as-of' },
    recoveredTo: { attribute: 'recovered-to' },
    maxItems: { attribute: 'max-items' },
  };
  static override styles = [...KetnapElement.styles, atRiskStyles];

  declare asOf: string | null;
  declare recoveredTo: string | null;
  declare maxItems: string | null;

  protected override offersCsv = true;
  protected fetcher = new FetchController<AtRiskResult, AtRiskVariables>(
    this,
    AtRisk,
    () => {
      const { org, asOf, recoveredTo } = this;
      return this.input({ org: org!, asOf: asOf!, recoveredTo: recoveredTo || asOf!, withRecovered: !!recoveredTo });
    },
    () => false,
  );

  /** How many cells the list shows. */
  private get limit(): number {
    return Number(this.maxItems || 6);
  }

  protected dates(): DateAttribute[] {
    return [
      ['as-of', this.asOf, true],
      ['recovered-to', this.recoveredTo, false],
    ];
  }

  protected override check() {
    return [...super.check(), ...maxItemsMistakes(this.maxItems)];
  }

  protected renderData(d: AtRiskResult) {
    const o = d.organisation!;
    const { language: lang, t } = this;
    const n = (x: number) => formatNumber(lang, x);
    const date = formatDate(lang, this.asOf!);
    const cells = o.atRiskCells;
    const admitted = new Map((o.recoveredCells ?? []).map((r) => [r.cell.id, r.admitted]));
    const communes = new Set(cells.map((c) => c.cell.parent?.name)).size;
    const title = html`<h3 class="title">${t.atRiskTitle}</h3>`;
    if (!cells.length) return html`${title}<p part="empty" class="muted">${t.noneAtRisk(date)}</p>`;
    const recovered = cells.filter((c) => admitted.has(c.cell.id)).length;
    return html`<header>
        ${title}
        <p part="summary" class="muted">${t.atRiskCount(cells.length, communes)} · ${t.onDate(date)}</p>
        ${
          this.recoveredTo
            ? html`<p part="summary">${t.recoveredCount(recovered, cells.length, formatDate(lang, this.recoveredTo))}</p>`
            : nothing
        }
      </header>
      <ul part="list" role="list">
        ${cells.slice(0, this.limit).map((c) => {
          const k = admitted.get(c.cell.id);
          return html`<li part="item" class=${k ? 'recovered' : ''}>
            <span class="cell">${c.cell.name}</span>${c.cell.parent ? html` <span class="muted">· ${c.cell.parent.name}</span>` : nothing}
            <span class="figures">${t.figures(n(c.memberCount), n(c.elderlyCount), n(c.policy.elderlyAge), n(c.yearsWithoutAdmission))}</span>
            ${k ? html`<span part="recovered" class="recovered-note">${t.recovered(n(k))}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${cells.length > this.limit ? html`<p part="more" class="muted more">${t.more(n(cells.length - this.limit))}</p>` : nothing}`;
  }

  protected override updated(): void {
    // The height is reserved from max-items and recovered-to before the figures arrive (see the
    // styles), set through the CSSOM: a style attribute would be blocked by a strict style-src.
    const base = this.renderRoot.querySelector<HTMLElement>('.base')?.style;
    base?.setProperty('--_items', String(this.limit));
    base?.setProperty('--_rec', this.recoveredTo ? '1' : '0');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-at-risk': KetnapAtRisk;
  }
}

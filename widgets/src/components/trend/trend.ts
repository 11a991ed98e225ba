import { html, svg } from 'lit/html.js';
import type { DateAttribute } from '../../lib/attributes.ts';
import { KetnapElement } from '../../lib/element.ts';
import { FetchController } from '../../lib/fetch-controller.ts';
import { formatMonth, formatNumber, formatPeriod } from '../../lib/format.ts';
import { barShares } from '../../lib/pace.ts';
import { Trend, type TrendResult, type TrendVariables } from '../../operations/generated.ts';
import { trendStyles } from './trend.styles.ts';

/**
 * Admissions per month over a period, as a bar chart. Screen readers get the same figures
 * as a table; the drawing itself is hidden from them.
 *
 * @tag ketnap-trend
 * @summary Admissions per month, as a small bar chart with a table for screen readers.
 *
 * @attr org - The organisation's public code, e.g. `thanh-chuong`.
 * @attr from - First day of the period, `YYYY-MM-DD` (included).
 * @attr to - Last day of the period, `YYYY-MM-DD` (included).
 * @attr api - Origin of the ketnap API; defaults to the origin the script was loaded from.
 * @attr lang - `vi` (default) or `en`.
 * @attr theme - `auto` (default: light or dark as the reader's system is set), `light` or `dark` (whatever the system says).
 * @attr source - Who the figures come from, in the source line ("Nguồn: … · cập nhật …"); `ketnap` by default.
 * @attr hide-source - Boolean: leaves the source line out.
 * @attr snapshot - The id of figures frozen at publication (the `freezeWidget` mutation): shown for ever instead of the live
 *   ones, with their own org and dates, and "số liệu đến ngày …" (figures as of) in the source line.
 *
 * @csspart base - The card around everything.
 * @csspart total - The period's total.
 * @csspart chart - The bars (an SVG).
 * @csspart axis - Months and counts under the bars.
 * @csspart table - The table read by screen readers (visually hidden).
 * @csspart skeleton - The loading skeleton, the size of the figure to come.
 * @csspart error - The error message.
 * @csspart retry - The error message's button.
 * @csspart empty - The message shown when there is nothing to show.
 * @csspart source - The source line: who the figures come from and, when the browser may read it, when they were served.
 * @csspart download - The "Tải số liệu" link in the source line: the figures as a CSV file (/embed/<element>.csv).
 * @csspart invalid - An author's mistake: a wrong or missing attribute, or an unknown organisation (also named in the console).
 *
 * @cssprop --ketnap-color-accent - The bars.
 * @cssprop --ketnap-color-border - The baseline and the card's border.
 * @cssprop --ketnap-color-text - Text.
 * @cssprop --ketnap-color-muted - Secondary text.
 * @cssprop --ketnap-color-background - The card.
 * @cssprop --ketnap-font-family - Font.
 * @cssprop --ketnap-radius - Corners.
 * @cssprop --ketnap-padding - Padding.
 */
export class KetnapTrend extends KetnapElement<TrendResult, TrendVariables> {
  static override properties = { from: {}, to: {} };
  static override styles = [...KetnapElement.styles, trendStyles];

  declare from: string | null;
  declare to: string | null;

  protected override offersCsv = true;
  protected fetcher = new FetchController<TrendResult, TrendVariables>(
    this,
    Trend,
    () => this.input({ org: this.org!, from: this.from!, to: this.to! }),
    (d) => !d.organisation?.admissionsByMonth.length,
  );

  protected dates(): DateAttribute[] {
    return [
      ['from', this.from, true],
      ['to', this.to, true],
    ];
  }

  protected renderData(d: TrendResult) {
    const months = d.organisation!.admissionsByMonth;
    const { language: lang, t } = this;
    const n = (x: number) => formatNumber(lang, x);
    const total = months.reduce((sum, m) => sum + m.count, 0);
    const shares = barShares(months.map((m) => m.count));
    const w = 10;
    return html`<header>
        <h3 class="title">${t.trendTitle}</h3>
        <p part="total" class="muted">${t.total(n(total))} · ${formatPeriod(lang, this.from!, this.to!)}</p>
      </header>
      <svg part="chart" viewBox="0 0 ${months.length * w} 100" preserveAspectRatio="none" aria-hidden="true">
        ${shares.map((s, i) => svg`<rect x=${i * w + 1.5} width=${w - 3} y=${100 - s * 96} height=${s * 96}></rect>`)}
        <line x1="0" x2=${months.length * w} y1="100" y2="100"></line>
      </svg>
      <div part="axis" class="axis" aria-hidden="true">
        ${months.map((m) => html`<span><b>${n(m.count)}</b><i>${formatMonth(lang, m.month)}</i></span>`)}
      </div>
      <div class="sr-only"><table part="table">
        <caption>${t.trendTitle}, ${formatPeriod(lang, this.from!, this.to!)}</caption>
        <thead><tr><th scope="col">${t.month}</th><th scope="col">${t.admissions}</th></tr></thead>
        <tbody>${months.map((m) => html`<tr><th scope="row">${formatMonth(lang, m.month, true)}</th><td>${n(m.count)}</td></tr>`)}</tbody>
      </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-trend': KetnapTrend;
  }
}

import { html, svg } from 'lit/html.js';
import type { DateAttribute } from '../../lib/attributes.ts';
import { KetnapElement } from '../../lib/element.ts';
import { FetchController } from '../../lib/fetch-controller.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import {
  Grassroots,
  type GrassrootsResult,
  type GrassrootsVariables,
  type Sector,
} from '../../operations/generated.ts';
import { grassrootsStyles } from './grassroots.styles.ts';

/**
 * The grassroots party organisations (tổ chức cơ sở đảng) of an organisation on a date:
 * the total, the committees by sector and the grassroots cells ("82 = 40 + 18 + 24").
 *
 * @tag ketnap-grassroots
 * @summary How many grassroots organisations, of which kinds.
 *
 * @attr org - The organisation's public code, e.g. `thanh-chuong`.
 * @attr as-of - Optional day, `YYYY-MM-DD`; today when absent.
 * @attr api - Origin of the ketnap API; defaults to the origin the script was loaded from.
 * @attr lang - `vi` (default) or `en`.
 * @attr theme - `auto` (default: light or dark as the reader's system is set), `light` or `dark` (whatever the system says).
 * @attr source - Who the figures come from, in the source line ("Nguồn: … · cập nhật …"); `ketnap` by default.
 * @attr hide-source - Boolean: leaves the source line out.
 * @attr snapshot - The id of figures frozen at publication (the `freezeWidget` mutation): shown for ever instead of the live
 *   ones, with their own org and dates, and "số liệu đến ngày …" (figures as of) in the source line.
 *
 * @csspart base - The card around everything.
 * @csspart figure - The total.
 * @csspart chart - The stacked bar (decorative).
 * @csspart list - The breakdown.
 * @csspart item - One kind of organisation.
 * @csspart skeleton - The loading skeleton, the size of the figure to come.
 * @csspart error - The error message.
 * @csspart retry - The error message's button.
 * @csspart empty - The message shown when there is nothing to show.
 * @csspart source - The source line: who the figures come from and, when the browser may read it, when they were served.
 * @csspart download - The "Tải số liệu" link in the source line: the figures as a CSV file (/embed/<element>.csv).
 * @csspart invalid - An author's mistake: a wrong or missing attribute, or an unknown organisation (also named in the console).
 *
 * @cssprop --ketnap-color-accent - The bar's segments (in decreasing shades).
 * @cssprop --ketnap-color-text - Text; also the cells' segment.
 * @cssprop --ketnap-color-muted - Secondary text.
 * @cssprop --ketnap-color-background - The card.
 * @cssprop --ketnap-color-border - The card's border.
 * @cssprop --ketnap-font-family - Font.
 * @cssprop --ketnap-radius - Corners.
 * @cssprop --ketnap-padding - Padding.
 */
export class KetnapGrassroots extends KetnapElement<GrassrootsResult, GrassrootsVariables> {
  static override properties = { asOf: { attribute: 'as-of' } };
  static override styles = [...KetnapElement.styles, grassrootsStyles];

  declare asOf: string | null;

  protected override offersCsv = true;
  protected fetcher = new FetchController<GrassrootsResult, GrassrootsVariables>(
    this,
    Grassroots,
    () => this.input({ org: this.org!, asOf: this.asOf || null }),
    (d) => !d.organisation?.grassrootsCount.total,
  );

  protected dates(): DateAttribute[] {
    return [['as-of', this.asOf, false]];
  }

  protected renderData(d: GrassrootsResult) {
    const { total, cells, bySector } = d.organisation!.grassrootsCount;
    const { language: lang, t } = this;
    const n = (x: number) => formatNumber(lang, x);
    // Communes first, as the article counts them (40 + 18 + 24), whatever order the API gives.
    const parts = (Object.keys(t.committees) as Sector[]).flatMap((sector) => {
      const count = bySector.find((s) => s.sector === sector)?.committees ?? 0;
      return count > 0 ? [{ count, label: t.committees[sector] }] : [];
    });
    if (cells > 0) parts.push({ count: cells, label: t.cells(cells) });
    let x = 0;
    return html`<p>
        <span part="figure" class="big">${t.grassrootsTotal(n(total), total)}</span>
        ${this.asOf ? html`<span class="muted date">${t.onDate(formatDate(lang, this.asOf))}</span>` : ''}
      </p>
      <svg part="chart" viewBox="0 0 ${total} 1" preserveAspectRatio="none" aria-hidden="true">
        ${parts.map((p, i) => {
          const seg = svg`<rect class=${`k${i === parts.length - 1 && cells > 0 ? 4 : i}`} x=${x} width=${p.count} y="0" height="1"></rect>`;
          x += p.count;
          return seg;
        })}
      </svg>
      <ul part="list" role="list">
        ${parts.map(
          (p, i) => html`<li part="item">
          <span class="swatch ${`k${i === parts.length - 1 && cells > 0 ? 4 : i}`}"></span><b>${n(p.count)}</b> ${p.label}
        </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-grassroots': KetnapGrassroots;
  }
}

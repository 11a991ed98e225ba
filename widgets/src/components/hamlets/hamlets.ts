import { html, nothing } from 'lit/html.js';
import { type DateAttribute, type Mistake, maxItemsMistakes } from '../../lib/attributes.ts';
import { KetnapElement } from '../../lib/element.ts';
import { FetchController } from '../../lib/fetch-controller.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { type HamletConcern, Hamlets, type HamletsResult, type HamletsVariables } from '../../operations/generated.ts';
import { hamletsStyles } from './hamlets.styles.ts';

/** The `concern` attribute's values, as HTML writes them, in the order the counts are shown. */
const CONCERNS = ['without-cell', 'without-member', 'cell-at-risk'];

/**
 * The hamlets (khối, xóm, bản) of an organisation on a date and the three kinds Đề án
 * 01/ĐA-TU/2016 is about: without a cell, without a member living there, and whose cell is at
 * risk of disappearing. With `concern`, the hamlets of one kind are listed below the counts,
 * each with its commune, the cell serving it and how many members live there.
 *
 * @tag ketnap-hamlets
 * @summary How many hamlets have no cell, no member, or a cell at risk; and which ones.
 *
 * @attr org - The organisation's public code, e.g. `thanh-chuong` (a district, a commune, a province).
 * @attr as-of - The day, `YYYY-MM-DD`.
 * @attr concern - Optional: `without-cell`, `without-member` or `cell-at-risk`: also list the hamlets of this kind.
 * @attr max-items - With `concern`, how many hamlets the list shows, 1 to 99; 6 by default. The rest are counted in a
 *   last line ("và 37 đơn vị khác"), and the element's height is reserved for this many before the figures arrive.
 * @attr api - Origin of the ketnap API; defaults to the origin the script was loaded from.
 * @attr lang - `vi` (default) or `en`.
 * @attr theme - `auto` (default: light or dark as the reader's system is set), `light` or `dark` (whatever the system says).
 * @attr source - Who the figures come from, in the source line ("Nguồn: … · cập nhật …"); `ketnap` by default.
 * @attr hide-source - Boolean: leaves the source line out.
 * @attr snapshot - The id of figures frozen at publication (the `freezeWidget` mutation): shown for ever instead of the live
 *   ones, with their own org, date, concern and max-items, and "số liệu đến ngày …" (figures as of) in the source line.
 *
 * @csspart base - The card around everything.
 * @csspart summary - How many hamlets, on which day.
 * @csspart counts - The three counts.
 * @csspart count - One of them.
 * @csspart list - The hamlets of the `concern`.
 * @csspart item - One hamlet.
 * @csspart more - The line counting the hamlets beyond `max-items`.
 * @csspart skeleton - The loading skeleton, the size of the figure to come.
 * @csspart error - The error message.
 * @csspart retry - The error message's button.
 * @csspart empty - The message shown when there is nothing to show.
 * @csspart source - The source line: who the figures come from and, when the browser may read it, when they were served.
 * @csspart download - The "Tải số liệu" link in the source line: the figures as a CSV file (/embed/<element>.csv).
 * @csspart invalid - An author's mistake: a wrong or missing attribute, or an unknown organisation (also named in the console).
 *
 * @cssprop --ketnap-color-accent - The counts, and the mark beside each hamlet listed.
 * @cssprop --ketnap-color-text - Text.
 * @cssprop --ketnap-color-muted - Secondary text.
 * @cssprop --ketnap-color-background - The card.
 * @cssprop --ketnap-color-border - The card's border.
 * @cssprop --ketnap-font-family - Font.
 * @cssprop --ketnap-radius - Corners.
 * @cssprop --ketnap-padding - Padding.
 */
export class KetnapHamlets extends KetnapElement<HamletsResult, HamletsVariables> {
  static override properties = {
    asOf: { attribute: 'as-of' },
    concern: {},
    maxItems: { attribute: 'max-items' },
  };
  static override styles = [...KetnapElement.styles, hamletsStyles];

  declare asOf: string | null;
  declare concern: string | null;
  declare maxItems: string | null;

  protected override offersCsv = true;
  protected fetcher = new FetchController<HamletsResult, HamletsVariables>(
    this,
    Hamlets,
    () => {
      const concern = this.listed;
      return this.input({ org: this.org!, asOf: this.asOf!, concern, first: this.limit, withList: !!concern });
    },
    (d) => !d.organisation?.hamletCounts.hamlets,
  );

  /** How many hamlets the list shows. */
  private get limit(): number {
    return Number(this.maxItems || 6);
  }

  /** The kind listed ("cell-at-risk" → CELL_AT_RISK), or null. */
  private get listed(): HamletConcern | null {
    const { concern } = this;
    return concern && CONCERNS.includes(concern) ? (concern.toUpperCase().replace(/-/g, '_') as HamletConcern) : null;
  }

  protected dates(): DateAttribute[] {
    return [['as-of', this.asOf, true]];
  }

  protected override check(): Mistake[] {
    const { concern } = this;
    const mistakes = [...super.check(), ...maxItemsMistakes(this.maxItems)];
    if (concern && !CONCERNS.includes(concern))
      mistakes.push(['concern', concern, 'must be without-cell, without-member or cell-at-risk']);
    return mistakes;
  }

  protected renderData(d: HamletsResult) {
    const o = d.organisation!;
    const c = o.hamletCounts;
    const { language: lang, t, listed } = this;
    const n = (x: number) => formatNumber(lang, x);
    const counts: Record<HamletConcern, number> = {
      WITHOUT_CELL: c.withoutCell,
      WITHOUT_MEMBER: c.withoutMember,
      CELL_AT_RISK: c.cellAtRisk,
    };
    const shown = (o.hamlets ?? []).slice(0, this.limit);
    return html`<header>
        <h3 class="title">${t.hamletsTitle}</h3>
        <p part="summary" class="muted">${t.hamletsTotal(n(c.hamlets), c.hamlets)} · ${t.onDate(formatDate(lang, this.asOf!))}</p>
      </header>
      <ul part="counts" class="counts" role="list">
        ${(Object.keys(counts) as HamletConcern[]).map(
          (k) => html`<li part="count"><b class="big">${n(counts[k])}</b> ${t.concerns[k]}</li>`,
        )}
      </ul>
      ${
        listed
          ? html`<p class="title of">${t.hamletsOf(t.concerns[listed])}</p>
            <ul part="list" class="list" role="list">
              ${shown.map(
                (h) => html`<li part="item">
                  <b>${h.hamlet.name}</b>${h.commune ? html` <span class="muted">· ${h.commune.name}</span>` : nothing}
                  <span class="figures">${h.cell?.name ?? t.concerns.WITHOUT_CELL} · ${
                    h.memberCount ? t.residents(n(h.memberCount), h.memberCount) : t.concerns.WITHOUT_MEMBER
                  }</span>
                </li>`,
              )}
            </ul>
            ${counts[listed] > shown.length ? html`<p part="more" class="muted">${t.more(n(counts[listed] - shown.length))}</p>` : nothing}`
          : nothing
      }`;
  }

  protected override updated(): void {
    // The list's height is reserved from concern and max-items before the figures arrive (see the
    // styles), set through the CSSOM: a style attribute would be blocked by a strict style-src.
    const base = this.renderRoot.querySelector<HTMLElement>('.base')?.style;
    base?.setProperty('--_items', this.listed ? String(this.limit) : '0');
    base?.setProperty('--_list', this.listed ? '1' : '0');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-hamlets': KetnapHamlets;
  }
}

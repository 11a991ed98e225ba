import { html, nothing } from 'lit';
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
 * @attr api - Origin of the ketnap API; defaults to the origin the script was loaded from.
 * @attr lang - `vi` (default) or `en`.
 *
 * @csspart base - The card around everything.
 * @csspart summary - The count of cells and communes.
 * @csspart list - The list of cells.
 * @csspart item - One cell.
 * @csspart recovered - The note on a cell that admitted new members.
 * @csspart skeleton - The loading skeleton, the size of the figure to come.
 * @csspart error - The error message.
 * @csspart retry - The error message's button.
 * @csspart empty - The message shown when there is nothing to show.
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
  };
  static override styles = [...KetnapElement.styles, atRiskStyles];

  declare asOf: string | null;
  declare recoveredTo: string | null;

  protected fetcher = new FetchController<AtRiskResult, AtRiskVariables>(
    this,
    AtRisk,
    () => {
      if (!this.org || !this.asOf) return undefined;
      const withRecovered = Boolean(this.recoveredTo);
      const recoveredTo = this.recoveredTo || this.asOf;
      return { api: this.apiBase, variables: { org: this.org, asOf: this.asOf, recoveredTo, withRecovered } };
    },
    (d) => !d.organisation,
  );

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
        ${cells.map((c) => {
          const k = admitted.get(c.cell.id);
          return html`<li part="item" class=${k ? 'recovered' : ''}>
            <span class="cell">${c.cell.name}</span>${c.cell.parent ? html` <span class="muted">· ${c.cell.parent.name}</span>` : nothing}
            <span class="figures">${t.figures(n(c.memberCount), n(c.elderlyCount), n(c.policy.elderlyAge), n(c.yearsWithoutAdmission))}</span>
            ${k ? html`<span part="recovered" class="recovered-note">${t.recovered(n(k))}</span>` : nothing}
          </li>`;
        })}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-at-risk': KetnapAtRisk;
  }
}

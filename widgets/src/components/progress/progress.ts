import { html } from 'lit/html.js';
import type { DateAttribute } from '../../lib/attributes.ts';
import { KetnapElement } from '../../lib/element.ts';
import { FetchController } from '../../lib/fetch-controller.ts';
import { formatNumber, formatPercent, formatPeriod } from '../../lib/format.ts';
import { paceView } from '../../lib/pace.ts';
import { Progress, type ProgressResult, type ProgressVariables } from '../../operations/generated.ts';
import { progressStyles } from './progress.styles.ts';

/**
 * Admissions of an organisation over a period against its quota (chỉ tiêu): the number in
 * words, a progress bar with the mark of where it should be by now, and whether it is on pace.
 * Without a quota covering the period's end, the number alone.
 *
 * @tag ketnap-progress
 * @summary New members admitted over a period, against the quota.
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
 * @csspart figure - The number of new members.
 * @csspart period - The period in words.
 * @csspart bar - The progress bar's track (`role="progressbar"`).
 * @csspart fill - The filled share of the bar.
 * @csspart mark - The mark of what is expected by now.
 * @csspart status - On track, behind, or achieved.
 * @csspart skeleton - The loading skeleton, the size of the figure to come.
 * @csspart error - The error message.
 * @csspart retry - The error message's button.
 * @csspart empty - The message shown when there is nothing to show.
 * @csspart source - The source line: who the figures come from and, when the browser may read it, when they were served.
 * @csspart download - The "Tải số liệu" link in the source line: the figures as a CSV file (/embed/<element>.csv).
 * @csspart invalid - An author's mistake: a wrong or missing attribute, or an unknown organisation (also named in the console).
 *
 * @cssprop --ketnap-color-accent - The bar's fill and "behind" status.
 * @cssprop --ketnap-color-good - The "on track" status.
 * @cssprop --ketnap-color-track - The bar's track.
 * @cssprop --ketnap-color-text - Text.
 * @cssprop --ketnap-color-muted - Secondary text.
 * @cssprop --ketnap-color-background - The card.
 * @cssprop --ketnap-color-border - The card's border.
 * @cssprop --ketnap-font-family - Font.
 * @cssprop --ketnap-radius - Corners.
 * @cssprop --ketnap-padding - Padding.
 */
export class KetnapProgress extends KetnapElement<ProgressResult, ProgressVariables> {
  static override properties = { from: {}, to: {} };
  static override styles = [...KetnapElement.styles, progressStyles];

  declare from: string | null;
  declare to: string | null;

  protected override offersCsv = true;
  protected fetcher = new FetchController<ProgressResult, ProgressVariables>(
    this,
    Progress,
    () => this.input({ org: this.org!, from: this.from!, to: this.to! }),
    () => false,
  );

  protected dates(): DateAttribute[] {
    return [
      ['from', this.from, true],
      ['to', this.to, true],
    ];
  }

  protected renderData(d: ProgressResult) {
    const o = d.organisation!;
    const { language: lang, t } = this;
    const n = (x: number) => formatNumber(lang, x);
    const q = o.quotaProgress;
    const head = html`<p class="head">
      <span part="figure" class="big">${t.newMembers(n(o.admissionCount), o.admissionCount)}</span>
      <span part="period" class="muted">${formatPeriod(lang, this.from!, this.to!)}</span>
    </p>`;
    if (!q) return head;
    const view = paceView(q);
    const share = formatPercent(lang, q.ratio);
    return html`${head}
      <div part="bar" class="bar" role="progressbar" aria-label=${t.progressLabel(o.name)}
        aria-valuemin="0" aria-valuemax=${q.target} aria-valuenow=${view.valueNow}
        aria-valuetext=${`${n(q.admitted)} / ${n(q.target)} (${share}), ${t.pace[q.status]}`}>
        <span part="fill" class="fill"></span><span part="mark" class="mark" title=${t.expectedBy(n(Math.round(q.expected)))}></span>
      </div>
      <p class="foot">
        <span>${t.ofTarget(share, n(q.target))} · <span part="status" class="status ${q.status}">${t.pace[q.status]}</span></span>
        <span class="muted">${t.expectedBy(n(Math.round(q.expected)))}</span>
      </p>`;
  }

  protected override updated(): void {
    // Widths go through the CSSOM: a style attribute would be blocked by a strict style-src.
    const q = this.fetcher.data?.organisation?.quotaProgress;
    const bar = this.renderRoot.querySelector<HTMLElement>('.bar');
    if (!q || !bar) return;
    const view = paceView(q);
    bar.style.setProperty('--_fill', String(view.fill));
    bar.style.setProperty('--_mark', String(view.mark));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-progress': KetnapProgress;
  }
}

// <ketnap-import-page>: the admin page /admin/import/. The token is entered once and kept for the
// browser tab's session (sessionStorage, never in a cookie or on disk); a spreadsheet dropped on the
// page or picked is checked at once (importSpreadsheet, commit false) and the refused rows shown in a
// table (sheet, row, column, code, message); the commit button is enabled only when that check
// found nothing wrong, and writes the same file, all or nothing. The templates are linked, and the
// admissions report of an organisation over a period is downloaded with the same token.
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { importPageStyles } from './import-page.styles.ts';
import { downloadReport } from './report-download.ts';
import { type ImportReport, importSpreadsheet, KINDS, type Kind } from './upload.ts';

const TOKEN_KEY = 'ketnap-admin-token';
const n = (value: number) => value.toLocaleString('vi-VN');

/**
 * The import page's one element.
 *
 * @fires ketnap-imported - after a commit; `detail` is the import's report.
 */
export class KetnapImportPage extends LitElement {
  static override properties: PropertyDeclarations = {
    token: { state: true },
    kind: { state: true },
    file: { state: true },
    report: { state: true },
    busy: { state: true },
    failure: { state: true },
    dragging: { state: true },
    reportFailure: { state: true },
  };
  static override styles = [importPageStyles];

  declare token: string | null;
  declare kind: Kind;
  declare file: File | null;
  declare report: ImportReport | null;
  declare busy: boolean;
  declare failure: string | null;
  declare dragging: boolean;
  declare reportFailure: string | null;

  constructor() {
    super();
    this.token = sessionStorage.getItem(TOKEN_KEY);
    this.kind = 'MEMBERS';
    this.file = null;
    this.report = null;
    this.busy = false;
    this.failure = null;
    this.dragging = false;
    this.reportFailure = null;
  }

  private saveToken(event: SubmitEvent) {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    this.token = token;
  }

  private forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
    this.token = null;
  }

  private async run(commit: boolean) {
    if (!this.file || !this.token) return;
    this.busy = true;
    this.failure = null;
    try {
      const report = await importSpreadsheet({ token: this.token, kind: this.kind, file: this.file, commit });
      this.report = report;
      if (report.committed)
        this.dispatchEvent(new CustomEvent('ketnap-imported', { detail: report, bubbles: true, composed: true }));
    } catch (error) {
      this.report = null;
      this.failure = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private async fetchReport(event: SubmitEvent) {
    event.preventDefault();
    if (!this.token) return;
    const form = new FormData(event.target as HTMLFormElement);
    this.reportFailure = null;
    try {
      await downloadReport({
        token: this.token,
        org: String(form.get('org')).trim(),
        period: String(form.get('period')).trim(),
      });
    } catch (error) {
      this.reportFailure = (error as Error).message;
    }
  }

  private choose(file: File | undefined) {
    if (!file) return;
    this.file = file;
    this.report = null;
    void this.run(false);
  }

  private drop(event: DragEvent) {
    event.preventDefault();
    this.dragging = false;
    this.choose(event.dataTransfer?.files[0]);
  }

  private changeKind(event: Event) {
    this.kind = (event.target as HTMLSelectElement).value as Kind;
    this.report = null;
    if (this.file) void this.run(false);
  }

  override render() {
    return html`
      <section aria-labelledby="token-heading">
        <h2 id="token-heading">1. Mã truy cập</h2>
        ${
          this.token
            ? html`<p>Đã nhập mã truy cập cho phiên làm việc này.
              <button type="button" @click=${this.forgetToken}>Nhập mã khác</button></p>`
            : html`<form @submit=${this.saveToken}>
              <label for="token">Mã truy cập (token của quản trị viên hoặc biên tập viên)</label>
              <input id="token" name="token" type="password" autocomplete="off" required />
              <button type="submit">Dùng mã này</button>
            </form>`
        }
      </section>
      <section aria-labelledby="file-heading">
        <h2 id="file-heading">2. Danh sách cần nhập</h2>
        <label for="kind">Loại danh sách</label>
        <select id="kind" @change=${this.changeKind} ?disabled=${this.busy}>
          ${Object.entries(KINDS).map(
            ([value, k]) => html`<option value=${value} ?selected=${value === this.kind}>${k.label}</option>`,
          )}
        </select>
        <p>Tải tệp mẫu (tiêu đề cột tiếng Việt, hướng dẫn từng cột, một dòng ví dụ):</p>
        <ul class="templates">
          ${Object.values(KINDS).map(
            (k) => html`<li><a href="/templates/${k.template}.xlsx" download>${k.label} (.xlsx)</a></li>`,
          )}
        </ul>
        <div
          class="drop ${this.dragging ? 'over' : ''}"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.dragging = true;
          }}
          @dragleave=${() => {
            this.dragging = false;
          }}
          @drop=${this.drop}>
          <label for="file">Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc chọn tệp</label>
          <input id="file" type="file" accept=".xlsx,.csv"
            ?disabled=${!this.token || this.busy}
            @change=${(e: Event) => this.choose((e.target as HTMLInputElement).files?.[0])} />
          ${this.token ? nothing : html`<p class="hint">Nhập mã truy cập trước.</p>`}
        </div>
      </section>
      <section aria-labelledby="result-heading">
        <h2 id="result-heading">3. Kết quả kiểm tra</h2>
        <div role="status" aria-live="polite">${this.statusLine()}</div>
        ${this.report ? this.result(this.report) : nothing}
      </section>
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Báo cáo kết nạp đảng viên</h2>
        <p>Một dòng cho mỗi tổ chức cơ sở đảng, dòng tổng cộng; in trên khổ A4 ngang.</p>
        <form @submit=${this.fetchReport}>
          <label for="report-org">Mã tổ chức đảng</label>
          <input id="report-org" name="org" required placeholder="thanh-chuong" />
          <label for="report-period">Kỳ báo cáo (quý 2017-Q3, 6 tháng 2017-H1, năm 2017, nhiệm kỳ 2015-2020)</label>
          <input id="report-period" name="period" required placeholder="2017-Q3" />
          <button type="submit" ?disabled=${!this.token}>Tải báo cáo (.xlsx)</button>
        </form>
        ${this.reportFailure ? html`<p role="alert" class="failure">Không tải được báo cáo: ${this.reportFailure}</p>` : nothing}
      </section>`;
  }

  private statusLine() {
    if (this.busy) return html`<p>Đang kiểm tra ${this.file?.name}…</p>`;
    if (this.failure) return html`<p class="failure">Không nhập được: ${this.failure}</p>`;
    const r = this.report;
    if (!r) return html`<p>Chưa có tệp.</p>`;
    if (r.committed)
      return html`<p class="done">Đã ghi ${r.file}: ${n(r.new)} mới, ${n(r.changed)} thay đổi, ${n(r.unchanged)} không đổi.</p>`;
    if (r.errors.length > 0)
      return html`<p class="failure">${r.file}: ${n(r.errors.length)} lỗi; chưa ghi gì. Sửa tệp rồi thả lại.</p>`;
    return html`<p>${r.file}: không có lỗi. Bấm “Ghi vào dữ liệu” để ghi.</p>`;
  }

  private result(r: ImportReport) {
    const figures: [string, number][] = [
      ['Số dòng đọc', r.rowsRead],
      ['Hợp lệ', r.valid],
      ['Bị từ chối', r.refused],
      ['Mới', r.new],
      ['Thay đổi', r.changed],
      ['Không đổi', r.unchanged],
    ];
    return html`
      <dl class="figures">${figures.map(([label, value]) => html`<div><dt>${label}</dt><dd>${n(value)}</dd></div>`)}</dl>
      ${
        r.errors.length > 0
          ? html`<table>
            <caption>Các dòng bị từ chối</caption>
            <thead><tr><th scope="col">Trang tính</th><th scope="col">Dòng</th><th scope="col">Cột</th>
              <th scope="col">Mã lỗi</th><th scope="col">Nội dung</th></tr></thead>
            <tbody>${r.errors.map(
              (e) => html`<tr><td>${e.sheet}</td><td>${rowOf(e)}</td><td>${e.column}</td><td><code>${e.code}</code></td>
                <td>${e.messageVi}</td></tr>`,
            )}</tbody>
          </table>`
          : nothing
      }
      <button type="button" class="commit" ?disabled=${r.committed || r.errors.length > 0 || this.busy}
        @click=${() => this.run(true)}>Ghi vào dữ liệu</button>`;
  }
}

/** Row 0 is an error of the whole file (unreadable, no header row, a column missing). */
const rowOf = (e: ImportReport['errors'][number]) => (e.row > 0 ? e.row : 'Cả tệp');

if (!customElements.get('ketnap-import-page')) customElements.define('ketnap-import-page', KetnapImportPage);

declare global {
  interface HTMLElementTagNameMap {
    'ketnap-import-page': KetnapImportPage;
  }
}

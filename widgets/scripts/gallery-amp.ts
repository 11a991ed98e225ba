// The gallery's AMP example: a whole AMP article page holding the widgets' iframe form as
// <amp-iframe> (AMP allows no script of ours). What amp-iframe asks of an embed, and how it is met:
// an https src on another origin than the article's; `sandbox="allow-scripts allow-same-origin"`
// (the page runs frame.js); a layout with width and height; `resizable` with an `overflow` child,
// so that the page's `embed-size` message (server/src/embed/assets.ts) sets its height; and a
// placeholder (the PNG of the same figures) until it loads. HTTPS_ORIGIN is the server's origin
// as https (gallery.js fills it in).
import type { Example } from './gallery-examples.ts';
import { altOf, embedUrl } from './gallery-forms.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** AMP's required boilerplate, exactly as its specification writes it. */
const BOILERPLATE =
  '<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-moz-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-ms-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-o-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}</style></noscript>';

const https = (url: string) => url.replace(/^ORIGIN/, 'HTTPS_ORIGIN');

/** One widget as <amp-iframe>: resized by its embed-size message, its PNG shown until it loads. */
export const ampIframe = (e: Example) => `<amp-iframe src="${esc(https(embedUrl(e.html)))}" title="${esc(e.title)}"
    width="600" height="240" layout="responsive" sandbox="allow-scripts allow-same-origin" frameborder="0" resizable>
    <div overflow tabindex="0" role="button" aria-label="Xem toàn bộ số liệu">Xem toàn bộ số liệu</div>
    <amp-img placeholder layout="fill" src="${esc(https(embedUrl(e.html, '.png')))}" alt="${esc(altOf(e))}"></amp-img>
  </amp-iframe>`;

/** A whole AMP article with these widgets below its first paragraphs (amp-iframe is refused at the top). */
export function ampPage(widgets: Example[]): string {
  return `<!doctype html>
<html ⚡ lang="vi">
<head>
  <meta charset="utf-8">
  <title>Thanh Chương: kết nạp đảng viên mới</title>
  <link rel="canonical" href="https://YOUR-SITE/bai-viet.html">
  <meta name="viewport" content="width=device-width">
  <script async src="https://cdn.ampproject.org/v0.js"></script>
  <script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>
  ${BOILERPLATE}
</head>
<body>
  <article>
  <h1>Thanh Chương: kết nạp đảng viên mới</h1>
  <p>The article's first paragraphs: AMP shows no amp-iframe in the first 600 pixels of a page.</p>
  <p>…</p>
  ${widgets.map(ampIframe).join('\n  ')}
  </article>
</body>
</html>`;
}

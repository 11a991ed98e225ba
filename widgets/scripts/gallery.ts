// Writes dist/gallery/index.html from the Custom Elements Manifest (so the reference always
// matches the source), scripts/gallery-examples.ts, and the four forms of each element's first
// example (gallery-forms.ts). Runs after `cem analyze`.
import { readFileSync, writeFileSync } from 'node:fs';
import { ampPage } from './gallery-amp.ts';
import { type Example, examples, extras } from './gallery-examples.ts';
import { formsOf, SCRIPT, scriptSnippet } from './gallery-forms.ts';

interface Item {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', dist), 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const order = Object.keys(examples);
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.tagName)
  .sort((a, b) => order.indexOf(a.tagName as string) - order.indexOf(b.tagName as string));

const esc = (s = '') => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const md = (s = '') => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const table = (caption: string, items: Item[] = []) =>
  items.length
    ? `
      <table><caption>${caption}</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Description</th></tr></thead>
        <tbody>${items.map((i) => `<tr><th scope="row"><code>${esc(i.name)}</code></th><td>${md(i.description)}</td></tr>`).join('')}</tbody>
      </table>`
    : '';

const example = (e: Example) => `
      <figure class="example">
        <figcaption>${esc(e.title)}</figcaption>
        <div class="live">${e.html}</div>
        ${snippet(scriptSnippet(e))}
      </figure>`;

const snippet = (text: string) =>
  `<div class="snippet"><pre tabindex="0"><code class="origin">${esc(text)}</code></pre><button type="button" class="copy">Copy</button></div>`;

/** An example in its four forms; the live ones use this server (ORIGIN left out: same origin). */
const forms = (e: Example) => `
      <div class="forms" role="group" aria-label="${esc(e.title)}: the four forms">
        ${formsOf(e)
          .map(
            (f) => `<figure class="form" data-form="${f.name}">
          <figcaption>${esc(f.title)}</figcaption>
          <div class="live">${f.live.replaceAll('ORIGIN', '')}</div>
          ${snippet(f.snippet)}
        </figure>`,
          )
          .join('')}
      </div>`;

const sections = elements
  .map(
    (d) => `
    <section id="${d.tagName}">
      <h2><code>&lt;${d.tagName}&gt;</code></h2>
      <p class="summary">${md(d.summary)}</p>
      <p>${md(d.description)}</p>
      ${(examples[d.tagName as string] ?? []).map(example).join('')}
      <h3>Four forms</h3>
      ${(examples[d.tagName as string] ?? []).slice(0, 1).map(forms).join('')}
      ${table('Attributes', d.attributes)}
      ${table('CSS parts (<code>::part()</code>)', d.cssParts)}
      ${table('CSS custom properties', d.cssProperties)}
    </section>`,
  )
  .join('');

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>ketnap widgets — gallery</title>
  <link rel="stylesheet" href="gallery.css">
  <script type="module" src="/widgets/ketnap.js"></script>
  <script type="module" src="gallery.js"></script>
  <script async src="/embed/resize.js"></script>
</head>
<body>
  <header>
    <h1>ketnap widgets</h1>
    <p>Live figures on party membership for news articles: one script, one element. Vietnamese by default (<code>lang="en"</code> for English).</p>
    <p>Put the script once in the page (a module, or <code>ketnap.classic.js</code> as a classic script for CMSs that cannot load modules), then the elements where the figures go:</p>
    ${snippet(SCRIPT)}
    <p>Where a page cannot run the script, the same figures come without it: each element below is shown in its four forms — the script (whose snippet carries a <code>&lt;noscript&gt;</code> image), an iframe, an image, and that noscript fallback.</p>
    <nav aria-label="Elements"><ul>${elements.map((d) => `<li><a href="#${d.tagName}"><code>&lt;${d.tagName}&gt;</code></a></li>`).join('')}<li><a href="#amp">AMP</a></li><li><a href="#states">Theming and states</a></li></ul></nav>
  </header>
  <main>${sections}
    <section id="amp">
      <h2>AMP</h2>
      <p>AMP pages run no script of ours: they show the iframe form in <code>&lt;amp-iframe&gt;</code>, which the embed page sizes with AMP’s own <code>embed-size</code> message (so <code>resizable</code> and an <code>overflow</code> child), sandboxed with <code>allow-scripts allow-same-origin</code>, on https, with the image of the same figures as its placeholder. A whole article:</p>
      <div class="snippet"><pre tabindex="0"><code class="origin https">${esc(ampPage(Object.values(examples).map((list) => list[0] as Example)))}</code></pre><button type="button" class="copy">Copy</button></div>
    </section>
    <section id="states">
      <h2>Theming and states</h2>
      ${extras.map(example).join('')}
    </section>
  </main>
  <footer><p>Reference generated from <a href="/widgets/custom-elements.json">custom-elements.json</a>. <a href="/demo/">See them in an article →</a></p></footer>
</body>
</html>
`;

writeFileSync(new URL('gallery/index.html', dist), page);
process.stdout.write(`gallery: ${elements.length} elements\n`);

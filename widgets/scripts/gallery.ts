// Writes dist/gallery/index.html from the Custom Elements Manifest (so the reference always
// matches the source) and scripts/gallery-examples.ts. Runs after `cem analyze`.
import { readFileSync, writeFileSync } from 'node:fs';
import { type Example, examples, extras } from './gallery-examples.ts';

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

const SCRIPT = '<script type="module" src="ORIGIN/widgets/ketnap.js"></script>';
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
        <div class="snippet"><pre tabindex="0"><code class="origin">${esc(`${SCRIPT}\n${e.html}`)}</code></pre><button type="button" class="copy">Copy</button></div>
      </figure>`;

const sections = elements
  .map(
    (d) => `
    <section id="${d.tagName}">
      <h2><code>&lt;${d.tagName}&gt;</code></h2>
      <p class="summary">${md(d.summary)}</p>
      <p>${md(d.description)}</p>
      ${(examples[d.tagName as string] ?? []).map(example).join('')}
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
</head>
<body>
  <header>
    <h1>ketnap widgets</h1>
    <p>Live figures on party membership for news articles: one script, one element. Vietnamese by default (<code>lang="en"</code> for English).</p>
    <p>Put the script once in the page (a module, or <code>ketnap.classic.js</code> as a classic script for CMSs that cannot load modules), then the elements where the figures go:</p>
    <div class="snippet"><pre tabindex="0"><code class="origin">${esc(SCRIPT)}</code></pre><button type="button" class="copy">Copy</button></div>
    <nav aria-label="Elements"><ul>${elements.map((d) => `<li><a href="#${d.tagName}"><code>&lt;${d.tagName}&gt;</code></a></li>`).join('')}<li><a href="#states">Theming and states</a></li></ul></nav>
  </header>
  <main>${sections}
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

// Gallery helpers: snippets name this server's origin, each has a Copy button, and each image
// gets the figures in words as its alt text (the SVG's description): the page's images when they
// load, a snippet's when it is copied (asking for every snippet's at once would spend the page's
// share of the API's rate limit), so that a copied <img> or <noscript> says what the image shows.
// AMP's snippet names it as https, which amp-iframe requires.
for (const code of document.querySelectorAll('code.origin')) {
  code.textContent = code.textContent
    .replaceAll('HTTPS_ORIGIN', `https://${location.host}`)
    .replaceAll('ORIGIN', location.origin);
}
// The figures in words of each image the page names: the description of the same URL's SVG.
const words = new Map();
const wordsOf = (png) => {
  // Asked of this server by path: the AMP snippet names it as https, which a local server is not.
  const url = new URL(png.replace(/\.png\?/, '.svg?').replaceAll('&amp;', '&'), location.href);
  if (url.host !== location.host) return Promise.resolve(undefined); // another API: the page may not ask it
  const svg = url.pathname + url.search;
  if (!words.has(svg))
    words.set(
      svg,
      fetch(svg)
        .then((response) => (response.ok ? response.text() : ''))
        .then(
          (text) => text && new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('desc')?.textContent,
        )
        .catch(() => undefined), // the title-like alt written at build time stays
    );
  return words.get(svg);
};
const attribute = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
for (const image of document.querySelectorAll('img.image')) {
  wordsOf(image.getAttribute('src')).then((alt) => {
    if (alt) image.alt = alt;
    image.dispatchEvent(new Event('ketnap:alt'));
  });
}
/** Puts the figures in words in the alt text of each image a snippet holds. */
const describe = (code) =>
  Promise.all(
    [...code.textContent.matchAll(/<(?:amp-)?img [^>]*?src="([^"]+\.png\?[^"]*)" alt="[^"]*"/g)].map(([tag, png]) =>
      wordsOf(png).then((alt) => {
        if (alt)
          code.textContent = code.textContent.replace(tag, tag.replace(/alt="[^"]*"/, `alt="${attribute(alt)}"`));
      }),
    ),
  );
for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const code = button.parentElement.querySelector('code');
    await describe(code);
    try {
      await navigator.clipboard.writeText(code.textContent);
      button.textContent = 'Copied';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      button.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => {
      button.textContent = 'Copy';
    }, 2000);
  });
}

import { describe, expect, it } from 'vitest';
import { minifyTemplates } from './minify-templates.ts';

describe('minifyTemplates', () => {
  it('collapses CSS and drops its comments', () => {
    const out = minifyTemplates(
      'const s = css`\n  /* why */\n  :host {\n    display: block;\n    margin: 0.5rem 0;\n  }\n`;',
    );
    expect(out).toBe('const s = css` :host{display:block;margin:.5rem 0}`;');
  });

  it('keeps one space between tags and leaves expressions and other strings alone', () => {
    // The sources under test are themselves code with template literals: built with $ + '{'.
    const $ = (s: string) => s.replaceAll('#{', '$' + '{');
    const src = $('html`<p>\n  <b>#{a}</b>\n  <i>#{b ? html`  <u>x</u>  ` : "  two  spaces  "}</i>\n</p>`');
    expect(minifyTemplates(src)).toBe(
      $('html`<p> <b>#{a}</b> <i>#{b ? html` <u>x</u> ` : "  two  spaces  "}</i> </p>`'),
    );
  });

  it('does not touch untagged templates', () => {
    expect(minifyTemplates('const t = `a    b`;')).toBe('const t = `a    b`;');
  });
});

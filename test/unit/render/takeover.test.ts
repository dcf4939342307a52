// No double rendering: VS Code's markdown-math plugin (@vscode/markdown-it-katex, configured as VS Code
// configures it) in the same markdown-it instance, applied before or after ours.

import * as assert from 'node:assert/strict';
import vscodeKatex from '@vscode/markdown-it-katex';
import { readFileSync } from 'node:fs';
import type MarkdownIt from 'markdown-it';
import { createMarkdownIt } from '../../../src/markdown/engine';
import { pizarraMarkdownIt } from '../../../src/markdown/render';
import { fixtures } from '../helpers/golden';

/** As extensions/markdown-math/src/extension.ts does when `markdown.math.enabled` is true. */
function builtin(md: MarkdownIt): MarkdownIt {
  md.use(vscodeKatex as unknown as MarkdownIt.PluginWithOptions, { globalGroup: true, enableBareBlocks: true, enableFencedBlocks: true, macros: {} });
  return md;
}

const count = (html: string, s: string) => html.split(s).length - 1;

describe('taking over VS Code built-in math', () => {
  const source = readFileSync(fixtures('render', 'delimiters.md'), 'utf8') + '\n\\begin{equation}x\\end{equation}\n';
  for (const order of ['built-in first', 'Pizarra first'] as const) {
    it(`renders every formula once with the built-in plugin applied ${order}`, () => {
      const md = createMarkdownIt();
      if (order === 'built-in first') pizarraMarkdownIt(builtin(md));
      else builtin(pizarraMarkdownIt(md));
      const html = md.render(source);
      // The fixture's eleven formulas plus the bare `\begin{equation}`, which Pizarra draws itself.
      assert.equal(count(html, '<span class="katex">'), 12);
      assert.equal(count(html, 'katex-block'), 0, 'no formula drawn by the built-in plugin');
      assert.equal(html.match(/class="pizarra-math[ "]/g)?.length, 12);
      assert.ok(!html.includes('<p>\\begin{equation}'), 'the bare environment is math, not text');
    });
  }
});

describe("taking over VS Code's front matter token", () => {
  it('shows the header from a `front_matter` token made by markdown-it-front-matter', () => {
    const md = createMarkdownIt();
    pizarraMarkdownIt(md);
    // What markdown-it-front-matter (used by VS Code's preview) leaves: a hidden token whose meta is the YAML.
    md.block.ruler.before('pizarra_front_matter', 'front_matter', (state, start, _end, silent) => {
      if (start !== 0 || !state.src.startsWith('---\n')) return false;
      const close = state.src.indexOf('\n---', 3);
      if (silent) return true;
      const token = state.push('front_matter', '', 0);
      token.hidden = true;
      token.meta = state.src.slice(4, close);
      state.line = state.src.slice(0, close + 4).split('\n').length;
      return true;
    });
    const html = md.render('---\ntitle: Hola $x$\ntags: [a, b]\n---\n\nBody.\n');
    assert.match(html, /^<header class="pizarra-article-header"><h1 class="pizarra-title">Hola <span class="pizarra-math"><span class="katex">/);
    assert.match(html, /<ul class="pizarra-tags"><li>a<\/li><li>b<\/li><\/ul>/);
    assert.ok(!html.includes('title:'));
  });
});

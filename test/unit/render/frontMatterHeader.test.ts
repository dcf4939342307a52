// The front matter header: shown as a reader sees it, without repeating a title the article's first
// `# Heading` already says.

import * as assert from 'node:assert/strict';
import { createMarkdownIt } from '../../../src/markdown/engine';
import { pizarraMarkdownIt } from '../../../src/markdown/render';

const render = (src: string) => pizarraMarkdownIt(createMarkdownIt()).render(src);

describe('front matter header', () => {
  it('shows title, date and tags instead of the YAML', () => {
    const html = render('---\ntitle: Softmax\ndate: 2026-01-15\ntags: [ml, math]\n---\n\nText.\n');
    assert.match(html, /<h1 class="pizarra-title">Softmax<\/h1>/);
    assert.match(html, /2026-01-15/);
    assert.doesNotMatch(html, /title:/);
  });

  it('leaves the title out when the first heading repeats it, keeping the rest', () => {
    const html = render('---\ntitle: Matemáticas  del aprendizaje\ndate: 2026-01-15\n---\n\n# Matemáticas del aprendizaje\n\nText.\n');
    assert.doesNotMatch(html, /pizarra-title/);
    assert.match(html, /^\s*<h1>Matemáticas del aprendizaje<\/h1>\n<header class="pizarra-article-header">.*2026-01-15/s);
    assert.equal((html.match(/Matemáticas del aprendizaje/g) ?? []).length, 1);
  });

  it('keeps the title when the first heading says something else, or is not first', () => {
    assert.match(render('---\ntitle: A\n---\n\n# B\n'), /pizarra-title">A</);
    assert.match(render('---\ntitle: A\n---\n\nIntro.\n\n# A\n'), /pizarra-title">A</);
  });

  it('shows no header at all when the repeated title was all there was', () => {
    assert.doesNotMatch(render('---\ntitle: A\n---\n\n# A\n'), /<header/);
  });
});

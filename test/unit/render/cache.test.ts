// The render cache: an edit re-renders only what it changed, macros in effect are part of the key, and
// memory stays bounded.

import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { LruCache } from '../../../src/latex/renderCache';
import { planDocument, DEFAULT_CONFIG } from '../../../src/markdown/renderPlan';
import type { RenderedFormula } from '../../../src/markdown/renderFormula';
import { createMarkdownIt } from '../../../src/markdown/engine';
import { refSyntax } from '../../../src/markdown/refSyntax';

function renderAll(md: MarkdownIt, text: string, cache: LruCache<RenderedFormula>): string[] {
  const plan = planDocument(md.parse(text, {}), DEFAULT_CONFIG, cache);
  return plan.formulas.map((_, i) => plan.html(i));
}

const article = (edit: string) =>
  ['$$\\newcommand{\\w}{\\mathbf{w}}$$', `Loss $L(\\w) = \\sum_i \\ell_i${edit}$ and $\\nabla L$.`, '$$ \\w^\\top x $$', '$\\w$'].join('\n\n');

describe('render cache', () => {
  const md = createMarkdownIt();
  refSyntax(md);

  it('re-renders only the edited formula after a one-character edit', () => {
    const cache = new LruCache<RenderedFormula>({ maxEntries: 100, maxWeight: 1e9 }, (r) => r.html.length);
    renderAll(md, article(''), cache);
    const misses = cache.misses;
    renderAll(md, article('x'), cache);
    assert.equal(cache.misses - misses, 1);
  });

  it('re-renders formulas below a changed \\newcommand, since their macros changed', () => {
    const cache = new LruCache<RenderedFormula>({ maxEntries: 100, maxWeight: 1e9 }, (r) => r.html.length);
    const first = renderAll(md, article(''), cache);
    const misses = cache.misses;
    const changed = article('').replace('\\mathbf{w}', '\\boldsymbol{w}');
    const second = renderAll(md, changed, cache);
    // The definition and the three formulas after it that use or may use \w; `\nabla L` too, as its
    // macros in effect changed (the key is the whole table, which keeps correctness simple).
    assert.equal(cache.misses - misses, 5);
    assert.notEqual(first[3], second[3]);
  });

  it('evicts least recently used entries beyond its limits', () => {
    const cache = new LruCache<string>({ maxEntries: 3, maxWeight: 10 }, (s) => s.length);
    cache.set('a', '1234');
    cache.set('b', '1234');
    cache.get('a');
    cache.set('c', '1234');
    assert.equal(cache.get('b'), undefined, 'b was least recently used and the weight limit was hit');
    assert.equal(cache.get('a'), '1234');
    assert.ok(cache.totalWeight <= 10);
    cache.set('d', '1');
    cache.set('e', '1');
    assert.ok(cache.size <= 3);
  });
});

// Free and bound indices (src/lint/indices.ts, src/latex/evaluateIndex.ts): which subscripts are indices,
// which operator binds each occurrence, and renaming a bound index.

import * as assert from 'node:assert/strict';
import { readScript } from '../../../src/latex/evaluateIndex';
import { parseTex } from '../../../src/latex/parse';
import { buildTree } from '../../../src/latex/treeBuild';
import type { Expr } from '../../../src/latex/tree';
import { analyzeIndices, boundSites, freeIndexLetters, renameInSpan } from '../../../src/lint/indices';

function tree(tex: string): Expr {
  const p = parseTex(tex, true);
  assert.ok(p.nodes);
  return buildTree(tex, p.nodes);
}

const free = (tex: string) => freeIndexLetters(analyzeIndices(tree(tex), tex));

describe('lint indices', () => {
  it('reads index subscripts and label subscripts apart', () => {
    const sub = (tex: string) => {
      const t = tree(tex);
      assert.equal(t.kind, 'script');
      return readScript((t as Extract<Expr, { kind: 'script' }>).sub!, tex).kind;
    };
    assert.equal(sub('W_{ij}'), 'indices');
    assert.equal(sub('x_{t-1}'), 'indices');
    assert.equal(sub('z_1'), 'indices');
    assert.equal(sub('n_{in}'), 'label');
    assert.equal(sub('n_{\\text{out}}'), 'label');
    assert.equal(sub('L_{train}'), 'label');
    assert.equal(sub('W_Q'), 'label');
    assert.equal(sub('\\nabla_\\theta'), 'label');
  });

  it('finds free indices, leaving those a sum, product or max binds', () => {
    assert.deepEqual(free(String.raw`\hat y_i = \sum_j W_{ij} x_j + b_i`), ['i']);
    assert.deepEqual(free(String.raw`C_{ij} = \sum_k A_{ik} B_{kj}`), ['i', 'j']);
    assert.deepEqual(free(String.raw`\prod_{i=1}^{n} p(x_i)`), []);
    assert.deepEqual(free(String.raw`m = \max_k z_k`), []);
    assert.deepEqual(free(String.raw`G_t = \sum_{k=0}^{\infty} \gamma^k r_{t+k+1}`), ['t']);
    assert.deepEqual(free(String.raw`z^{[l]} = W^{[l]} a^{[l-1]}`), ['l']);
    // Letters that are variables of the formula name matrices: W_{hh} h_{t-1}.
    assert.deepEqual(free(String.raw`h_t = \tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)`), ['t']);
  });

  it('binds an occurrence to the innermost operator of its letter', () => {
    const tex = String.raw`\sum_i \sum_i x_i + y_i`;
    const a = analyzeIndices(tree(tex), tex);
    assert.equal(a.binders.length, 2);
    assert.equal(a.binders[1].shadows.length, 1);
    const xi = a.occurrences.find((o) => o.asIndex && o.owner.span.start === tex.indexOf('x_i'))!;
    assert.equal(xi.boundBy, a.binders[1]);
    // The outer Σ's body runs to the next top-level +, so y_i is free.
    assert.deepEqual(freeIndexLetters(a), ['i']);
  });

  it('renames a bound index and only its own occurrences', () => {
    const tex = String.raw`p_j = \frac{e^{z_j}}{\sum_j e^{z_j}}`;
    const a = analyzeIndices(tree(tex), tex);
    const b = a.binders[0];
    assert.equal(renameInSpan(tex, b.node.span, boundSites(a, b), 'k'), String.raw`\sum_k e^{z_k}`);
  });
});

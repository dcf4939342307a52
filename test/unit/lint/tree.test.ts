// The tree adapter over KaTeX's parse tree. Golden files over a corpus of ML formulas
// (test/fixtures/latex-trees/) pin both KaTeX's raw tree (`katex.__parse` is internal API: an upgrade that
// changes it fails here) and our expression tree with spans. Properties: every span lies in the formula,
// children lie inside parents, composites cover the commands KaTeX gives no location (\frac, \sum, \mathbf).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTex, type KNode } from '../../../src/latex/parse';
import { children, show, walk, type Expr } from '../../../src/latex/tree';
import { buildTree } from '../../../src/latex/treeBuild';
import { lexTex } from '../../../src/latex/treeSpans';
import { checkGolden, fixtures } from '../helpers/golden';

const corpus = readFileSync(fixtures('latex-trees', 'ml-corpus.tex'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('%'));

function treeOf(tex: string): Expr {
  const p = parseTex(tex, true);
  assert.ok(p.nodes, `KaTeX rejected ${tex}: ${p.error?.message}`);
  return buildTree(tex, p.nodes!);
}

/** KaTeX's tree without the lexer objects (they hold the whole input) and with stable key order. */
function rawTree(nodes: readonly KNode[]): unknown {
  return JSON.parse(JSON.stringify(nodes, (k, v) => (k === 'lexer' ? undefined : v)));
}

function describeTree(tex: string, e: Expr): string {
  const lines = [`TEX ${tex}`, `TREE ${show(e)}`];
  walk(e, (n) => {
    if (n.kind !== 'empty') lines.push(`  ${n.kind} [${n.span.start},${n.span.end}) ${JSON.stringify(tex.slice(n.span.start, n.span.end))}`);
  });
  return lines.join('\n');
}

describe('latex tree adapter', () => {
  it('matches the golden KaTeX parse trees (fails on a KaTeX upgrade that changes them)', () => {
    const all = corpus.map((tex) => ({ tex, tree: rawTree(parseTex(tex, true).nodes ?? []) }));
    checkGolden(JSON.stringify(all, null, 1) + '\n', fixtures('latex-trees', 'ml-corpus.katex.json'));
  });

  it('matches the golden expression trees with spans', () => {
    checkGolden(corpus.map((tex) => describeTree(tex, treeOf(tex))).join('\n\n') + '\n', fixtures('latex-trees', 'ml-corpus.trees.txt'));
  });

  it('keeps every span inside the formula and every child inside its parent', () => {
    for (const tex of corpus) {
      walk(treeOf(tex), (n, parent) => {
        assert.ok(0 <= n.span.start && n.span.start <= n.span.end && n.span.end <= tex.length, `${n.kind} out of bounds in ${tex}`);
        if (parent && n.kind !== 'empty') {
          assert.ok(parent.span.start <= n.span.start && n.span.end <= parent.span.end, `${n.kind} ${JSON.stringify(tex.slice(n.span.start, n.span.end))} outside its parent ${parent.kind} ${JSON.stringify(tex.slice(parent.span.start, parent.span.end))}`);
        }
      });
    }
  });

  it('gives commands without a KaTeX location their full source range', () => {
    const tex = String.raw`\frac{a}{b} + \sum_{i=1}^{n} \mathbf{W}_{ij} \hat{y} + \sqrt[3]{x} + \left( z \right)^2 + \operatorname{softmax}(z)`;
    const texts = new Map<string, string[]>();
    walk(treeOf(tex), (n) => {
      const list = texts.get(n.kind) ?? [];
      list.push(tex.slice(n.span.start, n.span.end));
      texts.set(n.kind, list);
    });
    assert.deepEqual(texts.get('frac'), [String.raw`\frac{a}{b}`]);
    assert.deepEqual(texts.get('bigop'), [String.raw`\sum_{i=1}^{n} \mathbf{W}_{ij} \hat{y}`]);
    assert.deepEqual(texts.get('sqrt'), [String.raw`\sqrt[3]{x}`]);
    assert.ok(texts.get('fence')!.includes(String.raw`\left( z \right)`));
    assert.ok(texts.get('symbol')!.includes(String.raw`\mathbf{W}`));
    assert.ok(texts.get('symbol')!.includes(String.raw`\hat{y}`));
    assert.ok(texts.get('operator')!.includes(String.raw`\operatorname{softmax}`));
  });

  it('groups by precedence: relation, then sums, then a big operator up to the next +, then products', () => {
    assert.equal(show(treeOf(String.raw`L = -\sum_i y_i \log \hat y_i + c`)), String.raw`(rel L = (sum -(\sum _i (* y_i (apply op:\log \hat:y_i))) +c))`);
    assert.equal(show(treeOf(String.raw`a \cdot b c`)), String.raw`(* a \cdot b c)`);
    assert.equal(show(treeOf(String.raw`P(y=j|x)`)), String.raw`(call P ((rel y = (* j '|' x))))`);
    assert.equal(show(treeOf(String.raw`\log p_\theta(x)`)), String.raw`(apply op:\log (call p_\theta (x)))`);
    assert.equal(show(treeOf(String.raw`|x| + (a+b)^2`)), String.raw`(sum |x| +((sum a +b))^2)`);
  });

  it('maps spans back to the source TeX when labels.ts rewrote it', () => {
    const source = String.raw`a = b \label{eq:1} + \frac{c}{d}`;
    const rewritten = String.raw`a = b \htmlId{pizarra-eq-1}{} + \frac{c}{d}`;
    const shift = rewritten.length - source.length;
    const labelEnd = source.indexOf('\\label') + '\\label{eq:1}'.length;
    const toSource = (o: number) => (o <= source.indexOf('\\label') ? o : o >= labelEnd + shift ? o - shift : source.indexOf('\\label'));
    const p = parseTex(rewritten, true, undefined, toSource);
    let frac = '';
    walk(buildTree(rewritten, p.nodes!, { tex: source, toSource }), (n) => {
      if (n.kind === 'frac') frac = source.slice(n.span.start, n.span.end);
    });
    assert.equal(frac, String.raw`\frac{c}{d}`);
  });

  it('re-tokenizes control words, control symbols, comments and astral characters', () => {
    assert.deepEqual(lexTex('\\alpha\\,x % c\n{𝑥}').map((t) => [t.text, t.start, t.end]), [
      ['\\alpha', 0, 6], ['\\,', 6, 8], ['x', 8, 9], ['{', 14, 15], ['𝑥', 15, 17], ['}', 17, 18],
    ]);
  });

  it('builds a tree for every node (no node left out of children())', () => {
    for (const tex of corpus) {
      let count = 0;
      walk(treeOf(tex), (n) => {
        count++;
        assert.ok(Array.isArray(children(n)));
      });
      assert.ok(count > 0);
    }
  });
});

// The numeric evaluator (src/latex/evaluate*.ts) against CPython/NumPy: each TeX formula is evaluated with
// the variable values of scripts/golden/lint_evaluate.py and compared with the value Python computed for
// the same formula (test/fixtures/lint/reference-formula/evaluate/cases.json). Also: determinism of the
// seeded sample points, interval reasoning and the adapter's refusal to guess.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate, findDisagreement, samplePoints, SamplePoint, type FixedValue } from '../../../src/latex/evaluate';
import { hasUnknown, show } from '../../../src/latex/evaluateExpr';
import { toNum } from '../../../src/latex/evaluateFromTree';
import { intervalOf, iv, reachesNonPositive, showInterval } from '../../../src/latex/evaluateInterval';
import { parseTex } from '../../../src/latex/parse';
import { buildTree } from '../../../src/latex/treeBuild';
import { fixtures } from '../helpers/golden';

interface GoldenCase {
  name: string;
  tex: string;
  env: Record<string, FixedValue>;
  value: number | null;
}

const cases: GoldenCase[] = JSON.parse(readFileSync(fixtures('lint', 'reference-formula', 'evaluate', 'cases.json'), 'utf8'));

function num(tex: string) {
  const parsed = parseTex(tex, true);
  assert.ok(parsed.nodes, `KaTeX refused ${tex}`);
  return toNum(buildTree(tex, parsed.nodes), tex);
}

describe('lint evaluator', () => {
  describe('agrees with CPython on the golden formulas', () => {
    for (const c of cases) {
      it(c.name, () => {
        const e = num(c.tex);
        assert.ok(!hasUnknown(e), `untranslated part in ${show(e)}`);
        const v = evaluate(e, new SamplePoint({ seed: 1, values: new Map(Object.entries(c.env)) }));
        if (c.value === null) assert.ok(!Number.isFinite(v), `${c.tex}: expected undefined, got ${v}`);
        else assert.ok(Math.abs(v - c.value) <= 1e-12 * Math.max(1, Math.abs(c.value)), `${c.tex}: ${v} vs CPython ${c.value}`);
      });
    }
  });

  it('draws the same sample points on every run, and different ones per seed', () => {
    const e = num(String.raw`\sum_k z_k \hat y_k + n_{in}`);
    const a = samplePoints({ size: 3 }, 4).map((p) => evaluate(e, p));
    const b = samplePoints({ size: 3 }, 4).map((p) => evaluate(e, p));
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, 4);
  });

  it('draws simplex vectors that sum to 1 and positive, unit and integer roles in range', () => {
    for (const p of samplePoints({ size: 4, roles: new Map([['y', 'simplex'], ['s', 'positive'], ['b', 'unit'], ['n', 'integer']]) }, 20)) {
      const total = [1, 2, 3, 4].reduce((acc, i) => acc + p.value('y', [i]), 0);
      assert.ok(Math.abs(total - 1) < 1e-12);
      assert.equal(p.value('y', [5]), 0);
      assert.ok(p.value('s', []) > 0 && p.value('b', []) > 0 && p.value('b', []) < 1);
      assert.ok(Number.isInteger(p.value('n', [])) && p.value('n', []) >= 2);
    }
  });

  it('finds where two forms disagree, and agrees on equivalent forms', () => {
    const ref = num(String.raw`\sigma(x)(1-\sigma(x))`);
    assert.equal(findDisagreement(num(String.raw`\frac{e^{-x}}{(1+e^{-x})^2}`), ref, {}), undefined);
    assert.equal(findDisagreement(num(String.raw`\sigma(x) - \sigma(x)^2`), ref, {}), undefined);
    const d = findDisagreement(num(String.raw`\sigma(x)(1+\sigma(x))`), ref, {});
    assert.ok(d && d.left > d.right);
  });

  it('gives up on sums too large to evaluate while typing (NaN, no stall)', () => {
    const e = num(String.raw`\sum_{i=1}^{999}\sum_{j=1}^{999}\sum_{k=1}^{999} x_{ijk}`);
    assert.ok(Number.isNaN(evaluate(e, new SamplePoint({ seed: 1 }))));
    assert.equal(evaluate(num(String.raw`\sum_{i=1}^{100} i`), new SamplePoint({ seed: 1 })), 5050);
  });

  it('leaves what it cannot read as unknown instead of guessing', () => {
    for (const tex of [String.raw`\frac{d}{dx} f(x)`, String.raw`\int_0^1 x\,dx`, String.raw`a \pm b`, String.raw`\mathbb{E}[X]`, String.raw`\binom{n}{k}`, String.raw`f(x)`]) {
      assert.ok(hasUnknown(num(tex)), tex);
    }
  });

  it('reasons over intervals with open and closed ends', () => {
    const range = (name: string) =>
      name === 'hat y' ? iv(0, 1, true, true) : name === 'y' ? iv(0, 1) : name === 'z' ? iv(-Infinity, Infinity) : name === '\\epsilon' ? iv(0, Infinity, true) : undefined;
    const of = (tex: string) => intervalOf(num(tex), range);
    assert.equal(showInterval(of(String.raw`1-\hat y`)!), '(0, 1)');
    assert.equal(reachesNonPositive(of(String.raw`1-\hat y`)!), false);
    assert.equal(reachesNonPositive(of(String.raw`1-y`)!), true);
    assert.equal(reachesNonPositive(of(String.raw`y+\epsilon`)!), false);
    assert.equal(reachesNonPositive(of(String.raw`1-\tanh^2(z)`)!), false);
    assert.equal(reachesNonPositive(of(String.raw`\sum_k e^{z_k}`)!), false);
    assert.equal(showInterval(of(String.raw`\tanh(z)`)!), '(−1, 1)');
    assert.equal(of(String.raw`x + 1`), undefined);
  });
});

// The static python reader (src/lint/codeTokens.ts, codeExpr.ts, codeRead.ts, codeNumeric.ts) against
// CPython 3.11: tokens and number values from the `tokenize` module, bindings from the `ast` module
// (scripts/golden/lint_python_reading.py → test/fixtures/lint/formula-code-mismatch/reading/tokens.json).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { evaluate, SamplePoint } from '../../../src/latex/evaluate';
import { freeVars } from '../../../src/latex/evaluateExpr';
import { PyExprParser } from '../../../src/lint/codeExpr';
import { logBase, pyToNum } from '../../../src/lint/codeNumeric';
import { readPython } from '../../../src/lint/codeRead';
import { pythonNumber, tokenizePython } from '../../../src/lint/codeTokens';
import { fixtures } from '../helpers/golden';

interface Golden {
  source: string;
  tokens: Array<{ kind: string; text: string; start: number; value?: number | null }>;
  bindings: Array<{ name: string; origin: string; value: number | number[] | null }>;
}

const golden: Golden[] = JSON.parse(readFileSync(fixtures('lint', 'formula-code-mismatch', 'reading', 'tokens.json'), 'utf8'));

const expr = (src: string) => new PyExprParser(tokenizePython(src)).parseList();

/** A constant expression's value, or null (the reader's view of a literal). */
function constant(e: ReturnType<typeof expr>): number | number[] | null {
  if (e.kind === 'tuple') {
    const items = e.items.map(constant);
    return items.every((x) => typeof x === 'number') ? (items as number[]) : null;
  }
  const n = pyToNum(e);
  if (freeVars(n).size > 0) return null;
  const v = evaluate(n, new SamplePoint({ seed: 1 }));
  return Number.isFinite(v) ? v : null;
}

describe('lint python reader', () => {
  golden.forEach((g, i) => {
    it(`tokenizes snippet ${i + 1} as CPython does`, () => {
      const ours = tokenizePython(g.source).map((t) => ({ kind: t.kind, text: t.text, start: t.start }));
      assert.deepEqual(ours, g.tokens.map(({ kind, text, start }) => ({ kind, text, start })));
      for (const t of g.tokens.filter((x) => x.kind === 'number')) {
        const v = pythonNumber(t.text);
        if (t.value === null) assert.ok(Number.isNaN(v), t.text);
        else assert.equal(v, t.value, t.text);
      }
    });

    it(`finds the bindings CPython's ast finds in snippet ${i + 1}`, () => {
      const ours = readPython(g.source)
        .bindings.map((b) => ({ name: b.name, origin: b.origin, value: constant(b.value) }))
        .sort((a, b) => (a.origin + a.name + JSON.stringify(a.value)).localeCompare(b.origin + b.name + JSON.stringify(b.value)));
      const want = [...g.bindings].sort((a, b) => (a.origin + a.name + JSON.stringify(a.value)).localeCompare(b.origin + b.name + JSON.stringify(b.value)));
      assert.deepEqual(ours, want);
    });
  });

  it('reads log bases the way numpy and math define them', () => {
    assert.equal(logBase(expr('np.log(p)')), Math.E);
    assert.equal(logBase(expr('np.log2(p)')), 2);
    assert.equal(logBase(expr('numpy.log10(p)')), 10);
    assert.equal(logBase(expr('math.log(p, 2)')), 2);
    assert.equal(logBase(expr('torch.log(p)')), Math.E);
    assert.equal(logBase(expr('np.exp(p)')), undefined);
  });

  it('evaluates reductions element-wise: -np.sum(y * np.log(p)) is the cross-entropy', () => {
    const y = [0.2, 0.5, 0.3];
    const p = [0.1, 0.7, 0.2];
    const point = new SamplePoint({ seed: 1, size: 3, values: new Map([['y', y], ['p', p]]) });
    const want = -y.reduce((acc, v, i) => acc + v * Math.log(p[i]), 0);
    for (const src of ['-np.sum(y * np.log(p))', '-(y * np.log(p)).sum()', '-np.dot(y, np.log(p))', '-y @ np.log(p)']) {
      assert.ok(Math.abs(evaluate(pyToNum(expr(src)), point) - want) < 1e-12, src);
    }
  });

  it('never throws on arbitrary text, and keeps token offsets inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (src) => {
        const toks = tokenizePython(src);
        for (const t of toks) assert.ok(0 <= t.start && t.start <= t.end && t.end <= src.length);
        readPython(src);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on python-like token soup', () => {
    const parts = ['def', 'f', '(', ')', ':', 'x', '=', '1e-8', 'np.log', '.', 'sum', '[', ']', ',', '\n', '    ', '**', '-', 'lambda', '"s', "'''", '#', '\\\n', 'for', 'in', 'if', 'else', '@', '{', '}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 60 }), (xs) => {
        const r = readPython(xs.join(' '));
        for (const e of r.exprs) pyToNum(e.expr);
      }),
      { numRuns: 300 },
    );
  });
});

// The writer's draft (a verbatim copy in test/fixtures/lint/seed/): the linter must report exactly the
// issue's list — implicit-sum on the chain-rule formula, conditional-bar on P(y=j|x) and on both L(D|M) —
// and nothing else, with every rule at its default severity.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Linter } from '../../../src/lint/engine';
import { buildModel } from '../../../src/markdown/model';
import { fixtures } from '../helpers/golden';

const text = readFileSync(fixtures('lint', 'seed', 'matematicas-tras-el-aprendizaje-profundo.md'), 'utf8');

/** Rule id and the TeX of the formula each finding is about. */
const EXPECTED: Array<[string, string]> = [
  ['implicit-sum', String.raw`\frac{\partial L}{\partial W_i} = \frac{\partial L}{\partial y_j} \cdot \frac{\partial y_j}{\partial W_i}`],
  ['conditional-bar', String.raw`P(y=j|\mathbf{x}) = \frac{e^{z_j}}{\sum_k e^{z_k}}`],
  ['conditional-bar', String.raw`L(M, D) = L(M) + L(D|M)`],
  ['conditional-bar', String.raw`L(D|M)`],
];

describe('lint: the seed article', () => {
  it('reports exactly implicit-sum on the chain rule and conditional-bar on P(y=j|x) and L(D|M)', () => {
    const model = buildModel(text);
    const found = new Linter().lint(model).map((d) => [d.rule, model.math[d.formula]?.tex ?? '(document)']);
    assert.deepEqual(
      found.sort((a, b) => a.join().localeCompare(b.join())),
      EXPECTED.map((e) => [...e]).sort((a, b) => a.join().localeCompare(b.join())),
    );
  });

  it('puts conditional-bar on the bar itself', () => {
    const model = buildModel(text);
    const bars = new Linter().lint(model).filter((d) => d.rule === 'conditional-bar');
    for (const d of bars) assert.equal(text.slice(d.range.start.offset, d.range.end.offset), '|');
  });

  it('reports nothing with implicit-sum off (Einstein notation) and conditional-bar off', () => {
    const found = new Linter().lint(buildModel(text), { einsteinNotation: true, rules: new Map([['conditional-bar', 'off']]) });
    assert.deepEqual(found.map((d) => d.rule), []);
  });
});

// The correct forms of common ML formulas (attention, softmax, cross-entropy, KL, MSE, L2, Adam, batch
// norm, sigmoid/tanh derivatives) in one article: no lint rule may report anything.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Linter } from '../../../src/lint/engine';
import { buildModel } from '../../../src/markdown/model';
import { fixtures } from '../helpers/golden';

describe('lint: correct ML formulas stay silent', () => {
  it('reports nothing on test/fixtures/lint/ml-silent.md', () => {
    const text = readFileSync(fixtures('lint', 'ml-silent.md'), 'utf8');
    const model = buildModel(text);
    const found = new Linter().lint(model).map((d) => `${d.rule} on ${model.math[d.formula]?.tex ?? '?'}: ${d.message}`);
    assert.deepEqual(found, []);
  });
});

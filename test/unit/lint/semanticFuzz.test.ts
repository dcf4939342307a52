// Fuzz for the semantic rules (index-*, implicit-sum, cross-entropy-sign, softmax-normalization,
// log-of-target, reference-formula, log-domain, formula-code-mismatch): single-character mutations of
// their own positive cases, and articles pairing real formulas with random python, never make a rule
// throw (the engine would report `lint-internal`) and keep every range and fix inside the document.
// Time per formula is measured by `npm run bench:lint`, not asserted here.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFix, Linter } from '../../../src/lint/engine';
import { RULES } from '../../../src/lint/registry';
import { buildModel } from '../../../src/markdown/model';
import { readCases } from './cases';

const SEMANTIC = [
  'index-clash', 'index-mismatch', 'implicit-sum', 'cross-entropy-sign', 'softmax-normalization', 'log-of-target',
  'reference-formula', 'log-domain', 'formula-code-mismatch',
];
const linter = new Linter(RULES.filter((r) => SEMANTIC.includes(r.id)));
const corpus = SEMANTIC.flatMap((r) => [...readCases(r, 'fire'), ...readCases(r, 'silent')].map((c) => c.text));
const PIECES = ['\\', '{', '}', '_', '^', '\\sum', '\\log', '\\hat', 'e^{', '\\frac', '(', ')', '|', '-', '=', 'j', 'k', '\\sqrt', '$', '\n'];
const PY = ['np.log', 'np.log2', '(', ')', 'y', '*', '-', 'np.sum', 'eps', '=', '1e-7', ',', 'betas', '0.99', 'def', 'f', ':', '\n', '    ', 'np.sqrt', '/', '+', 'lambda', '#'];

function check(doc: string): void {
  for (const d of linter.lint(buildModel(doc))) {
    assert.notEqual(d.rule, 'lint-internal', `${d.message} in ${JSON.stringify(doc)}`);
    assert.ok(0 <= d.range.start.offset && d.range.start.offset <= d.range.end.offset && d.range.end.offset <= doc.length);
    for (const f of d.fixes) assert.equal(typeof applyFix(doc, f), 'string');
  }
}

describe('semantic lint rules fuzz', () => {
  it('mutations of the rules own cases never fail a rule', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.nat(), fc.constantFrom('delete', 'insert'), fc.constantFrom(...PIECES), (k, at, kind, piece) => {
        const src = corpus[k];
        const i = at % (src.length + 1);
        check(kind === 'delete' ? src.slice(0, i) + src.slice(i + 1) : src.slice(0, i) + piece + src.slice(i));
      }),
      { numRuns: 400 },
    );
  });

  it('random python beside real formulas never fails formula-code-mismatch', () => {
    const formulas = [
      String.raw`$$L = -\sum_i y_i \log \hat y_i$$`,
      String.raw`$\epsilon = 10^{-8}, \beta_2 = 0.999$`,
      String.raw`$$W \sim \mathcal{U}(-a, a), \quad a = \sqrt{\frac{6}{n_{in}+n_{out}}}$$`,
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PY), { maxLength: 50 }), (xs) => check(`${formulas.join('\n\n')}\n\n\`\`\`python\n${xs.join(' ')}\n\`\`\`\n`)),
      { numRuns: 300 },
    );
  });
});

// Fuzz (fast-check): random TeX-ish token soup and single-character mutations of real ML formulas, in
// inline and display math, never make the linter throw, never make a rule fail (no lint-internal), and
// always yield ranges and fix edits inside the document. (Per-formula time is measured in bench/lint.ts.)

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyFix, Linter } from '../../../src/lint/engine';
import { buildModel } from '../../../src/markdown/model';
import { fixtures } from '../helpers/golden';

const corpus = readFileSync(fixtures('latex-trees', 'ml-corpus.tex'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('%'));

const TOKENS = [
  '\\frac', '{', '}', '^', '_', '\\sum', '\\prod', '\\int', '\\left(', '\\right)', '\\left.', '\\right|', '(', ')', '[', ']',
  '|', '\\|', '\\mid', 'x', 'y', 'i', 'j', 'W', 'e', '-', '+', '=', '\\cdot', '2', '10', '\\mathbf', '\\hat', '\\log', 'log',
  'softmax', '\\operatorname{softmax}', '\\sqrt', '\\sqrt[3]', '\\begin{align}', '\\end{align}', '\\begin{pmatrix}', '\\end{pmatrix}',
  '&', '\\\\', '\\label{a}', '\\eqref{a}', '\\eqref{b}', '\\newcommand{\\x}{', '\\def\\y{', '\\text{', 'é', '𝑥', '%', ' ', '\n',
  '\\alpha', '\\mathbb{E}', 'P', '\\top', "'", ',', '\\,', '\\tag{1}', '\\color{red}', '\\unknown', '\\\\[', '#1', '\\over',
];

const linter = new Linter();

function check(doc: string): void {
  const found = linter.lint(buildModel(doc));
  for (const d of found) {
    assert.notEqual(d.rule, 'lint-internal', `${d.message} in ${JSON.stringify(doc)}`);
    assert.ok(d.range.start.offset <= d.range.end.offset && d.range.end.offset <= doc.length);
    for (const f of d.fixes) {
      for (const e of f.edits) assert.ok(0 <= e.range.start.offset && e.range.end.offset <= doc.length);
      assert.equal(typeof applyFix(doc, f), 'string');
    }
  }
}

const wrap = fc.constantFrom((s: string) => `$${s}$`, (s: string) => `$$${s}$$`, (s: string) => `$$\n${s}\n$$`, (s: string) => `> $$${s}$$`);

describe('lint fuzz', () => {
  it('random token soup never throws nor fails a rule', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), wrap, (parts, w) => check(`Text ${w(parts.join(''))} more.\n`)),
      { numRuns: 250 },
    );
  });

  it('single mutations of real formulas never throw nor fail a rule', () => {
    const mutation = fc.record({
      formula: fc.integer({ min: 0, max: corpus.length - 1 }),
      at: fc.nat(),
      kind: fc.constantFrom('delete', 'insert', 'replace'),
      text: fc.constantFrom(...TOKENS),
    });
    fc.assert(
      fc.property(mutation, wrap, ({ formula, at, kind, text }, w) => {
        const src = corpus[formula];
        const i = at % (src.length + 1);
        const mutated =
          kind === 'delete' ? src.slice(0, i) + src.slice(i + 1) : kind === 'insert' ? src.slice(0, i) + text + src.slice(i) : src.slice(0, i) + text + src.slice(i + text.length);
        check(`${w(mutated)}\n\nand $${src}$\n`);
      }),
      { numRuns: 250 },
    );
  });

  it('random unicode strings in math never throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), wrap, (s, w) => check(w(s) + '\n')), { numRuns: 300 });
  });
});

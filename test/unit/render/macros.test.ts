// Macro collection (src/latex/macros.ts): order of sources and persistence of definitions, checked by
// rendering with KaTeX.

import * as assert from 'node:assert/strict';
import katex from 'katex';
import { baseMacros, macrosAtEachFormula, mayDefineMacros } from '../../../src/latex/macros';
import { katexOptions } from '../../../src/latex/katexOptions';

describe('macros', () => {
  it('applies settings, VS Code settings, then front matter, later overriding earlier', () => {
    const { env, problems } = baseMacros({
      pizarra: { '\\V': '\\mathbf{v}', '\\W': 'w_1' },
      vscode: { '\\W': 'w_2', X: 'x' },
      frontMatter: new Map([['\\W', 'w_3']]),
    });
    assert.deepEqual(problems, []);
    assert.deepEqual([...env.macros.entries()].sort(), [['\\V', '\\mathbf{v}'], ['\\W', 'w_3'], ['\\X', 'x']]);
  });

  it('reports entries that are not macros', () => {
    const { env, problems } = baseMacros({ pizarra: { 'a b': 'x', '\\ok': 3 }, frontMatter: ['x'] });
    assert.equal(env.macros.get('\\ok'), '3');
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /'a b' is not a TeX control sequence/);
    assert.match(problems[1].message, /front matter: macros must be a mapping/);
  });

  it('persists \\newcommand, \\renewcommand and \\def downwards, with the same signature when nothing changes', () => {
    const formulas = [
      { tex: 'x', display: false },
      { tex: '\\newcommand{\\half}[1]{\\frac{#1}{2}}', display: true },
      { tex: '\\half{a}', display: false },
      { tex: '\\renewcommand{\\half}[1]{#1/2} \\def\\pair#1,#2.{(#1;#2)}', display: true },
      { tex: '\\half{b} \\pair 1,2.', display: false },
    ];
    const { env } = baseMacros({});
    const { before, after } = macrosAtEachFormula(formulas, env);
    assert.equal(before[0].signature, before[1].signature);
    assert.notEqual(before[1].signature, before[2].signature);
    assert.equal(before[2].signature, before[3].signature);
    assert.ok(after.macros.has('\\pair'));
    const html = katex.renderToString(formulas[4].tex, katexOptions(false, before[4]));
    const mathml = html.slice(0, html.indexOf('<annotation'));
    assert.ok(mathml.includes('<mi mathvariant="normal">/</mi>'), 'renewcommand took effect');
    assert.ok(mathml.includes(';'), 'delimited \\def took effect');
  });

  it('keeps definitions made before an error in the same formula', () => {
    const { before } = macrosAtEachFormula([{ tex: '\\newcommand{\\q}{Q} \\undefinedthing', display: true }, { tex: '\\q', display: false }], baseMacros({}).env);
    assert.ok(before[1].macros.has('\\q'));
  });

  it('does not let a local definition inside braces escape', () => {
    const { after } = macrosAtEachFormula([{ tex: '{\\def\\loc{L}}', display: false }], baseMacros({}).env);
    assert.equal(after.macros.has('\\loc'), false);
  });

  it('only parses formulas that may define something', () => {
    assert.equal(mayDefineMacros('\\frac{a}{b} \\delta'), false);
    assert.equal(mayDefineMacros('\\def\\x{y}'), true);
    assert.equal(mayDefineMacros('\\newcommandx'), false);
  });
});

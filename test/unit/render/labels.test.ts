// Labels, numbering and references (src/latex/labels.ts), checked against what KaTeX then renders.

import * as assert from 'node:assert/strict';
import katex from 'katex';
import { indexLabels, prepareTex, anchorOf, type FormulaInput } from '../../../src/latex/labels';
import { katexOptions } from '../../../src/latex/katexOptions';
import { EMPTY_MACROS } from '../../../src/latex/macros';

const d = (tex: string): FormulaInput => ({ tex, display: true });
const i = (tex: string): FormulaInput => ({ tex, display: false });

/** The visible text of KaTeX's HTML part (the MathML part is for screen readers and may omit tags). */
const visible = (html: string) => html.slice(html.indexOf('katex-html')).replace(/<[^>]+>/g, '');

function renderAll(formulas: FormulaInput[], numbering: 'none' | 'all') {
  const index = indexLabels(formulas, numbering);
  const html = formulas.map((f, k) => katex.renderToString(prepareTex(index, k, f.tex).tex, katexOptions(f.display, EMPTY_MACROS)));
  return { index, html };
}

describe('labels and numbering', () => {
  it('numbers only labelled display formulas under `none`', () => {
    const { index, html } = renderAll([d('a=b'), d('c=d \\label{eq:c}'), i('\\eqref{eq:c}')], 'none');
    assert.deepEqual(index.formulas.map((f) => f.numbers), [[], ['1'], []]);
    assert.equal(index.labels.get('eq:c')?.number, '1');
    assert.ok(html[1].includes(`id="${anchorOf('eq:c')}"`));
    assert.ok(visible(html[1]).includes('(1)'));
    assert.ok(html[2].includes(`href="#${anchorOf('eq:c')}"`));
  });

  it('numbers every display formula under `all`, except \\notag and explicit tags', () => {
    const { index } = renderAll([d('a'), d('b \\notag'), d('c \\tag{A}'), d('e'), i('f')], 'all');
    assert.deepEqual(index.formulas.map((f) => f.numbers), [['1'], [], ['A'], ['2'], []]);
  });

  it('numbers each row of an align, with labels on their rows, and keeps one counter', () => {
    const tex = '\\begin{align} a &= b \\label{r1} \\\\ c &= d \\notag \\\\ e &= f \\label{r3} \\end{align}';
    const { index, html } = renderAll([d('x \\label{first}'), d(tex)], 'none');
    assert.deepEqual(index.formulas[1].numbers, ['2', '3']);
    assert.equal(index.labels.get('r3')?.number, '3');
    const text = visible(html[1]);
    assert.ok(text.includes('(2)') && text.includes('(3)') && !text.includes('(4)'), text);
  });

  it('resolves forward references and shows ?? for unknown labels', () => {
    const formulas = [i('\\eqref{later} + \\ref{missing}'), d('y \\label{later}')];
    const index = indexLabels(formulas, 'none');
    const p = prepareTex(index, 0, formulas[0].tex);
    assert.equal(p.unknownRefs.length, 1);
    assert.equal(p.unknownRefs[0].name, 'missing');
    assert.match(p.tex, /\\href\{#pizarra-eq-later\}\{\\text\{\(1\)\}\}/);
    assert.match(p.tex, /\\text\{\?\?\}/);
  });

  it('reports duplicate labels and labels in inline math', () => {
    const index = indexLabels([d('a \\label{x}'), d('b \\label{x}'), i('c \\label{y}')], 'none');
    assert.deepEqual(index.problems.map((p) => p.code), ['duplicate-label', 'label-in-inline-math']);
    assert.equal(index.labels.get('x')?.formula, 0);
  });

  it('maps KaTeX error positions in the rewritten TeX back to the source', () => {
    const tex = 'a \\label{x} + \\frac{1}{';
    const index = indexLabels([d(tex)], 'none');
    const p = prepareTex(index, 0, tex);
    assert.equal(p.toSource(p.tex.indexOf('+')), tex.indexOf('+'));
    assert.equal(p.toSource(p.tex.indexOf('\\htmlId') + 3), tex.indexOf('\\label'));
    assert.equal(p.toSource(0), 0);
  });

  it('ignores commands in TeX comments and escaped braces', () => {
    const index = indexLabels([d('a % \\label{no}\n + \\{ \\label{yes}')], 'none');
    assert.deepEqual([...index.labels.keys()], ['yes']);
  });

  it('makes safe anchors from any label name', () => {
    assert.equal(anchorOf('eq:loss_1'), 'pizarra-eq-eq:loss_1');
    assert.equal(anchorOf('a b"<'), 'pizarra-eq-a-20-b-22--3c-');
  });
});

// What hovers and the Show Formula panel show (src/editor/math/preview.ts): the SVG with the article's
// macros, KaTeX's own error message, and the referenced equation for \eqref.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import { buildModel } from '../../../src/markdown/model';
import { DEFAULT_CONFIG } from '../../../src/markdown/renderPlan';
import { mathContextOf } from '../../../src/editor/math/context';
import { hoverAt, texForSvg } from '../../../src/editor/math/preview';
import { SvgRenderer } from '../../../src/latex/svg';

const fixture = readFileSync(path.join(__dirname, '../../../test/fixtures/math/labels.md'), 'utf8');

describe('math hover content', () => {
  const renderer = new SvgRenderer();
  const ctx = mathContextOf(buildModel(fixture), DEFAULT_CONFIG);
  const offsetOf = (needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = fixture.indexOf(needle, i + 1);
    assert.ok(i >= 0, needle);
    return i;
  };

  it('renders the formula under the cursor with front-matter macros', () => {
    const info = hoverAt(ctx, offsetOf('\\in \\R^n'), renderer)!;
    assert.equal(info.formula?.katexError, undefined);
    assert.equal(info.formula?.svg.error, undefined);
    assert.match(info.formula!.svg.svg!, /^<svg/);
    assert.equal(fixture.slice(info.start, info.end), '$\\mathbf{x} \\in \\R^n$');
  });

  it('uses macros defined by \\newcommand in an earlier formula', () => {
    const info = hoverAt(ctx, offsetOf('\\loss \\ge 0'), renderer)!;
    assert.equal(info.formula?.katexError, undefined);
    assert.equal(info.formula?.svg.error, undefined);
  });

  it("shows KaTeX's own message for a broken formula", () => {
    const info = hoverAt(ctx, offsetOf('\\frac{a}{'), renderer)!;
    let expected = '';
    try {
      katex.renderToString('\\frac{a}{', { throwOnError: true });
    } catch (e) {
      expected = (e as Error).message;
    }
    assert.equal(info.formula?.katexError, expected);
  });

  it('on \\eqref shows the referenced equation and its number, in prose and in math', () => {
    for (const at of [offsetOf('\\eqref{eq:dense}') + 2, offsetOf('\\eqref{eq:dense}', 1) + 2]) {
      const info = hoverAt(ctx, at, renderer)!;
      assert.equal(info.ref?.name.name, 'eq:dense');
      assert.equal(info.ref?.label?.number, '1');
      assert.equal(info.formula?.span.index, 0);
      assert.match(info.formula!.svg.svg!, /^<svg/);
      assert.deepEqual(info.formula!.numbers, ['1']);
    }
    const nope = hoverAt(ctx, offsetOf('\\eqref{eq:nope}') + 2, renderer)!;
    assert.equal(nope.ref?.label, undefined);
    assert.equal(nope.formula, undefined);
  });

  it('texForSvg drops \\label and writes references as the numbers the preview shows', () => {
    const dense = ctx.model.math[0].index;
    assert.equal(texForSvg(ctx, dense).trim(), '\\mathbf{h} = W\\mathbf{x} + \\mathbf{b}');
    const ref = ctx.model.math.findIndex((m) => m.tex === '\\eqref{eq:dense}');
    assert.equal(texForSvg(ctx, ref), '\\text{(1)}');
  });

  it('outside formulas there is no hover', () => {
    assert.equal(hoverAt(ctx, offsetOf('# Dense layer'), renderer), undefined);
  });
});

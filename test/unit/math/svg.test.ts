// TeX → SVG with MathJax and the article's macros (src/latex/svg.ts, svgMacros.ts).

import * as assert from 'node:assert/strict';
import { SvgRenderer, svgDataUri, svgWithColor } from '../../../src/latex/svg';
import { mathJaxMacros } from '../../../src/latex/svgMacros';
import { baseMacros, definitionsOf, EMPTY_MACROS } from '../../../src/latex/macros';

/** MathJax numbers its glyph ids per conversion (MJX-3-TEX-…): compare drawings without them. */
const drawing = (svg: string | undefined) => (svg ?? '').replace(/MJX-\d+-/g, 'MJX-');

describe('svg renderer', () => {
  const r = new SvgRenderer();

  it('renders a formula to a standalone SVG sized in px, paths in currentColor', () => {
    const out = r.render('\\frac{e^{z_i}}{\\sum_{k} e^{z_k}}', true, EMPTY_MACROS);
    assert.equal(out.error, undefined);
    assert.match(out.svg!, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="[\d.]+px" height="[\d.]+px"/);
    assert.ok(out.widthPx > out.heightPx && out.heightPx > 10);
    assert.match(out.svg!, /currentColor/);
    assert.doesNotMatch(out.svg!, /ex"/);
  });

  it('reports MathJax errors instead of drawing red text', () => {
    assert.equal(r.render('x \\foo y', false, EMPTY_MACROS).error, 'Undefined control sequence \\foo');
    assert.equal(r.render('\\frac{a}{', false, EMPTY_MACROS).error, 'Missing close brace');
  });

  it('expands settings and front-matter macros exactly like their expansion', () => {
    const env = baseMacros({ pizarra: { '\\Rset': '\\mathbb{R}' }, frontMatter: new Map([['norm', '\\lVert #1 \\rVert']]) }).env;
    assert.equal(drawing(r.render('\\Rset^n + \\norm{x}', false, env).svg), drawing(r.render('\\mathbb{R}^n + \\lVert x \\rVert', false, EMPTY_MACROS).svg));
    assert.match(r.render('\\Rset', false, EMPTY_MACROS).error ?? '', /Undefined control sequence \\Rset/);
  });

  it('expands \\newcommand definitions captured by KaTeX (token lists, argument count)', () => {
    const env = definitionsOf('\\newcommand{\\dd}[2]{\\frac{\\partial #1}{\\partial #2}}\\newcommand{\\xa}{\\alpha x}', true, EMPTY_MACROS);
    const macros = mathJaxMacros(env);
    assert.deepEqual(macros.dd, ['\\frac{\\partial #1}{\\partial #2}', 2]);
    assert.equal(macros.xa, '\\alpha x');
    assert.equal(drawing(r.render('\\dd{L}{w}', true, env).svg), drawing(r.render('\\frac{\\partial L}{\\partial w}', true, EMPTY_MACROS).svg));
  });

  it('gives KaTeX-only \\htmlId (what labels.ts writes for \\label) its visible argument', () => {
    assert.equal(r.render('\\htmlId{pizarra-eq-a}{x}', false, EMPTY_MACROS).error, undefined);
  });

  it('caches by TeX, display mode and macro table', () => {
    const a = r.render('a+b', false, EMPTY_MACROS);
    assert.equal(r.render('a+b', false, EMPTY_MACROS), a);
    assert.notEqual(r.render('a+b', true, EMPTY_MACROS), a);
    const env = baseMacros({ pizarra: { '\\R': '\\mathbb{R}' } }).env;
    assert.notEqual(r.render('a+b', false, env), a);
  });

  it('colors and encodes for an <img>', () => {
    const svg = r.render('x', false, EMPTY_MACROS).svg!;
    const colored = svgWithColor(svg, '#d4d4d4');
    assert.match(colored, /^<svg style="color:#d4d4d4"/);
    assert.match(svgWithColor(svg, 'red" onload="x'), /^<svg style="color:black"/);
    const uri = svgDataUri(colored);
    assert.equal(Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8'), colored);
  });
});

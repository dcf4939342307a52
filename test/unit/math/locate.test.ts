// Finding formulas, TeX offsets and label names under the cursor (src/editor/math/locate.ts).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel, texOffsetToDocument } from '../../../src/markdown/model';
import { mathContextOf } from '../../../src/editor/math/context';
import { documentOffsetToTex, nameAt, occurrences, proseRefs, spanAt } from '../../../src/editor/math/locate';
import { DEFAULT_CONFIG } from '../../../src/markdown/renderPlan';

const root = path.join(__dirname, '../../..');
const fixture = readFileSync(path.join(root, 'test/fixtures/math/labels.md'), 'utf8');
const articles = [fixture, readFileSync(path.join(root, 'examples/matematicas-del-aprendizaje-profundo.md'), 'utf8')];

describe('math locate', () => {
  it('documentOffsetToTex inverts texOffsetToDocument at every TeX offset (quotes, lists, fences)', () => {
    let checked = 0;
    for (const text of articles) {
      const model = buildModel(text);
      for (const span of model.math) {
        for (let i = 0; i <= span.tex.length; i++) {
          const doc = texOffsetToDocument(span, i);
          // Line breaks inside a quoted formula map to the next line's prefix: skip the one offset at `\n`.
          if (span.tex[i - 1] === '\n') continue;
          assert.equal(documentOffsetToTex(span, doc), i, `formula ${span.index} offset ${i}`);
          assert.equal(text[doc], span.tex[i] ?? text[doc]);
          checked++;
        }
      }
    }
    assert.ok(checked > 500);
  });

  it('spanAt finds the formula containing an offset, delimiters included, and nothing between formulas', () => {
    const model = buildModel(fixture);
    for (const span of model.math) {
      assert.equal(spanAt(model, span.range.start.offset), span);
      assert.equal(spanAt(model, span.range.end.offset), span);
      assert.equal(spanAt(model, span.contentRange.start.offset + 1)?.index, span.index);
    }
    assert.equal(spanAt(model, fixture.indexOf('# Dense layer')), undefined);
  });

  it('nameAt reads labels and references in math and in prose, but not in code spans', () => {
    const ctx = mathContextOf(buildModel(fixture), DEFAULT_CONFIG);
    const at = (needle: string, nth = 0, shift = 3) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = fixture.indexOf(needle, i + 1);
      return nameAt(ctx, i + shift);
    };
    const label = at('\\label{eq:dense}');
    assert.equal(label?.kind, 'label');
    assert.equal(label?.name, 'eq:dense');
    assert.equal(fixture.slice(label!.nameStart, label!.nameEnd), 'eq:dense');
    const prose = at('\\eqref{eq:dense}');
    assert.equal(prose?.kind, 'eqref');
    assert.equal(prose?.formula, -1);
    const inMath = at('\\eqref{eq:dense}', 1);
    assert.equal(inMath?.kind, 'eqref');
    assert.equal(inMath?.formula, 3);
    assert.equal(at('\\eqref{eq:dense}', 2), undefined, 'code span');
    assert.equal(at('\\label{eq:ce}')?.name, 'eq:ce');
  });

  it('occurrences lists the definition and every reference, each covering exactly the name', () => {
    const ctx = mathContextOf(buildModel(fixture), DEFAULT_CONFIG);
    const dense = occurrences(ctx, 'eq:dense');
    assert.deepEqual(dense.map((o) => o.kind), ['label', 'eqref', 'eqref']);
    for (const o of dense) assert.equal(fixture.slice(o.nameStart, o.nameEnd), 'eq:dense');
    const ce = occurrences(ctx, 'eq:ce');
    assert.deepEqual(ce.map((o) => o.kind), ['label', 'eqref']);
    assert.deepEqual(proseRefs(ctx).map((r) => r.name), ['eq:dense', 'eq:ce', 'eq:nope']);
  });
});

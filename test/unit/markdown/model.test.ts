// Golden tests of the document model: each test/fixtures/markdown/*.md next to its expected *.model.json.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { buildModel, texOffsetToDocument, type DocumentModel } from '../../../src/markdown/model';
import { checkGolden, fixtures } from '../helpers/golden';

const dir = fixtures('markdown');
const pos = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;

/** A readable, stable projection of the model (1-based line:column like editors show). */
function describe_(m: DocumentModel): unknown {
  return {
    frontMatter: m.frontMatter && {
      range: `${pos(m.frontMatter.range.start)}-${pos(m.frontMatter.range.end)}`,
      data: Object.fromEntries(m.frontMatter.data),
    },
    diagnostics: m.diagnostics.map((d) => `${pos(d.range.start)} ${d.severity} ${d.code}: ${d.message}`),
    math: m.math.map((s) => ({
      delimiter: s.delimiter,
      display: s.display,
      tex: s.tex,
      range: `${pos(s.range.start)}-${pos(s.range.end)}`,
      content: `${pos(s.contentRange.start)}-${pos(s.contentRange.end)}`,
    })),
    code: m.code.map((c) => ({
      lang: c.lang,
      info: c.info,
      fenceLine: c.fenceLine + 1,
      closeLine: c.closeLine === undefined ? null : c.closeLine + 1,
      content: c.content,
    })),
  };
}

describe('document model', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    it(`matches the golden model of ${file}`, () => {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const model = buildModel(text);
      checkGolden(JSON.stringify(describe_(model), null, 2) + '\n', `${dir}/${file.replace(/\.md$/, '.model.json')}`);
    });

    it(`maps every TeX character of ${file} back to the same character in the source`, () => {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      for (const span of buildModel(text).math) {
        for (let i = 0; i < span.tex.length; i++) {
          if (span.tex[i] === '\n') continue;
          const at = texOffsetToDocument(span, i);
          assert.equal(text[at], span.tex[i], `formula ${span.index} (${JSON.stringify(span.tex)}) offset ${i} -> ${at}`);
        }
      }
    });
  }

  it('never throws on hostile input', () => {
    const samples = ['$', '$$', '$$$', '\\(', '\\[', '```', '---\n', '---\na: [\n---\n', '$a\\$', '\\', '> $$\n', '|$|\n|-|\n|$|', '\r\n$x$\r\n', '\0$\0$'];
    for (const s of samples) buildModel(s);
  });

  it('reads CRLF documents with the same positions as LF ones', () => {
    const lf = buildModel('a $x$\n\n$$\ny\n$$\n');
    const crlf = buildModel('a $x$\r\n\r\n$$\r\ny\r\n$$\r\n');
    assert.deepEqual(crlf.math.map((s) => [pos(s.range.start), pos(s.range.end), s.tex]), lf.math.map((s) => [pos(s.range.start), pos(s.range.end), s.tex]));
  });
});

// The preview and the document model (which the linter, hovers and CLI use) must see the same formulas in
// the same order: equation numbers and macros in effect depend on it. Checked on the fixtures, the
// example article and random documents built from tricky pieces.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownIt } from '../../../src/markdown/engine';
import { buildModel } from '../../../src/markdown/model';
import { pizarraMarkdownIt } from '../../../src/markdown/render';
import { planOf } from '../../../src/markdown/renderPlan';
import { fixtures, repoRoot } from '../helpers/golden';

const md = pizarraMarkdownIt(createMarkdownIt());

function previewFormulas(text: string): Array<[string, boolean]> {
  const env = {};
  md.parse(text, env);
  return planOf(env)!.formulas.map((f) => [f.tex, f.display]);
}

const modelFormulas = (text: string): Array<[string, boolean]> => buildModel(text).math.map((m) => [m.tex, m.display]);

const PIECES = [
  'Text $a_1$ and $b^*$.',
  '$$\n\\sum_i x_i \\label{s}\n$$',
  '$$ y $$',
  '\\[ z \\]',
  'Inline \\(w\\) and $$v$$ display.',
  '```math\n\\frac{1}{2}\n```',
  '```python\nx = "$5"\n```',
  '| a | b |\n|---|---|\n| $\\|x\\|$ | $y$ |',
  '> quote $q$\n> $$\n> r\n> $$',
  '- item $i$\n- item\n\n  $$\n  j\n  $$',
  'costs $5 and $10',
  'See \\eqref{s} and `$code$`.',
  '---',
  '# Heading $h$',
];

describe('preview and document model agree on the formulas', () => {
  const files = readdirSync(fixtures('render')).filter((f) => f.endsWith('.md')).map((f) => fixtures('render', f));
  const example = path.join(repoRoot, 'examples', 'matematicas-del-aprendizaje-profundo.md');
  const draft = path.join(repoRoot, '..', 'shared', 'seed', 'matematicas-tras-el-aprendizaje-profundo.md');
  for (const f of [example, draft]) if (existsSync(f)) files.push(f);
  for (const file of files) {
    it(`on ${path.basename(file)}`, () => {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(previewFormulas(text), modelFormulas(text));
    });
  }

  it('on random documents', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.boolean(), (pieces, frontMatter) => {
        const text = (frontMatter ? '---\ntitle: T\n---\n\n' : '') + pieces.join('\n\n') + '\n';
        assert.deepEqual(previewFormulas(text), modelFormulas(text));
      }),
      { numRuns: 300 },
    );
  });
});

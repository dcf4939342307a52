// The ML formula snippets expand to Markdown that renders with KaTeX and passes every lint rule
// (docs/LINT-RULES.md): \operatorname, \mid, \text in subscripts, no implicit sums, explicit minus.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from '../../../src/lint/engine';
import { buildModel } from '../../../src/markdown/model';

const file = path.join(__dirname, '../../../snippets/ml-formulas.code-snippets');

/** VS Code's snippet syntax, as much as our bodies use: `\` escapes `$`, `}` and `\`; `${n:default}`, `$n`. */
function expand(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && '$}\\'.includes(body[i + 1])) {
      out += body[++i];
    } else if (c === '$' && body[i + 1] === '{') {
      const colon = body.indexOf(':', i);
      // The default runs to the first unescaped `}`.
      let j = colon + 1;
      let def = '';
      while (j < body.length && body[j] !== '}') {
        if (body[j] === '\\' && '$}\\'.includes(body[j + 1])) j++;
        def += body[j++];
      }
      out += def;
      i = j;
    } else if (c === '$' && /\d/.test(body[i + 1])) {
      while (/\d/.test(body[i + 1])) i++;
    } else out += c;
  }
  return out;
}

/** JSONC: VS Code's snippet files may start with `//` comments. */
function readSnippets(): Record<string, { prefix: string; body: string[] }> {
  const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return JSON.parse(text);
}

describe('math snippets', () => {
  const snippets = readSnippets();
  const linter = new Linter();

  it('covers the formulas the issue lists', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix).sort();
    assert.deepEqual(prefixes, ['adam', 'attention', 'cross-entropy', 'glorot', 'mse', 'sigmoid', 'softmax']);
  });

  it('expands placeholders and escapes like VS Code', () => {
    assert.equal(expand('\\$\\$ ${1:\\mathbf{z\\}} $1 a \\\\\\\\ b$0'), '$$ \\mathbf{z}  a \\\\ b');
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${s.prefix}: one display formula with no lint findings`, () => {
      const text = `Some prose.\n\n${expand(s.body.join('\n'))}\n`;
      const model = buildModel(text);
      assert.equal(model.math.length, 1, `${name} should be one formula`);
      assert.equal(model.math[0].display, true);
      const found = linter.lint(model).map((d) => `${d.rule}: ${d.message}`);
      assert.deepEqual(found, [], `${name}:\n${model.math[0].tex}`);
    });
  }

  it('the linter does flag a broken variant (the check has teeth)', () => {
    const model = buildModel('$$\nL = \\sum_{k=1}^{K} y_k \\log \\hat{y}_k\n$$\n');
    assert.ok(linter.lint(model).some((d) => d.rule === 'cross-entropy-sign'));
  });
});

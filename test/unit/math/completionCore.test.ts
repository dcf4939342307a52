// Which completion applies at the cursor (src/editor/math/completionCore.ts).

import * as assert from 'node:assert/strict';
import { buildModel } from '../../../src/markdown/model';
import { completionContextAt } from '../../../src/editor/math/completionCore';

/** `|` marks the cursor. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completionContextAt(buildModel(text), offset);
}

describe('math completion context', () => {
  it('a command after a backslash inside a formula', () => {
    assert.deepEqual(at('Text $\\so|$ more.'), { kind: 'command', start: 6, prefix: 'so', display: false, closed: false, end: 9 });
    assert.equal(at('$$\n\\frac{a}{\\al|}\n$$\n')?.kind, 'command');
    assert.equal(at('$$\n\\frac{a}{\\al|}\n$$\n')?.display, true);
  });

  it('also in a formula still being typed (no closing $ yet)', () => {
    assert.equal(at('Text $x + \\al|')?.kind, 'command');
    assert.equal(at('Text \\(x + \\al|')?.kind, 'command');
  });

  it('nothing in prose, in code, or after \\\\ (a line break)', () => {
    assert.equal(at('Text \\al| here'), undefined);
    assert.equal(at('```python\nx = "$\\al|"\n```\n'), undefined);
    assert.equal(at('$$\na \\\\| b\n$$\n'), undefined);
  });

  it('an environment after \\begin{, knowing whether } follows', () => {
    assert.deepEqual(at('$$\n\\begin{al|\n$$\n'), { kind: 'environment', start: 10, prefix: 'al', display: true, closed: false, end: 12 });
    assert.equal(at('$$\n\\begin{|}\n$$\n')?.closed, true);
  });

  it('\\end{ knows the innermost environment still open', () => {
    const c = at('$$\n\\begin{cases} a \\begin{matrix} b \\end{matrix} \\\\ c \\end{ca|\n$$\n');
    assert.equal(c?.kind, 'end');
    assert.equal(c?.open, 'cases');
    assert.equal(at('$$\n\\begin{aligned} a \\end{aligned} \\end{|}\n$$\n')?.open, undefined);
  });

  it('replaces the rest of the word after the cursor', () => {
    assert.equal(at('See \\eqref{eq:d|ense} here.')?.end, 'See \\eqref{eq:dense'.length);
    assert.equal(at('$\\fr|ac{a}{b}$')?.end, '$\\frac'.length);
    assert.equal(at('$$\n\\begin{ali|gned}\n$$\n')?.end, '$$\n\\begin{aligned'.length);
    assert.equal(at('$$\n\\begin{ali|gned}\n$$\n')?.closed, true);
  });

  it('a label after \\eqref{ or \\ref{, in math and in prose', () => {
    assert.deepEqual(at('See \\eqref{eq:|} here.'), { kind: 'label', start: 11, prefix: 'eq:', display: false, closed: true, end: 14 });
    assert.equal(at('$x = \\ref{|}$')?.kind, 'label');
  });
});

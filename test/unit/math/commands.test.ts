// The KaTeX command list used for completion (src/latex/commands.ts, generated commandsData.ts) agrees
// with the KaTeX we ship: every entry renders, with the argument count and glyph KaTeX gives it.

import * as assert from 'node:assert/strict';
import katex from 'katex';
import { exampleOf, katexCommands, katexEnvironments } from '../../../src/latex/commands';
import { KATEX_VERSION } from '../../../src/latex/commandsData';

describe('KaTeX command list', () => {
  const byName = new Map(katexCommands().map((c) => [c.name, c]));

  it('was generated from the installed KaTeX', () => {
    assert.equal(KATEX_VERSION, (require('katex/package.json') as { version: string }).version);
  });

  it('every command with a known argument count renders with placeholder arguments', () => {
    const quiet = console.warn;
    console.warn = () => {};
    try {
      const broken = katexCommands()
        .filter((c) => c.args !== undefined)
        .filter((c) => {
          try {
            katex.renderToString(exampleOf(c), { throwOnError: true, strict: 'ignore' });
            return false;
          } catch {
            return true;
          }
        })
        .map((c) => c.name);
      assert.deepEqual(broken, []);
    } finally {
      console.warn = quiet;
    }
    assert.ok(katexCommands().length > 800);
  });

  it('knows the everyday commands, their arguments and glyphs', () => {
    assert.deepEqual(byName.get('\\sum'), { name: '\\sum', args: 0, glyph: '∑' });
    assert.deepEqual(byName.get('\\alpha'), { name: '\\alpha', args: 0, glyph: 'α' });
    assert.equal(byName.get('\\frac')?.args, 2);
    assert.equal(byName.get('\\sqrt')?.args, 1);
    assert.equal(byName.get('\\operatorname')?.args, 1);
    assert.equal(byName.has('\\softmax'), false);
  });

  it('every environment renders in display math', () => {
    for (const e of katexEnvironments()) {
      assert.doesNotThrow(() => katex.renderToString(`\\begin{${e.name}}${e.arg} a \\end{${e.name}}`, { throwOnError: true, displayMode: true }), e.name);
    }
    assert.ok(katexEnvironments().some((e) => e.name === 'aligned'));
  });
});

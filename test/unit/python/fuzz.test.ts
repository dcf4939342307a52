// Fuzz: random token soups and mutations of corpus programs must never make the tokenizer, parser or
// interpreter throw a JavaScript exception or hang — every run ends with a result or a Python error.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Session } from '../../../src/python';
import { sandboxModules } from '../../../src/sandbox';
import { fixtures } from '../helpers/golden';
import { splitBundle } from './corpusRunner';

const corpus = readdirSync(fixtures('python', 'corpus'))
  .filter((f) => f.endsWith('.py'))
  .flatMap((f) => splitBundle(readFileSync(path.join(fixtures('python', 'corpus'), f), 'utf8')).map((c) => c.source));

const TOKENS = [
  'x', 'y', 'f', 'self', 'None', 'True', '1', '0', '2.5', '"s"', "'t'", 'f"{x}"', '(', ')', '[', ']', '{', '}', ':', ',', '.',
  '=', '==', '+', '-', '*', '/', '//', '%', '**', '@', '<', '>', 'not', 'and', 'or', 'in', 'is', 'if', 'else', 'elif',
  'for', 'while', 'def', 'class', 'return', 'yield', 'lambda', 'try', 'except', 'finally', 'raise', 'with', 'as',
  'import', 'from', 'numpy', 'np', 'global', 'nonlocal', 'del', 'pass', 'break', 'continue', 'print', 'len', 'range',
  '\n', '\n    ', '\n        ', ' ', '\\', '#', ';', '*', '**', 'super()', '__class__', '__dict__',
];

function runSafely(src: string): void {
  const s = new Session({ modules: sandboxModules({ memoryCapBytes: 1 << 24 }) });
  let r;
  try {
    r = s.run(src, { filename: 'fuzz.py', maxSteps: 50000, timeoutMs: 2000 });
  } catch (e) {
    assert.fail(`host exception for program:\n${src}\n---\n${(e as Error)?.stack ?? e}`);
  }
  if (!r.ok) assert.ok(r.error && typeof r.error.type === 'string' && r.error.traceback.length > 0, `no Python error for:\n${src}`);
}

describe('python fuzz', function () {
  this.timeout(120000);

  it('random token sequences end in a result or a Python error', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }), (toks) => runSafely(toks.join(' '))),
      { numRuns: 400, seed: 12345 },
    );
  });

  it('mutated corpus programs end in a result or a Python error', () => {
    const mutation = fc.record({
      prog: fc.integer({ min: 0, max: corpus.length - 1 }),
      at: fc.nat(),
      len: fc.integer({ min: 0, max: 6 }),
      insert: fc.constantFrom('', ' ', '(', ')', ':', '\n', '    ', 'x', '0', '"', "'", '[', ']', ',', '=', '*', 'None', 'yield '),
    });
    fc.assert(
      fc.property(mutation, ({ prog, at, len, insert }) => {
        const src = corpus[prog];
        const i = at % (src.length + 1);
        runSafely(src.slice(0, i) + insert + src.slice(i + len));
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('arbitrary unicode text never crashes the front end', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => runSafely(s)), { numRuns: 300, seed: 7 });
  });
});

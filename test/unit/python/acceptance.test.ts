// Acceptance: `pizarra exec` runs the article's sgd_update and DenseLayer blocks (with numpy) plus a
// training loop and prints exactly what CPython + NumPy printed (scripts/golden/python-acceptance.mjs).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main } from '../../../src/cli/main';
import { fixtures } from '../helpers/golden';

async function exec(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['exec', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: fixtures('python', 'acceptance'), isTTY: false });
  return { code, out, err };
}

describe('pizarra exec (acceptance)', () => {
  it('runs the DenseLayer/sgd_update training program like CPython + NumPy', async () => {
    const exp = JSON.parse(readFileSync(fixtures('python', 'acceptance', 'mlp.expected.json'), 'utf8'));
    const r = await exec(['mlp.py']);
    assert.equal(r.out, exp.stdout);
    assert.equal(r.err, exp.stderr);
    assert.equal(r.code, exp.exit);
  });

  it('prints a traceback with the absolute file name and exits 1 on an uncaught exception', async () => {
    const r = await exec(['boom.py']);
    assert.equal(r.code, 1);
    assert.equal(r.out, 'before\n');
    const file = fixtures('python', 'acceptance', 'boom.py');
    assert.equal(r.err, `Traceback (most recent call last):\n  File "${file}", line 4, in <module>\n    f([1, 2])\n  File "${file}", line 2, in f\n    return xs[2]\n           ~~^^^\nIndexError: list index out of range\n`);
  });

  it('reports a missing file as a usage error (exit 2)', async () => {
    const r = await exec(['nope.py']);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read 'nope.py'/);
  });
});

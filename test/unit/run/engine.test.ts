// The real engine behind the worker: error lines in Markdown terms (the failing call inside the block, and
// the line that raised when it is in another block), the prelude, state between runs.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildModel } from '../../../src/markdown/model';
import { runnableBlocks } from '../../../src/sandbox/blocks';
import { SandboxClient } from '../../../src/sandbox/client';
import { createEngineSession, frameLines } from '../../../src/sandbox/engineAdapter';
import { WARMUP_SOURCE } from '../../../src/sandbox/warmup';
import { fixtures } from '../helpers/golden';
import { workerBundle } from './workerBundle';

describe('engine adapter (real interpreter)', function () {
  this.timeout(60_000);

  it('reports the failing line inside the block and the line that raised in another block', async () => {
    const blocks = runnableBlocks(buildModel(readFileSync(fixtures('run', 'errors.md'), 'utf8')).code);
    const client = new SandboxClient({ workerPath: await workerBundle('real') });
    try {
      const results = [];
      for (const b of blocks.slice(0, 2)) results.push(await client.run({ source: b.source, filename: 'errors.md', lineOffset: b.lineOffset }));
      assert.equal(results[0].status, 'ok');
      const e = results[1].error!;
      assert.equal(results[1].output, '2.0\n3.0\n');
      assert.equal(e.summary, 'ZeroDivisionError: division by zero');
      // Lines of the fixture: `print(ratio(6, v))` is line 17, `return a / b` line 7.
      assert.equal(e.line, 17);
      assert.equal(e.raisedAt, 7);
    } finally {
      client.dispose();
    }
  });

  it('runs the JIT warm-up program cleanly and silently in our interpreter', () => {
    let out = '';
    const engine = createEngineSession({ write: (_s, t) => (out += t), interrupt: new Int32Array(1), tensorBytes: 1 << 28, timeoutMs: 30_000 });
    const r = engine.run(WARMUP_SOURCE, '<warm-up>', 0);
    assert.deepEqual(r, { ok: true });
    assert.equal(out, '');
  });

  it('a warmed-up worker gives the writer a fresh session that owns numpy warnings and output', async () => {
    const client = new SandboxClient({ workerPath: await workerBundle('real'), prelude: '' });
    try {
      assert.equal(await client.warmUp(), true);
      // Names the warm-up program defined do not exist in the writer's session.
      const probe = 'found = []\nfor probe in (lambda: Point, lambda: work, lambda: W, lambda: np, lambda: math):\n    try:\n        probe()\n        found.append(True)\n    except NameError:\n        found.append(False)\nprint(found)';
      const leak = await client.run({ source: probe, filename: 'a.md', lineOffset: 0 });
      assert.equal(leak.output, '[False, False, False, False, False]\n');
      const r = await client.run({ source: 'import numpy as np\nx = np.array([1.0, 0.0])\nprint(x / 0)', filename: 'a.md', lineOffset: 10 });
      assert.equal(r.status, 'ok');
      assert.match(r.output, /a\.md:13: RuntimeWarning: divide by zero encountered in divide/);
      assert.match(r.output, /\[inf nan\]\n$/);
    } finally {
      client.dispose();
    }
  });

  it('reads frame lines of the last exception of a chain', () => {
    const tb = [
      'Traceback (most recent call last):',
      '  File "a.md", line 3, in <module>',
      'KeyError: 1',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "a.md", line 5, in <module>',
      '  File "other.py", line 9, in f',
      '  File "a.md", line 2, in g',
      'ValueError: x',
    ].join('\n');
    assert.deepEqual(frameLines(tb, 'a.md'), [5, 2]);
  });
});

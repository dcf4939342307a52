// The real engine behind the worker: error lines in Markdown terms (the failing call inside the block, and
// the line that raised when it is in another block), the prelude, state between runs.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildModel } from '../../../src/markdown/model';
import { runnableBlocks } from '../../../src/sandbox/blocks';
import { SandboxClient } from '../../../src/sandbox/client';
import { frameLines } from '../../../src/sandbox/engineAdapter';
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

// `pizarra run` and `pizarra check` in-process, against the worker with the fake engine: headers with line
// numbers, tracebacks on stderr, exit codes, --keep-going, --timeout, --prelude, skipped `norun` fences.

import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setDefaultWorkerPath } from '../../../src/sandbox/client';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { workerBundle } from './workerBundle';

const article = [
  '# Title', //                1
  '', //                       2
  '```python', //              3
  'print one', //              4
  'set a 1', //                5
  '```', //                    6
  '', //                       7
  '```python norun', //        8
  'raise never', //            9
  '```', //                    10
  '', //                       11
  '```python', //              12
  'print two', //              13
  'raise boom', //             14
  '```', //                    15
  '', //                       16
  '```py', //                  17
  'get a', //                  18
  '```', //                    19
  '',
].join('\n');

describe('pizarra run / check (fake engine)', () => {
  let dir: string;
  before(async () => {
    setDefaultWorkerPath(await workerBundle('fake'));
    dir = tempDir('pizarra-run-');
    writeFileSync(path.join(dir, 'a.md'), article);
    writeFileSync(path.join(dir, 'loop.md'), '```python\nset z 5\n```\n\n```python\nloop\n```\n\n```python\nget z\n```\n');
  });
  after(() => setDefaultWorkerPath(undefined));

  it('prints each block under a header with its line and stops at the first error with exit 1', async () => {
    const r = await runCli(['run', 'a.md', '--prelude', ''], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '── a.md:3 · block 1 ──\none\n── a.md:12 · block 2 ──\ntwo\n');
    assert.match(r.stderr, /line 14\nValueError: boom\n$/);
  });

  it('--keep-going runs the rest and still exits 1', async () => {
    const r = await runCli(['run', 'a.md', '--keep-going', '--prelude', ''], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /── a\.md:17 · block 3 ──\n1\n$/);
  });

  it('runs the prelude first, in the same session', async () => {
    const r = await runCli(['run', 'a.md', '--keep-going', '--prelude', 'print prelude'], dir);
    assert.match(r.stdout, /^── a\.md:3 · block 1 ──\nprelude\none\n/);
  });

  it('--timeout stops a loop, names the setting, and --keep-going keeps the variables', async () => {
    const r = await runCli(['run', 'loop.md', '--timeout', '0.3', '--keep-going', '--prelude', ''], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Stopped after 0\.3 s \(time limit, setting pizarra\.run\.timeoutSeconds\)/);
    assert.match(r.stdout, /── loop\.md:9 · block 3 ──\n5\n$/);
  });

  it('exits 0 when every block runs', async () => {
    writeFileSync(path.join(dir, 'ok.md'), '```python\nprint fine\n```\n');
    const r = await runCli(['run', 'ok.md', '--prelude', ''], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '── ok.md:1 · block 1 ──\nfine\n');
  });

  it('rejects a non-positive --timeout with exit 2', async () => {
    const r = await runCli(['run', 'ok.md', '--timeout', '0'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--timeout/);
  });

  it('check runs every file and exits 1 when a block fails', async () => {
    const r = await runCli(['check', 'ok.md', 'a.md', '--prelude', ''], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /── ok\.md:1 · block 1 ──\nfine\n/);
    assert.match(r.stdout, /── a\.md:17 · block 3 ──\n1\n/);
  });
});

// `pizarra run` on articles, in the real worker with the real interpreter and numpy, against what CPython +
// NumPy print for the same blocks (test/fixtures/run/*.stdout|stderr|exit, from
// scripts/golden/run_articles.py): outputs under headers, tracebacks naming the Markdown file and line.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { setDefaultWorkerPath } from '../../../src/sandbox/client';
import { runCli } from '../helpers/cli';
import { fixtures } from '../helpers/golden';
import { workerBundle } from './workerBundle';

const dir = fixtures('run');
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');

describe('pizarra run on articles (real interpreter, CPython goldens)', function () {
  this.timeout(60_000);
  before(async () => setDefaultWorkerPath(await workerBundle('real')));
  after(() => setDefaultWorkerPath(undefined));

  for (const md of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const name = md.slice(0, -3);
    for (const keepGoing of [false, true]) {
      const suffix = keepGoing ? '.keep-going' : '';
      it(`${md}${keepGoing ? ' --keep-going' : ''} prints what CPython prints`, async () => {
        const r = await runCli(['run', md, ...(keepGoing ? ['--keep-going'] : [])], dir);
        assert.equal(r.stdout, read(`${name}${suffix}.stdout`));
        assert.equal(r.stderr, read(`${name}${suffix}.stderr`));
        assert.equal(String(r.code), read(`${name}${suffix}.exit`).trim());
      });
    }
  }

  it('render --run puts under each block of the example what CPython printed for it', async () => {
    const r = await runCli(['render', 'example.md', '-o', '-', '--run'], dir);
    assert.equal(r.code, 0, r.stderr);
    const expected = read('example.stdout').split(/^── .*──\n/m).filter((s) => s !== '');
    assert.equal(expected.length, 4);
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const divs = [...r.stdout.matchAll(/<div class="pizarra-output">([^<]*)<\/div>/g)].map((m) => m[1]);
    assert.deepEqual(divs, expected.map((e) => esc(e.replace(/\n$/, ''))));
  });
});

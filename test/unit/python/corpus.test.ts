// Conformance corpus: each case of test/fixtures/python/corpus/<area>.py must print exactly what
// CPython 3.11 (+ NumPy 2.4.6) printed (stdout, stderr with tracebacks, exit status), as recorded by
// scripts/golden/python-corpus.mjs in <area>.expected.json.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtures } from '../helpers/golden';
import { runCase, splitBundle } from './corpusRunner';

const dir = fixtures('python', 'corpus');

describe('python conformance corpus', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
    const area = f.slice(0, -3);
    const expected = JSON.parse(readFileSync(path.join(dir, `${area}.expected.json`), 'utf8')).cases as Record<string, { stdout: string; stderr: string; exit: number }>;
    describe(area, () => {
      for (const c of splitBundle(readFileSync(path.join(dir, f), 'utf8'))) {
        it(c.name, () => {
          const exp = expected[c.name];
          assert.ok(exp, `no expectation for ${c.name}: run node scripts/golden/python-corpus.mjs ${area}`);
          const got = runCase(c.name, c.source);
          assert.equal(got.stdout, exp.stdout, 'stdout');
          assert.equal(got.stderr, exp.stderr, 'stderr');
          assert.equal(got.exit, exp.exit, 'exit status');
        });
      }
    });
  }
});

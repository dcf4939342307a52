// Python's random.gauss equals CPython's draw for draw: it goes through the C library's cos and sin of
// 2π·random() (glibc's, src/common/libm/glibcSin.ts) and log. 400 draws over four seeds and (mu, sigma),
// from test/fixtures/common/libm-trig.json (scripts/golden/common_libm_trig.py).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Session } from '../../../src/python';
import { fixtures } from '../helpers/golden';

interface Gauss { seed: number; mu: number; sigma: number; draws: string[] }
const cases = (JSON.parse(readFileSync(fixtures('common', 'libm-trig.json'), 'utf8')) as { gauss: Gauss[] }).gauss;
const view = new DataView(new ArrayBuffer(8));
const hex = (v: number) => (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0'));

describe('random.gauss', () => {
  for (const c of cases) {
    it(`equals CPython's ${c.draws.length} draws after seed(${c.seed}), mu=${c.mu}, sigma=${c.sigma}`, () => {
      let out = '';
      const s = new Session({ stdout: (x) => (out += x), stderr: (x) => (out += x) });
      const r = s.run(`import random\nrandom.seed(${c.seed})\nfor _ in range(${c.draws.length}):\n    print(repr(random.gauss(${c.mu}, ${c.sigma})))\n`, { filename: 'gauss.py' });
      assert.ok(r.ok, out);
      const got = out.trim().split('\n').map((l) => hex(Number(l)));
      assert.equal(got.length, c.draws.length);
      assert.deepEqual(got.map((h, i) => (h === c.draws[i] ? '' : `draw ${i}: ${h} != ${c.draws[i]}`)).filter(Boolean), []);
    });
  }
});

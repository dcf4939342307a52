// glibcPow (src/common/libm/glibcPow.ts) equals the C library's pow bit for bit (Debian glibc 2.36,
// x86-64, the function CPython's math.pow calls): 120,000 seeded pairs across the regimes (powInputs.ts;
// sha256 of all outputs, the first 3000 compared one by one) and 817 explicit ones (special values
// crossed, powers of ten and two, subnormal results, exact ties). Fixture: scripts/golden/common_libm_pow.py.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { glibcPow } from '../../../src/common/libm/glibcPow';
import { pow } from '../../../src/common/pow';
import { fixtures } from '../helpers/golden';
import { Mulberry32 } from './libmInputs';
import { powPair } from './powInputs';

interface Table { seed: number; count: number; sha256: string; first: string[]; extra: string[] }
const golden = JSON.parse(readFileSync(fixtures('common', 'libm-pow.json'), 'utf8')) as Table;

const view = new DataView(new ArrayBuffer(8));
const hex = (v: number) => (Number.isNaN(v) ? '7ff8000000000000' : (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0')));
const fromHex = (h: string) => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));

for (const [name, fn] of [['glibcPow', glibcPow], ['common/pow', pow]] as const) {
  describe(`libm pow (${name})`, () => {
    it(`equals glibc's pow on ${golden.count} seeded pairs`, () => {
      assert.ok(golden.count >= 100000);
      const g = new Mulberry32(golden.seed);
      const outs: string[] = [];
      const bad: string[] = [];
      for (let i = 0; i < golden.count; i++) {
        const [x, y] = powPair(g);
        const r = hex(fn(x, y));
        outs.push(r);
        if (i < golden.first.length && r !== golden.first[i] && bad.length < 5) bad.push(`#${i} pow(${x}, ${y}) = ${fromHex(r)}, glibc ${fromHex(golden.first[i])}`);
      }
      assert.deepEqual(bad, []);
      assert.equal(createHash('sha256').update(outs.join('')).digest('hex'), golden.sha256);
    });

    it(`equals it on ${golden.extra.length} special, exact and boundary pairs`, () => {
      const bad = golden.extra.filter((c) => {
        const [x, y, r] = c.split(' ');
        return hex(fn(fromHex(x), fromHex(y))) !== r;
      });
      assert.deepEqual(bad.slice(0, 5).map((c) => c.split(' ').map(fromHex).join(' ')), []);
    });
  });
}

// NumPy's scalar math on float64 scalars (np.float64(x) ** np.float64(y): scalarmath's npy_pow, no
// fast paths for exponents -1, 0.5, 2) is the C library's pow: the power ufunc's float kernel must give
// glibc's bits, checked on the pow golden (test/fixtures/common/libm-pow.json, whose generator asserts
// np.float64(x) ** np.float64(y) equal to glibc's pow on all 120,817 pairs): the first 3000 seeded pairs
// and the explicit ones, through scalarOperator. Arrays on this machine's AVX-512 NumPy go through
// SVML's pow instead, which is not always glibc's: no golden for those here.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as T from '../../../src/tensor';
import { scalarArray } from '../../../src/tensor/ndarray';
import { Mulberry32 } from '../common/libmInputs';
import { powPair } from '../common/powInputs';
import { fixtures } from '../helpers/golden';

const golden = JSON.parse(readFileSync(fixtures('common', 'libm-pow.json'), 'utf8')) as { seed: number; first: string[]; extra: string[] };
const view = new DataView(new ArrayBuffer(8));
const hex = (v: number) => (Number.isNaN(v) ? '7ff8000000000000' : (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0')));
const fromHex = (h: string) => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));

function power(x: number, y: number): number {
  const prev = T.setWarningSink(null);
  try {
    const r = T.scalarOperator('power', scalarArray(x, 'float64'), scalarArray(y, 'float64'));
    return r.data[r.offset] as number;
  } finally {
    T.setWarningSink(prev);
  }
}

describe('numpy scalar power (np.float64 ** np.float64)', () => {
  it(`equals NumPy's (the C library's pow) on ${golden.first.length + golden.extra.length} golden pairs`, () => {
    const g = new Mulberry32(golden.seed);
    const cases = golden.first.map((r) => [...powPair(g), r] as const);
    for (const c of golden.extra) {
      const [x, y, r] = c.split(' ');
      cases.push([fromHex(x), fromHex(y), r]);
    }
    const bad = cases.filter(([x, y, r]) => hex(power(x, y)) !== r).map(([x, y, r]) => `${x} ** ${y}: ${power(x, y)}, NumPy ${fromHex(r)}`);
    assert.deepEqual(bad.slice(0, 5), []);
    assert.ok(cases.length > 3800);
  });
});

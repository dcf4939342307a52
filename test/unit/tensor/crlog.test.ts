// The correctly rounded log against 60-digit decimal references (scripts/golden/tensor_crlog.py);
// glibc's log, which legacy randn uses in NumPy, agrees with the correctly rounded value almost always.
// The WebAssembly version (gemm.wat) must give the JavaScript version's bits.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { crlog } from '../../../src/tensor';
import { setWasmEnabled } from '../../../src/tensor/wasm/gemmKernel';
import { fixtures } from '../helpers/golden';

/** Python's float.hex() format back to a number. */
function fromHex(h: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(`bad hex float ${h}`);
  const frac = m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0;
  const v = (Number(m[2]) + frac) * 2 ** Number(m[4]);
  return m[1] ? -v : v;
}

describe('crlog (correctly rounded natural log)', () => {
  const rows = JSON.parse(readFileSync(fixtures('tensor', 'crlog.json'), 'utf8')) as [string, string, string][];
  it(`equals the correctly rounded log on ${rows.length} inputs`, () => {
    const bad = rows.filter(([x, cr]) => crlog(fromHex(x)) !== fromHex(cr)).map(([x]) => x);
    assert.deepEqual(bad, []);
  });
  it('gives the same bits in WebAssembly and in JavaScript (golden inputs, random doubles, subnormals)', () => {
    const both = (x: number) => {
      setWasmEnabled(false);
      const js = crlog(x);
      setWasmEnabled(true);
      assert.ok(Object.is(crlog(x), js), `crlog(${x})`);
    };
    try {
      for (const [x] of rows) both(fromHex(x));
      fc.assert(fc.property(fc.double({ min: 0, noNaN: true }), (x) => both(x)), { numRuns: 3000 });
      fc.assert(fc.property(fc.double({ min: 0, max: 2.2250738585072014e-308, noNaN: true }), (x) => both(x)), { numRuns: 500 });
    } finally {
      setWasmEnabled(true);
    }
  });
  it('agrees with glibc log on at least 99.5% of the inputs (glibc is not always correctly rounded)', () => {
    const same = rows.filter(([x, , g]) => crlog(fromHex(x)) === fromHex(g)).length;
    assert.ok(same / rows.length >= 0.995, `${same}/${rows.length}`);
  });
});

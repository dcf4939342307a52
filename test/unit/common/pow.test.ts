// pow (src/common/pow.ts, now glibcPow) equals glibc's pow bit for bit (golden: CPython's math.pow on 3000 pairs
// across the ranges) and follows C99 for the special values where Math.pow does not.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pow } from '../../../src/common/pow';
import { fixtures } from '../helpers/golden';

const view = new DataView(new ArrayBuffer(8));
const fromBits = (h: string) => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));

describe("pow (glibc's)", () => {
  it("equals glibc's pow on every golden pair", () => {
    const { cases } = JSON.parse(readFileSync(fixtures('common', 'pow.json'), 'utf8')) as { cases: string[] };
    assert.ok(cases.length >= 3000);
    const bad: string[] = [];
    for (const c of cases) {
      const [x, y, r] = c.split(' ').map(fromBits);
      const got = pow(x, y);
      if (!Object.is(got, r)) bad.push(`pow(${x}, ${y}) = ${got}, glibc ${r}`);
    }
    assert.deepEqual(bad.slice(0, 5), []);
  });

  it('follows C99 for special values', () => {
    assert.equal(pow(1, NaN), 1);
    assert.equal(pow(-1, Infinity), 1);
    assert.equal(pow(-1, -Infinity), 1);
    assert.equal(pow(NaN, 0), 1);
    assert.ok(Number.isNaN(pow(-2, 0.5)));
    assert.ok(Object.is(pow(-0, 3), -0));
    assert.equal(pow(-0, -3), -Infinity);
    assert.equal(pow(0, -2), Infinity);
    assert.equal(pow(-2, 3), -8);
    assert.equal(pow(10, -4), 0.0001);
    assert.equal(pow(2, 1024), Infinity);
    assert.equal(pow(2, -1074), 5e-324);
  });
});

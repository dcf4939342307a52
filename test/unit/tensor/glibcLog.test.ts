// glibcLog reproduces the C library's log bit for bit (golden: CPython's math.log, which is glibc's, on
// inputs where glibc is not correctly rounded and across the ranges), and the legacy normals that go
// through it equal NumPy's (golden: RandomState(seed).randn).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as T from '../../../src/tensor';
import { glibcLog } from '../../../src/common/libm/glibcLog';

const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'tensor', name), 'utf8'));
const view = new DataView(new ArrayBuffer(8));
const fromBits = (h: string) => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));
const toBits = (v: number) => (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0'));

describe('glibcLog', () => {
  it('equals glibc\'s log on every golden input (half of them where glibc is not correctly rounded)', () => {
    const { cases } = fixture('glibc-log.json') as { cases: string[] };
    assert.ok(cases.length > 8000);
    let bad = 0;
    const first: string[] = [];
    for (const c of cases) {
      const [x, y] = c.split(' ');
      const got = toBits(glibcLog(fromBits(x)));
      if (got !== y && ++bad <= 3) first.push(`log(${fromBits(x)}) = ${fromBits(got)}, glibc ${fromBits(y)}`);
    }
    assert.equal(bad, 0, first.join('\n'));
  });

  it('follows C for zero, negatives, NaN and infinity', () => {
    assert.equal(glibcLog(0), -Infinity);
    assert.equal(glibcLog(-0), -Infinity);
    assert.ok(Number.isNaN(glibcLog(-1)));
    assert.ok(Number.isNaN(glibcLog(NaN)));
    assert.equal(glibcLog(Infinity), Infinity);
    assert.ok(Number.isNaN(glibcLog(-Infinity)));
  });

  it('makes RandomState.randn equal NumPy\'s bit for bit', () => {
    const { randn } = fixture('randn-bits.json') as { randn: Record<string, string[]> };
    for (const [seed, want] of Object.entries(randn)) {
      const got = new T.RandomState(Number(seed)).randn(want.length) as T.NDArray;
      for (let i = 0; i < want.length; i++) assert.equal(toBits(got.data[i]), want[i], `seed ${seed}, draw ${i}`);
    }
  });
});

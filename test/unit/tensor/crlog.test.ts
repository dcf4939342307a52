// The correctly rounded log against 60-digit decimal references (scripts/golden/tensor_crlog.py);
// glibc's log, which legacy randn uses in NumPy, agrees with the correctly rounded value almost always.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crlog } from '../../../src/tensor';
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
  it('agrees with glibc log on at least 99.5% of the inputs (glibc is not always correctly rounded)', () => {
    const same = rows.filter(([x, , g]) => crlog(fromHex(x)) === fromHex(g)).length;
    assert.ok(same / rows.length >= 0.995, `${same}/${rows.length}`);
  });
});

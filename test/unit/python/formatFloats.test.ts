// format() of floats against CPython (scripts/golden/python_format_floats.py): the fast paths through
// JavaScript's toFixed/toExponential must give CPython's half-even digits, ties included.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatValue } from '../../../src/python/format';
import { PyFloat } from '../../../src/python/objects';

const cases: [string, Record<string, string>][] = JSON.parse(
  readFileSync(path.join(__dirname, '../../fixtures/python/format/floats.json'), 'utf8'),
);

function fromBits(hex: string): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt('0x' + hex));
  return dv.getFloat64(0);
}

describe('format() of floats (CPython goldens)', () => {
  it(`formats ${cases.length} doubles under every float presentation type like CPython`, () => {
    let checked = 0;
    for (const [hex, bySpec] of cases) {
      const x = new PyFloat(fromBits(hex));
      for (const [spec, want] of Object.entries(bySpec)) {
        assert.equal(formatValue(x, spec), want, `format(${hex}, '${spec}')`);
        checked++;
      }
    }
    assert.ok(checked > 5000);
  });
});

// Re-derives the literal tables of src/tensor/crlogTable.ts: log(1 + j/128) by the atanh series
// log m = 2·Σ f^(2k+1)/(2k+1), f = (m−1)/(m+1), 40 terms in double-double arithmetic (far beyond the
// ~2^-106 the table keeps), and the series coefficients 1/(2k+1) as double-doubles. The literals must
// be these values exactly; the crlog golden test then checks the logs themselves against 60-digit
// references.

import * as assert from 'node:assert/strict';
import { COEF_HI, COEF_LO, LOG_HI, LOG_LO } from '../../../src/tensor/crlogTable';

type DD = [number, number];
const SPLIT = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b, bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function mul([ah, al]: DD, [bh, bl]: DD): DD {
  const p = ah * bh;
  let c = SPLIT * ah;
  const a1 = c - (c - ah), a2 = ah - a1;
  c = SPLIT * bh;
  const b1 = c - (c - bh), b2 = bh - b1;
  return twoSum(p, a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2 + (ah * bl + al * bh));
}

function add([ah, al]: DD, [bh, bl]: DD): DD {
  const [sh, s1] = twoSum(ah, bh);
  return twoSum(sh, s1 + al + bl);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const [ph, pl] = mul([q1, 0], b);
  const r = add(a, [-ph, -pl]);
  const q2 = r[0] / b[0];
  const [ph2, pl2] = mul([q2, 0], b);
  const r2 = add(r, [-ph2, -pl2]);
  const q3 = r2[0] / b[0];
  return add(twoSum(q1, q2), [q3, 0]);
}

function seriesLog(m: number): DD {
  const f = div([m - 1, 0], twoSum(m, 1));
  const f2 = mul(f, f);
  let s: DD = [1 / 81, 0];
  for (let k = 39; k >= 0; k--) s = add(mul(s, f2), div([1, 0], [2 * k + 1, 0]));
  const r = mul(s, f);
  return [2 * r[0], 2 * r[1]];
}

describe('crlog tables', () => {
  it('hold log(1 + j/128) exactly as the double-double atanh series gives it, j = 0..128', () => {
    assert.equal(LOG_HI.length, 129);
    for (let j = 0; j <= 128; j++) {
      const [h, l] = seriesLog(1 + j / 128);
      assert.ok(Object.is(LOG_HI[j], h) && Object.is(LOG_LO[j], l), `j = ${j}: ${LOG_HI[j]} + ${LOG_LO[j]} vs ${h} + ${l}`);
    }
  });
  it('hold the series coefficients 1/(2k+1) as double-doubles', () => {
    for (let k = 0; k < COEF_HI.length; k++) {
      const [h, l] = div([1, 0], [2 * k + 1, 0]);
      assert.ok(Object.is(COEF_HI[k], h) && Object.is(COEF_LO[k], l), `k = ${k}`);
    }
  });
});

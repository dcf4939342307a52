// glibc's __branred (sysdeps/ieee754/dbl-64/branred.c, IBM Accurate Mathematical Library): Payne-Hanek
// reduction of a huge x (|x| >= 105414350) to x - n·π/2 = a + aa, |a + aa| <= π/4, for glibc's sin, cos
// and tan. glibc builds this file without fused multiply-adds (its Makefile: "branred depends on precise
// IEEE double rounding"), so it is plain IEEE arithmetic here, operation for operation. Method: x (scaled
// by 2^-600) is split into two 26-bit halves; each is multiplied by six base-2^24 digits of 2/π chosen by
// its exponent (exact products), the integer parts mod 4 collected in `sum`, the fractions summed in
// double-double; the fraction of x·2/π times π/2 (again double-double) is a + aa.

import { SPLIT } from './fma';
import { BR_MP2, HP0, HP1, MP1, TOVERP } from './glibcSinData';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** 1.5·2^52 and 1.5·2^54: adding and subtracting rounds to an integer, to a multiple of 4. */
const BIG = 6755399441055744, BIG1 = 27021597764222976;
const R = new Float64Array(6);
/** One half's contribution: [integer part mod 4 (not normalised), fraction hi, fraction lo]. */
const PART = new Float64Array(3);

/** x1·(2/π) for a half x1 with at most 26 significant bits, into PART. */
function part(x1: number): void {
  F64[0] = x1;
  let k = Math.trunc((((U32[1] >>> 20) & 2047) - 450) / 24);
  if (k < 0) k = 0;
  let gor = 2 ** (576 - 24 * k);
  for (let i = 0; i < 6; i++) {
    R[i] = x1 * TOVERP[k + i] * gor;
    gor *= 2 ** -24;
  }
  let sum = 0, s = 0;
  for (let i = 0; i < 3; i++) {
    s = R[i] + BIG - BIG;
    sum += s;
    R[i] -= s;
  }
  let t = 0;
  for (let i = 5; i >= 0; i--) t += R[i];
  let bb = R[0] - t + R[1] + R[2] + R[3] + R[4] + R[5];
  s = t + BIG - BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  s = sum + BIG1 - BIG1;
  sum -= s;
  PART[0] = sum;
  PART[1] = b;
  PART[2] = bb;
}

/** x - n·π/2 into out[0] + out[1]; returns n mod 4. x finite, |x| >= 105414350. */
export function branred(x: number, out: Float64Array): number {
  x *= 2 ** -600;
  let t = x * SPLIT;
  const x1 = t - (t - x), x2 = x - x1;
  part(x1);
  const sum1 = PART[0], b1 = PART[1], bb1 = PART[2];
  part(x2);
  const sum2 = PART[0], b2 = PART[1], bb2 = PART[2];
  let sum = sum1 + sum2;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1;
    sum += 1;
  } else if (b < -0.5) {
    b += 1;
    sum -= 1;
  }
  let s = b + (bb + bb1 + bb2);
  t = b - s + bb + (bb1 + bb2);
  b = s * SPLIT;
  const t1 = b - (b - s), t2 = s - t1;
  b = s * HP0;
  bb = t1 * MP1 - b + t1 * BR_MP2 + t2 * MP1 + (t2 * BR_MP2 + s * HP1 + t * HP0);
  s = b + bb;
  out[0] = s;
  out[1] = b - s + bb;
  return Math.trunc(sum) & 3;
}

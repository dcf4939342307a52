// glibc's log10 (sysdeps/ieee754/dbl-64/e_log10.c, fdlibm's method), which CPython's math.log10 calls:
// x = 2^n·m, log10(x) = n·log10(2)_hi + (n·log10(2)_lo + log(m)/ln 10), through glibc's log (glibcLog.ts,
// bit for bit). x86-64 glibc builds this file without FMA (only exp, log, pow, sin... have FMA variants),
// so nothing here is fused; the last product is exact anyway (n has 11 bits, LOG10_2HI 39). V8's
// Math.log10 differs from it on ~2% of inputs. Golden: test/fixtures/common/libm.json (CPython 3.11).

import { glibcLog } from './glibcLog';

/** 1/ln 10 rounded, and log10(2) split so that n·LOG10_2HI is exact (fdlibm's constants). */
const IVLN10 = 0.4342944819032518;
const LOG10_2HI = 0.30102999566361177;
const LOG10_2LO = 3.694239077158931e-13;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

export function glibcLog10(x: number): number {
  F64[0] = x;
  let hx = U32[1] | 0, k = 0;
  if (hx < 0x00100000) {
    // Negative, zero or subnormal.
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k = -54;
    F64[0] = x * 2 ** 54;
    hx = U32[1] | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  // m in [1, 2) for n >= 0, in [1/2, 1) for n < 0 (then n is one more), so log(m) has n's sign or is 0.
  const i = k < 0 ? 1 : 0;
  U32[1] = (hx & 0xfffff) | ((0x3ff - i) << 20);
  const n = k + i;
  const z = n * LOG10_2LO + IVLN10 * glibcLog(F64[0]);
  return z + n * LOG10_2HI;
}

// Float64 log as NumPy 2.x computes it on x86-64 CPUs with AVX512_SKX: __svml_log8_ha from Intel's
// SVML (numpy/SVML linux/avx512/svml_z0_log_d_ha.s), which loops_exponent_log.dispatch.c.src calls for
// every float64 np.log when NumPy links SVML (its Linux wheels). V8's Math.log differed from it in
// ~6.6% of inputs. The steps, every multiply-add fused (fma.ts is exact):
//   x = 2^e·m with m in [1, 2) (getexp/getmant, subnormals included);
//   Rcp = 1/m rounded to 5 fraction bits; R = Rcp·m - 1 (exact: one fma);
//   log x = e·ln2 + (-log Rcp) + log(1 + R): the table gives -log Rcp = Th + Tl (for Rcp < 3/4 the
//   table holds -log(2·Rcp) and e gets one more), log(1 + R) = R + R²·P(R), P of degree 7 in pairs.
// SVML takes Rcp from vrcp14pd (a 14-bit hardware reciprocal) rounded to 1/32; here it is the exact
// reciprocal rounded. The two differ only for m within 2^-14 of a rounding midpoint 64/(2k+1), and
// there both reductions give the same log almost always (3 of 4800 sampled inputs differ); the golden
// test has 10,000 inputs in those windows and every one equals NumPy's.
// Zero, negatives, infinities and NaN go to SVML's scalar routine: -inf, NaN, inf, NaN.

import { fma as exactFma } from './fma';
import * as K from './svmlExpLogData';

// Module-local copies: a namespace or named import is a property read (a getter under CommonJS) per use.
const fma = exactFma;
const { LOG_C2, LOG_C3, LOG_C4, LOG_C5, LOG_C6, LOG_C7, LOG_C8, LOG_C9, LOG_LN2_HI, LOG_LN2_LO, LOG_TH, LOG_TL } = K;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** NumPy's float64 log (SVML's __svml_log8_ha) of one value. */
export function svmlLog(x: number): number {
  if (x > 0 && x < Infinity) return logMain(x);
  if (x === 0) return -Infinity;
  return x === Infinity ? x : NaN; // negative, -inf or NaN
}

/** The vector path for a positive finite x. */
function logMain(x: number): number {
  F64[0] = x;
  let hi = U32[1], e = -1023;
  if (hi < 0x00100000) {
    F64[0] = x * 18446744073709551616; // subnormal: 2^64 higher, exactly
    hi = U32[1];
    e -= 64;
  }
  e += hi >>> 20;
  U32[1] = (hi & 0x000fffff) | 0x3ff00000;
  const m = F64[0];
  return reduce(m, e, rcpIndex(m));
}

/**
 * k = round(32/m), k in 16..32: the reciprocal rounded to 1/32. The quotient's rounding can land on a
 * midpoint k - 1/2 (never the exact value: 64/(2k-1) is not a double); the fma's sign then tells
 * which side the exact quotient lies on.
 */
function rcpIndex(m: number): number {
  const t = 32 / m;
  const k = Math.round(t);
  return t === k - 0.5 && fma(m, t, -32) > 0 ? k - 1 : k;
}

/** log(2^e·m) for the reciprocal k/32 of m. */
function reduce(m: number, e: number, k: number): number {
  const r = fma(k * 0.03125, m, -1);
  const ef = k < 24 ? e + 1 : e;
  const i = k & 15;
  const r2 = r * r;
  const c67 = fma(r, LOG_C7, LOG_C6), c89 = fma(r, LOG_C9, LOG_C8);
  const c45 = fma(r, LOG_C5, LOG_C4), c23 = fma(r, LOG_C3, LOG_C2);
  const c69 = fma(c89, r2, c67);
  const c25 = fma(c45, r2, c23);
  const t = fma(ef, LOG_LN2_HI, LOG_TH[i]); // exact: Th is a multiple of 2^-40
  const poly = fma(c69, r2 * r2, c25);
  const h = t + r;
  const rl = r - (h - t); // what of r the sum h kept out
  return fma(poly, r2, rl) + fma(ef, LOG_LN2_LO, LOG_TL[i]) + h;
}

// Float64 tanh as NumPy 2.x computes it on CPUs with FMA3 (its own SIMD loop, numpy/_core/src/umath/
// loops_hyperbolic.dispatch.c.src simd_tanh_f64, converted from Intel SVML's tanh_d_la): not V8's
// Math.tanh nor glibc's. |x| picks one of 16 subintervals from its exponent and top mantissa bit
// (half-binades from 0.1875 up to 24, everything below in the first, everything above saturating to a
// constant 1), then tanh(|x|) = c0 + c1·y + ... + c16·y^16 with y = |x| - b, Horner's rule on fused
// multiply-adds (fma.ts is exact), and x's sign bit put on the result. Above 1.5·2^1023, infinities:
// ±1; NaN: NaN. The table is simdTanhData.ts (generated from NumPy's library).

import { fma as exactFma } from './fma';
import { TANH as TABLE } from './simdTanhData';

// Module-local copies: an imported binding is a property read (a getter under CommonJS) per use.
const fma = exactFma, TANH = TABLE;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** The subinterval of |x| (high word hi, exponent and top mantissa bit): 0..15. */
function tanhIndex(hi: number): number {
  const d = (hi & 0x7ff80000) - 0x3fc00000;
  return (d < 0 ? 0 : d > 0x780000 ? 0x780000 : d) >> 19;
}

/** NumPy's float64 tanh of one value. */
export function numpyTanh(x: number): number {
  F64[0] = x;
  const hi = U32[1];
  if ((hi & 0x7ff80000) > 0x7fe00000) return x !== x ? x : x > 0 ? 1 : -1;
  const t = 18 * tanhIndex(hi);
  const y = Math.abs(x) - TANH[t];
  let r = fma(TANH[t + 17], y, TANH[t + 16]);
  for (let k = t + 15; k > t; k--) r = fma(r, y, TANH[k]);
  return hi >>> 31 ? -Math.abs(r) : r; // the sign bit or-ed in
}

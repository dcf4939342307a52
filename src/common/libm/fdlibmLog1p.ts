// glibc's log1p (sysdeps/ieee754/dbl-64/s_log1p.c, fdlibm's method), which CPython's math.log1p calls,
// in its FMA build (what this machine's Debian glibc 2.36 runs; see the golden): 1 + x = 2^k·(1 + f)
// with a correction c for the rounding of 1 + x, s = f/(2 + f), log(1 + f) = f - (f²/2 - s·(f²/2 + R))
// with R a degree-7 polynomial in s², plus k·ln2 in two parts. Every `a·b ± c` GCC contracts is one
// fused multiply-add (exactly emulated): those whose product is used in one block only (R's first
// term, not s·(f²/2 + R), which both returns share); products by 0.5 or k·LN2_HI are exact anyway.
// Checked: the unfused build differed on 73 of 300k inputs, other fusion choices on 58-514, this on 0.
// Golden: test/fixtures/common/libm.json.

import * as libmFma from './fma';

/** fmaFinite's preconditions hold: operands finite, below 2^11, products zero or above 2^-200. */
const fma = libmFma.fmaFinite;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** ln 2 in two parts: k·LN2_HI is exact for |k| < 2000. */
const LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
/** fdlibm's Lp1..Lp7: (log(1+s) - log(1-s) - 2s)/s ≈ Lp1·s² + ... + Lp7·s¹⁴. */
const LP1 = 6.666666666666735130e-01, LP2 = 3.999999999940941908e-01, LP3 = 2.857142874366239149e-01;
const LP4 = 2.222219843214978396e-01, LP5 = 1.818357216161805012e-01, LP6 = 1.531383769920937332e-01;
const LP7 = 1.479819860511658591e-01;

export function fdlibmLog1p(x: number): number {
  F64[0] = x;
  const hx = U32[1] | 0, ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422: f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x; // inf, NaN
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      F64[0] = u;
      hu = U32[1] | 0;
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u; // the rounding of 1 + x, relative
    } else {
      u = x; // x >= 2^53: 1 + x is x
      F64[0] = u;
      hu = U32[1] | 0;
      k = (hu >> 20) - 1023;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      U32[1] = hu | 0x3ff00000; // u normalized into [1, sqrt 2)
    } else {
      k += 1;
      U32[1] = hu | 0x3fe00000; // u/2 into [sqrt 2 / 2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = F64[0] - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + fma(k, LN2_LO, c);
    const q = fma(-0.66666666666666666, f, 1);
    // R = hfsq·q is used in two branches, so (GCC contracting within one block only) not fused.
    const r = hfsq * q;
    if (k === 0) return f - r;
    return k * LN2_HI - (r - fma(k, LN2_LO, c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z4 * z2;
  // R1 + z2·R2 + z4·R3 + z6·R4: the first product (R1 = z·Lp1) is the one fused with the first sum.
  const r = fma(z6, fma(z, LP7, LP6), fma(z4, fma(z, LP5, LP4), fma(z, LP1, z2 * fma(z, LP3, LP2))));
  // s·(hfsq + r) is common to both returns, so GCC computes it once before the branch: not fused.
  const sr = s * (hfsq + r);
  if (k === 0) return f - (hfsq - sr);
  // k·LN2_LO + c fused (its product has no other use in this block); unfused gave the same bits on
  // 200k inputs with k != 0, the difference being below 2^-75 against a result of at least ln 2.
  return k * LN2_HI - (hfsq - (sr + fma(k, LN2_LO, c)) - f);
}

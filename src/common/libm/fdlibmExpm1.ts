// glibc's expm1 (sysdeps/ieee754/dbl-64/s_expm1.c, fdlibm's method), which CPython's math.expm1 calls
// and glibc's sinh, cosh and tanh are built on, in its FMA build (this machine's Debian glibc 2.36 runs
// that variant: the unfused one differed on 125 of 300k inputs): every `a·b ± c` whose product is not
// needed alone is one fused multiply-add (exactly emulated), the rest in the C source's order. Method: x = k·ln2 + r (hi - lo with a correction
// c), expm1(r) by a rational form in r²/2 with fdlibm's Q coefficients, then scaled back by 2^k with
// the cases that keep the subtraction of 1 accurate. V8's Math.expm1 differs from it on a few percent
// of inputs. Golden: test/fixtures/common/libm.json.

import * as libmFma from './fma';

/** fmaFinite's preconditions hold: operands finite, below 2^11, products zero or above 2^-500. */
const fma = libmFma.fmaFinite;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** ln 2 in two parts: t·LN2_HI is exact for |t| < 2^11 (fdlibm's 0x3fe62e42fee00000). */
const LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e+00;
const O_THRESHOLD = 7.09782712893383973096e+02;
/** fdlibm's Q1..Q5, scaled by 2^i for the variable r²/2. */
const Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03, Q3 = -7.93650757867487942473e-05;
const Q4 = 4.00821782732936239552e-06, Q5 = -2.01099218183624371326e-07;

/** y with k added to its binary exponent through the high word (fdlibm's SET_HIGH_WORD). */
function addExponent(y: number, k: number): number {
  F64[0] = y;
  U32[1] = (U32[1] + (k << 20)) >>> 0;
  return F64[0];
}

export function fdlibmExpm1(x: number): number {
  F64[0] = x;
  const hxFull = U32[1];
  const negative = hxFull >>> 31 === 1;
  const hx = hxFull & 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56·ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return x !== x ? x + x : negative ? -1 : x;
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative) return -1;
  }
  let k = 0, c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: reduce
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      if (!negative) {
        hi = x - LN2_HI; lo = LN2_LO; k = 1;
      } else {
        hi = x + LN2_HI; lo = -LN2_LO; k = -1;
      }
    } else {
      k = fma(INV_LN2, x, negative ? -0.5 : 0.5) | 0; // C's conversion truncates
      hi = x - k * LN2_HI; // exact product: fused or not, the same
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs, h4 = h2 * h2;
  const r1 = fma(h4, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1)));
  const t = fma(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fma(-x, t, 6));
  if (k === 0) return x - fma(x, e, -hxs); // c is 0
  e = fma(x, e - c, -c);
  e -= hxs;
  // Products by 0.5 and 2 are exact: fusing them changes nothing.
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return addExponent(1 - (e - x), k) - 1; // exp(x) - 1 suffices
  if (k < 20) {
    return addExponent(1 - 2 ** -k - (e - x), k); // 1 - 2^-k is exact
  }
  return addExponent(x - (e + 2 ** -k) + 1, k);
}

// glibc's double-precision exp (2.28 and later, Arm's optimized-routines algorithm, sysdeps/ieee754/
// dbl-64/e_exp.c) as built for x86-64 CPUs with FMA, reproduced bit for bit: CPython's math.exp is that
// function, and V8's Math.exp differs from it in the last bit on about 14% of inputs. Method (glibc's):
// x = k·ln2/128 + r with |r| <= ln2/256, exp(x) = 2^(k/128)·exp(r), 2^(k/128) = scale·(1 + tail) from a
// 128-entry table (glibcExpData.ts), exp(r) - 1 by a degree-5 polynomial, result scale + scale·tmp.
// Every `a + b·c` whose product is not needed alone is one fused multiply-add in that build (GCC
// contracts them); here each is an exact emulation (Dekker's product, a compensated sum), specialised
// to the operand ranges that occur so that no branch or rescaling is needed. Golden: CPython's math.exp
// (glibc 2.36) on test/fixtures/common/libm.json (100k seeded inputs and 1M more checked once: all equal).

import * as data from './glibcExpData';
import * as libmFma from './fma';

// Module-local copies: an imported binding compiled to CommonJS (tsx, mocha) is a getter call per use,
// which made each exp ~10x slower than these plain constants.
const { C2, C3, C4, C5, H_HI, H_LO, INV_LN2_N, NEG_LN2_HI_N, NEG_LN2_LO_N, SHIFT, TAIL } = data;
/** fmaFinite's preconditions hold: operands are finite and below 2^750, products zero or above 2^-860. */
const fma = libmFma.fmaFinite;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

const SPLIT = libmFma.SPLIT;
/** NEG_LN2_LO_N in two halves of 26 bits: k·LO_H and k·LO_L are exact for |k| < 2^27. */
const LO_H = SPLIT * NEG_LN2_LO_N - (SPLIT * NEG_LN2_LO_N - NEG_LN2_LO_N), LO_L = NEG_LN2_LO_N - LO_H;
/** INV_LN2_N split likewise, for the exact error of x·INV_LN2_N. */
const IL_H = SPLIT * INV_LN2_N - (SPLIT * INV_LN2_N - INV_LN2_N), IL_L = INV_LN2_N - IL_H;

/** The integer nearest x·128/ln2 computed exactly: glibc's fused `x·InvLn2N + Shift` then `- Shift`. */
export function reduceK(x: number): number {
  const p = x * INV_LN2_N;
  const k0 = p + SHIFT - SHIFT; // p rounded to an integer, ties to even
  const f = p - k0; // exact: |f| <= 1/2 and a multiple of p's last place
  // The rounded product can only pick another integer than the exact one when it lies within its own
  // rounding error (|p| < 2^18: 2^-36) of a half; exact halves cannot occur (x·INV_LN2_N has 53+ bits).
  if (Math.abs(Math.abs(f) - 0.5) > 2 ** -30) return k0;
  let t = SPLIT * x;
  const xh = t - (t - x), xl = x - xh;
  const e = xh * IL_H - p + xh * IL_L + xl * IL_H + xl * IL_L; // x·INV_LN2_N - p, exactly
  if (f - 0.5 + e > 0) return k0 + 1; // f - 0.5 and f + 0.5 are exact (Sterbenz)
  if (f + 0.5 + e < 0) return k0 - 1;
  return k0;
}

export function glibcExp(x: number): number {
  F64[0] = x;
  const abstop = (U32[1] >>> 20) & 0x7ff;
  if (abstop - 0x3c9 >>> 0 >= 0x408 - 0x3c9) {
    // |x| < 2^-54 (then 1 + x is the rounded exp), |x| >= 512, infinities and NaN.
    if (abstop < 0x3c9) return 1 + x;
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop === 0x7ff) return 1 + x; // +inf, NaN
      return x < 0 ? 0 : Infinity;
    }
    return special(x);
  }
  const kd = reduceK(x);
  // |k| < 2^17 here (|x| < 512), so kd·NEG_LN2_HI_N is exact and glibc's first fma is a plain sum.
  const r = fmaLo(kd, x + kd * NEG_LN2_HI_N);
  const tmp = poly(r, kd & 127);
  const e = kd >> 7;
  U32[0] = H_LO[kd & 127];
  U32[1] = H_HI[kd & 127] + (e << 20);
  const scale = F64[0];
  return fma(scale, tmp, scale);
}

/** fma(kd, NEG_LN2_LO_N, t) for an integer |kd| < 2^18: the product splits exactly, no Veltkamp step. */
function fmaLo(kd: number, t: number): number {
  const p = kd * NEG_LN2_LO_N;
  const e = kd * LO_H - p + kd * LO_L;
  const s = p + t, v = s - p;
  return s + (p - (s - v) + (t - v) + e);
}

/** tmp = tail + exp(r) - 1, in glibc's order with its four multiply-adds fused. */
function poly(r: number, i: number): number {
  const r2 = r * r;
  return fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), TAIL[i] + r));
}

/** 512 <= |x| < 1024: the result is formed by scaleSpecial at an offset exponent. */
function special(x: number): number {
  const kd = reduceK(x);
  // |k| may reach 2^18 here: kd·NEG_LN2_HI_N is then not always exact, so this one is fused too.
  const r = fmaLo(kd, fma(kd, NEG_LN2_HI_N, x));
  return scaleSpecial(poly(r, kd & 127), kd, 1009, true);
}

/**
 * scale·(1 + tmp) for 2^(k/128) = scale·(1 + tail) when the scale's exponent may leave the double range
 * (glibc's specialcase, shared by exp and exp2): for k > 0 the scale is taken 2^-`up` lower and the
 * result scaled back (overflowing where the function does), `fused` saying whether that build fuses
 * scale + scale·tmp there; for k < 0 it is taken 2^1022 higher, and a result under 2^-1022 is first
 * rounded at the precision it will have as a subnormal (hi + lo with 1 added) so that the final
 * scaling rounds once.
 */
export function scaleSpecial(tmp: number, kd: number, up: number, fused: boolean): number {
  const i = kd & 127, e = kd >> 7;
  U32[0] = H_LO[i];
  if (kd > 0) {
    U32[1] = H_HI[i] + ((e - up) << 20);
    const scale = F64[0];
    return 2 ** up * (fused ? fma(scale, tmp, scale) : scale + scale * tmp);
  }
  U32[1] = H_HI[i] + ((e + 1022) << 20);
  const scale = F64[0];
  // Not fused here: scale·tmp is one product (common subexpression) also used inside the branch below,
  // and GCC only contracts a product whose uses all sit in its own basic block (golden-checked).
  const m = scale * tmp;
  let y = scale + m;
  if (y < 1) {
    let lo = scale - y + m;
    const hi = 1 + y;
    lo = 1 - hi + y + lo;
    y = hi + lo - 1;
    if (y === 0) y = 0; // never -0
  }
  return 2 ** -1022 * y;
}

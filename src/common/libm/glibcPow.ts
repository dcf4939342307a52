// glibc's double-precision pow (2.28 and later, sysdeps/ieee754/dbl-64/e_pow.c, Arm's optimized-routines
// algorithm) as built for x86-64 CPUs with FMA, reproduced bit for bit: CPython's math.pow and NumPy's
// scalar power call it, and V8's Math.pow differs from it on 7% of the golden's finite nonzero results
// (Math.pow(10, -4) is 9.999999999999999e-05). Method (glibc's): x = 2^k·z, log(x) = k·ln2 + log(c) + log1p(z/c - 1) with
// 1/c, log(c) from a 128-entry table (glibcPowData.ts) and a degree-8 polynomial, kept as hi + lo with
// ~15 extra bits; y·log(x) = ehi + elo exactly to that precision; then exp's core (glibcExpData.ts'
// 2^(i/128) table, glibcExp's scaling near overflow and underflow) with elo added to the reduced
// argument. The multiply-adds the FMA build fuses (the explicit __builtin_fma calls under __FP_FAST_FMA
// and every `a + b·c` GCC contracts: a product whose only use is one addition) are emulated exactly
// (fma.ts, or cheaper exact forms where an operand has few bits); near overflow glibc's specialcase
// fuses scale + scale·tmp too (unfused differs on the golden). Golden: the C library's pow (glibc 2.36,
// what CPython's math.pow calls) on test/fixtures/common/libm-pow.json: 120,000 seeded pairs and 817
// explicit ones, all equal; 1M more seeded pairs checked once: all equal.

import * as libmFma from './fma';
import { reduceK, scaleSpecial } from './glibcExp';
import * as expData from './glibcExpData';
import * as data from './glibcPowData';

// Module-local copies: an imported binding compiled to CommonJS (tsx, mocha) is a getter call per use.
const { C2, C3, C4, C5, H_HI, H_LO, NEG_LN2_HI_N, NEG_LN2_LO_N, TAIL } = expData;
const { INVC, LN2_HI, LN2_LO, LOGC, LOGCTAIL } = data;
const [, A1, A2, A3, A4, A5, A6] = data.A;
/** fmaFinite's preconditions hold at every use: operands below 2^80, products zero or above 2^-400. */
const fma = libmFma.fmaFinite;
const SPLIT = libmFma.SPLIT;
/** Constants split into 26-bit halves (Veltkamp) so that k·c's rounding error is exact for |k| < 2^27. */
const half = (v: number) => SPLIT * v - (SPLIT * v - v);
const LN2_LO_H = half(LN2_LO), LN2_LO_L = LN2_LO - LN2_LO_H;
const NLO_H = half(NEG_LN2_LO_N), NLO_L = NEG_LN2_LO_N - NLO_H;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]
const OFF_HI = 0x3fe69555; // high word of glibc's OFF (0x1.69555p-1); its low word is 0

// log_inline's second result (glibc's *tail): set by logHi, read right after.
let logLo = 0;

/** pow(x, y) as glibc computes it, C99's special values included. */
export function glibcPow(x: number, y: number): number {
  F64[0] = x;
  let hx = U32[1];
  const topx = hx >>> 20;
  F64[0] = y;
  const topy = (U32[1] >>> 20) & 0x7ff;
  let neg = false, k0 = 0;
  if (topx - 1 >>> 0 >= 0x7fe || topy - 0x3be >>> 0 >= 0x80) {
    // x negative, zero, subnormal, infinite or NaN; |y| < 2^-65, |y| >= 2^63, infinite or NaN.
    if (y === 0) return 1;
    if (y - y !== 0) { // y infinite or NaN
      if (x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      const ax = Math.abs(x);
      if (ax === 1) return 1;
      return (ax < 1) === (y > 0) ? 0 : Infinity;
    }
    if (x === 0 || x - x !== 0) { // zero, infinite or NaN x
      let x2 = x * x;
      if (x < 0 || Object.is(x, -0)) { if (checkInt(y) === 1) x2 = -x2; }
      return y < 0 ? 1 / x2 : x2;
    }
    if (x < 0) {
      const yint = checkInt(y);
      if (yint === 0) return NaN;
      neg = yint === 1;
      x = -x;
      hx &= 0x7fffffff;
    }
    if (topy - 0x3be >>> 0 >= 0x80) {
      if (x === 1) return 1;
      if (topy < 0x3be) return x > 1 ? 1 + y : 1 - y; // |y| < 2^-65: 1 ± tiny, rounded
      return (x > 1) === (y > 0) ? Infinity : 0;
    }
    if (x < 2.2250738585072014e-308) { // subnormal: normalized, its exponent taken back in the log
      x *= 2 ** 52;
      F64[0] = x;
      hx = U32[1];
      k0 = -52;
    }
  }
  F64[0] = x;
  const hi = logHi(hx, k0);
  const lo = logLo;
  const ehi = y * hi;
  // glibc: elo = y·lo + fma(y, hi, -ehi), the first product contracted into a second fma.
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expTail(ehi, elo, neg);
}

/** 0 if y is not an integer, 1 if odd, 2 if even (y finite, nonzero). */
function checkInt(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) < 2 ** 53 && y % 2 !== 0 ? 1 : 2;
}

/**
 * glibc's log_inline: log(x) = hi + logLo with ~68 bits, for a positive normal x already in F64 whose
 * high word is `hx` (k0 added to the binary exponent: subnormal inputs scaled by 2^52).
 */
function logHi(hx: number, k0: number): number {
  const tmp = (hx - OFF_HI) | 0;
  const i = (tmp >>> 13) & 127;
  const k = (tmp >> 20) + k0;
  U32[1] = (hx - (tmp & 0xfff00000)) >>> 0;
  const z = F64[0];
  const invc = INVC[i];
  // r = fma(z, invc, -1), exact by the table's design: invc has at most 9 bits, so zh·invc and zl·invc
  // are exact and so is the product's rounding error; p - 1 is exact (Sterbenz) and so is the sum.
  const p0 = z * invc;
  const t = SPLIT * z, zh = t - (t - z), zl = z - zh;
  const r = p0 - 1 + (zh * invc - p0 + zl * invc);
  // fma(k, LN2_HI, logc) needs no emulation: k·LN2_HI and the sum are exact by the table's design.
  const t1 = k * LN2_HI + LOGC[i];
  const t2 = t1 + r;
  // lo1 = fma(k, LN2_LO, logctail): k has at most 11 bits, so Dekker's product needs only LN2_LO split.
  const pk = k * LN2_LO;
  const lo1 = twoSum(pk, LOGCTAIL[i], k * LN2_LO_H - pk + k * LN2_LO_L);
  const lo2 = t1 - t2 + r;
  const ar = -0.5 * r, ar2 = r * ar, ar3 = r * ar2;
  const hi = t2 + ar2;
  // lo3 = fma(ar, r, -ar2): ar·r = -r²/2, so it is minus half of r·r's exact rounding error.
  const rr = r * r, u = SPLIT * r, rh = u - (u - r), rl = r - rh;
  const lo3 = -0.5 * (rh * rh - rr + 2 * rh * rl + rl * rl);
  const lo4 = t2 - hi + ar2;
  // p = ar3·(A1 + r·A2 + ar2·(A3 + r·A4 + ar2·(A5 + r·A6))), each `+ product` contracted, and p itself
  // contracted into the last addition of lo = lo1 + lo2 + lo3 + lo4 + p.
  const q = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const yv = hi + lo;
  logLo = hi - yv + lo;
  return yv;
}

/** round(p + c + e) for |e| far below p's last place: TwoSum with e folded into the error. */
function twoSum(p: number, c: number, e: number): number {
  const s = p + c, v = s - p;
  return s + (p - (s - v) + (c - v) + e);
}

/** glibc's exp_inline: ±exp(x + xtail) for |xtail| < 2^-15 (the sign by `neg`). */
function expTail(x: number, xtail: number, neg: boolean): number {
  F64[0] = x;
  const abstop = (U32[1] >>> 20) & 0x7ff;
  let special = false;
  if (abstop - 0x3c9 >>> 0 >= 0x408 - 0x3c9) {
    if (abstop < 0x3c9) { // |x| < 2^-54
      const one = 1 + x;
      return neg ? -one : one;
    }
    if (abstop >= 0x409) { // |x| >= 1024: overflow or underflow (inf and NaN never reach here)
      const v = x < 0 ? 0 : Infinity;
      return neg ? -v : v;
    }
    special = true; // 512 <= |x| < 1024
  }
  const kd = reduceK(x);
  // r = x + kd·NegLn2hiN + kd·NegLn2loN, both products contracted; below 512 the first is exact.
  const r0 = special ? fma(kd, NEG_LN2_HI_N, x) : x + kd * NEG_LN2_HI_N;
  const pk = kd * NEG_LN2_LO_N;
  const r = twoSum(pk, r0, kd * NLO_H - pk + kd * NLO_L) + xtail;
  const r2 = r * r;
  const i = kd & 127;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), TAIL[i] + r));
  let v: number;
  if (special) v = scaleSpecial(tmp, kd, 1009, true);
  else {
    U32[0] = H_LO[i];
    U32[1] = H_HI[i] + ((kd >> 7) << 20);
    const scale = F64[0];
    v = fma(scale, tmp, scale);
  }
  return neg ? -v : v;
}

// glibc's double-precision log (2.28 and later, Arm's optimized-routines algorithm) as built for x86-64
// CPUs with FMA, reproduced bit for bit: NumPy's legacy normals (the polar method's log(r2)) and
// log-determinants call the C library's log, which is not correctly rounded (about 1 input in 300 of
// randn's rounds differently from the exact log). The table and polynomials are glibc's numbers
// (glibcLogData.ts); the operation order is the C source's with the multiply-adds the compiler fuses
// for that build: every `a + b·c` where the product is not needed alone. Checked against CPython's
// math.log (glibc 2.36) on 244,302 inputs (test/fixtures/tensor/glibc-log.json): all equal.

import * as libmFma from './fma';
import * as data from './glibcLogData';

// Module-local copies: an imported binding compiled to CommonJS (tsx, mocha) is a getter call per use.
const { A, B, INVC, LN2_HI, LN2_LO, LOGC } = data;
/** fmaFinite's preconditions hold: operands finite and below 2^11, products zero or above 2^-220 (r >= 2^-53). */
const fma = libmFma.fmaFinite;
const SPLIT = libmFma.SPLIT;
/** INVC split into 26-bit halves once (Veltkamp), for the exact product z·invc. */
const INVC_H = INVC.map((v) => SPLIT * v - (SPLIT * v - v)), INVC_L = INVC.map((v, i) => v - INVC_H[i]);

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** Near 1 (x in [1 - 2^-4, 1 + 0x1.09p-4)) the table's log(c) is too coarse: a polynomial in r = x - 1. */
const NEAR_LO = 0.9375, NEAR_HI = 1.064697265625;
const OFF_HI = 0x3fe60000; // high word of 0x1.6p-1: z = x / 2^k lies in [0x1.6p-1, 0x1.6p0)

export function glibcLog(x: number): number {
  if (x >= NEAR_LO && x < NEAR_HI) return nearOne(x);
  if (!(x >= 2.2250738585072014e-308) || x === Infinity) return offNormal(x, table);
  return table(x, 0);
}

/**
 * A logarithm (log, log2) of what is not a positive normal double: ±0 -> -inf, inf -> inf, negatives and
 * NaN -> NaN, a subnormal through the table path normalized (·2^52, 52 taken back from the exponent).
 */
export function offNormal(x: number, table: (x: number, k0: number) => number): number {
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  if (!(x > 0)) return NaN; // negative or NaN
  return table(x * 2 ** 52, -52);
}

/** The table path for a normal x; `k0` is added to the binary exponent (subnormal inputs). */
function table(x: number, k0: number): number {
  F64[0] = x;
  const hi = U32[1];
  const tmp = (hi - OFF_HI) | 0; // high word of ix - OFF (OFF's low word is 0)
  const i = (tmp >>> 13) & 127; // bits 45..51 of ix - OFF
  const k = (tmp >> 20) + k0; // arithmetic shift: the exponent relative to OFF
  U32[1] = (hi - (tmp & 0xfff00000)) >>> 0;
  const z = F64[0];
  const invc = INVC[i], logc = LOGC[i];
  // r = fma(z, invc, -1): z·invc is within 2^-7 of 1, so p - 1 is exact (Sterbenz) and adding the
  // product's exact error rounds once, as the fused operation does.
  const p0 = z * invc;
  const t = SPLIT * z, zh = t - (t - z), zl = z - zh;
  const r = p0 - 1 + (zh * INVC_H[i] - p0 + zh * INVC_L[i] + zl * INVC_H[i] + zl * INVC_L[i]);
  // fma(k, LN2_HI, logc) unfused: k·LN2_HI is exact (|k| < 2^11, LN2_HI has 42 bits) and so is the sum,
  // by the table's design, so there is no rounding for the fusion to save.
  const w = k * LN2_HI + logc;
  const h = w + r;
  const lo = fma(k, LN2_LO, w - h + r);
  const r2 = r * r;
  const p = fma(r2, fma(r, A[4], A[3]), fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], lo)) + h;
}

function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1, r2 = r * r, r3 = r * r2;
  const q3 = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
  const q2 = fma(r3, q3, fma(r2, B[6], fma(r, B[5], B[4])));
  const q1 = fma(r3, q2, fma(r2, B[3], fma(r, B[2], B[1])));
  // r split in halves so that r·r·B[0] (B[0] = -1/2) is exact.
  let w = r * 134217728;
  const rhi = r + w - w, rlo = r - rhi;
  w = rhi * rhi * B[0];
  const h = r + w;
  const lo = fma(B[0] * rlo, rhi + r, r - h + w);
  return fma(r3, q1, lo) + h;
}

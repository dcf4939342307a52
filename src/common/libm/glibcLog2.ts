// glibc's double-precision log2 (2.28 and later, sysdeps/ieee754/dbl-64/e_log2.c, Arm's algorithm), which
// CPython's math.log2 calls, as this machine's glibc 2.36 (Debian) runs it: the FMA variant (the
// non-FMA one, z/c - 1 as (z - chi - clo)·invc and r split at 32 bits, differed on 52 of 300k inputs;
// this one on none). Method: x = 2^k·z, log2(x) = k + log2(c) + log2(z/c) with c from a 64-entry table
// (glibcLog2Data.ts) and a degree-7 polynomial; near 1 a degree-11 one in r = x - 1. Every multiply-add
// GCC contracts is fused (exactly emulated). V8's Math.log2 differs from it on ~0.6% of inputs.
// Golden: test/fixtures/common/libm.json.

import * as libmFma from './fma';
import { offNormal } from './glibcLog';
import * as data from './glibcLog2Data';

// Module-local copies: an imported binding compiled to CommonJS (tsx, mocha) is a getter call per use.
const { A, B, INV_LN2_HI, INV_LN2_LO, INVC, LOGC } = data;
/** fmaFinite's preconditions hold: operands finite and below 2^11, products zero or above 2^-250. */
const fma = libmFma.fmaFinite;
const SPLIT = libmFma.SPLIT;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** Near 1: x in [1 - 0x1.5b51p-5, 1 + 0x1.6ab2p-5). */
const NEAR_LO = 1 - 0x15b51 / 2 ** 21, NEAR_HI = 1 + 0x16ab2 / 2 ** 21;
const OFF_HI = 0x3fe60000; // high word of 0x1.6p-1: z = x / 2^k lies in [0x1.6p-1, 0x1.6p0)
const IH = SPLIT * INV_LN2_HI - (SPLIT * INV_LN2_HI - INV_LN2_HI), IL = INV_LN2_HI - IH;

export function glibcLog2(x: number): number {
  if (x >= NEAR_LO && x < NEAR_HI) return nearOne(x);
  if (!(x >= 2.2250738585072014e-308) || x === Infinity) return offNormal(x, table);
  return table(x, 0);
}

/** r·INV_LN2_LO + fma(r, INV_LN2_HI, -t1) where t1 = r·INV_LN2_HI: the fma is that product's exact error. */
function lowPart(r: number, t1: number): number {
  const t = SPLIT * r, rh = t - (t - r), rl = r - rh;
  return fma(r, INV_LN2_LO, rh * IH - t1 + rh * IL + rl * IH + rl * IL);
}

function table(x: number, k0: number): number {
  F64[0] = x;
  const hi = U32[1];
  const tmp = (hi - OFF_HI) | 0; // high word of ix - OFF (OFF's low word is 0)
  const i = (tmp >>> 14) & 63; // bits 46..51 of ix - OFF
  const k = (tmp >> 20) + k0; // arithmetic shift: the exponent relative to OFF
  U32[1] = (hi - (tmp & 0xfff00000)) >>> 0;
  const z = F64[0];
  const r = fma(z, INVC[i], -1);
  const t1 = r * INV_LN2_HI;
  const t2 = lowPart(r, t1);
  const t3 = k + LOGC[i]; // exact by the table's design
  const h = t3 + t1;
  const lo = t3 - h + t1 + t2;
  const r2 = r * r, r4 = r2 * r2;
  const p = fma(r4, fma(r, A[5], A[4]), fma(r2, fma(r, A[3], A[2]), fma(r, A[1], A[0])));
  return fma(r2, p, lo) + h;
}

function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const h = r * INV_LN2_HI;
  let lo = lowPart(r, h);
  const r2 = r * r, r4 = r2 * r2;
  // p = r²·(B[0] + r·B[1]) is one product used by two sums, y = h + p and h - y + p: both fused.
  const q = fma(r, B[1], B[0]);
  const y = fma(r2, q, h);
  lo += fma(r2, q, h - y);
  const hiTerms = fma(r2, fma(r, B[9], B[8]), fma(r, B[7], B[6]));
  lo = fma(r4, fma(r4, hiTerms, fma(r2, fma(r, B[5], B[4]), fma(r, B[3], B[2]))), lo);
  return y + lo;
}

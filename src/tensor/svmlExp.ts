// Float64 exp as NumPy 2.x computes it on x86-64 CPUs with AVX512_SKX: its Linux wheels link Intel's
// SVML and loops_exponent_log.dispatch.c.src sends every float64 np.exp (arrays, strided views and
// 0-d scalars alike) to __svml_exp8_ha (numpy/SVML linux/avx512/svml_z0_exp_d_ha.s). Its result is not
// always the correctly rounded exp nor glibc's (V8's Math.exp differed from it in ~10% of inputs), so
// the algorithm is reproduced step for step, every fused multiply-add a real one (fma.ts is exact):
//   N = x·log2(e) to 4 fraction bits (a multiply-add rounded toward zero onto 1.5·2^48),
//   r = x - N·ln2 in two multiply-adds, p = degree-6 polynomial in r (Estrin-like pairs), with the
//   table's 2^(j/16) = Th·(1 + Tlr): exp(x) = 2^floor(N) · fma(Th, p·r + Tlr, Th).
// For |x| >= EXP_LIMIT (about 1021 ln 2: overflow, subnormal results, 0) and infinities SVML calls its
// scalar routine instead, a 64-entry table and plain (unfused) SSE2 arithmetic: expRare below.
// The numbers are in svmlExpLogData.ts (generated, checked against NumPy's library).

import { fma as exactFma } from './fma';
import * as K from './svmlExpLogData';

// Module-local copies: a namespace or named import is a property read (a getter under CommonJS) per use.
const fma = exactFma;
const {
  EXP64, EXPS_D2, EXPS_D3, EXPS_D4, EXPS_D5, EXPS_D6, EXPS_INV_LN2_64, EXPS_LN2_64_HI,
  EXPS_LN2_64_LO, EXPS_OVERFLOW, EXPS_SHIFTER52, EXPS_SPLIT, EXPS_SUBNORMAL, EXPS_TWO, EXPS_TWO_M60,
  EXPS_UNDERFLOW, EXP_C1, EXP_C2, EXP_C3, EXP_C4, EXP_C5, EXP_C6, EXP_LIMIT, EXP_LN2_HI, EXP_LN2_LO,
  EXP_LOG2E, EXP_SHIFTER, EXP_TH, EXP_TLR,
} = K;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** 2^m for an integer m in [-1022, 1023], built from its bits (exact, no pow). */
export function pow2(m: number): number {
  U32[0] = 0;
  U32[1] = (m + 1023) << 20;
  return F64[0];
}

/** NumPy's float64 exp (SVML's __svml_exp8_ha) of one value. */
export function svmlExp(x: number): number {
  return Math.abs(x) < EXP_LIMIT ? expMain(x) : expRare(x);
}

/** The vector path, |x| < EXP_LIMIT. */
function expMain(x: number): number {
  // t = x·log2(e) + SHIFTER rounded toward zero (the sum is positive: down to a multiple of 1/16).
  // The exact sum is s + err + pe: the rounded sum, its error (Fast2Sum, SHIFTER the larger) and the
  // product's error (exact by fma); its sign says whether rounding to nearest went up.
  const p = x * EXP_LOG2E;
  const pe = fma(x, EXP_LOG2E, -p);
  const s = EXP_SHIFTER + p;
  const err = p - (s - EXP_SHIFTER);
  const n16 = (err + pe < 0 ? s - 0.0625 - EXP_SHIFTER : s - EXP_SHIFTER) * 16; // 16·N, an integer
  const j = n16 & 15;
  const n = n16 * 0.0625;
  let r = fma(-n, EXP_LN2_HI, x);
  r = fma(-n, EXP_LN2_LO, r);
  const r2 = r * r;
  let q = fma(fma(EXP_C6, r, EXP_C5), r2, fma(EXP_C4, r, EXP_C3));
  q = fma(q, r2, fma(EXP_C2, r, EXP_C1));
  q = fma(q, r, EXP_TLR[j]);
  const th = EXP_TH[j];
  // vscalefpd by N = 2^floor(N); the result is normal here, so the scaling is exact.
  return fma(q, th, th) * pow2(n16 >> 4);
}

/** SVML's scalar exp (__svml_dexp_ha_cout_rare_internal) for |x| >= EXP_LIMIT, infinities and NaN. */
export function expRare(x: number): number {
  if (x !== x) return x;
  if (x === -Infinity) return 0;
  if (x > EXPS_OVERFLOW) return Infinity; // x = +inf too
  if (x < EXPS_UNDERFLOW) return 0;
  const n = EXPS_INV_LN2_64 * x + EXPS_SHIFTER52 - EXPS_SHIFTER52; // rint(64·x/ln2)
  const j = n & 63, m = n >> 6;
  let r = x - n * EXPS_LN2_64_HI;
  r = r - n * EXPS_LN2_64_LO;
  let p = EXPS_D6 * r + EXPS_D5;
  p = p * r + EXPS_D4;
  p = p * r + EXPS_D3;
  p = p * r + EXPS_D2;
  p = p * r * r + r + EXP64[2 * j + 1];
  const th = EXP64[2 * j];
  p = p * th;
  if (!(x < EXPS_SUBNORMAL)) {
    const res = p + th;
    return m + 1023 > 2046 ? res * pow2(m - 1) * EXPS_TWO : res * pow2(m);
  }
  // Subnormal results: the sum is formed 2^60 higher and scaled down by one multiplication below 2^-1032;
  // from there up, as SVML does, its high part (exact once scaled) and the rest are scaled separately.
  const sc = pow2(m + 60);
  const q = p * sc, h = th * sc, s = h + q;
  if (m + 1083 <= 50) return s * EXPS_TWO_M60;
  const lo = h - s + q;
  const c = s * EXPS_SPLIT;
  const hi = s + c - c;
  return hi * EXPS_TWO_M60 + (lo + (s - hi)) * EXPS_TWO_M60;
}

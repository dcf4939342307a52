// A correctly rounded natural log (error ~2^-100 before the final rounding) in double-double arithmetic.
// V8's Math.log is off by one ulp for a few percent of inputs; glibc's log is (almost always) correctly
// rounded, and legacy `randn` feeds log(r2) into every normal draw, so we want glibc's bits.
// Method: x = 2^e·m with m in [1, 2); m = c·(1+r) with c = 1 + j/128 from a table of log(c) kept as
// double-doubles; log(1+r) = 2·atanh(f), f = r/(2+r) = (m−c)/(m+c), |f| < 1/257, 7 series terms.
// All double-double steps are written out on locals (no allocation) to keep randn fast. The tables are
// literals (crlogTable.ts).

import { COEF_HI, COEF_LO, LOG_HI, LOG_LO } from './crlogTable';
import { wasmGemm } from './wasm/gemmKernel';

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)
const LN2_HI = 0.6931471805599453, LN2_LO = 2.3190468138462996e-17;
const TERMS = 8;
const TABLE = 128;
const logHi = LOG_HI, logLo = LOG_LO, coefHi = COEF_HI, coefLo = COEF_LO;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

// Shared outputs of the double-double helpers (hi, lo).
let H = 0, L = 0;

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  H = s;
  L = a - (s - bb) + (b - bb);
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let c = SPLIT * ah;
  const a1 = c - (c - ah), a2 = ah - a1;
  c = SPLIT * bh;
  const b1 = c - (c - bh), b2 = bh - b1;
  const e = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2 + (ah * bl + al * bh);
  twoSum(p, e);
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = H, sl = L + al + bl;
  twoSum(sh, sl);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -H, -L); // r = a - q1·b
  const rh = H, rl = L;
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -H, -L); // r - q2·b
  const q3 = H / bh;
  twoSum(q1, q2);
  ddAdd(H, L, q3, 0);
}

export function crlog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x); // NaN, 0, negatives, inf
  // The same function in WebAssembly (gemm.wat): fast from the first call, where this one would run
  // interpreted and then keep the optimising compiler busy for a draw of a few hundred normals.
  const w = wasmGemm();
  return w ? w.crlog(x) : crlogJs(x);
}

function crlogJs(x: number): number {
  // Split x = 2^e · m, m in [1, 2), from the bits (subnormals are scaled up by 2^64 first).
  let e = 0;
  F64[0] = x;
  if (U32[1] >>> 20 === 0) {
    F64[0] = x * 18446744073709551616;
    e = -64;
  }
  e += (U32[1] >>> 20) - 1023;
  U32[1] = (U32[1] & 0x000fffff) | 0x3ff00000;
  const m = F64[0];
  const j = Math.round((m - 1) * TABLE);
  const c = 1 + j / TABLE;
  // f = (m - c)/(m + c): the numerator is exact (Sterbenz), the denominator a double-double.
  twoSum(m, c);
  ddDiv(m - c, 0, H, L);
  const fh = H, fl = L;
  ddMul(fh, fl, fh, fl);
  const f2h = H, f2l = L;
  let sh = coefHi[TERMS - 1], sl = coefLo[TERMS - 1];
  for (let k = TERMS - 2; k >= 0; k--) {
    ddMul(sh, sl, f2h, f2l);
    ddAdd(H, L, coefHi[k], coefLo[k]);
    sh = H;
    sl = L;
  }
  ddMul(sh, sl, fh, fl);
  const th = 2 * H, tl = 2 * L; // log(m / c)
  ddAdd(th, tl, logHi[j], logLo[j]);
  if (e !== 0) {
    const rh = H, rl = L;
    ddMul(LN2_HI, LN2_LO, e, 0);
    ddAdd(H, L, rh, rl);
  }
  return H + L;
}

// The fused multiply-add emulated in float64 arithmetic (Dekker's exact product, a compensated sum):
// round(a·b + c) with one rounding, for code that must match C built with FMA (OpenBLAS's small matrix
// products, glibc's log and exp) where the CPU's own FMA is not reachable (no WebAssembly relaxed SIMD,
// and src/common cannot reach src/tensor/wasm). Exact but for rare ties that a c far below the product's
// error term should break (test/unit/tensor/exactFma.ts is the exact oracle).

export const SPLIT = 134217729; // 2^27 + 1

/** round(a·b + c) with one rounding: exact product (Dekker) plus a compensated sum. */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (p - p !== 0 && a - a === 0 && b - b === 0) return fmaOverflow(a, b, c, p);
  // With c = ±0 the answer is the rounded product itself (IEEE multiplication rounds once, also into
  // the subnormals, where the split below is inexact), but for the sign of an exact zero: -0 + +0.
  if (c === 0) return p === 0 && (a === 0 || b === 0) ? p + c : p;
  // A product that underflowed to a signed zero is below half of c's last place: c.
  if (p === 0 && a !== 0 && b !== 0 && a - a === 0 && b - b === 0) return c;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  if (Math.abs(a) > BIG || Math.abs(b) > BIG) return fmaHuge(a, b, c, p);
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return finishFma(p, c, e);
}

/**
 * `fma` when the product of finite a and b overflowed: exactly, |a·b| >= 2^1024 but finite, so an
 * infinite c wins (where p + c would give NaN for opposite signs) and a finite c of the other sign may
 * bring the sum back in range. That needs |a·b| < 2^1026: then a quarter of the product is finite and
 * fma(a/4, b, c/4)·4 is the same rounding (a scaling by a power of two, c/4 exact unless c is
 * subnormal, where it cannot matter beyond a tie). Beyond 2^1026 the sum overflows like the product.
 */
function fmaOverflow(a: number, b: number, c: number, p: number): number {
  if (!Number.isFinite(c)) return c;
  const first = Math.abs(a) >= Math.abs(b);
  const a4 = first ? a * 0.25 : a, b4 = first ? b : b * 0.25;
  if (!Number.isFinite(a4 * b4)) return p;
  return fma(a4, b4, c * 0.25) * 4;
}

function finishFma(p: number, c: number, e: number): number {
  const s = p + c;
  // The rounded sum overflowed (finite p and c): TwoSum would make NaN of it. A quarter of everything
  // is the same computation one binade lower (exact scalings), and ·4 overflows where the sum does.
  if (s - s !== 0 && p - p === 0 && c - c === 0) return finishFma(p * 0.25, c * 0.25, e * 0.25) * 4;
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  return s + (err + e);
}

/**
 * `fma` when an operand is above BIG (its split would overflow): that operand is scaled by 2^-60, the
 * exact product error computed (Dekker) and scaled back. With a finite product the scaled product stays
 * above 2^-139 and the partial products above 2^-191, so nothing underflows and the scaling is exact.
 */
function fmaHuge(a: number, b: number, c: number, p: number): number {
  if (Math.abs(a) > BIG) a *= 2 ** -60;
  else b *= 2 ** -60;
  const q = p * 2 ** -60;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return finishFma(p, c, (ah * bh - q + ah * bl + al * bh + al * bl) * 2 ** 60);
}
/** Above this, SPLIT·v overflows (2^1023 / 2^27 with margin). */
export const BIG = 2 ** 995;

/**
 * `fma` without its guards, for callers that know their operands: finite, |a| and |b| at most 2^995,
 * and a·b either zero or large enough that the smallest partial product of the split (about
 * |a·b|·2^-54) stays above 2^-1022, so nothing overflows or underflows. Branch-free, so glibc's log and exp can afford one per multiply-add their FMA build fuses.
 * Same result as `fma` (exact product error by Dekker, exact sum error by TwoSum).
 */
export function fmaFinite(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c, v = s - p;
  return s + (p - (s - v) + (c - v) + e);
}

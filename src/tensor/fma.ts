// The tensor core's fused multiply-add helpers: the scalar `fma` lives in src/common/libm/fma.ts (glibc's
// log and exp need it too); `step` is the variant for operands split once and reused (fusedGemm.ts).

export { BIG, fma, SPLIT } from '../common/libm/fma';

/** `fma(a, b, c)` with a and b already split (a = a1 + a2, b = b1 + b2 exactly). */
export function step(a: number, a1: number, a2: number, b: number, b1: number, b2: number, c: number): number {
  const prod = a * b;
  // Not finite (x - x is NaN for ±inf and NaN) or a zero product: the plain sum is the fused result.
  if (prod - prod !== 0 || c - c !== 0 || prod === 0) return prod + c;
  const e = a1 * b1 - prod + a1 * b2 + a2 * b1 + a2 * b2;
  const s = prod + c, bb = s - prod;
  return s + (prod - (s - bb) + (c - bb) + e);
}

// X·Xᵀ as NumPy computes dot(X, X.T) when both operands are the same matrix: cblas_dsyrk
// (numpy/_core/src/common/cblasfuncs.c picks syrk for "a matrix times its own transpose"), which fills
// the upper triangle and NumPy copies it to the lower one, so the result is exactly symmetric.
// OpenBLAS's level3_syrk.c splits k like gemm does up to 2·GEMM_Q but halves a larger remainder as
// (k + 1) / 2, not rounded to the unroll as dgemm does (300 -> 150 + 150 where dgemm takes 152 + 148).
// Each k-block is an fma chain from zero added to C (our fused gemm on that block), blocks added in
// order.

import { gemm } from './gemm';
import { productWarnings } from './fpErrors';
import { newArray, NDArray } from './ndarray';

const GEMM_Q = 256;

/** syrk's k-block for the `rest` columns still to do. */
function syrkBlock(rest: number): number {
  if (rest >= 2 * GEMM_Q) return GEMM_Q;
  return rest > GEMM_Q ? (rest + 1) >> 1 : rest;
}

/** dot(x, x.T) of a float64 matrix (p, k) with p, k >= 2, in OpenBLAS dsyrk's order. */
export function syrk(x: NDArray): NDArray {
  const [p, k] = x.shape, [rs, cs] = x.strides;
  const out = newArray([p, p], 'float64');
  const C = out.data;
  let tmp: Float64Array | null = null;
  for (let ls = 0; ls < k; ) {
    const kb = syrkBlock(k - ls);
    const off = x.offset + ls * cs;
    if (kb === k) gemm(p, p, kb, x.data, off, rs, cs, x.data, off, cs, rs, C, 0, true);
    else {
      tmp = tmp ? tmp.fill(0) : new Float64Array(p * p);
      gemm(p, p, kb, x.data, off, rs, cs, x.data, off, cs, rs, tmp, 0, true);
      for (let i = 0; i < p * p; i++) C[i] += tmp[i];
    }
    ls += kb;
  }
  for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) C[j * p + i] = C[i * p + j];
  productWarnings('dot', x, x, out);
  return out;
}

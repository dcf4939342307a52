// A matrix times a vector (`A @ x`, `np.dot(A, x)`, and `A @ X` for a one-column X) in the order NumPy
// gets it from OpenBLAS: row-major A is its dgemv_t (Haswell kernels), whose order differs from both a
// matrix product and a dot product. Measured against NumPy 2.4.6: 784 of 784 outputs equal over heights
// 1-13 and lengths 4-5000 (a one-row A is a dot product there). Column-major A (a transposed view) goes
// to dgemv_n, not reproduced: the caller keeps its plain kernel for it.
//
// dgemv_t, for y = A·x with A m×k: k is cut in blocks of up to 2048 (a multiple of 4; the last k mod 4
// elements come after all blocks). Per block, rows in fours get four fma chains each (element i in
// chain i mod 4) summed as (c0 + c2) + (c1 + c3); a pair of leftover rows two plain chains (i mod 2),
// summed; a last single row four plain chains summed the same way as the fours; each block's value is
// added to y. The k mod 4 tail: y += a·x for one element (fused), a0·x0 + a1·x1 (the first fused into
// the second) and then + a2·x2 fused, for two or three.

import { ddot } from './blasDot';
import { fma } from './fma';
import { fmaGemvT4, WASM_BASE, wasmGemm } from './wasm/gemmKernel';

const NBMAX = 2048;

/** y (m values at Y[yo..], zero on entry) = A·x for A with unit column stride (row stride aRs). */
export function gemvT(m: number, k: number, A: Float64Array, ao: number, aRs: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number): void {
  if (m === 1) {
    Y[yo] = 0 + ddot(k, A, ao, 1, X, xo, incx); // y = 0 + result, as gemv's beta = 0 leaves it
    return;
  }
  const m3 = k & 3;
  let m1 = k & -4;
  const m2 = (k & (NBMAX - 1)) - m3;
  const groups = m >> 2;
  const t = new Float64Array(m);
  for (let nb = NBMAX, off = 0; nb === NBMAX; off += nb) {
    m1 -= nb;
    if (m1 < 0) {
      if (m2 === 0) break;
      nb = m2;
    }
    fours(groups, nb, A, ao + off, aRs, X, xo + off * incx, incx, t);
    let j = groups * 4;
    if ((m & 3) >= 2) {
      t[j] = pairs(nb, A, ao + j * aRs + off, X, xo + off * incx, incx);
      t[j + 1] = pairs(nb, A, ao + (j + 1) * aRs + off, X, xo + off * incx, incx);
      j += 2;
    }
    if (m & 1) t[j] = single(nb, A, ao + j * aRs + off, X, xo + off * incx, incx);
    for (let r = 0; r < m; r++) Y[yo + r] = Y[yo + r] + t[r];
  }
  if (m3 === 0) return;
  const at = k - m3;
  for (let r = 0; r < m; r++) {
    const a = ao + r * aRs + at, x = xo + at * incx;
    if (m3 === 1) Y[yo + r] = fma(A[a], X[x], Y[yo + r]);
    else {
      let e = fma(A[a], X[x], A[a + 1] * X[x + incx]);
      if (m3 === 3) e = fma(A[a + 2], X[x + 2 * incx], e);
      Y[yo + r] = Y[yo + r] + e;
    }
  }
}

/** The 4x4 kernel over `groups` groups of four rows: t[4g + r]. */
function fours(groups: number, nb: number, A: Float64Array, ao: number, aRs: number, X: Float64Array, xo: number, incx: number, t: Float64Array): void {
  if (groups === 0) return;
  const w = wasmGemm();
  const k4 = w && fmaGemvT4(w);
  if (w && k4) {
    const rows = groups * 4, aLen = rows * nb;
    const need = (WASM_BASE + aLen + nb + rows) * 8;
    if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
    const mem = new Float64Array(w.memory.buffer);
    const ap = WASM_BASE, xp = ap + aLen, yp = xp + nb;
    // Rows packed back to back are one copy (a C-contiguous A with k <= 2048); else a copy per row.
    if (aRs === nb) mem.set(A.subarray(ao, ao + aLen), ap);
    else for (let r = 0; r < rows; r++) mem.set(A.subarray(ao + r * aRs, ao + r * aRs + nb), ap + r * nb);
    for (let i = 0; i < nb; i++) mem[xp + i] = X[xo + i * incx];
    k4(ap * 8, xp * 8, yp * 8, groups, nb, nb * 8);
    t.set(mem.subarray(yp, yp + rows));
    return;
  }
  // The same chains with the emulated fma.
  for (let r = 0; r < groups * 4; r++) {
    const c = [0, 0, 0, 0], a = ao + r * aRs;
    for (let i = 0; i < nb; i++) c[i & 3] = fma(A[a + i], X[xo + i * incx], c[i & 3]);
    t[r] = c[0] + c[2] + (c[1] + c[3]);
  }
}

/** The 4x2 kernel for one row: two plain chains (SSE multiply, add). */
function pairs(nb: number, A: Float64Array, a: number, X: Float64Array, xo: number, incx: number): number {
  let c0 = 0, c1 = 0;
  for (let i = 0; i < nb; i += 2) {
    c0 += A[a + i] * X[xo + i * incx];
    c1 += A[a + i + 1] * X[xo + (i + 1) * incx];
  }
  return c0 + c1;
}

/** The 4x1 kernel: four plain chains (two SSE registers), summed as (c0 + c2) + (c1 + c3). */
function single(nb: number, A: Float64Array, a: number, X: Float64Array, xo: number, incx: number): number {
  const c = [0, 0, 0, 0];
  for (let i = 0; i < nb; i++) c[i & 3] += A[a + i] * X[xo + i * incx];
  return c[0] + c[2] + (c[1] + c[3]);
}

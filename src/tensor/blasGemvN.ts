// A matrix times a vector where the matrix is column-major for BLAS, in the order NumPy gets it from
// OpenBLAS's dgemv_n (Haswell kernels): `x @ B` and `np.dot(x, B)` for a row-major B, and `A @ x` for a
// transposed view A (`W.T @ delta`). Each column j of the BLAS matrix is contiguous (stride 1) and the
// columns are `lda` apart; y[i] = Σ_j A[i, j]·x[j].
//
// dgemv_n: the outputs are cut in blocks of up to 2048 (a multiple of 4; the last M mod 4 outputs come
// after all blocks). Per block, columns in fours: y += (a0·x0 fma a2·x2) + (a1·x1 fma a3·x3); then a
// pair of columns y += a0·x0 + a1·x1 and a single column y += a·x (plain), or, when x is strided,
// every leftover column singly. The last M mod 4 outputs are plain sums over the columns (grouped in
// twos, or fours for one output, when the whole matrix is that narrow). Measured against NumPy 2.4.6:
// 172 products (1-130 inputs, 2-4103 outputs, x contiguous or strided) equal in four forms each.

import { fma } from './fma';
import { fmaGemvN4, WASM_BASE, wasmGemm } from './wasm/gemmKernel';

const NBMAX = 2048;

/** Y[yo + i] (zero on entry) = Σ_j A[ao + j·lda + i]·X[xo + j·incx], for i < M outputs and j < N. */
export function gemvN(M: number, N: number, A: Float64Array, ao: number, lda: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number): void {
  const m3 = M & 3;
  let m1 = M & -4;
  const m2 = (M & (NBMAX - 1)) - m3;
  let row = 0;
  for (let nb = NBMAX; nb === NBMAX; row += nb) {
    m1 -= nb;
    if (m1 < 0) {
      if (m2 === 0) break;
      nb = m2;
    }
    block(nb, N, A, ao + row, lda, X, xo, incx, Y, yo + row);
  }
  if (m3 === 0) return;
  for (let r = M - m3; r < M; r++) Y[yo + r] = Y[yo + r] + tail(N, A, ao + r, lda, X, xo, incx, lda === m3 && incx === 1 ? m3 : 0);
}

function block(nb: number, N: number, A: Float64Array, ao: number, lda: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number): void {
  const groups = N >> 2;
  fours(nb, groups, A, ao, lda, X, xo, incx, Y, yo);
  let j = groups * 4;
  const col = (c: number) => ao + c * lda, xv = (c: number) => X[xo + c * incx];
  if (incx === 1 && N & 2) {
    const a0 = col(j), a1 = col(j + 1), x0 = xv(j), x1 = xv(j + 1);
    for (let i = 0; i < nb; i++) Y[yo + i] = Y[yo + i] + (A[a0 + i] * x0 + A[a1 + i] * x1);
    j += 2;
  }
  for (; j < N; j++) {
    const a = col(j), x = xv(j);
    for (let i = 0; i < nb; i++) Y[yo + i] = Y[yo + i] + A[a + i] * x;
  }
}

/** The 4x4 kernel for `groups` groups of four columns over nb outputs. */
function fours(nb: number, groups: number, A: Float64Array, ao: number, lda: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number): void {
  if (groups === 0) return;
  const w = wasmGemm();
  const k4 = w && fmaGemvN4(w);
  if (w && k4) {
    const cols = groups * 4;
    const need = (WASM_BASE + cols * nb + cols + nb) * 8;
    if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
    const mem = new Float64Array(w.memory.buffer);
    const ap = WASM_BASE, xp = ap + cols * nb, yp = xp + cols;
    // Columns packed back to back are one copy; else a copy per column.
    if (lda === nb) mem.set(A.subarray(ao, ao + cols * nb), ap);
    else for (let c = 0; c < cols; c++) mem.set(A.subarray(ao + c * lda, ao + c * lda + nb), ap + c * nb);
    for (let c = 0; c < cols; c++) mem[xp + c] = X[xo + c * incx];
    mem.set(Y.subarray(yo, yo + nb), yp);
    k4(ap * 8, nb * 8, xp * 8, yp * 8, nb, groups);
    Y.set(mem.subarray(yp, yp + nb), yo);
    return;
  }
  for (let g = 0; g < groups; g++) {
    const c = ao + 4 * g * lda, x0 = X[xo + 4 * g * incx], x1 = X[xo + (4 * g + 1) * incx];
    const x2 = X[xo + (4 * g + 2) * incx], x3 = X[xo + (4 * g + 3) * incx];
    for (let i = 0; i < nb; i++) {
      const t4 = fma(A[c + 2 * lda + i], x2, A[c + i] * x0), t5 = fma(A[c + 3 * lda + i], x3, A[c + lda + i] * x1);
      Y[yo + i] = Y[yo + i] + (t4 + t5);
    }
  }
}

/**
 * One of the last M mod 4 outputs: Σ_j a[j]·x[j] (a = A[a0 + j·lda]) as OpenBLAS's C loop sums it
 * (no fused multiply-adds there). `narrow` (1-3: the whole matrix is that many contiguous outputs)
 * takes the loop that groups the columns by four (one output) or two (two or three outputs).
 */
function tail(N: number, A: Float64Array, a0: number, lda: number, X: Float64Array, xo: number, incx: number, narrow: number): number {
  const a = (j: number) => A[a0 + j * lda], x = (j: number) => X[xo + j * incx];
  let t = 0, j = 0;
  const n4 = N & -4;
  if (narrow === 1)
    for (; j < n4; j += 4) t = t + (a(j) * x(j) + a(j + 1) * x(j + 1) + a(j + 2) * x(j + 2) + a(j + 3) * x(j + 3));
  else if (narrow > 1)
    for (; j < n4; j += 2) t = t + (a(j) * x(j) + a(j + 1) * x(j + 1));
  for (; j < N; j++) t = t + a(j) * x(j);
  return t;
}

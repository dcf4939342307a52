// The dot product of two float64 vectors in the order NumPy's gets it from OpenBLAS's ddot (Haswell
// kernels, which the DYNAMIC_ARCH build picks on AVX2 CPUs), so that `np.dot(v, w)`, `v @ w` and
// `np.inner` print the same last digit. NumPy passes positive strides to BLAS and keeps its own plain
// loop for others. Measured against NumPy 2.4.6: 210 of 210 contiguous and 80 of 80 strided products
// equal, against 20-100% for a plain ascending sum depending on the length.
//
// Unit strides: the first n - n % 16 products in 16 fma chains (chain c takes elements c mod 16), summed
// as the kernel's four 4-lane registers are (fma.wat `ddot16`), then the rest added one plain product at
// a time. Other strides: two plain sums over groups of four (elements 0 and 2, 1 and 3), then the rest.

import { fma } from './fma';
import { fmaDdot, WASM_BASE, wasmGemm } from './wasm/gemmKernel';

export function ddot(n: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number, incy: number): number {
  if (incx <= 0 || incy <= 0) return plainDot(n, X, xo, incx, Y, yo, incy);
  if (incx !== 1 || incy !== 1) return stridedDot(n, X, xo, incx, Y, yo, incy);
  const n1 = n & -16;
  let dot = n1 ? kernel16(n1, X, xo, Y, yo) : 0;
  for (let i = n1; i < n; i++) dot += Y[yo + i] * X[xo + i];
  return dot;
}

function kernel16(n1: number, X: Float64Array, xo: number, Y: Float64Array, yo: number): number {
  const w = wasmGemm();
  const k = w && fmaDdot(w);
  if (w && k) {
    const need = (WASM_BASE + 2 * n1) * 8;
    if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
    const mem = new Float64Array(w.memory.buffer);
    mem.set(X.subarray(xo, xo + n1), WASM_BASE);
    mem.set(Y.subarray(yo, yo + n1), WASM_BASE + n1);
    return k(WASM_BASE * 8, (WASM_BASE + n1) * 8, n1);
  }
  // The same chains with the emulated fma.
  const acc = new Float64Array(16);
  for (let i = 0; i < n1; i++) acc[i & 15] = fma(X[xo + i], Y[yo + i], acc[i & 15]);
  const lane = (p: number) =>
    acc[p] + acc[p + 2] + (acc[4 + p] + acc[6 + p]) + (acc[8 + p] + acc[10 + p] + (acc[12 + p] + acc[14 + p]));
  return lane(0) + lane(1);
}

function stridedDot(n: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number, incy: number): number {
  const n4 = n & -4;
  let t1 = 0, t2 = 0, i = 0;
  for (let x = xo, y = yo; i < n4; i += 4, x += 4 * incx, y += 4 * incy) {
    const m1 = Y[y] * X[x], m2 = Y[y + incy] * X[x + incx];
    const m3 = Y[y + 2 * incy] * X[x + 2 * incx], m4 = Y[y + 3 * incy] * X[x + 3 * incx];
    t1 += m1 + m3;
    t2 += m2 + m4;
  }
  for (; i < n; i++) t1 += Y[yo + i * incy] * X[xo + i * incx];
  return t1 + t2;
}

/** NumPy's own loop for what BLAS does not take: an ascending sum of products. */
function plainDot(n: number, X: Float64Array, xo: number, incx: number, Y: Float64Array, yo: number, incy: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += X[xo + i * incx] * Y[yo + i * incy];
  return s;
}

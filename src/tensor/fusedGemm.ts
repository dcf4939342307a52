// The small matrix products that NumPy's BLAS computes with fused multiply-adds (OpenBLAS's Haswell
// dgemm for short inner dimensions): every C element is the chain fma(a[k-1], b[k-1], ... fma(a0, b0, 0))
// in ascending k, here with the emulated fma (fma.ts) on split operands, in JavaScript or in gemm.wat's
// `fused` kernel. gemm.ts prefers the CPU's own FMA (fma.wat) when it is available.

import { BIG, fma, SPLIT, step } from './fma';
import { WASM_BASE, wasmGemm, type WasmGemm } from './wasm/gemmKernel';

// Scratch for the split operands of `fusedProduct`, reused across calls (gemm never re-enters itself):
// a fresh Float64Array per product costs more than the product for the small sizes that come here.
let scratch = new Float64Array(0);

/**
 * C += A·B where every step is `fma` (same bits), with each operand Veltkamp-split once: A row-major
 * (m×k), B column-major (k×n), as [value, high, low] triples. A step is a serial chain of ~15 dependent
 * flops, so four C elements of a row (four chains) advance together and the CPU overlaps them; each
 * element still sees exactly the same operations in ascending k.
 */
export function fusedProduct(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
  // Tiny products (dot of 4×4s) split inside `fma`; operands too large to split beforehand go there too.
  if (m * n * k <= FUSED_SCALAR_MAX || tooLargeToSplit(maxFinite(A, aOff, aRs, aCs, m, k), maxFinite(B, bOff, bCs, bRs, n, k)))
    return fusedScalar(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
  const w = m * n * k >= FUSED_WASM_MIN ? wasmGemm() : null;
  if (w) return fusedWasm(w, m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
  const need = 3 * k * (m + n);
  if (scratch.length < need) scratch = new Float64Array(Math.max(need, 2 * scratch.length));
  const S = scratch;
  const sb = 3 * k * m; // B's triples start here
  for (let i = 0; i < m; i++)
    for (let p = 0, x = 3 * i * k; p < k; p++, x += 3) {
      const v = A[aOff + i * aRs + p * aCs], t = SPLIT * v, h = t - (t - v);
      S[x] = v;
      S[x + 1] = h;
      S[x + 2] = v - h;
    }
  for (let j = 0; j < n; j++)
    for (let p = 0, y = sb + 3 * j * k; p < k; p++, y += 3) {
      const v = B[bOff + p * bRs + j * bCs], t = SPLIT * v, h = t - (t - v);
      S[y] = v;
      S[y + 1] = h;
      S[y + 2] = v - h;
    }
  const k3 = 3 * k;
  for (let i = 0; i < m; i++) {
    const xa = 3 * i * k, crow = cOff + i * n;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let c0 = C[crow + j], c1 = C[crow + j + 1], c2 = C[crow + j + 2], c3 = C[crow + j + 3];
      for (let p = 0, x = xa, y = sb + j * k3; p < k3; p += 3, x += 3, y += 3) {
        const a = S[x], a1 = S[x + 1], a2 = S[x + 2];
        c0 = step(a, a1, a2, S[y], S[y + 1], S[y + 2], c0);
        c1 = step(a, a1, a2, S[y + k3], S[y + k3 + 1], S[y + k3 + 2], c1);
        c2 = step(a, a1, a2, S[y + 2 * k3], S[y + 2 * k3 + 1], S[y + 2 * k3 + 2], c2);
        c3 = step(a, a1, a2, S[y + 3 * k3], S[y + 3 * k3 + 1], S[y + 3 * k3 + 2], c3);
      }
      store4(C, crow + j, c0, c1, c2, c3);
    }
    for (; j < n; j++) {
      let c = C[crow + j];
      for (let p = 0, x = xa, y = sb + j * k3; p < k3; p += 3, x += 3, y += 3) c = step(S[x], S[x + 1], S[x + 2], S[y], S[y + 1], S[y + 2], c);
      C[crow + j] = c;
    }
  }
}

/** The largest finite magnitude in the r×k matrix (row stride rs, column stride cs); 0 if none. */
function maxFinite(X: Float64Array, off: number, rs: number, cs: number, r: number, k: number): number {
  let big = 0;
  for (let i = 0; i < r; i++)
    for (let p = 0; p < k; p++) {
      const v = Math.abs(X[off + i * rs + p * cs]);
      if (v > big && v !== Infinity) big = v;
    }
  return big;
}

/**
 * True when the split kernels cannot take these operands: an element too large to split, or a product
 * of finite elements that may overflow (the kernels' step then adds the infinite rounded product,
 * where fma adds the exact one). `fma` handles both.
 */
function tooLargeToSplit(maxA: number, maxB: number): boolean {
  return maxA > BIG || maxB > BIG || maxA * maxB >= 2 ** 1000;
}

/** The plain per-element chain of `fma` calls (no scratch; any operands). */
function fusedScalar(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let c = C[cOff + i * n + j];
      for (let p = 0; p < k; p++) c = fma(A[aOff + i * aRs + p * aCs], B[bOff + p * bRs + j * bCs], c);
      C[cOff + i * n + j] = c;
    }
}

/** Up to this many steps `fma` per element beats splitting or packing the operands. */
const FUSED_SCALAR_MAX = 512;
/** Below this many steps the JavaScript loop beats packing for the WebAssembly kernel. */
const FUSED_WASM_MIN = 512;

/**
 * `fusedProduct` on the WebAssembly kernel (gemm.wat `fused`: the same step on f64x2 lanes, two
 * columns per lane pair). Packs A as [value, high, low] per element, B as lane pairs of those, and C
 * with an even row stride; an odd last column is padded with zeros and not copied back.
 */
function fusedWasm(
  w: WasmGemm, m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
  const pairs = (n + 1) >> 1, ldc = 2 * pairs;
  const aLen = 3 * m * k, bLen = 6 * k * pairs, cLen = m * ldc;
  const need = (WASM_BASE + aLen + bLen + cLen) * 8;
  if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
  const mem = new Float64Array(w.memory.buffer);
  const ap = WASM_BASE, bp = ap + aLen, cp = bp + bLen; // element offsets
  for (let i = 0, x = ap; i < m; i++)
    for (let p = 0; p < k; p++, x += 3) {
      const v = A[aOff + i * aRs + p * aCs], t = SPLIT * v, h = t - (t - v);
      mem[x] = v;
      mem[x + 1] = h;
      mem[x + 2] = v - h;
    }
  if (n & 1) mem.fill(0, bp + 6 * k * (pairs - 1), bp + bLen);
  for (let j = 0; j < n; j++) {
    const base = bp + 6 * k * (j >> 1) + (j & 1);
    for (let p = 0, y = base; p < k; p++, y += 6) {
      const v = B[bOff + p * bRs + j * bCs], t = SPLIT * v, h = t - (t - v);
      mem[y] = v;
      mem[y + 2] = h;
      mem[y + 4] = v - h;
    }
  }
  mem.fill(0, cp, cp + cLen); // C arrives zeroed (gemm's contract), so it is not copied in
  w.fused(ap * 8, bp * 8, cp * 8, m, pairs, k, ldc);
  for (let i = 0; i < m; i++) {
    const row = cp + i * ldc;
    for (let j = 0; j < n; j++) C[cOff + i * n + j] = mem[row + j];
  }
}

/**
 * The fused product for k = 1 (an outer product, e.g. dY·Wᵀ for a one-output layer): each element is
 * fma(a, b, +0), the correctly rounded product, then added to the zeroed C as OpenBLAS does (so a
 * product that underflowed to -0 comes out +0, like an exact zero product). Returns whether every
 * element is finite.
 */
export function fusedOuter(m: number, n: number, A: Float64Array, aOff: number, aRs: number, B: Float64Array, bOff: number, bCs: number, C: Float64Array, cOff: number): boolean {
  let nonFinite = false;
  for (let i = 0; i < m; i++) {
    const a = A[aOff + i * aRs], crow = cOff + i * n;
    for (let j = 0; j < n; j++) {
      const prod = a * B[bOff + j * bCs];
      C[crow + j] = prod + 0;
      if (prod - prod !== 0) nonFinite = true;
    }
  }
  return !nonFinite;
}

export function store4(C: Float64Array, at: number, c0: number, c1: number, c2: number, c3: number): void {
  C[at] = c0;
  C[at + 1] = c1;
  C[at + 2] = c2;
  C[at + 3] = c3;
}

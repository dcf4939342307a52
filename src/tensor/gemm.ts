// The float64 matrix-multiply kernel: C (m×n, contiguous, zero on entry: every caller passes a fresh
// array) += A (m×k) · B (k×n) for strided A and B. Small products use a plain loop; larger ones (and,
// with WebAssembly, all but tiny ones) pack A and B into 4-wide panels per k-block (cache blocking) and
// run a 4×4 register-blocked micro-kernel. Every C element accumulates its products in ascending k
// (c = ((0 + a0·b0) + a1·b1) + ...), which is the documented order; NumPy's BLAS (OpenBLAS, FMA and its
// own blocking) can differ in the last bits. Matrix products (`fused`: dot/matmul of float64 matrices)
// follow OpenBLAS's Haswell dgemm instead, e.g. the -5.55e-17 in inv(A) @ A: with the CPU's FMA (relaxed
// SIMD), every size, as fma chains per OpenBLAS k-block; without it, small products only (k <= 16), as
// emulated fma chains (fusedGemm.ts), and the plain sums beyond.

import { gemvT } from './blasGemv';
import { gemvN } from './blasGemvN';
import { fma } from './fma';
import { fusedOuter, fusedProduct, store4 } from './fusedGemm';
import { fmaPanels, WASM_BASE, wasmGemm, type WasmGemm } from './wasm/gemmKernel';

const KC = 256; // k-block: a 4-row A panel (8 KB) and a 4-column B panel stay in L1
const MC = 64; // rows of A packed per block
const WASM_MIN = 2048; // multiply-adds below which the scalar loop wins over packing

/**
 * C += A·B (C zero on entry). Returns true when the kernel has seen that every element of C is finite
 * (the WebAssembly paths check their output buffer with SIMD on the way), false when unknown: callers
 * then scan C themselves for NumPy's warnings.
 */
export function gemm(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
  fused = false,
): boolean {
  if (m === 0 || n === 0 || k === 0) return true;
  // A matrix times a vector, or a vector times a matrix, is NumPy's gemv: dgemv_t's order when the
  // matrix is row-major for BLAS (blasGemv.ts), dgemv_n's when it is column-major (blasGemvN.ts).
  if (n === 1) {
    if (aCs === 1) gemvT(m, k, A, aOff, aRs, B, bOff, bRs, C, cOff);
    else if (aRs === 1) gemvN(m, k, A, aOff, aCs, B, bOff, bRs, C, cOff);
    else gemvT(m, k, contiguous(m, k, A, aOff, aRs, aCs), 0, k, B, bOff, bRs, C, cOff); // NumPy copies it first
    return false;
  }
  if (m === 1) {
    // A vector times a matrix: y = Bᵀ·x.
    if (bCs === 1) gemvN(n, k, B, bOff, bRs, A, aOff, aCs, C, cOff);
    else if (bRs === 1) gemvT(n, k, B, bOff, bCs, A, aOff, aCs, C, cOff);
    else gemvN(n, k, contiguous(k, n, B, bOff, bRs, bCs), 0, n, A, aOff, aCs, C, cOff);
    return false;
  }
  // k = 1 (an outer product): each element is fma(a, b, +0), the rounded product, whatever the order.
  if (fused && k === 1) return fusedOuter(m, n, A, aOff, aRs, B, bOff, bCs, C, cOff);
  // With the CPU's FMA at hand, a matrix product is OpenBLAS's dgemm order exactly: per k-block, c = fma
  // chain from 0, added to C; the last row of an odd m has a kernel of its own (lastRowOpenblas).
  // Measured against NumPy 2.4 (OpenBLAS 0.3.31, Haswell kernels) for k from 2 to 1000: every element
  // equal; plain sums matched ~30%.
  if (fused) {
    const w = wasmGemm();
    const hw = w && fmaPanels(w);
    if (hw) {
      const finite = gemmWasm(w, m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, hw, true);
      if (m & 1) lastRowOpenblas(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, w.fmaScalar ?? fma);
      return finite && (m & 1) === 0;
    }
  }
  const useFma = fused && k <= FUSED_MAX_K && m * n * k <= FUSED_MAX;
  if (useFma) {
    // The CPU's own FMA where relaxed SIMD offers it: the same chain as the emulation, one instruction
    // per step (measured 64 -> 12 us for 128x8 @ 8x32, most of it now packing and allocation).
    // Every size goes there, so that results never depend on a size threshold: the emulation misses
    // rare ties that a tiny addend breaks, the hardware does not.
    const w = wasmGemm();
    const hw = w && fmaPanels(w);
    if (hw) return gemmWasm(w, m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, hw);
    fusedProduct(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
    return false;
  }
  // Matrix-vector products (n < 4: a layer with one output, its gradient) run four rows at a time in
  // JavaScript: padded to 4 columns for the WebAssembly panels they did 4x the work plus the packing.
  if (n < 4 && m >= 4) {
    gemvColumns(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
    return false;
  }
  // WebAssembly from small sizes on: it runs fast from the first call (JavaScript loops start
  // interpreted).
  const w = m * n * k >= WASM_MIN ? wasmGemm() : null;
  if (w) return gemmWasm(w, m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
  if (m * n * k <= 32 * 32 * 32 || n < 4 || m < 4) {
    naive(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
    return false;
  }
  const np4 = (n + 3) >> 2;
  const Bp = new Float64Array(np4 * 4 * Math.min(KC, k));
  const Ap = new Float64Array(((Math.min(MC, m) + 3) >> 2) * 4 * Math.min(KC, k));
  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
    // Pack B[pc:pc+kc, :] into panels of 4 columns: Bp[(jp*kc + p)*4 + j]
    for (let jp = 0; jp < np4; jp++) {
      const base = jp * kc * 4;
      for (let p = 0; p < kc; p++) {
        const row = bOff + (pc + p) * bRs;
        for (let j = 0; j < 4; j++) {
          const col = jp * 4 + j;
          Bp[base + p * 4 + j] = col < n ? B[row + col * bCs] : 0;
        }
      }
    }
    for (let ic = 0; ic < m; ic += MC) {
      const mc = Math.min(MC, m - ic);
      const mp4 = (mc + 3) >> 2;
      for (let ip = 0; ip < mp4; ip++) {
        const base = ip * kc * 4;
        for (let i = 0; i < 4; i++) {
          const r = ic + ip * 4 + i;
          const src = aOff + r * aRs + pc * aCs;
          if (r < m) for (let p = 0; p < kc; p++) Ap[base + p * 4 + i] = A[src + p * aCs];
          else for (let p = 0; p < kc; p++) Ap[base + p * 4 + i] = 0;
        }
      }
      for (let jp = 0; jp < np4; jp++)
        for (let ip = 0; ip < mp4; ip++) micro(Ap, ip * kc * 4, Bp, jp * kc * 4, kc, C, cOff, ic + ip * 4, jp * 4, m, n);
    }
  }
  return false;
}

function micro(Ap: Float64Array, ao: number, Bp: Float64Array, bo: number, kc: number, C: Float64Array, cOff: number, i0: number, j0: number, m: number, n: number): void {
  const full = i0 + 4 <= m && j0 + 4 <= n;
  const r0 = cOff + i0 * n + j0, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  if (full) {
    c00 = C[r0]; c01 = C[r0 + 1]; c02 = C[r0 + 2]; c03 = C[r0 + 3];
    c10 = C[r1]; c11 = C[r1 + 1]; c12 = C[r1 + 2]; c13 = C[r1 + 3];
    c20 = C[r2]; c21 = C[r2 + 1]; c22 = C[r2 + 2]; c23 = C[r2 + 3];
    c30 = C[r3]; c31 = C[r3 + 1]; c32 = C[r3 + 2]; c33 = C[r3 + 3];
  } else {
    const g = (i: number, j: number) => (i0 + i < m && j0 + j < n ? C[cOff + (i0 + i) * n + j0 + j] : 0);
    c00 = g(0, 0); c01 = g(0, 1); c02 = g(0, 2); c03 = g(0, 3);
    c10 = g(1, 0); c11 = g(1, 1); c12 = g(1, 2); c13 = g(1, 3);
    c20 = g(2, 0); c21 = g(2, 1); c22 = g(2, 2); c23 = g(2, 3);
    c30 = g(3, 0); c31 = g(3, 1); c32 = g(3, 2); c33 = g(3, 3);
  }
  for (let p = 0, a = ao, b = bo; p < kc; p++, a += 4, b += 4) {
    const a0 = Ap[a], a1 = Ap[a + 1], a2 = Ap[a + 2], a3 = Ap[a + 3];
    const b0 = Bp[b], b1 = Bp[b + 1], b2 = Bp[b + 2], b3 = Bp[b + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (full) {
    C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
    C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
    C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
    C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
    return;
  }
  const vals = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (i0 + i < m && j0 + j < n) C[cOff + (i0 + i) * n + j0 + j] = vals[i * 4 + j];
}

function naive(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
  // Four C elements of a row accumulate in registers at once (c += a·b in ascending k for each).
  for (let i = 0; i < m; i++) {
    const crow = cOff + i * n, arow = aOff + i * aRs;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let c0 = C[crow + j], c1 = C[crow + j + 1], c2 = C[crow + j + 2], c3 = C[crow + j + 3];
      for (let p = 0, x = arow, y = bOff + j * bCs; p < k; p++, x += aCs, y += bRs) {
        const a = A[x];
        c0 += a * B[y];
        c1 += a * B[y + bCs];
        c2 += a * B[y + 2 * bCs];
        c3 += a * B[y + 3 * bCs];
      }
      store4(C, crow + j, c0, c1, c2, c3);
    }
    for (; j < n; j++) {
      let c = C[crow + j];
      for (let p = 0, x = arow, y = bOff + j * bCs; p < k; p++, x += aCs, y += bRs) c += A[x] * B[y];
      C[crow + j] = c;
    }
  }
}

/**
 * C[:, j] = A·B[:, j] for each of the n columns, four rows of A at a time: four independent chains,
 * each element still c = ((0 + a0·b0) + a1·b1) + ... in ascending k like every other plain kernel.
 */
function gemvColumns(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
  for (let j = 0; j < n; j++) {
    const b0 = bOff + j * bCs;
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0, x = aOff + i * aRs, y = b0; p < k; p++, x += aCs, y += bRs) {
        const b = B[y];
        c0 += A[x] * b;
        c1 += A[x + aRs] * b;
        c2 += A[x + 2 * aRs] * b;
        c3 += A[x + 3 * aRs] * b;
      }
      const at = cOff + i * n + j;
      C[at] = c0;
      C[at + n] = c1;
      C[at + 2 * n] = c2;
      C[at + 3 * n] = c3;
    }
    for (; i < m; i++) {
      let c = 0;
      for (let p = 0, x = aOff + i * aRs, y = b0; p < k; p++, x += aCs, y += bRs) c += A[x] * B[y];
      C[cOff + i * n + j] = c;
    }
  }
}


/** Only short inner dimensions use the emulated FMA (~15 flops each): that is where it matches
 * OpenBLAS exactly (k <= 16); beyond, the plain kernel is as close and much faster. */
const FUSED_MAX_K = 16;
const FUSED_MAX = 64 * 64 * FUSED_MAX_K;
/**
 * The last row of an odd m as OpenBLAS computes it: NumPy's row-major product is C^T = B^T·A^T for the
 * column-major kernel, so our rows are its columns, and a last odd column goes to its 4x1 kernel
 * (dgemm_kernel_4x8_haswell.S). For each group of four of our columns, per k-block: four fma chains,
 * step p in chain p mod 4 for the first kc - kc mod 8 steps and the rest in chain 0, summed as
 * (c0 + c1) + (c2 + c3) and added to C. The last n mod 4 columns are plain chains, as gemmWasm left them.
 * Measured: 430 of 430 such elements equal NumPy's.
 */
function lastRowOpenblas(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
  fma: (a: number, b: number, c: number) => number, // the CPU's (one WebAssembly call each): exact
): void {
  const a = aOff + (m - 1) * aRs, row = cOff + (m - 1) * n;
  for (let j = 0, n4 = n - (n % 4); j < n4; j++) {
    let c = 0;
    for (let pc = 0, kc = 0; pc < k; pc += kc) {
      kc = openblasKBlock(k - pc);
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0, p = 0;
      const k8 = kc - (kc % 8);
      for (let x = a + pc * aCs, y = bOff + pc * bRs + j * bCs; p < k8; p += 4, x += 4 * aCs, y += 4 * bRs) {
        c0 = fma(A[x], B[y], c0);
        c1 = fma(A[x + aCs], B[y + bRs], c1);
        c2 = fma(A[x + 2 * aCs], B[y + 2 * bRs], c2);
        c3 = fma(A[x + 3 * aCs], B[y + 3 * bRs], c3);
      }
      for (; p < kc; p++) c0 = fma(A[a + (pc + p) * aCs], B[bOff + (pc + p) * bRs + j * bCs], c0);
      c = c + (c0 + c1 + (c2 + c3));
    }
    C[row + j] = c;
  }
}

/** A C-ordered copy of the m×k matrix at A[off] with strides (rs, cs). */
function contiguous(m: number, k: number, A: Float64Array, off: number, rs: number, cs: number): Float64Array {
  const out = new Float64Array(m * k);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) out[i * k + p] = A[off + i * rs + p * cs];
  return out;
}

/**
 * The k-block OpenBLAS's level-3 driver takes next when `rest` values of k remain (GEMM_Q = 256 for
 * Haswell's dgemm): a full block while two remain, else the rest split in halves rounded up to the
 * kernel's 4-row unroll, so 300 is 152 + 148 and 1000 is 256 + 256 + 244 + 244 (inferred from NumPy's
 * bits, which match these sums exactly and not the continued chain).
 */
function openblasKBlock(rest: number): number {
  if (rest >= 2 * KC) return KC;
  if (rest > KC) return (((rest >> 1) + 3) >> 2) << 2;
  return rest;
}

/** The same packing and blocking as `gemm`, with the 4×4 tiles computed by the WebAssembly kernel. */
function gemmWasm(
  w: WasmGemm, m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
  panels = w.panels,
  openblasBlocks = false,
): boolean {
  const mp4 = (m + 3) >> 2, np4 = (n + 3) >> 2, ldc = np4 * 4;
  const kcMax = Math.min(KC, k);
  const apLen = mp4 * 4 * kcMax, bpLen = np4 * 4 * kcMax, cLen = mp4 * 4 * ldc;
  // OpenBLAS's blocks after the first are summed from zero apart (tp) and then added to C.
  const split = openblasBlocks && k > KC;
  const need = (WASM_BASE + apLen + bpLen + cLen * (split ? 2 : 1)) * 8;
  if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
  const mem = new Float64Array(w.memory.buffer);
  const ap = WASM_BASE, bp = ap + apLen, cp = bp + bpLen, tp = cp + cLen; // element offsets
  mem.fill(0, cp, cp + cLen); // C arrives zeroed (gemm's contract), so it is not copied in
  for (let pc = 0, kc = 0; pc < k; pc += kc) {
    kc = openblasBlocks ? openblasKBlock(k - pc) : Math.min(KC, k - pc);
    const into = split && pc > 0 ? tp : cp;
    if (into === tp) mem.fill(0, tp, tp + cLen);
    for (let jp = 0; jp < np4; jp++) {
      const base = bp + jp * kc * 4;
      for (let p = 0; p < kc; p++) {
        const row = bOff + (pc + p) * bRs;
        for (let j = 0; j < 4; j++) {
          const col = jp * 4 + j;
          mem[base + p * 4 + j] = col < n ? B[row + col * bCs] : 0;
        }
      }
    }
    for (let ip = 0; ip < mp4; ip++) {
      const base = ap + ip * kc * 4;
      for (let i = 0; i < 4; i++) {
        const r = ip * 4 + i;
        const src = aOff + r * aRs + pc * aCs;
        if (r < m) for (let p = 0; p < kc; p++) mem[base + p * 4 + i] = A[src + p * aCs];
        else for (let p = 0; p < kc; p++) mem[base + p * 4 + i] = 0;
      }
    }
    const mcp = MC >> 2;
    for (let ic = 0; ic < mp4; ic += mcp)
      panels((ap + ic * kc * 4) * 8, bp * 8, (into + ic * 4 * ldc) * 8, Math.min(mcp, mp4 - ic), np4, kc, ldc);
    if (into === tp) for (let i = 0; i < cLen; i++) mem[cp + i] += mem[tp + i];
  }
  // OpenBLAS ends with C = alpha·acc + C on a zeroed C: an accumulator of -0 comes out +0.
  if (openblasBlocks) w.addZero(cp * 8, cLen);
  // Rows padded to 4 columns only when n is not a multiple of 4: otherwise C is one block copy.
  if (ldc === n) C.set(mem.subarray(cp, cp + m * n), cOff);
  else for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) C[cOff + i * n + j] = mem[cp + i * ldc + j];
  return w.allFinite(cp * 8, mp4 * 4 * ldc) === 1; // the padding is zeros
}

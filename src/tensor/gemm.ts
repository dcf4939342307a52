// The float64 matrix-multiply kernel: C (m×n, contiguous, pre-zeroed) += A (m×k) · B (k×n) for strided
// A and B. Small products use a plain i-k-j loop; larger ones pack A and B into 4-wide panels per
// k-block (cache blocking) and run a 4×4 register-blocked micro-kernel. Every C element accumulates its
// products in ascending k (c = ((0 + a0·b0) + a1·b1) + ...), which is the documented order; NumPy's
// BLAS (OpenBLAS, FMA and its own blocking) can differ in the last bits. For small matrix products
// (`fused`), each step is an emulated fused multiply-add instead, which reproduces OpenBLAS's Haswell
// dgemm bit for bit when k is small (measured: all of k <= 16, most of k = 64), e.g. the -5.55e-17 in
// inv(A) @ A.

import { wasmGemm, type WasmGemm } from './wasm/gemmKernel';

const KC = 256; // k-block: a 4-row A panel (8 KB) and a 4-column B panel stay in L1
const MC = 64; // rows of A packed per block

export function gemm(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
  fused = false,
): void {
  if (m === 0 || n === 0 || k === 0) return;
  const useFma = fused && k <= FUSED_MAX_K && m * n * k <= FUSED_MAX;
  if (useFma || m * n * k <= 32 * 32 * 32 || n < 4 || m < 4) return naive(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff, useFma);
  const w = wasmGemm();
  if (w) return gemmWasm(w, m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
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
  useFma: boolean,
): void {
  if (useFma) return fusedProduct(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
  for (let i = 0; i < m; i++) {
    const crow = cOff + i * n;
    for (let p = 0; p < k; p++) {
      const aip = A[aOff + i * aRs + p * aCs];
      const brow = bOff + p * bRs;
      if (bCs === 1) for (let j = 0; j < n; j++) C[crow + j] += aip * B[brow + j];
      else for (let j = 0; j < n; j++) C[crow + j] += aip * B[brow + j * bCs];
    }
  }
}

// Scratch for the split operands of `fusedProduct`, reused across calls (gemm never re-enters itself):
// a fresh Float64Array per product costs more than the product for the small sizes that come here.
let scratch = new Float64Array(0);

/**
 * C += A·B where every step is `fma` (same bits), with each operand Veltkamp-split once: A row-major
 * (m×k), B column-major (k×n), as [value, high, low] triples. A step is a serial chain of ~15 dependent
 * flops, so four C elements of a row (four chains) advance together and the CPU overlaps them; each
 * element still sees exactly the same operations in ascending k.
 */
function fusedProduct(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
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
      C[crow + j] = c0;
      C[crow + j + 1] = c1;
      C[crow + j + 2] = c2;
      C[crow + j + 3] = c3;
    }
    for (; j < n; j++) {
      let c = C[crow + j];
      for (let p = 0, x = xa, y = sb + j * k3; p < k3; p += 3, x += 3, y += 3) c = step(S[x], S[x + 1], S[x + 2], S[y], S[y + 1], S[y + 2], c);
      C[crow + j] = c;
    }
  }
}

/** `fma(a, b, c)` with a and b already split (a = a1 + a2, b = b1 + b2 exactly). */
function step(a: number, a1: number, a2: number, b: number, b1: number, b2: number, c: number): number {
  const prod = a * b;
  // Not finite (x - x is NaN for ±inf and NaN) or a zero product: the plain sum is the fused result.
  if (prod - prod !== 0 || c - c !== 0 || prod === 0) return prod + c;
  const e = a1 * b1 - prod + a1 * b2 + a2 * b1 + a2 * b2;
  const s = prod + c, bb = s - prod;
  return s + (prod - (s - bb) + (c - bb) + e);
}

/** Only short inner dimensions use the emulated FMA (~15 flops each): that is where it matches
 * OpenBLAS exactly (k <= 16); beyond, the plain kernel is as close and much faster. */
const FUSED_MAX_K = 16;
const FUSED_MAX = 64 * 64 * FUSED_MAX_K;
const SPLIT = 134217729; // 2^27 + 1

/** round(a·b + c) with one rounding: exact product (Dekker) plus a compensated sum. */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c;
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  return s + (err + e);
}

/** The same packing and blocking as `gemm`, with the 4×4 tiles computed by the WebAssembly kernel. */
function gemmWasm(
  w: WasmGemm, m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
): void {
  const mp4 = (m + 3) >> 2, np4 = (n + 3) >> 2, ldc = np4 * 4;
  const kcMax = Math.min(KC, k);
  const apLen = mp4 * 4 * kcMax, bpLen = np4 * 4 * kcMax, cLen = mp4 * 4 * ldc;
  const need = (apLen + bpLen + cLen) * 8;
  if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
  const mem = new Float64Array(w.memory.buffer);
  const ap = 0, bp = apLen, cp = apLen + bpLen; // element offsets
  mem.fill(0, cp, cp + cLen);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) mem[cp + i * ldc + j] = C[cOff + i * n + j];
  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
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
      w.panels((ap + ic * kc * 4) * 8, bp * 8, (cp + ic * 4 * ldc) * 8, Math.min(mcp, mp4 - ic), np4, kc, ldc);
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) C[cOff + i * n + j] = mem[cp + i * ldc + j];
}

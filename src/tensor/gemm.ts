// The float64 matrix-multiply kernel: C (m×n, contiguous, zero on entry: every caller passes a fresh
// array) += A (m×k) · B (k×n) for strided A and B. Small products use a plain loop; larger ones (and,
// with WebAssembly, all but tiny ones) pack A and B into 4-wide panels per k-block (cache blocking) and
// run a 4×4 register-blocked micro-kernel. Every C element accumulates its products in ascending k
// (c = ((0 + a0·b0) + a1·b1) + ...), which is the documented order; NumPy's BLAS (OpenBLAS, FMA and its
// own blocking) can differ in the last bits. For small matrix products (`fused`), each step is an
// emulated fused multiply-add instead, which reproduces OpenBLAS's Haswell dgemm bit for bit when k is
// small (measured: all of k <= 16, most of k = 64), e.g. the -5.55e-17 in inv(A) @ A.

import { wasmGemm, type WasmGemm } from './wasm/gemmKernel';

const KC = 256; // k-block: a 4-row A panel (8 KB) and a 4-column B panel stay in L1
const MC = 64; // rows of A packed per block
const WASM_MIN = 2048; // multiply-adds below which the scalar loop wins over packing
const WASM_BASE = 512; // first free double of WebAssembly memory (crlog's tables sit below, gemm.wat)

export function gemm(
  m: number, n: number, k: number,
  A: Float64Array, aOff: number, aRs: number, aCs: number,
  B: Float64Array, bOff: number, bRs: number, bCs: number,
  C: Float64Array, cOff: number,
  fused = false,
): void {
  if (m === 0 || n === 0 || k === 0) return;
  const useFma = fused && k <= FUSED_MAX_K && m * n * k <= FUSED_MAX;
  if (useFma && k === 1) return fusedOuter(m, n, A, aOff, aRs, B, bOff, bCs, C, cOff);
  if (useFma) return fusedProduct(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
  // WebAssembly from small sizes on: it runs fast from the first call (JavaScript loops start
  // interpreted), and a matrix-vector product padded to 4 columns still beats the scalar loop.
  const w = m * n * k >= WASM_MIN ? wasmGemm() : null;
  if (w) return gemmWasm(w, m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
  if (m * n * k <= 32 * 32 * 32 || n < 4 || m < 4) return naive(m, n, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, C, cOff);
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

function store4(C: Float64Array, at: number, c0: number, c1: number, c2: number, c3: number): void {
  C[at] = c0;
  C[at + 1] = c1;
  C[at + 2] = c2;
  C[at + 3] = c3;
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
  // Tiny products (dot of 4×4s) split inside `fma`; operands too large to split beforehand go there too.
  if (m * n * k <= 512 || hasHuge(A, aOff, aRs, aCs, m, k) || hasHuge(B, bOff, bCs, bRs, n, k))
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

/** True when a finite element of the r×k matrix (row stride rs, column stride cs) is too large to split. */
function hasHuge(X: Float64Array, off: number, rs: number, cs: number, r: number, k: number): boolean {
  for (let i = 0; i < r; i++)
    for (let p = 0; p < k; p++) {
      const v = Math.abs(X[off + i * rs + p * cs]);
      if (v > BIG && v !== Infinity) return true;
    }
  return false;
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
 * fma(a, b, +0). That is a·b + 0 — the exact error e of a·b cannot move a correctly rounded product
 * (prod + e rounds back to prod) — except where e itself may be inexact (products below 2^-900, where
 * the split halves' products underflow): those take the full step.
 */
function fusedOuter(m: number, n: number, A: Float64Array, aOff: number, aRs: number, B: Float64Array, bOff: number, bCs: number, C: Float64Array, cOff: number): void {
  let tiny = false;
  for (let i = 0; i < m; i++) {
    const a = A[aOff + i * aRs], crow = cOff + i * n;
    for (let j = 0; j < n; j++) {
      const prod = a * B[bOff + j * bCs];
      if (Math.abs(prod) <= TINY && prod !== 0) tiny = true;
      C[crow + j] = prod + 0;
    }
  }
  if (!tiny) return;
  // Second pass, rarely taken: nonzero products below TINY get the full fma (C was zero on entry).
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const a = A[aOff + i * aRs], b = B[bOff + j * bCs], prod = a * b;
      if (Math.abs(prod) <= TINY && prod !== 0) C[cOff + i * n + j] = fma(a, b, 0);
    }
}
const TINY = 2 ** -900;

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
  if (Math.abs(a) > BIG || Math.abs(b) > BIG) return fmaHuge(a, b, c, p);
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return finishFma(p, c, e);
}

function finishFma(p: number, c: number, e: number): number {
  const s = p + c;
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
const BIG = 2 ** 995;

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
  const need = (WASM_BASE + apLen + bpLen + cLen) * 8;
  if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / 65536));
  const mem = new Float64Array(w.memory.buffer);
  const ap = WASM_BASE, bp = ap + apLen, cp = bp + bpLen; // element offsets
  mem.fill(0, cp, cp + cLen); // C arrives zeroed (gemm's contract), so it is not copied in
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

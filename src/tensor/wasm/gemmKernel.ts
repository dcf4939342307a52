// Loads the WebAssembly SIMD matmul kernels (gemm.wat, assembled into gemmWasm.ts) once, synchronously.
// Returns null where WebAssembly or SIMD is unavailable; gemm.ts then keeps its JavaScript kernel.
// The hardware-FMA kernel (fma.wat) needs relaxed SIMD: it is attached as `fmaPanels` only where that
// module compiles and the probe below shows a single rounding; elsewhere the fused products keep the
// emulated FMA (same bits, several times slower).

import { FMA_WASM_BASE64 } from './fmaWasm';
import { GEMM_WASM_BASE64 } from './gemmWasm';

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The slice of the WebAssembly JS API used here (the project's lib settings do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

type GemvN4 = (a: number, ldab: number, x: number, y: number, nb: number, groups: number) => void;
type GemvT4 = (a: number, x: number, y: number, groups: number, nb: number, ldab: number) => void;
type Panels = (ap: number, bp: number, cp: number, mp4: number, np4: number, kc: number, ldc: number) => void;

export interface WasmGemm {
  readonly memory: WasmMemory;
  panels: Panels;
  /** `panels` with each step a hardware fused multiply-add (c = fma(a, b, c)); null without relaxed SIMD. */
  readonly fmaPanels: Panels | null;
  /** OpenBLAS's ddot kernel over n (a multiple of 16) doubles at bytes x and y; null without relaxed SIMD. */
  readonly ddot16: ((x: number, y: number, n: number) => number) | null;
  /** OpenBLAS's dgemv_t 4x4 kernel over groups of four rows (blasGemv.ts); null without relaxed SIMD. */
  readonly gemvT4: GemvT4 | null;
  /** OpenBLAS's dgemv_n 4x4 kernel over groups of four columns (blasGemv.ts); null without relaxed SIMD. */
  readonly gemvN4: GemvN4 | null;
  /** One hardware fused multiply-add a·b + c; null without relaxed SIMD. */
  readonly fmaScalar: ((a: number, b: number, c: number) => number) | null;
  fused(ap: number, bp: number, cp: number, m: number, pairs: number, k: number, ldc: number): void;
  /** x + 0 for the n (even) doubles from byte p: -0 becomes +0. */
  addZero(p: number, n: number): void;
  /** 1 when the n doubles from byte p are all finite, else 0. */
  allFinite(p: number, n: number): number;
}

/** First double of the WebAssembly memory the matmul kernels use. */
export const WASM_BASE = 0;

let kernel: WasmGemm | null | undefined;
let enabled = true;
let fmaEnabled = true;

/** Turns the WebAssembly path off/on (tests compare both paths; the benchmark reports which ran). */
export function setWasmEnabled(on: boolean): void {
  enabled = on;
}

/** Turns the hardware-FMA kernel off/on (tests compare it with the emulated FMA). */
export function setHardwareFmaEnabled(on: boolean): void {
  fmaEnabled = on;
}

/** The hardware-FMA panels when loaded and enabled. */
export function fmaPanels(w: WasmGemm): Panels | null {
  return fmaEnabled ? w.fmaPanels : null;
}

/** The hardware-FMA dgemv_t kernel when loaded and enabled. */
export function fmaGemvT4(w: WasmGemm): GemvT4 | null {
  return fmaEnabled ? w.gemvT4 : null;
}

/** The hardware-FMA dgemv_n kernel when loaded and enabled. */
export function fmaGemvN4(w: WasmGemm): GemvN4 | null {
  return fmaEnabled ? w.gemvN4 : null;
}

/** The hardware-FMA ddot kernel when loaded and enabled. */
export function fmaDdot(w: WasmGemm): ((x: number, y: number, n: number) => number) | null {
  return fmaEnabled ? w.ddot16 : null;
}

export function wasmGemm(): WasmGemm | null {
  if (!enabled) return null;
  if (kernel !== undefined) return kernel;
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!api) throw new Error('no WebAssembly');
    const inst = new api.Instance(new api.Module(bytes(GEMM_WASM_BASE64)), {});
    const ex = inst.exports as unknown as WasmGemm;
    const fma = loadFma(api, ex.memory);
    kernel = { memory: ex.memory, panels: ex.panels, fused: ex.fused, allFinite: ex.allFinite, addZero: ex.addZero, fmaPanels: fma?.panels ?? null, ddot16: fma?.ddot16 ?? null, gemvT4: fma?.gemvT4 ?? null, gemvN4: fma?.gemvN4 ?? null, fmaScalar: fma?.madd ?? null };
  } catch {
    kernel = null;
  }
  return kernel;
}

function bytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

interface FmaExports {
  panels: Panels;
  ddot16: (x: number, y: number, n: number) => number;
  gemvT4: GemvT4;
  gemvN4: GemvN4;
  madd: (a: number, b: number, c: number) => number;
}

/** fma.wat over gemm.wat's memory, or null where relaxed SIMD does not compile or does not fuse. */
function loadFma(api: WasmApi, memory: WasmMemory): FmaExports | null {
  try {
    const ex = new api.Instance(new api.Module(bytes(FMA_WASM_BASE64)), { gemm: { memory } }).exports as unknown as FmaExports;
    return PROBES.every(([a, b, c, r]) => Object.is(ex.madd(a, b, c), r)) ? ex : null;
  } catch {
    return null;
  }
}

/**
 * a·b + c with one rounding, where two roundings give another answer: the product's low bits decide
 * ((1+2^-52)(1-2^-52) - 1 is -2^-104, 0 unfused; 0.1·10 - 1 is 2^-54, 0 unfused), an intermediate
 * overflow (2^600·2^600 - inf is -inf, NaN unfused), and the sign of a zero sum.
 */
const PROBES: readonly (readonly [number, number, number, number])[] = [
  [1 + 2 ** -52, 1 - 2 ** -52, -1, -(2 ** -104)],
  [0.1, 10, -1, 5.551115123125783e-17],
  [2 ** 600, 2 ** 600, -Infinity, -Infinity],
  [-0, 5, 0, 0],
];

/**
 * True when the hardware-FMA module does not compile as is (WebAssembly.validate, no side effects):
 * the host may then enable relaxed SIMD (src/sandbox/relaxedSimd.ts) before the kernels load.
 */
export function fmaNeedsRelaxedSimdFlag(): boolean {
  const api = (globalThis as { WebAssembly?: WasmApi & { validate(b: Uint8Array): boolean } }).WebAssembly;
  return !!api && kernel === undefined && !api.validate(bytes(FMA_WASM_BASE64));
}

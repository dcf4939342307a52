// Loads the WebAssembly SIMD matmul kernels (gemm.wat, assembled into gemmWasm.ts) once, synchronously.
// Returns null where WebAssembly or SIMD is unavailable; gemm.ts then keeps its JavaScript kernel.

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

export interface WasmGemm {
  readonly memory: WasmMemory;
  panels(ap: number, bp: number, cp: number, mp4: number, np4: number, kc: number, ldc: number): void;
  fused(ap: number, bp: number, cp: number, m: number, pairs: number, k: number, ldc: number): void;
  /** crlog.ts's correctly rounded log for a positive finite x (same bits). */
  crlog(x: number): number;
}

let kernel: WasmGemm | null | undefined;
let enabled = true;

/** Turns the WebAssembly path off/on (tests compare both paths; the benchmark reports which ran). */
export function setWasmEnabled(on: boolean): void {
  enabled = on;
}

export function wasmGemm(): WasmGemm | null {
  if (!enabled) return null;
  if (kernel !== undefined) return kernel;
  try {
    const bin = atob(GEMM_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!api) throw new Error('no WebAssembly');
    const inst = new api.Instance(new api.Module(bytes), {});
    const ex = inst.exports as unknown as WasmGemm;
    kernel = { memory: ex.memory, panels: ex.panels, fused: ex.fused, crlog: ex.crlog };
  } catch {
    kernel = null;
  }
  return kernel;
}

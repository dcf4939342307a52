// Lets the tensor core use the CPU's fused multiply-add on Node 20: its V8 (11.3) has WebAssembly relaxed
// SIMD behind --experimental-wasm-relaxed-simd, which V8 11.4+ ships on (Node 22, VS Code's Electron).
// The processes that run guest numpy (the CLI, the sandbox worker, the tests and benchmarks) call this at
// start, before the kernels load. Without it numpy's small products still give the same bits through
// the emulated FMA, several times slower. The flag is only set when the kernel does not validate
// without it: V8 prints an error for a flag it no longer knows.

import { setFlagsFromString } from 'node:v8';
import { fmaNeedsRelaxedSimdFlag } from '../tensor/wasm/gemmKernel';

export function enableRelaxedSimd(): void {
  if (fmaNeedsRelaxedSimdFlag()) setFlagsFromString('--experimental-wasm-relaxed-simd');
}

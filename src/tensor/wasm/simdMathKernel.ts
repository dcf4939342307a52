// Runs NumPy's float64 exp/log (SVML's, svmlExp.ts / svmlLog.ts), tanh (simdTanh.ts) and sin/cos (glibc's,
// src/common/libm/glibcSin.ts, which NumPy calls per element here) over runs of
// doubles: through the relaxed-SIMD kernel of simdMath.wat where it loads (the CPU's fused multiply-add,
// two lanes at a time), otherwise element by element through the emulated-FMA JavaScript. Both give the
// same bits: the kernel does per lane what the JavaScript does, and leaves the rare inputs (huge |x| for
// exp, non-normal or non-positive x for log, NaN/inf/huge for tanh, |x| >= 105414336 (Payne-Hanek), inf
// and NaN for sin/cos) to the JavaScript.

import * as K from '../svmlExpLogData';
import * as SC from '../../common/libm/glibcSinData';
import { glibcCos, glibcSin } from '../../common/libm/glibcSin';
import { expRare, svmlExp } from '../svmlExp';
import { svmlLog } from '../svmlLog';
import { numpyTanh } from '../simdTanh';
import { TANH } from '../simdTanhData';
import { SIMDMATH_WASM_BASE64 } from './simdMathWasm';
import { wasmGemm } from './gemmKernel';

interface Kernel {
  readonly exp: (p: number, n: number) => number;
  readonly log: (p: number, n: number) => number;
  readonly tanh: (p: number, n: number) => number;
  readonly sin: (p: number, n: number) => number;
  readonly cos: (p: number, n: number) => number;
  readonly data: Float64Array;
}

/** First data byte and doubles per call (the module's one 64 KiB page holds constants + a chunk). */
const DATA = 4096, CHUNK = 4096;
const EXP_LIMIT = K.EXP_LIMIT, MIN_NORMAL = 2.2250738585072014e-308;
/** Below this |x| (high word 0x419921fb) glibc's sin/cos reduce by Cody-Waite, the kernel's part. */
const SINCOS_LIMIT = 105414336;
/** sin/cos's constants (8 bytes each, in this order: simdMath.wat reads them at SINCOS_CONSTS + 8·i)
 * and table (glibc's sincos, at SINCOS_TABLE) in bytes. */
const SINCOS_CONSTS = 37120, SINCOS_TABLE = 40960;
const sinCosConsts = [SC.S1, SC.S2, SC.S3, SC.S4, SC.S5, SC.SN3, SC.SN5, SC.CS2, SC.CS4, SC.CS6, SC.HP0, SC.HP1, SC.MP1, SC.MP2,
  SC.PP3, SC.PP4, SC.HPINV, 52776558133248, 6755399441055744]; // BIG = 1.5·2^45, TOINT = 1.5·2^52

let kernel: Kernel | null | undefined;
let enabled = true;

/** Turns the WebAssembly kernel off/on (tests compare it with the JavaScript). */
export function setSimdMathEnabled(on: boolean): void {
  enabled = on;
}

/** Whether the relaxed-SIMD kernel is in use (tests check that it loads where it should). */
export function simdMathLoaded(): boolean {
  return enabled && load() !== null;
}

/** The kernel, when relaxed SIMD compiles here and fuses (the matrix kernels' probe decides). */
function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  // The matrix kernels off (a test comparing paths) or absent: decide again next time, not for good.
  const gemm = wasmGemm();
  if (!gemm) return null;
  kernel = null;
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!api || !gemm.fmaScalar) return kernel;
    const bin = atob(SIMDMATH_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const ex = new api.Instance(new api.Module(bytes), {}).exports as unknown as Omit<Kernel, 'data'> & { memory: { buffer: ArrayBuffer } };
    const mem = new Float64Array(ex.memory.buffer);
    // Splatted constants at the byte offsets expLog.wat reads (16 bytes each), then the tables.
    const consts: [number, number][] = [
      [0, K.EXP_LOG2E], [16, K.EXP_SHIFTER], [32, 0.0625], [48, K.EXP_LN2_HI], [64, K.EXP_LN2_LO],
      [80, K.EXP_C6], [96, K.EXP_C5], [112, K.EXP_C4], [128, K.EXP_C3], [144, K.EXP_C2], [160, K.EXP_C1],
      [176, EXP_LIMIT], [192, 32], [208, 0.5], [224, 0.03125], [240, 1], [256, 24],
      [272, K.LOG_C9], [288, K.LOG_C8], [304, K.LOG_C7], [320, K.LOG_C6], [336, K.LOG_C5], [352, K.LOG_C4],
      [368, K.LOG_C3], [384, K.LOG_C2], [400, K.LOG_LN2_HI], [416, K.LOG_LN2_LO],
      [432, MIN_NORMAL], [448, Infinity], [464, 2 ** 52 + 1023], [480, -32],
    ];
    for (const [at, v] of consts) mem.fill(v, at / 8, at / 8 + 2);
    mem.set(K.EXP_TH, 64);
    mem.set(K.EXP_TLR, 80);
    mem.set(K.LOG_TH, 96);
    mem.set(K.LOG_TL, 112);
    mem.set(TANH, 128);
    mem.set(sinCosConsts, SINCOS_CONSTS / 8);
    mem.set(SC.SINCOS, SINCOS_TABLE / 8);
    kernel = { exp: ex.exp, log: ex.log, tanh: ex.tanh, sin: ex.sin, cos: ex.cos, data: new Float64Array(ex.memory.buffer, DATA, CHUNK + 2) };
  } catch {
    kernel = null;
  }
  return kernel;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

type Loop = (n: number, A: Float64Array, ia: number, da: number, O: Float64Array, io: number, dO: number) => void;

interface Op {
  readonly kernel: 'exp' | 'log' | 'tanh' | 'sin' | 'cos';
  /** The JavaScript loop (one per function, so that V8 inlines the scalar routine). */
  readonly loop: Loop;
  /** The inputs the kernel leaves to the JavaScript, and what the JavaScript gives for them. */
  readonly rare: (x: number) => boolean;
  readonly scalar: (x: number) => number;
}

const EXP: Op = {
  kernel: 'exp',
  loop: (n, A, ia, da, O, io, dO) => { for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = svmlExp(A[ia]); },
  rare: (x) => !(Math.abs(x) < EXP_LIMIT),
  scalar: expRare,
};
const LOG: Op = {
  kernel: 'log',
  loop: (n, A, ia, da, O, io, dO) => { for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = svmlLog(A[ia]); },
  rare: (x) => !(x >= MIN_NORMAL && x < Infinity),
  scalar: svmlLog,
};

const TANH_OP: Op = {
  kernel: 'tanh',
  loop: (n, A, ia, da, O, io, dO) => { for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = numpyTanh(A[ia]); },
  rare: (x) => !(Math.abs(x) < 1.348269851146737e308), // 1.5·2^1023
  scalar: numpyTanh,
};

const SIN: Op = {
  kernel: 'sin',
  loop: (n, A, ia, da, O, io, dO) => { for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = glibcSin(A[ia]); },
  rare: (x) => !(Math.abs(x) < SINCOS_LIMIT),
  scalar: glibcSin,
};
const COS: Op = {
  kernel: 'cos',
  loop: (n, A, ia, da, O, io, dO) => { for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = glibcCos(A[ia]); },
  rare: (x) => !(Math.abs(x) < SINCOS_LIMIT),
  scalar: glibcCos,
};

/** O[io + i·dO] = NumPy's exp(A[ia + i·da]) for i < n. */
export const expRun: Loop = (n, A, ia, da, O, io, dO) => run(EXP, n, A, ia, da, O, io, dO);
/** O[io + i·dO] = NumPy's log(A[ia + i·da]) for i < n. */
export const logRun: Loop = (n, A, ia, da, O, io, dO) => run(LOG, n, A, ia, da, O, io, dO);
/** O[io + i·dO] = NumPy's tanh(A[ia + i·da]) for i < n. */
export const tanhRun: Loop = (n, A, ia, da, O, io, dO) => run(TANH_OP, n, A, ia, da, O, io, dO);
/** O[io + i·dO] = NumPy's (glibc's) sin(A[ia + i·da]) for i < n. */
export const sinRun: Loop = (n, A, ia, da, O, io, dO) => run(SIN, n, A, ia, da, O, io, dO);
/** O[io + i·dO] = NumPy's (glibc's) cos(A[ia + i·da]) for i < n. */
export const cosRun: Loop = (n, A, ia, da, O, io, dO) => run(COS, n, A, ia, da, O, io, dO);

function run(op: Op, n: number, A: Float64Array, ia: number, da: number, O: Float64Array, io: number, dO: number): void {
  const k = enabled && n >= 4 ? load() : null;
  if (!k) return op.loop(n, A, ia, da, O, io, dO);
  const buf = k.data, f = k[op.kernel];
  for (let done = 0; done < n; done += CHUNK) {
    const len = Math.min(CHUNK, n - done);
    const a0 = ia + done * da;
    if (da === 1) buf.set(A.subarray(a0, a0 + len));
    else for (let i = 0, a = a0; i < len; i++, a += da) buf[i] = A[a];
    buf[len] = 1; // an odd run's padding lane
    // The lanes left to SVML's scalar paths, read from the input (buf was overwritten).
    if (f(DATA, len + (len & 1))) {
      for (let i = 0, a = a0; i < len; i++, a += da) if (op.rare(A[a])) buf[i] = op.scalar(A[a]);
    }
    const o0 = io + done * dO;
    if (dO === 1) O.set(buf.subarray(0, len), o0);
    else for (let i = 0, o = o0; i < len; i++, o += dO) O[o] = buf[i];
  }
}

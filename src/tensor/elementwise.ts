// The elementwise loop engine shared by all ufuncs: broadcasts operands to the output shape and walks
// them in C order with per-operand strides. Like NumPy's iterator it first drops length-1 axes and
// merges axes that are contiguous for every operand, so most calls become one or a few long runs; each
// run goes to a monomorphic loop (kernels.ts) when the caller names one, else calls the ufunc's
// function per element. NumPy buffers overlapping in-place operands (`a[1:] += a[:-1]`), so an input
// that shares the output buffer with a different geometry is copied first.

import { broadcastPair, broadcastStrides } from './broadcast';
import { binaryRun, unaryRun, type FastOp, type FastUnary } from './kernels';
import type { DType } from './dtype';
import { copy, cStrides, NDArray, newArray, shapeSize } from './ndarray';

export type Fn2 = (x: number, y: number) => number;
export type Fn1 = (x: number) => number;
export type { FastOp, FastUnary } from './kernels';

/** True when `x` reads the output buffer through a different geometry than `out` writes it. */
function overlapsDifferently(x: NDArray, out: NDArray): boolean {
  if (x.data !== out.data) return false;
  if (x.offset !== out.offset || x.ndim !== out.ndim) return true;
  for (let i = 0; i < x.ndim; i++) if (x.strides[i] !== out.strides[i] && out.shape[i] > 1) return true;
  return false;
}

export function prepareInput(x: NDArray, out: NDArray | null): NDArray {
  return out && overlapsDifferently(x, out) ? copy(x) : x;
}

/**
 * The loop geometry over `shape` for operands with strides sa, sb, so (rewritten in place): length-1
 * axes dropped, an axis merged into the next one when every operand steps across it as one run.
 * Returns the new dimension count; `dims` receives the merged lengths.
 */
function mergeAxes(shape: readonly number[], dims: number[], sa: number[], sb: number[], so: number[]): number {
  let nd = 0;
  for (let d = 0; d < shape.length; d++) {
    const len = shape[d];
    if (len === 1) continue;
    const p = nd - 1;
    if (p >= 0 && sa[p] === sa[d] * len && sb[p] === sb[d] * len && so[p] === so[d] * len) {
      dims[p] *= len;
      sa[p] = sa[d];
      sb[p] = sb[d];
      so[p] = so[d];
    } else {
      dims[nd] = len;
      sa[nd] = sa[d];
      sb[nd] = sb[d];
      so[nd] = so[d];
      nd++;
    }
  }
  return nd;
}

/** Calls `run` once per innermost run of the merged geometry, in C order. */
function walk(
  shape: readonly number[],
  a: NDArray, sa: number[],
  b: NDArray, sb: number[],
  o: NDArray, so: number[],
  run: (n: number, ia: number, da: number, ib: number, db: number, io: number, dO: number) => void,
): void {
  for (let d = 0; d < shape.length; d++) if (shape[d] === 0) return;
  const dims = new Array<number>(shape.length);
  const nd = mergeAxes(shape, dims, sa, sb, so);
  if (nd === 0) return run(1, a.offset, 0, b.offset, 0, o.offset, 0);
  const last = nd - 1;
  const n = dims[last], da = sa[last], db = sb[last], dO = so[last];
  let ia = a.offset, ib = b.offset, io = o.offset;
  if (nd === 1) return run(n, ia, da, ib, db, io, dO);
  if (nd === 2) {
    for (let i = 0, m = dims[0]; i < m; i++, ia += sa[0], ib += sb[0], io += so[0]) run(n, ia, da, ib, db, io, dO);
    return;
  }
  const idx = new Array<number>(last).fill(0);
  for (;;) {
    run(n, ia, da, ib, db, io, dO);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      ia += sa[d]; ib += sb[d]; io += so[d];
      if (idx[d] < dims[d]) break;
      ia -= sa[d] * dims[d]; ib -= sb[d] * dims[d]; io -= so[d] * dims[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * out[...] = f(a[...], b[...]) with broadcasting; `out` already has the broadcast shape. `fast`, when
 * given, names a loop of kernels.ts that computes exactly `f`.
 */
export function binaryInto(a: NDArray, b: NDArray, out: NDArray, f: Fn2, fast?: FastOp): void {
  a = prepareInput(a, out);
  b = prepareInput(b, out);
  const A = a.data, B = b.data, O = out.data;
  const shape = out.shape;
  const sa = broadcastStrides(a, shape), sb = broadcastStrides(b, shape), so = out.strides.slice();
  if (fast) walk(shape, a, sa, b, sb, out, so, (n, ia, da, ib, db, io, dO) => binaryRun(fast, n, A, ia, da, B, ib, db, O, io, dO));
  else walk(shape, a, sa, b, sb, out, so, (n, ia, da, ib, db, io, dO) => genericBinary(f, n, A, ia, da, B, ib, db, O, io, dO));
}

function genericBinary(f: Fn2, n: number, A: Float64Array, ia: number, da: number, B: Float64Array, ib: number, db: number, O: Float64Array, io: number, dO: number): void {
  for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = f(A[ia], B[ib]);
}

/** out[...] = f(a[...]); `a` already broadcast-compatible with out. `fast` as in binaryInto. */
export function unaryInto(a: NDArray, out: NDArray, f: Fn1, fast?: FastUnary): void {
  a = prepareInput(a, out);
  const A = a.data, O = out.data;
  const shape = out.shape;
  const sa = broadcastStrides(a, shape), so = out.strides.slice();
  const op = fast ?? mathLoop(f);
  // The input is passed twice (same strides array: mergeAxes writes both identically).
  if (op) walk(shape, a, sa, a, sa, out, so, (n, ia, da, _ib, _db, io, dO) => unaryRun(op, n, A, ia, da, O, io, dO));
  else walk(shape, a, sa, a, sa, out, so, (n, ia, da, _ib, _db, io, dO) => genericUnary(f, n, A, ia, da, O, io, dO));
}

/** Copies `src` (broadcast to dst's shape) into `dst` without conversion. */
export function copyInto(src: NDArray, dst: NDArray): void {
  unaryInto(src, dst, identity, 'copy');
}

export const identity: Fn1 = (v) => v;

/** The kernels.ts loop for the Math functions the unary ufuncs use directly (exp, log and tanh are not
 * V8's there: the ufuncs name those loops themselves). */
function mathLoop(f: Fn1): FastUnary | undefined {
  return f === Math.sqrt ? 'sqrt' : f === Math.abs ? 'abs' : f === identity ? 'copy' : undefined;
}

function genericUnary(f: Fn1, n: number, A: Float64Array, ia: number, da: number, O: Float64Array, io: number, dO: number): void {
  for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = f(A[ia]);
}

/** Visits the elements of `a` (broadcast to o's shape) next to those of `o`, in C order. */
export function scan2(a: NDArray, o: NDArray, visit: (x: number, r: number) => void): void {
  const A = a.data, O = o.data;
  const sa = broadcastStrides(a, o.shape);
  walk(o.shape, a, sa, a, sa, o, o.strides.slice(), (n, ia, da, _ib, _db, io, dO) => {
    for (let i = 0; i < n; i++, ia += da, io += dO) visit(A[ia], O[io]);
  });
}

/** Visits the elements of a and b (broadcast to o's shape) next to those of `o`, in C order. */
export function scan3(a: NDArray, b: NDArray, o: NDArray, visit: (x: number, y: number, r: number) => void): void {
  const A = a.data, B = b.data, O = o.data;
  walk(o.shape, a, broadcastStrides(a, o.shape), b, broadcastStrides(b, o.shape), o, o.strides.slice(), (n, ia, da, ib, db, io, dO) => {
    for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) visit(A[ia], B[ib], O[io]);
  });
}

/**
 * A contiguous array of `shape` over a buffer shared by every call (valid until the next call): the
 * result of an in-place ufunc is computed here first, so its inputs are intact for the warnings.
 * Large shapes get a fresh array instead of growing the shared buffer for good.
 */
export function scratchArray(shape: readonly number[], dtype: DType): NDArray {
  const n = shapeSize(shape);
  if (n > SCRATCH_MAX) return newArray(shape, dtype);
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  return new NDArray(scratch, shape, cStrides(shape), 0, dtype);
}
const SCRATCH_MAX = 1 << 16;
let scratch = new Float64Array(64);

export function resultShape(a: NDArray, b: NDArray): number[] {
  return broadcastPair(a.shape, b.shape);
}

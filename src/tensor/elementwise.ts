// The elementwise loop engine shared by all ufuncs: broadcasts operands to the output shape and walks
// them in C order with per-operand strides; contiguous same-shape operands take a flat loop. NumPy
// buffers overlapping in-place operands (`a[1:] += a[:-1]`), so an input that shares the output buffer
// with a different geometry is copied first.

import { broadcastShapes, broadcastStrides } from './broadcast';
import { copy, NDArray, shapeSize } from './ndarray';

export type Fn2 = (x: number, y: number) => number;
export type Fn1 = (x: number) => number;

/** True when `x` reads the output buffer through a different geometry than `out` writes it. */
function overlapsDifferently(x: NDArray, out: NDArray): boolean {
  if (x.data !== out.data) return false;
  if (x.offset === out.offset && x.ndim === out.ndim && x.strides.every((s, i) => s === out.strides[i] || out.shape[i] <= 1))
    return false;
  return true;
}

export function prepareInput(x: NDArray, out: NDArray | null): NDArray {
  return out && overlapsDifferently(x, out) ? copy(x) : x;
}

/** Walks three strided operands over `shape`, calling `inner` once per last-axis run. */
export function walk3(
  shape: readonly number[],
  a: NDArray, sa: readonly number[],
  b: NDArray, sb: readonly number[],
  o: NDArray, so: readonly number[],
  inner: (n: number, ia: number, da: number, ib: number, db: number, io: number, dO: number) => void,
): void {
  const nd = shape.length;
  if (shapeSize(shape) === 0) return;
  if (nd === 0) return inner(1, a.offset, 0, b.offset, 0, o.offset, 0);
  const last = nd - 1;
  const idx = new Array<number>(nd).fill(0);
  let ia = a.offset, ib = b.offset, io = o.offset;
  for (;;) {
    inner(shape[last], ia, sa[last], ib, sb[last], io, so[last]);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      ia += sa[d]; ib += sb[d]; io += so[d];
      if (idx[d] < shape[d]) break;
      ia -= sa[d] * shape[d]; ib -= sb[d] * shape[d]; io -= so[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** out[...] = f(a[...], b[...]) with broadcasting; `out` already has the broadcast shape. */
export function binaryInto(a: NDArray, b: NDArray, out: NDArray, f: Fn2, fast?: FastOp): void {
  a = prepareInput(a, out);
  b = prepareInput(b, out);
  const shape = out.shape;
  const A = a.data, B = b.data, O = out.data;
  const n = out.size;
  if (fast && out.isContiguous) {
    const aFlat = a.isContiguous && a.size === n;
    const bFlat = b.isContiguous && b.size === n;
    if (aFlat && bFlat) return fastLoop(fast, A, a.offset, B, b.offset, O, out.offset, n);
    if (aFlat && b.size === 1) return fastScalarLoop(fast, A, a.offset, B[b.offset], O, out.offset, n, false);
    if (bFlat && a.size === 1) return fastScalarLoop(fast, B, b.offset, A[a.offset], O, out.offset, n, true);
  }
  const sa = broadcastStrides(a, shape), sb = broadcastStrides(b, shape);
  walk3(shape, a, sa, b, sb, out, out.strides, (m, ia, da, ib, db, io, dO) => {
    for (let i = 0; i < m; i++, ia += da, ib += db, io += dO) O[io] = f(A[ia], B[ib]);
  });
}

/** out[...] = f(a[...]); `a` already broadcast-compatible with out. */
export function unaryInto(a: NDArray, out: NDArray, f: Fn1): void {
  a = prepareInput(a, out);
  const A = a.data, O = out.data;
  const n = out.size;
  if (out.isContiguous && a.isContiguous && a.size === n) return flatUnary(f, A, a.offset, O, out.offset, n);
  const sa = broadcastStrides(a, out.shape);
  walk3(out.shape, a, sa, a, sa, out, out.strides, (m, ia, da, _ib, _db, io, dO) => {
    for (let i = 0; i < m; i++, ia += da, io += dO) O[io] = f(A[ia]);
  });
}

export function resultShape(a: NDArray, b: NDArray): number[] {
  return broadcastShapes(a.shape, b.shape);
}

// ---- monomorphic loops for the hottest float ops -----------------------------------------------

export type FastOp = 'add' | 'sub' | 'mul' | 'div';

function fastLoop(op: FastOp, A: Float64Array, ia: number, B: Float64Array, ib: number, O: Float64Array, io: number, n: number): void {
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] + B[ib + i]; return;
    case 'sub': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] - B[ib + i]; return;
    case 'mul': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] * B[ib + i]; return;
    case 'div': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] / B[ib + i]; return;
  }
}

function fastScalarLoop(op: FastOp, A: Float64Array, ia: number, s: number, O: Float64Array, io: number, n: number, swapped: boolean): void {
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] + s; return;
    case 'mul': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] * s; return;
    case 'sub':
      if (swapped) for (let i = 0; i < n; i++) O[io + i] = s - A[ia + i];
      else for (let i = 0; i < n; i++) O[io + i] = A[ia + i] - s;
      return;
    case 'div':
      if (swapped) for (let i = 0; i < n; i++) O[io + i] = s / A[ia + i];
      else for (let i = 0; i < n; i++) O[io + i] = A[ia + i] / s;
      return;
  }
}

/** Contiguous unary loop; the commonest math functions get their own monomorphic loop. */
function flatUnary(f: Fn1, A: Float64Array, ia: number, O: Float64Array, io: number, n: number): void {
  if (f === Math.exp) for (let i = 0; i < n; i++) O[io + i] = Math.exp(A[ia + i]);
  else if (f === Math.log) for (let i = 0; i < n; i++) O[io + i] = Math.log(A[ia + i]);
  else if (f === Math.sqrt) for (let i = 0; i < n; i++) O[io + i] = Math.sqrt(A[ia + i]);
  else if (f === Math.tanh) for (let i = 0; i < n; i++) O[io + i] = Math.tanh(A[ia + i]);
  else if (f === Math.abs) for (let i = 0; i < n; i++) O[io + i] = Math.abs(A[ia + i]);
  else for (let i = 0; i < n; i++) O[io + i] = f(A[ia + i]);
}

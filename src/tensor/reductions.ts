// Reductions with axis (int, tuple, None) and keepdims: sum (NumPy's exact order: pairwise along a
// reduced innermost axis, row-by-row accumulation otherwise), prod, max, min, any, all, argmax, argmin,
// mean, var, std (numpy/_core/_methods.py), cumsum, cumprod.

import type { DType } from './dtype';
import { binaryInto, unaryInto } from './elementwise';
import { valueError, warn } from './errors';
import { newArray, NDArray, shapeSize, view } from './ndarray';
import { pairwiseSum } from './pairwise';
import { forEachOutput, forEachReduced, planAxes, type AxisArg, type AxisPlan } from './reduceAxes';
import { reshape } from './shape';

function finish(out: NDArray, plan: AxisPlan, keepdims: boolean): NDArray {
  if (keepdims) return new NDArray(out.data, plan.keepShape, keepStrides(plan.keepShape), 0, out.dtype);
  if (out.ndim === 0) out.isScalar = true;
  return out;
}

function keepStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) (st[i] = s), (s *= Math.max(shape[i], 1));
  return st;
}

const sumDType = (d: DType): DType => (d === 'float64' ? 'float64' : 'int64');

/** `np.sum(a, axis, keepdims)`, bit-identical with NumPy's summation order. */
export function sum(a: NDArray, axis?: AxisArg, keepdims = false): NDArray {
  const plan = planAxes(a, axis);
  const out = newArray(plan.outShape, sumDType(a.dtype));
  if (out.size === 0 || plan.count === 0) return finish(out, plan, keepdims);
  // One output from a contiguous array (everything, or the only long axis): a single pairwise run over
  // memory, which is what the iterator path in sumInto computes too.
  if (out.size === 1 && a.isContiguous) out.data[0] = 0 + pairwiseSum(a.data, a.offset, plan.count, 1);
  else sumInto(a, plan, out);
  if (out.dtype === 'float64') reduceWarnings(a, out);
  return finish(out, plan, keepdims);
}

/** The general sum in NumPy's iteration order (separate from `sum` so the common cases stay small). */
function sumInto(a: NDArray, plan: AxisPlan, out: NDArray): void {
  // Flip reduced axes with negative strides: NumPy's iterator walks them in memory order.
  let offset = a.offset;
  const strides = a.strides.slice();
  for (const d of plan.reduced)
    if (strides[d] < 0) {
      offset += strides[d] * (a.shape[d] - 1);
      strides[d] = -strides[d];
    }
  const src = new NDArray(a.data, a.shape, strides, offset, a.dtype);
  // The iterator's innermost axis is the one with the smallest stride (ignoring length-1 axes).
  let inner = -1;
  for (let d = 0; d < a.ndim; d++)
    if (a.shape[d] > 1 && (inner < 0 || Math.abs(strides[d]) <= Math.abs(strides[inner]))) inner = d;
  if (inner >= 0 && plan.reduced.includes(inner)) return sumPairwise(src, plan, out);
  // Row-by-row accumulation: out = ((0 + r0) + r1) + ...
  if (a.ndim === 2 && plan.reduced.length === 1 && plan.reduced[0] === 0 && strides[1] === 1)
    return addRows(a.data, offset, strides[0], a.shape[0], a.shape[1], out.data);
  const D = a.data;
  const order = plan.reduced.slice().sort((x, y) => strides[y] - strides[x]);
  const keptView = (o: number) => new NDArray(D, plan.outShape, plan.kept.map((d) => strides[d]), o, a.dtype);
  forEachReduced(src, order, src.offset, (o) => binaryInto(out, keptView(o), out, (x, y) => x + y, 'add'));
}

/**
 * NumPy (2.4) pairwise-sums all reduced elements of one output in iteration order (axes by decreasing
 * stride), buffering them when they are not one contiguous run. `src` has non-negative reduced strides.
 */
function sumPairwise(src: NDArray, plan: AxisPlan, out: NDArray): void {
  const D = src.data, strides = src.strides;
  const order = plan.reduced.filter((d) => src.shape[d] > 1).sort((x, y) => strides[y] - strides[x]);
  let run = true;
  for (let i = 0; i + 1 < order.length; i++) if (strides[order[i]] !== strides[order[i + 1]] * src.shape[order[i + 1]]) run = false;
  const runStride = strides[order[order.length - 1]];
  const buf = run ? null : new Float64Array(plan.count);
  forEachOutput(src, plan.kept, (k, base) => {
    if (!buf) {
      out.data[k] = 0 + pairwiseSum(D, base, plan.count, runStride);
      return;
    }
    let i = 0;
    forEachReduced(src, order, base, (o) => (buf[i++] = D[o]));
    out.data[k] = 0 + pairwiseSum(buf, 0, plan.count, 1);
  });
}

/** out[j] = ((0 + row0[j]) + row1[j]) + ... for a row-contiguous 2-D block (kept small to optimise). */
function addRows(D: Float64Array, off: number, rowStride: number, rows: number, cols: number, O: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    const base = off + i * rowStride;
    for (let j = 0; j < cols; j++) O[j] = O[j] + D[base + j];
  }
}

/** NumPy reports FP errors of the add.reduce loop as "... encountered in reduce". */
function reduceWarnings(a: NDArray, out: NDArray): void {
  const n = out.size, O = out.data;
  let nonFinite = false;
  for (let i = 0; i < n; i++) if (!Number.isFinite(O[i])) nonFinite = true;
  if (!nonFinite) return;
  let inNaN = false, inInf = false;
  forEachReduced(a, [...Array(a.ndim).keys()], a.offset, (o) => {
    const v = a.data[o];
    if (v !== v) inNaN = true;
    else if (!Number.isFinite(v)) inInf = true;
  });
  let outNaN = false, outInf = false;
  for (let i = 0; i < n; i++) {
    if (O[i] !== O[i]) outNaN = true;
    else if (!Number.isFinite(O[i])) outInf = true;
  }
  if (outInf && !inInf) warn('overflow encountered in reduce');
  if (outNaN && !inNaN) warn('invalid value encountered in reduce');
}

type Acc = { init: number; step: (acc: number, x: number) => number };

function simpleReduce(a: NDArray, axis: AxisArg, keepdims: boolean, dtype: DType, acc: Acc, name: string, needsItems: boolean): NDArray {
  const plan = planAxes(a, axis);
  if (needsItems && plan.count === 0 && shapeSize(plan.outShape) >= 0 && a.size === 0)
    throw valueError(`zero-size array to reduction operation ${name} which has no identity`);
  const out = newArray(plan.outShape, dtype);
  const D = a.data;
  forEachOutput(a, plan.kept, (k, base) => {
    let r = acc.init;
    let first = needsItems;
    forEachReduced(a, plan.reduced, base, (o) => {
      if (first) {
        r = D[o];
        first = false;
      } else r = acc.step(r, D[o]);
    });
    out.data[k] = r;
  });
  if (name === 'multiply' && dtype === 'float64') reduceWarnings(a, out);
  return finish(out, plan, keepdims);
}

// maximum(m, x): NaN propagates, ties return x (so [-0., 0.].max() is 0.).
const maxStep = (m: number, x: number) => (m !== m ? m : x !== x ? x : m > x ? m : x);
const minStep = (m: number, x: number) => (m !== m ? m : x !== x ? x : m < x ? m : x);

export const prod = (a: NDArray, axis?: AxisArg, keepdims = false) =>
  simpleReduce(a, axis, keepdims, sumDType(a.dtype), { init: 1, step: (r, x) => r * x }, 'multiply', false);
export const max = (a: NDArray, axis?: AxisArg, keepdims = false) =>
  simpleReduce(a, axis, keepdims, a.dtype, { init: 0, step: maxStep }, 'maximum', true);
export const min = (a: NDArray, axis?: AxisArg, keepdims = false) =>
  simpleReduce(a, axis, keepdims, a.dtype, { init: 0, step: minStep }, 'minimum', true);
export const any = (a: NDArray, axis?: AxisArg, keepdims = false) =>
  simpleReduce(a, axis, keepdims, 'bool', { init: 0, step: (r, x) => (r || x !== 0 ? 1 : 0) }, 'logical_or', false);
export const all = (a: NDArray, axis?: AxisArg, keepdims = false) =>
  simpleReduce(a, axis, keepdims, 'bool', { init: 1, step: (r, x) => (r && x !== 0 ? 1 : 0) }, 'logical_and', false);

function divideBy(s: NDArray, n: number, scalarResult: boolean): NDArray {
  const out = newArray(s.shape, 'float64');
  if (s.isContiguous) for (let i = 0, e = out.size, S = s.data, o = s.offset; i < e; i++) out.data[i] = S[o + i] / n;
  else unaryInto(s, out, (v) => v / n);
  if (n === 0 && s.size > 0) warn(scalarResult ? 'invalid value encountered in scalar divide' : 'invalid value encountered in divide');
  return out;
}

/** `np.mean`: sum / count (float64). */
export function mean(a: NDArray, axis?: AxisArg, keepdims = false): NDArray {
  const plan = planAxes(a, axis);
  if (plan.count === 0) warn('Mean of empty slice');
  const s = sum(a, axis, keepdims);
  const r = divideBy(s, plan.count, s.isScalar);
  r.isScalar = s.isScalar;
  return r;
}

/** `np.var(a, axis, ddof, keepdims)` as numpy/_core/_methods.py _var computes it. */
export function variance(a: NDArray, axis?: AxisArg, ddof = 0, keepdims = false): NDArray {
  const plan = planAxes(a, axis);
  const n = plan.count;
  if (n - ddof <= 0) warn('Degrees of freedom <= 0 for slice');
  const m = divideBy(sum(a, axis, true), n, false);
  const x = newArray(a.shape, 'float64');
  binaryInto(a, m, x, (p, q) => p - q, 'sub');
  binaryInto(x, x, x, (p, q) => p * q, 'mul');
  const s = sum(x, axis, keepdims);
  const r = divideBy(s, Math.max(n - ddof, 0), s.isScalar);
  r.isScalar = s.isScalar;
  return r;
}

export function std(a: NDArray, axis?: AxisArg, ddof = 0, keepdims = false): NDArray {
  const v = variance(a, axis, ddof, keepdims);
  for (let i = 0; i < v.data.length; i++) v.data[i] = Math.sqrt(v.data[i]);
  return v;
}

function argReduce(a: NDArray, axis: number | null | undefined, keepdims: boolean, better: (x: number, m: number) => boolean, name: string): NDArray {
  const src = axis === null || axis === undefined ? reshape(a, [a.size]) : a;
  const plan = planAxes(src, axis === null || axis === undefined ? 0 : axis);
  if (plan.count === 0) throw valueError(`attempt to get ${name} of an empty sequence`);
  const out = newArray(plan.outShape, 'int64');
  const d = plan.reduced[0];
  const n = src.shape[d], st = src.strides[d];
  forEachOutput(src, plan.kept, (k, base) => {
    let bi = 0, bv = src.data[base];
    if (bv === bv)
      for (let i = 1; i < n; i++) {
        const x = src.data[base + i * st];
        if (x !== x) {
          bi = i;
          break;
        }
        if (better(x, bv)) (bv = x), (bi = i);
      }
    out.data[k] = bi;
  });
  if (keepdims && (axis === null || axis === undefined))
    return new NDArray(out.data, a.shape.map(() => 1), a.shape.map(() => 0), 0, 'int64');
  return finish(out, plan, keepdims);
}

export const argmax = (a: NDArray, axis?: number | null, keepdims = false) => argReduce(a, axis, keepdims, (x, m) => x > m, 'argmax');
export const argmin = (a: NDArray, axis?: number | null, keepdims = false) => argReduce(a, axis, keepdims, (x, m) => x < m, 'argmin');

function cumulative(a: NDArray, axis: number | null | undefined, step: (r: number, x: number) => number): NDArray {
  const src = axis === null || axis === undefined ? reshape(a, [a.size]) : a;
  const plan = planAxes(src, axis === null || axis === undefined ? 0 : axis);
  const out = newArray(src.shape, sumDType(a.dtype));
  const d = plan.reduced[0];
  const n = src.shape[d], st = src.strides[d];
  const ov = view(out, out.shape, out.strides, 0);
  const ost = out.strides[d];
  // Walk output and source together over the kept axes.
  const keptIdx = plan.kept;
  const total = shapeSize(keptIdx.map((k) => src.shape[k]));
  const idx = new Array<number>(keptIdx.length).fill(0);
  for (let k = 0; k < total; k++) {
    let si = src.offset, oi = 0;
    keptIdx.forEach((dd, j) => ((si += idx[j] * src.strides[dd]), (oi += idx[j] * ov.strides[dd])));
    let r = 0;
    for (let i = 0; i < n; i++) {
      r = i === 0 ? src.data[si] : step(r, src.data[si + i * st]);
      out.data[oi + i * ost] = r;
    }
    for (let j = keptIdx.length - 1; j >= 0; j--) {
      if (++idx[j] < src.shape[keptIdx[j]]) break;
      idx[j] = 0;
    }
  }
  return out;
}

export const cumsum = (a: NDArray, axis?: number | null) => cumulative(a, axis, (r, x) => r + x);
export const cumprod = (a: NDArray, axis?: number | null) => cumulative(a, axis, (r, x) => r * x);


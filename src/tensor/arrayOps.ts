// Small array functions NumPy writes in Python on top of slicing and ufuncs (numpy/lib/_function_base_impl.py,
// _twodim_base_impl.py, _numeric.py): diff, trace, flip, roll, tril, triu, ptp. Written the same way here,
// so their values, dtypes and errors follow from the operations they are made of.

import { copy, NDArray } from './ndarray';
import { normAxis, valueError } from './errors';
import { getItem, slice, type IndexItem } from './indexing';
import { concatenate } from './join';
import { max, min, sum } from './reductions';
import { ravel, reshape } from './shape';
import { binary } from './ufuncs';
import { broadcastTo } from './broadcast';
import type { AxisArg } from './reduceAxes';

/** An index that takes `s` along `axis` and everything along the other axes. */
function along(ndim: number, axis: number, s: IndexItem): IndexItem[] {
  return Array.from({ length: ndim }, (_, d) => (d === axis ? s : slice()));
}

/** `np.diff(a, n=1, axis=-1)`: a[1:] - a[:-1] along the axis, n times (not_equal for booleans). */
export function diff(a: NDArray, n = 1, axis = -1): NDArray {
  if (n === 0) return a;
  if (n < 0) throw valueError(`order must be non-negative but got ${n}`);
  if (a.ndim === 0) throw valueError('diff requires input that is at least one dimensional');
  const ax = normAxis(axis, a.ndim);
  let r = a;
  for (let i = 0; i < n; i++) {
    const hi = getItem(r, along(r.ndim, ax, slice(1, null))), lo = getItem(r, along(r.ndim, ax, slice(null, -1)));
    r = binary(r.dtype === 'bool' ? 'not_equal' : 'subtract', hi, lo);
  }
  return r;
}

/** `np.trace(a, offset=0)` of a 2-D array: the sum of its (offset) diagonal. */
export function trace(a: NDArray, offset = 0): NDArray {
  if (a.ndim < 2) throw valueError('diag requires an array of at least two dimensions');
  const [m, n] = a.shape;
  const len = Math.max(0, Math.min(m + Math.min(offset, 0), n - Math.max(offset, 0)));
  const start = a.offset + (offset >= 0 ? offset * a.strides[1] : -offset * a.strides[0]);
  const d = new NDArray(a.data, [len], [a.strides[0] + a.strides[1]], start, a.dtype, a);
  return sum(d);
}

/** `np.flip(a, axis=None)`: a view reversed along the axes. */
export function flip(a: NDArray, axis: AxisArg = null): NDArray {
  const axes = axis === null || axis === undefined ? [...a.shape.keys()] : (typeof axis === 'number' ? [axis] : axis).map((x) => normAxis(x, a.ndim));
  return getItem(a, Array.from({ length: a.ndim }, (_, d) => (axes.includes(d) ? slice(null, null, -1) : slice())));
}

/** `np.roll(a, shift, axis=None)`: elements shifted along the axis, wrapping around (a copy). */
export function roll(a: NDArray, shift: number, axis: number | null = null): NDArray {
  if (axis === null) return reshape(roll(ravel(a), shift, 0), a.shape);
  const ax = normAxis(axis, a.ndim), n = a.shape[ax];
  if (n === 0) return copy(a);
  const s = ((shift % n) + n) % n;
  if (s === 0) return copy(a);
  return concatenate([getItem(a, along(a.ndim, ax, slice(n - s, null))), getItem(a, along(a.ndim, ax, slice(null, n - s)))], ax);
}

/** `np.tril(m, k=0)` / `np.triu(m, k=0)`: zeros above (below) the k-th diagonal of the last two axes. */
export function tril(m: NDArray, k = 0): NDArray {
  return triangle(m, k, true);
}
export function triu(m: NDArray, k = 0): NDArray {
  return triangle(m, k, false);
}

function triangle(m: NDArray, k: number, lower: boolean): NDArray {
  if (m.ndim === 0) throw valueError('input array must be at least 1-d');
  // A 1-D input is broadcast to a square, as NumPy's where(tri(...), m, 0) does.
  const out = copy(m.ndim === 1 ? broadcastTo(m, [m.shape[0], m.shape[0]]) : m);
  const rows = out.shape[out.ndim - 2], cols = out.shape[out.ndim - 1], plane = rows * cols;
  for (let base = 0; base < out.size; base += plane)
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) if (lower ? j - i > k : j - i < k) out.data[base + i * cols + j] = 0;
  return out;
}

/** `np.ptp(a, axis=None)`: max - min. */
export function ptp(a: NDArray, axis: AxisArg = null, keepdims = false): NDArray {
  return binary('subtract', max(a, axis, keepdims), min(a, axis, keepdims));
}

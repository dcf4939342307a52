// Statistics and stacking helpers that NumPy writes in Python (numpy/lib/_function_base_impl.py,
// _nanfunctions_impl.py, _shape_base_impl.py): median, average, nansum, nanmean, column_stack,
// atleast_2d, meshgrid. Each follows NumPy's recipe, so the values come from the same operations.

import { getItem, slice, type IndexItem } from './indexing';
import { copy, NDArray } from './ndarray';
import { normAxis, TensorError, valueError, warn, withoutWarnings } from './errors';
import { hstack, tile } from './join';
import { mean, sum } from './reductions';
import { reshape, ravel } from './shape';
import { sort } from './sort';
import { binary, unary } from './ufuncs';
import { astype, where } from './misc';
import type { AxisArg } from './reduceAxes';

/**
 * `np.median(a, axis=None)`: the middle of the sorted values, or the mean of the two middles (NumPy
 * partitions and takes `mean` of them: (a + b) / 2). A NaN anywhere in a slice makes it NaN.
 */
export function median(a: NDArray, axis: number | null = null): NDArray {
  const src = axis === null ? ravel(a) : a;
  const ax = axis === null ? 0 : normAxis(axis, a.ndim);
  const n = src.shape[ax];
  if (n === 0) return mean(src, ax);
  const s = sort(src, ax);
  const mid = n >> 1, lo = n % 2 === 1 ? mid : mid - 1;
  const m = mean(getItem(s, s.shape.map((_, d) => (d === ax ? slice(lo, mid + 1) : slice()))), ax);
  // NaNs sort last: a NaN in the last place of a slice makes its median NaN (NumPy checks the same).
  const last = getItem(s, s.shape.map((_, d): IndexItem => (d === ax ? slice(n - 1, n) : slice())));
  const isNan = reshape(unary('isnan', last), m.shape);
  const r = where(isNan, NaN, m) as NDArray;
  if (r.ndim === 0) r.isScalar = true;
  return r;
}

/** `np.average(a, axis=None, weights=None)`: mean, or sum(a·w) / sum(w) along the axis. */
export function average(a: NDArray, axis: AxisArg = null, weights: NDArray | null = null): NDArray {
  if (weights === null) return mean(a, axis);
  if (weights.ndim !== a.ndim && (axis === null || weights.ndim !== 1))
    throw new TensorError('TypeError', 'Axis must be specified when shapes of a and weights differ.');
  let w = weights;
  if (weights.ndim !== a.ndim && typeof axis === 'number') {
    const ax = normAxis(axis, a.ndim);
    if (weights.shape[0] !== a.shape[ax]) throw valueError('Length of weights not compatible with specified axis.');
    w = reshape(weights, a.shape.map((d, i) => (i === ax ? d : 1)));
  }
  // NumPy sums in float64 at least: scl = w.sum(axis, dtype=f8); avg = (a·w).sum(axis) / scl.
  const wf = w.dtype === 'float64' ? w : astype(w, 'float64');
  const scl = sum(wf, axis);
  if (scl.toFlat().some((v) => v === 0)) throw new TensorError('ZeroDivisionError', "Weights sum to zero, can't be normalized");
  return binary('divide', sum(binary('multiply', a, wf), axis), scl);
}

/** `np.nansum(a, axis=None)`: the sum with NaNs counted as zero. */
export function nansum(a: NDArray, axis: AxisArg = null, keepdims = false): NDArray {
  return sum(a.dtype === 'float64' ? (where(unary('isnan', a), 0, a) as NDArray) : a, axis, keepdims);
}

/**
 * `np.nanmean(a, axis=None)`: nansum divided by the count of non-NaN values. NumPy divides under
 * errstate(invalid='ignore', divide='ignore') and then warns once "Mean of empty slice" when a slice had
 * no values (its result is NaN).
 */
export function nanmean(a: NDArray, axis: AxisArg = null, keepdims = false): NDArray {
  if (a.dtype !== 'float64') return mean(a, axis, keepdims);
  const isNan = unary('isnan', a);
  const tot = sum(where(isNan, 0, a) as NDArray, axis, keepdims);
  const cnt = sum(unary('logical_not', isNan), axis, keepdims);
  const avg = withoutWarnings(() => binary('divide', tot, cnt));
  if (cnt.toFlat().some((c) => c === 0)) warn('Mean of empty slice');
  return avg;
}

/** `np.column_stack(tup)`: 1-D arrays become columns, then hstack. */
export function columnStack(arrays: readonly NDArray[]): NDArray {
  return hstack(arrays.map((x) => (x.ndim < 2 ? reshape(x, [x.size, 1]) : x)));
}

/** `np.atleast_2d(a)`: a 0-d array as (1, 1), a 1-D one as a row. */
export function atleast2d(a: NDArray): NDArray {
  return a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a;
}

/** `np.meshgrid(*xi, indexing='xy')` for vectors: copies, the first two axes swapped for 'xy'. */
export function meshgrid(xs: readonly NDArray[], indexing: 'xy' | 'ij' = 'xy'): NDArray[] {
  const v = xs.map((x) => ravel(x));
  const n = v.length;
  const shape = v.map((x) => x.size);
  if (indexing === 'xy' && n > 1) [shape[0], shape[1]] = [shape[1], shape[0]];
  return v.map((x, i) => {
    let pos = i;
    if (indexing === 'xy' && n > 1 && i < 2) pos = 1 - i;
    const s = shape.map((_, d) => (d === pos ? x.size : 1));
    return copy(tile(reshape(x, s), shape.map((d, j) => (j === pos ? 1 : d))));
  });
}

// np.quantile and np.percentile (every method of quantileMethods.ts, 'linear' by default) and their nan
// variants, following the steps of numpy/lib/_function_base_impl.py (_ureduce, _quantile, _get_indexes,
// _lerp) and _nanfunctions_impl.py so that values, dtypes, warnings and errors come from the same
// operations in the same order.

import { TensorError, valueError, warn } from './errors';
import { axesNamed } from './rearrange';
import { getItem, slice } from './indexing';
import { copy, newArray, NDArray } from './ndarray';
import { toArray, type Operand } from './operand';
import { binary, scalarOperator, unary } from './ufuncs';
import { max, mean, min, sum } from './reductions';
import { reshape, transpose } from './shape';
import { methodError, QUANTILE_METHODS } from './quantileMethods';
import { broadcastTo } from './broadcast';
import type { AxisArg } from './reduceAxes';

/** `np.quantile(a, q, axis=None, method='linear', keepdims=False)` (methods: quantileMethods.ts). */
export function quantile(a: NDArray, q: Operand, axis: AxisArg = null, keepdims = false, method = 'linear'): NDArray {
  const qa = toArray(q);
  if (!isValid(qa)) throw valueError('Quantiles must be in the range [0, 1]');
  return ureduce(a, qa, axis, keepdims, isWeak(q), method);
}

/** `np.percentile(a, q, axis=None, method='linear', keepdims=False)`: quantile of q / 100 (true_divide). */
export function percentile(a: NDArray, q: Operand, axis: AxisArg = null, keepdims = false, method = 'linear'): NDArray {
  const qa = binary('divide', q, 100n);
  if (!isValid(qa)) throw valueError('Percentiles must be in the range [0, 100]');
  return ureduce(a, qa, axis, keepdims, isWeak(q), method);
}

/**
 * `np.nanquantile` / `np.nanpercentile` (numpy/lib/_nanfunctions_impl.py): the same per 1-D slice with
 * its NaNs left out; an all-NaN slice gives NaN and "All-NaN slice encountered"; an empty array gives
 * what np.nanmean gives for it.
 */
export function nanquantile(a: NDArray, q: Operand, axis: AxisArg = null, keepdims = false, method = 'linear'): NDArray {
  const qa = toArray(q);
  if (!isValid(qa)) throw valueError('Quantiles must be in the range [0, 1]');
  return a.size === 0 ? emptyNanmean(a, axis, keepdims) : ureduce(a, qa, axis, keepdims, isWeak(q), method, true);
}

/**
 * np.nanmean of an empty array, which NumPy's nan-quantiles return for one: NaN where a value was
 * asked for and "Mean of empty slice" (its division runs with the warnings off); int arrays go to
 * np.mean.
 */
function emptyNanmean(a: NDArray, axis: AxisArg, keepdims: boolean): NDArray {
  if (a.dtype !== 'float64') return mean(a, axis, keepdims);
  const r = sum(a, axis, keepdims);
  if (r.size > 0) warn('Mean of empty slice');
  r.data.fill(NaN);
  return r;
}

export function nanpercentile(a: NDArray, q: Operand, axis: AxisArg = null, keepdims = false, method = 'linear'): NDArray {
  const qa = binary('divide', q, 100n);
  if (!isValid(qa)) throw valueError('Percentiles must be in the range [0, 100]');
  return a.size === 0 ? emptyNanmean(a, axis, keepdims) : ureduce(a, qa, axis, keepdims, isWeak(q), method, true);
}

/** _nanquantile_1d: the non-NaN values of a 1-D slice, or the NaN answer for an all-NaN one. */
function nanQuantile1d(v: NDArray, q: NDArray, weak: boolean, method: string): NDArray {
  if (v.dtype !== 'float64') return quantileAxis0(v, q, weak, method);
  const keep = v.toFlat().filter((x) => x === x);
  if (keep.length === 0) {
    warn('All-NaN slice encountered');
    const r = newArray(q.shape, 'float64');
    r.data.fill(NaN);
    if (r.ndim === 0) r.isScalar = true;
    return r;
  }
  return quantileAxis0(floatArray(keep, [keep.length]), q, weak, method);
}

/**
 * _nanquantile_ureduce_func: one slice for a 1-D array, else np.apply_along_axis over the slices
 * (each answer q-shaped), its q axes moved to the front.
 */
function nanQuantileAxis0(arr: NDArray, q: NDArray, weak: boolean, method: string): NDArray {
  if (arr.ndim === 1) return nanQuantile1d(arr, q, weak, method);
  const rest = arr.shape.slice(1), count = rest.reduce((p, d) => p * d, 1);
  const cols = reshape(arr, [arr.shape[0], count]);
  let out: NDArray | null = null;
  for (let c = 0; c < count; c++) {
    const r = nanQuantile1d(getItem(cols, [slice(), c]), q, weak, method);
    out ??= newArray([...q.shape, count], r.dtype);
    const rv = r.toFlat();
    for (let i = 0; i < rv.length; i++) out.data[i * count + c] = rv[i];
  }
  return reshape(out ?? newArray([...q.shape, 0], 'float64'), [...q.shape, ...rest]);
}

/** A Python int or float q (NumPy's weak_q): gamma then stays a Python float. */
const isWeak = (q: Operand) => typeof q === 'number' || typeof q === 'bigint';

/** _quantile_is_valid: short vectors element by element, anything else by its min and max. */
function isValid(q: NDArray): boolean {
  if (q.ndim === 1 && q.size < 10) return q.toFlat().every((v) => v >= 0 && v <= 1);
  return (min(q).item() as number) >= 0 && (max(q).item() as number) <= 1;
}

/**
 * _ureduce + _quantile_ureduce_func: the reduced axes become axis 0 of a copy (NumPy moves the kept
 * axes to the front and merges the others; the order inside the merged axis does not matter to a
 * sort), the q dimensions lead the result, keepdims puts 1s where the reduced axes were.
 */
function ureduce(a: NDArray, q: NDArray, axis: AxisArg, keepdims: boolean, weak: boolean, method: string, nan = false): NDArray {
  const nd = a.ndim;
  const reduced = axis === null || axis === undefined ? null : axesNamed(axis, nd);
  if (q.ndim > 2) throw valueError('q must be a scalar or 1d');
  let arr: NDArray;
  if (reduced === null) arr = reshape(copy(a), [a.size]);
  else {
    const kept = [...Array(nd).keys()].filter((d) => !reduced.includes(d));
    const moved = transpose(a, [...reduced, ...kept]);
    arr = reshape(copy(moved), [reduced.reduce((p, d) => p * a.shape[d], 1), ...kept.map((d) => a.shape[d])]);
  }
  let r = (nan ? nanQuantileAxis0 : quantileAxis0)(arr, q, weak, method);
  if (keepdims) {
    const shape = [...q.shape, ...a.shape.map((d, i) => (reduced === null || reduced.includes(i) ? 1 : d))];
    // r[..., np.newaxis, ...]: a view, an array even where r was a numpy scalar.
    r = reshape(r, shape);
  }
  return r;
}

/** _quantile along axis 0 of a fresh array (sorted here: partition gives the same order statistics). */
function quantileAxis0(unsorted: NDArray, q: NDArray, weak: boolean, methodName: string): NDArray {
  const method = QUANTILE_METHODS.get(methodName);
  if (!method) throw valueError(methodError(methodName));
  const n = unsorted.shape[0];
  const arr = sortColumns(unsorted);
  const nans = arr.dtype === 'float64';
  // NumPy partitions float arrays at index -1 too (NaNs go last), which fails first on an empty axis.
  if (nans && n === 0) throw new TensorError('IndexError', 'index -1 is out of bounds for axis 0 with size 0');
  const qs = Array.from(q.toFlat());
  // 0-d integer indices index like ints: a 1-D arr gives numpy scalars (scalar arithmetic below).
  const pick = (idx: number[]) => (q.ndim === 0 ? getItem(arr, idx[0]) : getItem(arr, intArray(idx, q.shape)));
  let result: NDArray;
  if (method.kind === 'index' || (methodName === 'linear' && q.dtype !== 'float64')) {
    // Integer virtual indices (discrete methods; (n-1)·q of an int q): np.take along axis 0.
    if (n === 0 && q.size > 0) throw new TensorError('IndexError', 'cannot do a non-empty take from an empty axes.');
    result = pick(qs.map((v) => method.at(n, v)));
  } else {
    const vi = qs.map((v) => method.at(n, v));
    // _get_indexes: at or past the last index both neighbours are -1; below 0 (checked second, so it
    // wins) both are 0.
    const prev = vi.map((v) => (v < 0 ? 0 : v >= n - 1 ? -1 : Math.floor(v)));
    const next = vi.map((v, i) => (v < 0 ? 0 : v >= n - 1 ? -1 : prev[i] + 1));
    const fix = method.gamma;
    const gamma = vi.map((v, i) => (fix ? fix(v - prev[i], v) : v - prev[i]));
    const t: number | NDArray = weak ? gamma[0] : reshape(floatArray(gamma, q.shape), [...q.shape, ...arr.shape.slice(1).map(() => 1)]);
    result = lerp(pick(prev), pick(next), t);
  }
  if (nans && n > 0) {
    // Slices holding a NaN sort it last: their result is that NaN (np.copyto(..., where=...)).
    const last = getItem(arr, -1);
    const isNan = unary('isnan', last);
    if (isNan.toFlat().some((v) => v !== 0)) {
      if (result.ndim === 0) return last;
      const l = broadcastTo(last, result.shape), m = broadcastTo(isNan, result.shape);
      const out = copy(result), lv = l.toFlat(), mv = m.toFlat();
      for (let i = 0; i < out.size; i++) if (mv[i]) out.data[i] = lv[i];
      return out;
    }
  }
  return result;
}

/**
 * Each column of a fresh C-contiguous (n, ...) array sorted along axis 0, NaNs last, through a typed
 * array's numeric sort (about 8x faster than a comparator on 1e6 values). -0 may land before or after
 * +0; NumPy's partition leaves their order unspecified too.
 */
function sortColumns(a: NDArray): NDArray {
  const n = a.shape[0], cols = n === 0 ? 0 : a.size / n;
  const out = copy(a), d = out.data;
  if (cols === 1) {
    d.subarray(0, n).sort();
    return out;
  }
  const col = new Float64Array(n);
  for (let c = 0; c < cols; c++) {
    for (let i = 0; i < n; i++) col[i] = d[i * cols + c];
    col.sort();
    for (let i = 0; i < n; i++) d[i * cols + c] = col[i];
  }
  return out;
}

const both = (x: NDArray, y: Operand) => x.isScalar && (typeof y !== 'object' || y.isScalar);

/** Scalar math for numpy scalars (its warnings say "scalar subtract"), the ufunc otherwise. */
const arith = (name: string, x: NDArray, y: Operand) => (both(x, y) ? scalarOperator(name, x, y) : binary(name, x, y));

/**
 * _lerp(a, b, t): a + (b-a)·t, then b - (b-a)·(1-t) where t >= 0.5 (the ufunc's where=: only those
 * elements are computed, so only they can warn). The add runs as a ufunc with out=..., so a 0-d result
 * is an array until the final [()] unpacks it.
 */
function lerp(a: NDArray, b: NDArray, t: number | NDArray): NDArray {
  const diff = arith('subtract', b, a);
  const r = binary('add', a, arith('multiply', diff, t));
  const oneMinus = typeof t === 'number' ? 1 - t : binary('subtract', 1n, t);
  const y = arith('multiply', diff, oneMinus);
  const mask = broadcastTo(typeof t === 'number' ? scalarBool(t >= 0.5) : binary('greater_equal', t, 0.5), r.shape).toFlat();
  const bv = broadcastTo(b, r.shape).toFlat(), yv = broadcastTo(y, r.shape).toFlat();
  const sel: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) sel.push(i);
  if (sel.length) {
    const upper = binary('subtract', floatArray(sel.map((i) => bv[i]), [sel.length]), floatArray(sel.map((i) => yv[i]), [sel.length]));
    sel.forEach((i, j) => (r.data[i] = upper.data[j]));
  }
  if (r.ndim === 0) r.isScalar = true;
  return r;
}

function floatArray(vals: ArrayLike<number>, shape: readonly number[]): NDArray {
  const r = newArray(shape, 'float64');
  r.data.set(vals);
  return r;
}

function intArray(vals: ArrayLike<number>, shape: readonly number[]): NDArray {
  const r = newArray(shape, 'int64');
  r.data.set(vals);
  return r;
}

function scalarBool(v: boolean): NDArray {
  const r = newArray([], 'bool');
  r.data[0] = v ? 1 : 0;
  return r;
}

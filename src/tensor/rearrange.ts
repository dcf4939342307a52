// Moving and picking elements by position: moveaxis (numpy/_core/numeric.py), take
// (PyArray_TakeFrom, mode 'raise'), pad (numpy/lib/_arraypad_impl.py: constant, edge, reflect, symmetric,
// wrap).

import { broadcastTo, shapeStr } from './broadcast';
import { array, type Nested } from './create';
import { normAxis, TensorError, typeError, valueError } from './errors';
import { getItem, setItem, slice, type IndexItem } from './indexing';
import { astype } from './misc';
import { copy, newArray, NDArray } from './ndarray';
import { ravel, transpose } from './shape';
import { unary } from './ufuncs';

/**
 * normalize_axis_tuple: AxisError for an axis out of range (prefixed "source: " when the argument is
 * named), ValueError for a repeat ("repeated axis", or "repeated axis in `source` argument").
 */
export function axesNamed(axes: number | readonly number[], ndim: number, name?: string): number[] {
  const list = (typeof axes === 'number' ? [axes] : axes).map((ax) => {
    try {
      return normAxis(ax, ndim);
    } catch (e) {
      if (name === undefined) throw e;
      throw new TensorError('numpy.exceptions.AxisError', `${name}: ${(e as Error).message}`);
    }
  });
  if (new Set(list).size !== list.length) throw valueError(name === undefined ? 'repeated axis' : `repeated axis in \`${name}\` argument`);
  return list;
}

/** `np.moveaxis(a, source, destination)`: a view with the axes moved, the others in order. */
export function moveaxis(a: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const src = axesNamed(source, a.ndim, 'source'), dst = axesNamed(destination, a.ndim, 'destination');
  if (src.length !== dst.length) throw valueError('`source` and `destination` arguments must have the same number of elements');
  const order = [...Array(a.ndim).keys()].filter((d) => !src.includes(d));
  for (const [d, s] of dst.map((d, i) => [d, src[i]]).sort((x, y) => x[0] - y[0] || x[1] - y[1])) order.splice(d, 0, s);
  return transpose(a, order);
}

/**
 * `np.take(a, indices, axis=None)`: a[..., indices, ...] along the axis (the flattened array when None),
 * out-of-range indices raise IndexError. Float indices from a Python list or number are truncated
 * (NumPy converts those straight to intp); a float array is refused (`fromArray`: same_kind casting).
 */
export function take(a: NDArray, indices: NDArray, axis: number | null = null, fromArray = false): NDArray {
  const src = axis === null ? ravel(a) : a;
  const ax = axis === null ? 0 : normAxis(axis, a.ndim);
  if (fromArray && indices.dtype === 'float64')
    throw typeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'");
  const idx = indices.dtype === 'int64' ? indices : astype(indices.dtype === 'float64' ? unary('trunc', indices) : indices, 'int64');
  if (src.shape[ax] === 0 && idx.size > 0) throw new TensorError('IndexError', 'cannot do a non-empty take from an empty axes.');
  const pre: IndexItem[] = Array.from({ length: ax }, () => slice());
  const r = getItem(src, [...pre, idx.ndim === 0 ? idx.item() : idx]);
  // PyArray_Return: a 0-d result is a numpy scalar.
  if (r.ndim === 0) r.isScalar = true;
  return r;
}

/** _as_pairs(x, ndim): one (before, after) pair per axis from a scalar, a pair or one pair per axis. */
function asPairs(x: Nested, ndim: number, index: boolean): [number, number][] {
  const arr = array(x);
  if (index && arr.dtype === 'float64') throw typeError('`pad_width` must be of integral type.');
  let b: NDArray;
  try {
    b = broadcastTo(arr, [ndim, 2]);
  } catch {
    throw valueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeStr(arr.shape)}  and requested shape (${ndim},2)`);
  }
  const v = b.toFlat();
  if (index && v.some((p) => p < 0)) throw valueError("index can't contain negative values");
  return Array.from({ length: ndim }, (_, d) => [v[2 * d], v[2 * d + 1]]);
}

export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';

/**
 * Where output position p (counted from the first original element) reads along an axis of size n:
 * the edge repeated, the array reflected about its end elements (period 2(n-1)) or about its ends
 * (period 2n), or repeated. NumPy pads these modes axis after axis, and a pad wider than the array
 * takes several rounds of reflection or repetition: the same as the periodic index used here.
 */
function sourceIndex(mode: Exclude<PadMode, 'constant'>, p: number, n: number): number {
  const mod = (x: number, m: number) => ((x % m) + m) % m;
  if (mode === 'edge' || (mode === 'reflect' && n === 1)) return Math.min(Math.max(p, 0), n - 1);
  if (mode === 'wrap') return mod(p, n);
  if (mode === 'reflect') {
    const m = mod(p, 2 * (n - 1));
    return m < n ? m : 2 * (n - 1) - m;
  }
  const m = mod(p, 2 * n);
  return m < n ? m : 2 * n - 1 - m;
}

/** A new C-contiguous array whose position i along `axis` is `a`'s position map[i] (whole blocks copied). */
function gatherAxis(a: NDArray, map: readonly number[], axis: number): NDArray {
  const src = a.isContiguous && a.offset === 0 ? a : copy(a);
  const shape = a.shape.slice();
  shape[axis] = map.length;
  const out = newArray(shape, a.dtype);
  const inner = a.shape.slice(axis + 1).reduce((p, d) => p * d, 1), outer = a.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const n = a.shape[axis], m = map.length, s = src.data, d = out.data;
  for (let o = 0; o < outer; o++)
    for (let j = 0; j < m; j++) {
      const from = (o * n + map[j]) * inner, to = (o * m + j) * inner;
      if (inner >= 16) d.set(s.subarray(from, from + inner), to);
      else for (let t = 0; t < inner; t++) d[to + t] = s[from + t];
    }
  return out;
}

/**
 * `np.pad(array, pad_width, mode='constant', constant_values=0)`, modes 'constant', 'edge', 'reflect'
 * (reflect_type 'even'), 'symmetric' and 'wrap'. Constant: axes are padded in order, each over the full
 * extent of the axes before it and the original extent of the ones after (NumPy's _view_roi), so
 * corners come from the last axis. The other modes read every output element from the input through
 * one index map per axis (separable, so the order of the axes does not matter).
 */
export function pad(a: NDArray, padWidth: Nested, mode: PadMode = 'constant', constantValues: Nested = 0): NDArray {
  const widths = asPairs(padWidth, a.ndim, true);
  if (a.ndim === 0) return copy(a);
  if (mode !== 'constant') {
    let r = a;
    for (let k = 0; k < a.ndim; k++) {
      const [lo, hi] = widths[k], n = a.shape[k];
      if (lo + hi === 0) continue;
      if (n === 0) throw valueError(`can't extend empty axis ${k} using modes other than 'constant' or 'empty'`);
      const map = Array.from({ length: n + lo + hi }, (_, i) => sourceIndex(mode, i - lo, n));
      r = gatherAxis(r, map, k);
    }
    return r === a ? copy(a) : r;
  }
  const values = asPairs(constantValues, a.ndim, false);
  const shape = a.shape.map((d, i) => d + widths[i][0] + widths[i][1]);
  const out = newArray(shape, a.dtype);
  const inner = a.shape.map((d, i) => slice(widths[i][0], widths[i][0] + d));
  setItem(out, inner, a);
  for (let k = 0; k < a.ndim; k++) {
    const [lo, hi] = widths[k], n = a.shape[k];
    const roi = getItem(out, inner.map((s, d) => (d <= k ? slice() : s)));
    const part = (s: IndexItem) => roi.shape.map((_, d): IndexItem => (d === k ? s : slice()));
    if (lo > 0) setItem(roi, part(slice(0, lo)), values[k][0]);
    if (hi > 0) setItem(roi, part(slice(lo + n, null)), values[k][1]);
  }
  return out;
}

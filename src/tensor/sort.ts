// Sorting and sets: sort, argsort (stable order for ties; NaN sorts last as in NumPy), unique with
// return_index/return_inverse/return_counts (numpy/lib/_arraysetops_impl.py), searchsorted.

import { normAxis } from './errors';
import { copy, newArray, NDArray } from './ndarray';
import { forEachOutput } from './reduceAxes';
import { reshape } from './shape';

/** NumPy's sort order: NaN after everything, -0 == 0 (stable between them). */
export const cmpNum = (x: number, y: number) => (x !== x ? (y !== y ? 0 : 1) : y !== y ? -1 : x < y ? -1 : x > y ? 1 : 0);

function alongAxis(a: NDArray, axis: number | null, f: (vals: number[]) => number[], outDtype = a.dtype): NDArray {
  const src = axis === null ? reshape(a, [a.size]) : a;
  const ax = axis === null ? 0 : normAxis(axis, src.ndim);
  const out = newArray(src.shape, outDtype);
  const n = src.shape[ax];
  const kept = [...Array(src.ndim).keys()].filter((d) => d !== ax);
  const sst = src.strides[ax], ost = out.strides[ax];
  const offs: number[] = [];
  forEachOutput(out, kept, (_k, base) => offs.push(base));
  let k = 0;
  forEachOutput(src, kept, (_k, base) => {
    const vals = new Array<number>(n);
    for (let i = 0; i < n; i++) vals[i] = src.data[base + i * sst];
    const r = f(vals);
    const ob = offs[k++];
    for (let i = 0; i < n; i++) out.data[ob + i * ost] = r[i];
  });
  return out;
}

/** `np.sort(a, axis=-1)`; axis=null sorts the flattened array. */
export function sort(a: NDArray, axis: number | null = -1): NDArray {
  if (a.ndim === 0 && axis !== null) return copy(a);
  return alongAxis(a, axis, (v) => v.sort(cmpNum));
}

export function argsort(a: NDArray, axis: number | null = -1): NDArray {
  return alongAxis(a, axis, (v) => v.map((_, i) => i).sort((i, j) => cmpNum(v[i], v[j]) || i - j), 'int64');
}

export interface UniqueResult {
  values: NDArray;
  index?: NDArray;
  inverse?: NDArray;
  counts?: NDArray;
}

/** `np.unique(a, return_index, return_inverse, return_counts)` over the flattened array. */
export function unique(a: NDArray, opts: { index?: boolean; inverse?: boolean; counts?: boolean } = {}): UniqueResult {
  const flat = a.toFlat();
  const order = Array.from(flat.keys()).sort((i, j) => cmpNum(flat[i], flat[j]) || i - j);
  const vals: number[] = [], first: number[] = [], counts: number[] = [];
  const inv = new Array<number>(flat.length);
  for (const i of order) {
    const v = flat[i];
    const last = vals.length - 1;
    // NumPy >= 1.21 collapses NaNs into one (equal_nan=True).
    if (last >= 0 && (vals[last] === v || (v !== v && vals[last] !== vals[last]))) counts[last]++;
    else {
      vals.push(v);
      first.push(i);
      counts.push(1);
    }
    inv[i] = vals.length - 1;
  }
  const mk = (xs: number[], dtype: NDArray['dtype']) => {
    const r = newArray([xs.length], dtype);
    r.data.set(xs);
    return r;
  };
  const res: UniqueResult = { values: mk(vals, a.dtype) };
  if (opts.index) res.index = mk(first, 'int64');
  if (opts.inverse) res.inverse = reshape(mk(inv, 'int64'), a.ndim === 0 ? [1] : a.shape);
  if (opts.counts) res.counts = mk(counts, 'int64');
  return res;
}

/** `np.searchsorted(sorted, v, side)` for a 1-D sorted array. */
export function searchsorted(s: NDArray, v: NDArray, side: 'left' | 'right' = 'left'): NDArray {
  const hay = s.toFlat();
  const out = newArray(v.shape, 'int64');
  const needles = v.toFlat();
  for (let k = 0; k < needles.length; k++) {
    const x = needles[k];
    let lo = 0, hi = hay.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = cmpNum(hay[mid], x);
      if (c < 0 || (side === 'right' && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    out.data[k] = lo;
  }
  if (out.ndim === 0) out.isScalar = true;
  return out;
}

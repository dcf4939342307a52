// Elementwise helpers that are not plain ufuncs: where, clip, round (numpy PyArray_Round), astype,
// isclose/allclose/array_equal (numpy/_core/numeric.py).

import { broadcastShapes, broadcastTo } from './broadcast';
import { castValue, promote, type DType } from './dtype';
import { copyInto, unaryInto } from './elementwise';
import { warn } from './errors';
import { forEachOffset, newArray, NDArray } from './ndarray';
import { dtypeOf, toArray, type Operand } from './operand';
import { roundHalfEven } from './scalarMath';
import { binary } from './ufuncs';
import { nonzero } from './indexing';

/** `np.where(cond, x, y)`; with only `cond` it is `np.nonzero(cond)`. */
export function where(cond: Operand, x?: Operand, y?: Operand): NDArray | NDArray[] {
  const c = toArray(cond);
  if (x === undefined || y === undefined) return nonzero(c);
  const a = toArray(x), b = toArray(y);
  const dtype = promote(dtypeOf(x), dtypeOf(y));
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const out = newArray(shape, dtype);
  const cv = broadcastTo(c, shape), av = broadcastTo(a, shape), bv = broadcastTo(b, shape);
  const cs: number[] = [], as: number[] = [], bs: number[] = [];
  forEachOffset(cv, (o) => cs.push(o));
  forEachOffset(av, (o) => as.push(o));
  forEachOffset(bv, (o) => bs.push(o));
  for (let i = 0; i < cs.length; i++) out.data[i] = c.data[cs[i]] !== 0 ? a.data[as[i]] : b.data[bs[i]];
  if (out.ndim === 0) out.isScalar = true;
  return out;
}

/** `np.clip(a, a_min, a_max)` = minimum(maximum(a, a_min), a_max); either bound may be null. */
export function clip(a: Operand, lo: Operand | null, hi: Operand | null): NDArray {
  let r = toArray(a);
  if (lo !== null) r = binary('maximum', r, lo);
  if (hi !== null) r = binary('minimum', r, hi);
  if (lo === null && hi === null) r = binary('add', r, 0n);
  return r;
}

/** `np.round(a, decimals)`: multiply by 10**d, rint, divide (NumPy's algorithm, not correct rounding). */
export function round(x: Operand, decimals = 0): NDArray {
  const a = toArray(x);
  const out = newArray(a.shape, a.dtype);
  if (a.dtype !== 'float64') {
    if (decimals >= 0) copyInto(a, out);
    else {
      const f = 10 ** -decimals;
      unaryInto(a, out, (v) => roundHalfEven(v / f) * f);
    }
  } else if (decimals >= 0) {
    const f = 10 ** decimals;
    unaryInto(a, out, (v) => roundHalfEven(v * f) / f);
  } else {
    const f = 10 ** -decimals;
    unaryInto(a, out, (v) => roundHalfEven(v / f) * f);
  }
  if (out.ndim === 0 && (!(x instanceof NDArray) || x.isScalar || x.ndim === 0)) out.isScalar = true;
  return out;
}

/** `a.astype(dtype)`: always a copy; NaN/inf into int64 give INT64_MIN with NumPy's warning. */
export function astype(a: NDArray, dtype: DType): NDArray {
  const out = newArray(a.shape, dtype);
  let invalid = false;
  const f =
    dtype === 'int64' && a.dtype === 'float64'
      ? (v: number) => {
          if (!Number.isFinite(v)) {
            invalid = true;
            return -9223372036854775808;
          }
          return castValue(v, dtype);
        }
      : (v: number) => castValue(v, dtype);
  unaryInto(a, out, f);
  if (invalid) warn('invalid value encountered in cast');
  return out;
}

/** `np.isclose(a, b, rtol, atol, equal_nan)`. */
export function isclose(x: Operand, y: Operand, rtol = 1e-5, atol = 1e-8, equalNan = false): NDArray {
  const a = toArray(x), b = toArray(y);
  const shape = broadcastShapes(a.shape, b.shape);
  const out = newArray(shape, 'bool');
  const av = broadcastTo(a, shape), bv = broadcastTo(b, shape);
  const ao: number[] = [];
  forEachOffset(av, (o) => ao.push(o));
  let k = 0;
  forEachOffset(bv, (o) => {
    const p = a.data[ao[k]], q = b.data[o];
    let r = (Math.abs(p - q) <= atol + rtol * Math.abs(q) && Number.isFinite(q)) || p === q;
    if (equalNan && p !== p && q !== q) r = true;
    out.data[k++] = r ? 1 : 0;
  });
  if (out.ndim === 0) out.isScalar = true;
  return out;
}

export function allclose(x: Operand, y: Operand, rtol = 1e-5, atol = 1e-8, equalNan = false): boolean {
  const r = isclose(x, y, rtol, atol, equalNan);
  for (let i = 0; i < r.size; i++) if (!r.data[i]) return false;
  return true;
}

export function arrayEqual(x: Operand, y: Operand, equalNan = false): boolean {
  const a = toArray(x), b = toArray(y);
  if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return false;
  const fa = a.toFlat(), fb = b.toFlat();
  for (let i = 0; i < fa.length; i++) {
    if (fa[i] === fb[i]) continue;
    if (equalNan && fa[i] !== fa[i] && fb[i] !== fb[i]) continue;
    return false;
  }
  return true;
}

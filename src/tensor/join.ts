// Joining and splitting: concatenate, stack, vstack, hstack, split/array_split, tile, repeat
// (numpy/_core/shape_base.py, numpy/lib/_shape_base_impl.py semantics and messages).

import { promote, type DType } from './dtype';
import { copyInto } from './elementwise';
import { normAxis, TensorError, valueError } from './errors';
import { newArray, NDArray, view } from './ndarray';
import { expandDims, reshape } from './shape';
import { slice1 } from './slicing';

/** Copies `src` into the region of `dst` starting at `start` along `axis`. */
function place(dst: NDArray, src: NDArray, axis: number, start: number): void {
  const shape = dst.shape.slice();
  shape[axis] = src.shape[axis];
  const region = view(dst, shape, dst.strides, dst.offset + start * dst.strides[axis]);
  copyInto(src, region);
}

export function concatenate(arrays: readonly NDArray[], axis: number | null = 0): NDArray {
  if (arrays.length === 0) throw valueError('need at least one array to concatenate');
  if (axis === null) return concatenate(arrays.map((a) => reshape(a, [a.size])), 0);
  const first = arrays[0];
  if (first.ndim === 0) throw valueError('zero-dimensional arrays cannot be concatenated');
  const ax = normAxis(axis, first.ndim);
  let dtype: DType = first.dtype;
  let total = 0;
  arrays.forEach((a, i) => {
    if (a.ndim !== first.ndim)
      throw valueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    for (let d = 0; d < a.ndim; d++)
      if (d !== ax && a.shape[d] !== first.shape[d])
        throw valueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${i} has size ${a.shape[d]}`,
        );
    dtype = promote(dtype, a.dtype);
    total += a.shape[ax];
  });
  const shape = first.shape.slice();
  shape[ax] = total;
  const out = newArray(shape, dtype);
  let pos = 0;
  for (const a of arrays) {
    place(out, a, ax, pos);
    pos += a.shape[ax];
  }
  return out;
}

export function stack(arrays: readonly NDArray[], axis = 0): NDArray {
  if (arrays.length === 0) throw valueError('need at least one array to stack');
  const s0 = arrays[0].shape;
  for (const a of arrays)
    if (a.ndim !== s0.length || a.shape.some((d, i) => d !== s0[i])) throw valueError('all input arrays must have the same shape');
  const ax = normAxis(axis, s0.length + 1);
  return concatenate(arrays.map((a) => expandDims(a, ax)), ax);
}

const atLeast2d = (a: NDArray) => (a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a);
const atLeast1d = (a: NDArray) => (a.ndim === 0 ? reshape(a, [1]) : a);

export const vstack = (arrays: readonly NDArray[]) => concatenate(arrays.map(atLeast2d), 0);
export function hstack(arrays: readonly NDArray[]): NDArray {
  const as = arrays.map(atLeast1d);
  return concatenate(as, as.length && as[0].ndim === 1 ? 0 : 1);
}

/** `np.split(a, sections_or_indices, axis)`; `strict=false` is `array_split`. */
export function split(a: NDArray, spec: number | readonly number[], axis = 0, strict = true): NDArray[] {
  const ax = normAxis(axis, a.ndim);
  const n = a.shape[ax];
  let bounds: number[];
  if (typeof spec === 'number') {
    // np.split computes `N % sections` first (Python's ZeroDivisionError for 0).
    if (strict && spec === 0) throw new TensorError('ZeroDivisionError', 'integer modulo by zero');
    if (spec <= 0) throw valueError('number sections must be larger than 0.');
    if (strict && n % spec !== 0) throw valueError('array split does not result in an equal division');
    const each = Math.floor(n / spec), extra = n % spec;
    bounds = [0];
    for (let i = 0; i < spec; i++) bounds.push(bounds[i] + each + (i < extra ? 1 : 0));
  } else bounds = [0, ...spec, n];
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push(slice1(a, ax, bounds[i], bounds[i + 1]));
  return out;
}

export function tile(a: NDArray, reps: number | readonly number[]): NDArray {
  const r = typeof reps === 'number' ? [reps] : reps.slice();
  const nd = Math.max(a.ndim, r.length);
  while (r.length < nd) r.unshift(1);
  let cur = reshape(a, [...Array(nd - a.ndim).fill(1), ...a.shape]);
  let copied = false;
  for (let d = 0; d < nd; d++)
    if (r[d] !== 1) {
      cur = concatenate(Array(r[d]).fill(cur), d);
      copied = true;
    }
  if (copied) return cur;
  const out = newArray(cur.shape, a.dtype);
  copyInto(cur, out);
  return out;
}

/** `np.repeat(a, repeats, axis=None)`; repeats is an int or one count per element along the axis. */
export function repeat(a: NDArray, repeats: number | readonly number[], axis: number | null = null): NDArray {
  const src = axis === null ? reshape(a, [a.size]) : a;
  const ax = axis === null ? 0 : normAxis(axis, a.ndim);
  const n = src.shape[ax];
  const counts = typeof repeats === 'number' ? Array(n).fill(repeats) : repeats;
  if (counts.length !== n)
    throw valueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
  if (counts.some((c) => c < 0)) throw valueError('repeats may not contain negative values.');
  const parts: NDArray[] = [];
  for (let i = 0; i < n; i++) for (let k = 0; k < counts[i]; k++) parts.push(slice1(src, ax, i, i + 1));
  if (parts.length === 0) {
    const shape = src.shape.slice();
    shape[ax] = 0;
    return newArray(shape, a.dtype);
  }
  return concatenate(parts, ax);
}


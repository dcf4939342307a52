// Array creation: array/asarray from nested lists, zeros/ones/full/empty (+ _like), arange, linspace,
// eye/identity, diag. Value computations follow numpy/_core/src/multiarray (arange fills start + i*delta
// with delta = (start+step)-start) and numpy/_core/function_base.py (linspace: i*step + start, last = stop).

import { castValue, promote, scalarDType, scalarValue, type DType, type PyScalar } from './dtype';
import { TensorError, valueError } from './errors';
import { copy, forEachOffset, newArray, NDArray } from './ndarray';

/** Nested Python lists/tuples as the interpreter hands them over. */
export type Nested = PyScalar | NDArray | readonly Nested[];
export type ShapeArg = number | readonly number[];

export function toShape(s: ShapeArg): number[] {
  const shape = typeof s === 'number' ? [s] : s.slice();
  if (shape.some((d) => d < 0)) throw valueError('negative dimensions are not allowed');
  return shape;
}

/** `np.array(obj, dtype=None, copy=True)`. */
export function array(obj: Nested, dtype?: DType): NDArray {
  if (obj instanceof NDArray) return copy(obj, dtype ?? obj.dtype);
  const shape = inferShape(obj);
  const flat: Nested[] = [];
  flatten(obj, shape.length, flat);
  let dt: DType = 'bool';
  const vals = new Array<number>(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (v instanceof NDArray) {
      dt = promote(dt, v.dtype);
      vals[i] = v.item();
    } else {
      dt = promote(dt, scalarDType(v as PyScalar));
      vals[i] = scalarValue(v as PyScalar);
    }
  }
  if (flat.length === 0) dt = 'float64';
  const out = newArray(shape, dtype ?? dt);
  const target = dtype ?? dt;
  for (let i = 0; i < vals.length; i++) out.data[i] = castValue(vals[i], target);
  return out;
}

/** `np.asarray`: the same object when no conversion is needed. */
export function asarray(obj: Nested, dtype?: DType): NDArray {
  if (obj instanceof NDArray && (!dtype || dtype === obj.dtype)) return obj;
  return array(obj, dtype);
}

function inferShape(obj: Nested): number[] {
  if (obj instanceof NDArray) return obj.shape.slice();
  if (!Array.isArray(obj)) return [];
  const list = obj as readonly Nested[];
  if (list.length === 0) return [0];
  const subs = list.map(inferShape);
  const first = subs[0];
  for (const s of subs) {
    if (s.length !== first.length || s.some((d, i) => d !== first[i])) {
      // Find how many leading dims agree, as NumPy reports it.
      let k = 0;
      while (subs.every((t) => t.length > k && t[k] === first[k])) k++;
      const detected = [list.length, ...first.slice(0, k)];
      throw valueError(
        `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${detected.length} dimensions. The detected shape was ${tupleStr(detected)} + inhomogeneous part.`,
      );
    }
  }
  return [list.length, ...first];
}

function flatten(obj: Nested, depth: number, out: Nested[]): void {
  if (depth === 0) {
    out.push(obj);
    return;
  }
  if (obj instanceof NDArray) {
    const a = obj;
    forEachOffset(a, (o) => {
      const s = new NDArray(a.data, [], [], o, a.dtype);
      out.push(s);
    });
    return;
  }
  for (const x of obj as readonly Nested[]) flatten(x, depth - 1, out);
}

/** Python's tuple repr of a shape: `(2,)`, `(2, 3)`. */
export function tupleStr(t: readonly number[]): string {
  return t.length === 1 ? `(${t[0]},)` : `(${t.join(', ')})`;
}

export function full(shape: ShapeArg, fill: PyScalar | NDArray, dtype?: DType): NDArray {
  const dt = dtype ?? (fill instanceof NDArray ? fill.dtype : scalarDType(fill));
  const out = newArray(toShape(shape), dt);
  const v = castValue(fill instanceof NDArray ? fill.item() : scalarValue(fill), dt);
  if (v !== 0) out.data.fill(v);
  return out;
}

export const zeros = (shape: ShapeArg, dtype: DType = 'float64') => newArray(toShape(shape), dtype);
export const empty = zeros;
export const ones = (shape: ShapeArg, dtype: DType = 'float64') => full(shape, 1, dtype);
export const zerosLike = (a: NDArray, dtype: DType = a.dtype) => zeros(a.shape, dtype);
export const emptyLike = zerosLike;
export const onesLike = (a: NDArray, dtype: DType = a.dtype) => ones(a.shape, dtype);
export const fullLike = (a: NDArray, fill: PyScalar, dtype: DType = a.dtype) => full(a.shape, fill, dtype);

/** `np.arange(start, stop, step)`; with one argument it is the stop. */
export function arange(start: PyScalar, stop?: PyScalar | null, step: PyScalar = 1n, dtype?: DType): NDArray {
  if (stop === undefined || stop === null) {
    stop = start;
    start = 0n;
  }
  const dt = dtype ?? promote(promote(scalarDType(start), scalarDType(stop)), scalarDType(step));
  const s0 = scalarValue(start), s1 = scalarValue(stop), st = scalarValue(step);
  if (st === 0) throw new TensorError('ZeroDivisionError', 'division by zero');
  const len = Math.max(0, Math.ceil((s1 - s0) / st));
  if (!Number.isFinite(len)) throw valueError('Maximum allowed size exceeded');
  const out = newArray([len], dt === 'bool' ? 'int64' : dt);
  const delta = s0 + st - s0;
  for (let i = 0; i < len; i++) out.data[i] = s0 + i * delta;
  if (len > 0) out.data[0] = s0;
  return out;
}

/** `np.linspace(start, stop, num=50, endpoint=True)` (float64). */
export function linspace(start: number, stop: number, num = 50, endpoint = true): NDArray {
  if (num < 0) throw valueError(`Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const out = newArray([num], 'float64');
  const delta = stop - start;
  const d = out.data;
  if (div > 0) {
    const step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) d[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) d[i] = i * step + start;
  } else for (let i = 0; i < num; i++) d[i] = i * delta + start;
  if (endpoint && num > 1) d[num - 1] = stop;
  return out;
}

export function eye(n: number, m: number = n, k = 0, dtype: DType = 'float64'): NDArray {
  const out = newArray([n, m], dtype);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < m) out.data[i * m + j] = 1;
  }
  return out;
}

export const identity = (n: number, dtype: DType = 'float64') => eye(n, n, 0, dtype);

/** `np.diag`: a 1-D input builds a matrix, a 2-D input extracts the k-th diagonal (as a copy). */
export function diag(v: NDArray, k = 0): NDArray {
  if (v.ndim === 1) {
    const n = v.shape[0] + Math.abs(k);
    const out = newArray([n, n], v.dtype);
    for (let i = 0; i < v.shape[0]; i++) {
      const r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i;
      out.data[r * n + c] = v.data[v.offset + i * v.strides[0]];
    }
    return out;
  }
  if (v.ndim === 2) {
    const [r, c] = v.shape;
    const len = Math.max(0, k >= 0 ? Math.min(r, c - k) : Math.min(r + k, c));
    const out = newArray([len], v.dtype);
    for (let i = 0; i < len; i++) {
      const row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
      out.data[i] = v.data[v.offset + row * v.strides[0] + col * v.strides[1]];
    }
    return out;
  }
  throw valueError('Input must be 1- or 2-d.');
}

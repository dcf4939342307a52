// Shape manipulation that returns views when NumPy does: reshape (when the strides allow it), ravel
// (of contiguous arrays), transpose/.T, squeeze, expand_dims, swapaxes; flatten always copies.

import { shapeStr } from './broadcast';
import { tupleStr } from './create';
import { normAxis, TensorError, valueError } from './errors';
import { copy, cStrides, NDArray, shapeSize, view } from './ndarray';

/** Resolves one -1 entry of a requested shape, or NumPy's reshape ValueError. */
export function resolveShape(size: number, req: readonly number[]): number[] {
  const shape = req.slice();
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === -1) {
      if (unknown >= 0) throw valueError('can only specify one unknown dimension');
      unknown = i;
    } else if (shape[i] < 0) throw valueError('negative dimensions not allowed');
    else known *= shape[i];
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw reshapeError(size, req);
    shape[unknown] = size / known;
  } else if (known !== size) throw reshapeError(size, req);
  return shape;
}

function reshapeError(size: number, req: readonly number[]): TensorError {
  return valueError(`cannot reshape array of size ${size} into shape ${shapeStr(req)}`);
}

/**
 * Strides for viewing `a` with `shape` without copying (numpy _attempt_nocopy_reshape, C order),
 * or null when a copy is needed.
 */
function nocopyStrides(a: NDArray, shape: readonly number[]): number[] | null {
  const oldDims: number[] = [], oldStrides: number[] = [];
  for (let i = 0; i < a.ndim; i++)
    if (a.shape[i] !== 1) {
      oldDims.push(a.shape[i]);
      oldStrides.push(a.strides[i]);
    }
  const newStrides = new Array<number>(shape.length).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  const ond = oldDims.length, nnd = shape.length;
  while (ni < nnd && oi < ond) {
    let np_ = shape[ni], op = oldDims[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= shape[nj++];
      else op *= oldDims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) if (oldStrides[ok] !== oldDims[ok + 1] * oldStrides[ok + 1]) return null;
    newStrides[nj - 1] = oldStrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * shape[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni > 0 ? newStrides[ni - 1] : 1;
  for (let k = ni; k < nnd; k++) newStrides[k] = last;
  return newStrides;
}

/** `a.reshape(shape)`: a view when possible, else a copy. */
export function reshape(a: NDArray, req: readonly number[]): NDArray {
  const shape = resolveShape(a.size, req);
  if (a.size === 0) return view(a, shape, cStrides(shape), a.offset);
  const st = nocopyStrides(a, shape);
  if (st) return view(a, shape, st, a.offset);
  const c = copy(a);
  return new NDArray(c.data, shape, cStrides(shape), 0, a.dtype);
}

export const ravel = (a: NDArray) => reshape(a, [a.size]);
export const flatten = (a: NDArray) => copy(reshape(a, [a.size]));

/** `np.transpose(a, axes)`; without axes reverses them (`.T`). */
export function transpose(a: NDArray, axes?: readonly number[]): NDArray {
  const nd = a.ndim;
  if (!axes) {
    // `.T` (hot in training loops): reversed axes, plain loops.
    const shape = new Array<number>(nd), strides = new Array<number>(nd);
    for (let i = 0; i < nd; i++) (shape[i] = a.shape[nd - 1 - i]), (strides[i] = a.strides[nd - 1 - i]);
    return view(a, shape, strides, a.offset);
  }
  if (axes && axes.length !== nd) throw valueError("axes don't match array");
  const perm = axes ? axes.map((ax) => normAxis(ax, nd)) : [...Array(nd).keys()].reverse();
  if (new Set(perm).size !== nd) throw valueError('repeated axis in transpose');
  return view(a, perm.map((p) => a.shape[p]), perm.map((p) => a.strides[p]), a.offset);
}

export function swapaxes(a: NDArray, i: number, j: number): NDArray {
  const perm = [...Array(a.ndim).keys()];
  const x = normAxis(i, a.ndim), y = normAxis(j, a.ndim);
  [perm[x], perm[y]] = [perm[y], perm[x]];
  return transpose(a, perm);
}

/** `np.squeeze(a, axis=None)`. */
export function squeeze(a: NDArray, axis?: number | readonly number[]): NDArray {
  let drop: Set<number>;
  if (axis === undefined) drop = new Set(a.shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  else {
    drop = new Set((typeof axis === 'number' ? [axis] : axis).map((ax) => normAxis(ax, a.ndim)));
    for (const d of drop) if (a.shape[d] !== 1) throw valueError('cannot select an axis to squeeze out which has size not equal to one');
  }
  const keep = [...Array(a.ndim).keys()].filter((i) => !drop.has(i));
  return view(a, keep.map((i) => a.shape[i]), keep.map((i) => a.strides[i]), a.offset);
}

/** `np.expand_dims(a, axis)` (axis int or tuple), a view. */
export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray {
  const axes = typeof axis === 'number' ? [axis] : axis;
  const nd = a.ndim + axes.length;
  const pos = axes.map((ax) => normAxis(ax, nd));
  if (new Set(pos).size !== pos.length) throw valueError('repeated axis');
  const shape: number[] = [], strides: number[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) {
    if (pos.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(a.shape[k]);
      strides.push(a.strides[k++]);
    }
  }
  return view(a, shape, strides, a.offset);
}

export function shapeTuple(shape: readonly number[]): string {
  return tupleStr(shape);
}

export { shapeSize };

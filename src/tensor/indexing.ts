// Indexing and assignment (numpy/_core/src/multiarray/mapping.c semantics): integers, slices, None,
// Ellipsis give views; integer and boolean arrays ("advanced" indices) broadcast together and gather
// copies. When the advanced indices are adjacent their result dims stay in place, otherwise they go
// first. Assignment broadcasts the value to the indexed shape; with repeated indices the last write wins.

import { broadcastShapes, broadcastTo, shapeStr } from './broadcast';
import { castValue, scalarValue, type PyScalar } from './dtype';
import { identity, unaryInto } from './elementwise';
import { indexError, TensorError } from './errors';
import { forEachOffset, newArray, NDArray, shapeSize, view } from './ndarray';
import { scalarToArray } from './operand';
import { adjustSlice } from './slicing';

export interface Slice {
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;
}
/** One index item as the interpreter builds it: int, slice, `null` (None/newaxis), '...', int/bool array. */
export type IndexItem = number | Slice | null | '...' | NDArray;

export const slice = (start: number | null = null, stop: number | null = null, step: number | null = null): Slice => ({ start, stop, step });

type Resolved =
  | { kind: 'view'; view: NDArray; allInts: boolean }
  | { kind: 'fancy'; shape: number[]; offsets: Float64Array; src: NDArray };

const isSlice = (x: IndexItem): x is Slice => typeof x === 'object' && x !== null && !(x instanceof NDArray);

function outOfBounds(i: number, axis: number, n: number): TensorError {
  return indexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
}

function resolve(a: NDArray, index: IndexItem | readonly IndexItem[]): Resolved {
  let items: IndexItem[] = Array.isArray(index) ? (index as IndexItem[]).slice() : [index as IndexItem];
  // Boolean arrays consume as many dims as they have; expand them to integer arrays (nonzero).
  const consumed = (x: IndexItem) => (x === null || x === '...' ? 0 : x instanceof NDArray && x.dtype === 'bool' ? x.ndim : 1);
  const nEll = items.filter((x) => x === '...').length;
  if (nEll > 1) throw indexError("an index can only have a single ellipsis ('...')");
  const used = items.reduce<number>((s, x) => s + consumed(x), 0);
  if (used > a.ndim)
    throw indexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${used} were indexed`);
  const e = items.indexOf('...');
  const fill: IndexItem[] = Array(a.ndim - used).fill(slice());
  if (e >= 0) items.splice(e, 1, ...fill);
  else items.push(...fill);
  const hasAdvanced = items.some((x) => x instanceof NDArray);
  // Pass 1: basic indexing; advanced entries keep their dim and remember its position in the view.
  const shape: number[] = [], strides: number[] = [];
  let offset = a.offset, dim = 0;
  const adv: { pos: number; idx: NDArray; axis: number }[] = [];
  let allInts = e < 0;
  const expanded: IndexItem[] = [];
  for (const it of items) {
    if (it instanceof NDArray && it.dtype === 'bool') {
      for (let k = 0; k < it.ndim; k++)
        if (it.shape[k] !== a.shape[dim + k])
          throw indexError(
            `boolean index did not match indexed array along axis ${dim + k}; size of axis is ${a.shape[dim + k]} but size of corresponding boolean axis is ${it.shape[k]}`,
          );
      expanded.push(...nonzero(it));
      dim += it.ndim;
    } else {
      expanded.push(it);
      dim += consumed(it);
    }
  }
  dim = 0;
  for (const it of expanded) {
    if (it === null) {
      shape.push(1);
      strides.push(0);
      allInts = false;
    } else if (typeof it === 'number') {
      const n = a.shape[dim];
      if (it < -n || it >= n) throw outOfBounds(it, dim, n);
      if (hasAdvanced) {
        adv.push({ pos: shape.length, idx: scalarToArray(BigInt(it)), axis: dim });
        shape.push(n);
        strides.push(a.strides[dim]);
      } else offset += (it < 0 ? it + n : it) * a.strides[dim];
      dim++;
    } else if (isSlice(it)) {
      const [s, st, len] = adjustSlice(a.shape[dim], it.start, it.stop, it.step);
      shape.push(len);
      strides.push(a.strides[dim] * st);
      if (len > 0) offset += s * a.strides[dim];
      dim++;
      allInts = false;
    } else if (it instanceof NDArray) {
      if (it.dtype === 'float64') throw indexError('arrays used as indices must be of integer (or boolean) type');
      adv.push({ pos: shape.length, idx: it, axis: dim });
      shape.push(a.shape[dim]);
      strides.push(a.strides[dim]);
      dim++;
      allInts = false;
    }
  }
  const v = view(a, shape, strides, offset);
  if (!adv.length) return { kind: 'view', view: v, allInts };
  return fancy(v, adv, a);
}

function fancy(v: NDArray, adv: { pos: number; idx: NDArray; axis: number }[], a: NDArray): Resolved {
  let bshape: number[];
  try {
    bshape = broadcastShapes(...adv.map((x) => x.idx.shape));
  } catch {
    throw indexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${adv.map((x) => shapeStr(x.idx.shape)).join(' ')} `);
  }
  const nb = shapeSize(bshape);
  // Offset contribution of the advanced indices for each broadcast position.
  const advOff = new Float64Array(nb);
  for (const { pos, idx, axis } of adv) {
    const n = v.shape[pos];
    const b = broadcastTo(idx, bshape);
    let k = 0;
    forEachOffset(b, (o) => {
      let i = b.data[o];
      if (i < -n || i >= n) throw outOfBounds(i, axis, n);
      if (i < 0) i += n;
      advOff[k++] += i * v.strides[pos];
    });
  }
  const advPos = adv.map((x) => x.pos);
  const consecutive = advPos.every((p, i) => i === 0 || p === advPos[i - 1] + 1);
  const restDims = [...Array(v.ndim).keys()].filter((d) => !advPos.includes(d));
  const insertAt = consecutive ? advPos[0] : 0;
  const restBefore = consecutive ? restDims.filter((d) => d < insertAt) : [];
  const restAfter = restDims.filter((d) => !restBefore.includes(d));
  const outShape = [...restBefore.map((d) => v.shape[d]), ...bshape, ...restAfter.map((d) => v.shape[d])];
  const nbefore = restBefore.length, nbd = bshape.length;
  const total = shapeSize(outShape);
  const offsets = new Float64Array(total);
  if (total > 0) {
    const idx = new Array<number>(outShape.length).fill(0);
    const bStr = new Array<number>(nbd);
    for (let i = nbd - 1, s = 1; i >= 0; i--) (bStr[i] = s), (s *= bshape[i]);
    for (let k = 0; k < total; k++) {
      let off = v.offset, bflat = 0;
      for (let d = 0; d < outShape.length; d++) {
        if (d < nbefore) off += idx[d] * v.strides[restBefore[d]];
        else if (d < nbefore + nbd) bflat += idx[d] * bStr[d - nbefore];
        else off += idx[d] * v.strides[restAfter[d - nbefore - nbd]];
      }
      offsets[k] = off + advOff[bflat];
      for (let d = outShape.length - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) break;
        idx[d] = 0;
      }
    }
  }
  return { kind: 'fancy', shape: outShape, offsets, src: a };
}

/** `np.nonzero(a)`: one int64 index array per dimension. */
export function nonzero(a: NDArray): NDArray[] {
  const hits: number[][] = Array.from({ length: Math.max(a.ndim, 1) }, () => []);
  const idx = new Array<number>(a.ndim).fill(0);
  forEachOffset(a, (o) => {
    if (a.data[o] !== 0) for (let d = 0; d < a.ndim; d++) hits[d].push(idx[d]);
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  });
  if (a.ndim === 0) return [];
  return hits.map((h) => {
    const r = newArray([h.length], 'int64');
    r.data.set(h);
    return r;
  });
}

/** `a[index]`: a view for basic indices, a copy for advanced ones, a numpy scalar for all-int. */
/** The data offset of `a[i0, i1, …]` when the index is one integer per axis, else -1: the element access
 * of Python loops (`x[i]`, `M[i, j]`), which need none of resolve's planning. Same bounds error. */
function elementOffset(a: NDArray, index: IndexItem | readonly IndexItem[]): number {
  if (typeof index === 'number') {
    if (a.ndim !== 1) return -1;
    const n = a.shape[0];
    if (index < -n || index >= n) throw outOfBounds(index, 0, n);
    return a.offset + (index < 0 ? index + n : index) * a.strides[0];
  }
  if (!Array.isArray(index) || index.length !== a.ndim) return -1;
  for (let d = 0; d < index.length; d++) if (typeof index[d] !== 'number') return -1;
  let off = a.offset;
  for (let d = 0; d < index.length; d++) {
    const i = index[d] as number, n = a.shape[d];
    if (i < -n || i >= n) throw outOfBounds(i, d, n);
    off += (i < 0 ? i + n : i) * a.strides[d];
  }
  return off;
}

export function getItem(a: NDArray, index: IndexItem | readonly IndexItem[]): NDArray {
  const e = elementOffset(a, index);
  if (e >= 0) {
    const s = newArray([], a.dtype);
    s.data[0] = a.data[e];
    s.isScalar = true;
    return s;
  }
  const r = resolve(a, index);
  if (r.kind === 'view') {
    if (r.allInts && r.view.ndim === 0) {
      const s = newArray([], a.dtype);
      s.data[0] = r.view.data[r.view.offset];
      s.isScalar = true;
      return s;
    }
    return r.view;
  }
  const out = newArray(r.shape, a.dtype);
  for (let i = 0; i < r.offsets.length; i++) out.data[i] = a.data[r.offsets[i]];
  return out;
}

/** `a[index] = value` with broadcasting and casting to a's dtype. */
export function setItem(a: NDArray, index: IndexItem | readonly IndexItem[], value: NDArray | PyScalar): void {
  if (!(value instanceof NDArray)) {
    const e = elementOffset(a, index);
    if (e >= 0) {
      a.data[e] = castValue(scalarValue(value), a.dtype);
      return;
    }
  }
  const r = resolve(a, index);
  const shape = r.kind === 'view' ? r.view.shape : r.shape;
  let val: NDArray;
  if (value instanceof NDArray) val = value;
  else {
    const v = castValue(scalarValue(value), a.dtype);
    val = scalarToArray(0, a.dtype);
    val.data[0] = v;
  }
  let b: NDArray;
  try {
    b = broadcastTo(val, shape);
  } catch {
    throw new TensorError('ValueError', `could not broadcast input array from shape ${shapeStr(val.shape)} into shape ${shapeStr(shape)}`);
  }
  const cast = a.dtype === 'float64' ? identity : (x: number) => castValue(x, a.dtype);
  if (r.kind === 'view') {
    unaryInto(b, r.view, cast);
    return;
  }
  const flat = newArray(shape, a.dtype);
  unaryInto(b, flat, cast);
  for (let i = 0; i < r.offsets.length; i++) a.data[r.offsets[i]] = flat.data[i];
}

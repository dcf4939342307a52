// The NDArray: a typed view (shape, element strides, offset) over a shared Float64Array buffer.
// Basic slicing, transpose and reshape-when-possible make new NDArray objects over the same buffer.

import { castValue, type DType } from './dtype';
import { allocate } from './errors';

export class NDArray {
  /**
   * `isScalar` marks a 0-d result that NumPy would return as a numpy scalar (`np.float64(1.5)`):
   * ufunc and reduction results and integer indexing. `array(1.5)` is a 0-d array, not a scalar.
   */
  isScalar = false;

  constructor(
    readonly data: Float64Array,
    readonly shape: readonly number[],
    /** Strides in elements (NumPy's byte strides are these × 8; see `byteStrides`). */
    readonly strides: readonly number[],
    readonly offset: number,
    readonly dtype: DType,
    /** The array whose buffer this one views (NumPy's `.base`), null when it owns its data. */
    readonly base: NDArray | null = null,
  ) {}

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return shapeSize(this.shape);
  }
  get itemsize(): number {
    return this.dtype === 'bool' ? 1 : 8;
  }
  get nbytes(): number {
    return this.size * this.itemsize;
  }
  get byteStrides(): number[] {
    const isz = this.itemsize;
    return this.strides.map((s) => s * isz);
  }
  /** True when the elements are laid out in C order without gaps starting at `offset`. */
  get isContiguous(): boolean {
    const shape = this.shape, strides = this.strides;
    let expect = 1;
    for (let i = shape.length - 1; i >= 0; i--) {
      if (shape[i] === 1) continue;
      if (strides[i] !== expect) return shapeSize(shape) === 0;
      expect *= shape[i];
    }
    return true;
  }

  /** The element at a full multi-index (no bounds checks; internal). */
  at(...idx: number[]): number {
    let o = this.offset;
    for (let i = 0; i < idx.length; i++) o += idx[i] * this.strides[i];
    return this.data[o];
  }

  /** The single element of a size-1 array, as a JS number (bool as 0/1). */
  item(): number {
    return this.data[this.offset];
  }

  /** Elements in C order as numbers (copies). */
  toFlat(): Float64Array {
    if (this.isContiguous) return this.data.slice(this.offset, this.offset + this.size);
    const out = new Float64Array(this.size);
    let k = 0;
    forEachOffset(this, (o) => {
      out[k++] = this.data[o];
    });
    return out;
  }

  /** Nested JS lists like `tolist()` (numbers; bool arrays give booleans). */
  toList(): unknown {
    const flat = this.toFlat();
    const conv = this.dtype === 'bool' ? (v: number) => v !== 0 : (v: number) => v;
    if (this.ndim === 0) return conv(flat[0]);
    let k = 0;
    const build = (d: number): unknown[] => {
      const out: unknown[] = [];
      for (let i = 0; i < this.shape[d]; i++) out.push(d === this.ndim - 1 ? conv(flat[k++]) : build(d + 1));
      return out;
    };
    return build(0);
  }
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function cStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return st;
}

/** A fresh zero-filled C-contiguous array (charges the allocation cap). */
export function newArray(shape: readonly number[], dtype: DType): NDArray {
  const n = shapeSize(shape);
  return new NDArray(allocate(n, shape, dtype), shape.slice(), cStrides(shape), 0, dtype);
}

/** A fresh C-contiguous array over existing data (data must have exactly size elements). */
export function fromData(data: Float64Array, shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(data, shape.slice(), cStrides(shape), 0, dtype);
}

/** A view with new geometry over the same buffer; `base` points at the owner. */
export function view(a: NDArray, shape: readonly number[], strides: readonly number[], offset: number): NDArray {
  return new NDArray(a.data, shape, strides, offset, a.dtype, a.base ?? a);
}

/** Calls f with the buffer offset of every element in C order. */
export function forEachOffset(a: NDArray, f: (o: number) => void): void {
  const { shape, strides } = a;
  const nd = shape.length;
  const n = shapeSize(shape);
  if (n === 0) return;
  if (nd === 0) return f(a.offset);
  const idx = new Array<number>(nd).fill(0);
  const last = nd - 1;
  const ls = strides[last];
  const ln = shape[last];
  let base = a.offset;
  for (;;) {
    for (let i = 0, o = base; i < ln; i++, o += ls) f(o);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      base += strides[d];
      if (idx[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** A C-contiguous copy (always a new buffer), optionally cast to another dtype. */
export function copy(a: NDArray, dtype: DType = a.dtype): NDArray {
  const out = newArray(a.shape, dtype);
  const src = a.data;
  const dst = out.data;
  let k = 0;
  if (dtype === a.dtype || dtype === 'float64' || (dtype === 'int64' && a.dtype === 'bool')) {
    if (a.isContiguous) dst.set(src.subarray(a.offset, a.offset + a.size));
    else forEachOffset(a, (o) => (dst[k++] = src[o]));
  } else {
    forEachOffset(a, (o) => (dst[k++] = castValue(src[o], dtype)));
  }
  return out;
}

/** A contiguous array with the same contents: `a` itself when already contiguous. */
export function ascontiguous(a: NDArray): NDArray {
  return a.isContiguous && a.offset === 0 && a.data.length === a.size ? a : copy(a);
}

export function scalarArray(v: number, dtype: DType): NDArray {
  const a = newArray([], dtype);
  a.data[0] = v;
  a.isScalar = true;
  return a;
}

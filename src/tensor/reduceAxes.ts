// Shared axis handling for reductions: normalising `axis` (int, tuple, None), the kept/reduced split,
// output shapes with and without keepdims, and iteration over output positions.

import { normAxis, valueError } from './errors';
import { NDArray } from './ndarray';

export type AxisArg = number | readonly number[] | null | undefined;

export interface AxisPlan {
  readonly reduced: number[]; // sorted axes being reduced
  readonly kept: number[];
  readonly outShape: number[]; // without keepdims
  readonly keepShape: number[]; // with keepdims
  readonly count: number; // elements per output
}

export function planAxes(a: NDArray, axis: AxisArg): AxisPlan {
  const nd = a.ndim;
  // isReduced[d]: axis d is reduced (plain loops: this runs for every reduction in a training loop).
  const isReduced = new Array<boolean>(nd).fill(axis === null || axis === undefined);
  if (axis !== null && axis !== undefined) {
    const list = typeof axis === 'number' ? [axis] : axis;
    for (let i = 0; i < list.length; i++) {
      const d = normAxis(list[i], nd);
      if (isReduced[d]) throw valueError("duplicate value in 'axis'");
      isReduced[d] = true;
    }
  }
  const reduced: number[] = [], kept: number[] = [], outShape: number[] = [], keepShape = new Array<number>(nd);
  let count = 1;
  for (let d = 0; d < nd; d++) {
    if (isReduced[d]) {
      reduced.push(d);
      count *= a.shape[d];
      keepShape[d] = 1;
    } else {
      kept.push(d);
      outShape.push(a.shape[d]);
      keepShape[d] = a.shape[d];
    }
  }
  return { reduced, kept, outShape, keepShape, count };
}

/** Calls f(outIndex, baseOffset) for every output position in C order. */
export function forEachOutput(a: NDArray, kept: readonly number[], f: (k: number, base: number) => void): void {
  const shape = kept.map((d) => a.shape[d]);
  const strides = kept.map((d) => a.strides[d]);
  let total = 1;
  for (const s of shape) total *= s;
  if (total === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  let base = a.offset;
  for (let k = 0; k < total; k++) {
    f(k, base);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]++;
      base += strides[d];
      if (idx[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** Calls f(offset) for every element of the reduced sub-array at `base`, in C order of `dims`. */
export function forEachReduced(a: NDArray, dims: readonly number[], base: number, f: (o: number) => void): void {
  const shape = dims.map((d) => a.shape[d]);
  const strides = dims.map((d) => a.strides[d]);
  let total = 1;
  for (const s of shape) total *= s;
  if (total === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  let o = base;
  for (let k = 0; k < total; k++) {
    f(o);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]++;
      o += strides[d];
      if (idx[d] < shape[d]) break;
      o -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

// Python slice semantics (PySlice_AdjustIndices) and single-axis slice views.

import { valueError } from './errors';
import { NDArray, view } from './ndarray';

/** start/stop/step clamped like CPython's PySlice_AdjustIndices; returns [start, step, length]. */
export function adjustSlice(n: number, start: number | null, stop: number | null, step: number | null): [number, number, number] {
  const st = step ?? 1;
  if (st === 0) throw valueError('slice step cannot be zero');
  let s: number, e: number;
  if (st > 0) {
    s = start === null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    e = stop === null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
  } else {
    s = start === null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
    e = stop === null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
  }
  const len = st > 0 ? (e > s ? Math.floor((e - s - 1) / st) + 1 : 0) : s > e ? Math.floor((s - e - 1) / -st) + 1 : 0;
  return [s, st, len];
}

/** The view a[..., start:stop, ...] along one axis (start/stop already within [0, n]). */
export function slice1(a: NDArray, axis: number, start: number, stop: number): NDArray {
  const shape = a.shape.slice();
  shape[axis] = Math.max(0, stop - start);
  return view(a, shape, a.strides, a.offset + (shape[axis] > 0 ? start * a.strides[axis] : 0));
}

// Broadcasting (numpy/_core/src/multiarray/nditer_constr.c semantics): align shapes from the right;
// each pair of dims must be equal or contain a 1. The error lists every operand's shape followed by a
// space, exactly as NumPy formats it.

import { TensorError } from './errors';
import { NDArray, view } from './ndarray';

/**
 * A shape as NumPy's C code prints it in messages (convert_shape_to_string): no spaces, negative
 * entries print as `newaxis` except leading ones, which are dropped; a 1-tuple keeps its comma.
 */
export function shapeStr(shape: readonly number[]): string {
  let i = 0;
  while (i < shape.length && shape[i] < 0) i++;
  if (i === shape.length) return '()';
  let s = `(${shape[i++]}`;
  for (; i < shape.length; i++) s += shape[i] < 0 ? ',newaxis' : `,${shape[i]}`;
  return s + (shape.length === 1 ? ',)' : ')');
}

/** The broadcast result shape of several shapes, or NumPy's ValueError. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  if (shapes.length === 2 && sameShape(shapes[0], shapes[1])) return shapes[0].slice();
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = nd - s.length + i;
      const v = s[i];
      if (v === out[d] || v === 1) continue;
      if (out[d] === 1) out[d] = v;
      else
        throw new TensorError(
          'ValueError',
          `operands could not be broadcast together with shapes ${shapes.map(shapeStr).join(' ')} `,
        );
    }
  }
  return out;
}

/** The broadcast shape of two shapes (the elementwise hot path: plain loops, one new array). */
export function broadcastPair(a: readonly number[], b: readonly number[]): number[] {
  const nd = a.length > b.length ? a.length : b.length;
  const out = new Array<number>(nd);
  for (let d = 0; d < nd; d++) {
    const i = d - (nd - a.length), j = d - (nd - b.length);
    const x = i >= 0 ? a[i] : 1, y = j >= 0 ? b[j] : 1;
    if (x === y || y === 1) out[d] = x;
    else if (x === 1) out[d] = y;
    else return broadcastShapes(a, b); // raises NumPy's error
  }
  return out;
}

/** Element strides of `a` stretched to `shape` (0 on broadcast dims); assumes compatibility. */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length, off = nd - a.shape.length;
  const st = new Array<number>(nd);
  for (let d = 0; d < nd; d++) {
    const i = d - off;
    st[d] = i < 0 || (a.shape[i] === 1 && shape[d] !== 1) ? 0 : a.strides[i];
  }
  return st;
}

/** `np.broadcast_to`: a read-only-in-spirit view with zero strides. */
export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  const nd = shape.length;
  if (a.ndim > nd) throw broadcastToError(a.shape, shape);
  for (let i = 0; i < a.ndim; i++) {
    const d = nd - a.ndim + i;
    if (a.shape[i] !== shape[d] && a.shape[i] !== 1) throw broadcastToError(a.shape, shape);
  }
  return view(a, shape.slice(), broadcastStrides(a, shape), a.offset);
}

function broadcastToError(from: readonly number[], to: readonly number[]): TensorError {
  return new TensorError(
    'ValueError',
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeStr(from)}  and requested shape ${shapeStr(to)}`,
  );
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Tensor products written the way NumPy writes them (numpy/_core/numeric.py, lib/_shape_base_impl.py,
// _core/multiarray vdot): tensordot as transpose + reshape + dot, vdot of the flattened operands, kron as
// one broadcast multiply, cross as the ufunc sequence of numeric.cross, so values, warnings and errors
// come from the same operations (the products use our OpenBLAS-order dot, see linalg.ts / gemm.ts).

import { broadcastShapes, shapeStr } from './broadcast';
import { promote } from './dtype';
import { TensorError, valueError, warn, withoutWarnings } from './errors';
import { getItem } from './indexing';
import { dot } from './linalg';
import { astype } from './misc';
import { newArray, NDArray } from './ndarray';
import { axesNamed, moveaxis } from './rearrange';
import { expandDims, ravel, reshape, transpose } from './shape';
import { binary, unary } from './ufuncs';

const prod = (xs: readonly number[]) => xs.reduce((p, d) => p * d, 1);

/** `axes` of np.tensordot: an int N (last N of a, first N of b) or a pair of axis lists / ints. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/** `np.tensordot(a, b, axes=2)`. */
export function tensordot(a: NDArray, b: NDArray, axes: TensordotAxes = 2): NDArray {
  let axA: number[], axB: number[];
  if (typeof axes === 'number') {
    axA = Array.from({ length: Math.max(axes, 0) }, (_, i) => i - axes);
    axB = Array.from({ length: Math.max(axes, 0) }, (_, i) => i);
  } else {
    axA = typeof axes[0] === 'number' ? [axes[0]] : [...axes[0]];
    axB = typeof axes[1] === 'number' ? [axes[1]] : [...axes[1]];
  }
  for (const l of [axA, axB]) if (new Set(l).size !== l.length) throw valueError('duplicate axes are not allowed in tensordot');
  // Python indexes the shape tuples: a bad axis is "tuple index out of range" (checked pair by pair).
  const dim = (s: readonly number[], ax: number) => {
    if (ax < -s.length || ax >= s.length) throw new TensorError('IndexError', 'tuple index out of range');
    return s[ax < 0 ? ax + s.length : ax];
  };
  let equal = axA.length === axB.length;
  for (let k = 0; equal && k < axA.length; k++) {
    if (dim(a.shape, axA[k]) !== dim(b.shape, axB[k])) equal = false;
    else {
      if (axA[k] < 0) axA[k] += a.ndim;
      if (axB[k] < 0) axB[k] += b.ndim;
    }
  }
  if (!equal) throw valueError('shape-mismatch for sum');
  const notA = [...Array(a.ndim).keys()].filter((d) => !axA.includes(d));
  const notB = [...Array(b.ndim).keys()].filter((d) => !axB.includes(d));
  const oldA = notA.map((d) => a.shape[d]), oldB = notB.map((d) => b.shape[d]);
  const at = reshape(transpose(a, [...notA, ...axA]), [prod(oldA), prod(axA.map((d) => a.shape[d]))]);
  const bt = reshape(transpose(b, [...axB, ...notB]), [prod(axB.map((d) => b.shape[d])), prod(oldB)]);
  return reshape(dot(at, bt), [...oldA, ...oldB]);
}

/**
 * `np.vdot(a, b)`: the dot product of the flattened arrays (b reshaped to a's size). NumPy's vdot calls
 * the dtype's dot function without checking the floating-point flags, so it never warns.
 */
export function vdot(a: NDArray, b: NDArray): NDArray {
  const x = ravel(a), y = reshape(ravel(b), [x.size]);
  return withoutWarnings(() => dot(x, y));
}

/** `np.kron(a, b)`: one broadcast multiply over interleaved axes, reshaped to the product shape. */
export function kron(a: NDArray, b: NDArray): NDArray {
  const na = a.ndim, nb = b.ndim, nd = Math.max(na, nb);
  if (na === 0 || nb === 0) return binary('multiply', a, b);
  const sa = [...Array(Math.max(0, nb - na)).fill(1), ...a.shape], sb = [...Array(Math.max(0, na - nb)).fill(1), ...b.shape];
  const ex = (x: NDArray, axes: number[]) => (axes.length ? expandDims(x, axes) : x);
  let A = ex(a, [...Array(Math.max(0, nb - na)).keys()]), B = ex(b, [...Array(Math.max(0, na - nb)).keys()]);
  A = ex(A, Array.from({ length: nd }, (_, i) => 2 * i + 1));
  B = ex(B, Array.from({ length: nd }, (_, i) => 2 * i));
  return reshape(binary('multiply', A, B), sa.map((d, i) => d * sb[i]));
}

/** `np.cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)` for 3- and 2-vectors, broadcasting. */
export function cross(x: NDArray, y: NDArray, axisa = -1, axisb = -1, axisc = -1, axis: number | null = null): NDArray {
  if (axis !== null) axisa = axisb = axisc = axis;
  if (x.ndim < 1 || y.ndim < 1) throw valueError('At least one array has zero dimension');
  let a = moveaxis(x, axesNamed(axisa, x.ndim, 'axisa')[0], -1);
  let b = moveaxis(y, axesNamed(axisb, y.ndim, 'axisb')[0], -1);
  const na = a.shape[a.ndim - 1], nb = b.shape[b.ndim - 1];
  if ((na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) throw valueError('incompatible dimensions for cross product\n(dimension must be 2 or 3)');
  if (na === 2 || nb === 2)
    warn('Arrays of 2-dimensional vectors are deprecated. Use arrays of 3-dimensional vectors instead. (deprecated in NumPy 2.0)', 'DeprecationWarning');
  const a0s = a.shape.slice(0, -1), b0s = b.shape.slice(0, -1);
  let shape: number[];
  try {
    shape = broadcastShapes(a0s, b0s);
  } catch {
    throw valueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${shapeStr(a0s)} and arg 1 with shape ${shapeStr(b0s)}.`);
  }
  const three = na === 3 || nb === 3;
  if (three) shape = [...shape, 3];
  const ac = three ? axesNamed(axisc, shape.length, 'axisc')[0] : -1;
  const dtype = promote(a.dtype, b.dtype);
  const cp = newArray(shape, dtype);
  a = astype(a, dtype);
  b = astype(b, dtype);
  const at = (t: NDArray, i: number) => getItem(t, ['...', i]);
  const [a0, a1, b0, b1] = [at(a, 0), at(a, 1), at(b, 0), at(b, 1)];
  const mul = (p: NDArray, q: NDArray, out?: NDArray) => binary('multiply', p, q, out);
  const sub = (out: NDArray, q: NDArray) => binary('subtract', out, q, out);
  if (!three) {
    mul(a0, b1, cp);
    sub(cp, mul(a1, b0));
    return cp;
  }
  const [c0, c1, c2] = [at(cp, 0), at(cp, 1), at(cp, 2)];
  if (na === 2) {
    const b2 = at(b, 2);
    mul(a1, b2, c0);
    mul(a0, b2, c1);
    unary('negative', c1, c1);
    mul(a0, b1, c2);
    sub(c2, mul(a1, b0));
  } else if (nb === 3) {
    const a2 = at(a, 2), b2 = at(b, 2);
    mul(a1, b2, c0);
    const tmp = mul(a2, b1);
    sub(c0, tmp);
    mul(a2, b0, c1);
    mul(a0, b2, tmp);
    sub(c1, tmp);
    mul(a0, b1, c2);
    mul(a1, b0, tmp);
    sub(c2, tmp);
  } else {
    const a2 = at(a, 2);
    mul(a2, b1, c0);
    unary('negative', c0, c0);
    mul(a2, b0, c1);
    mul(a0, b1, c2);
    sub(c2, mul(a1, b0));
  }
  return moveaxis(cp, -1, ac);
}

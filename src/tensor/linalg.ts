// Linear algebra: dot (numpy/_core/multiarray dot rules), matmul/@ (gufunc (n?,k),(k,m?)->(n?,m?) with
// broadcast stacks), outer, inner, and linalg.norm/inv/solve/det. inv/solve/det use LU with partial
// pivoting like LAPACK dgetf2 (row scaled by the pivot's reciprocal); results can differ from
// OpenBLAS in the last bits.

import { glibcExp } from '../common/libm/glibcExp';
import { broadcastShapes, broadcastTo, shapeStr } from './broadcast';
import { promote } from './dtype';
import { TensorError, valueError } from './errors';
import { ddot } from './blasDot';
import { glibcLog } from '../common/libm/glibcLog';
import { astype } from './misc';
import { productWarnings } from './fpErrors';
import { gemm } from './gemm';
import { copy, newArray, NDArray } from './ndarray';
import { dtypeOf, toArray, type Operand } from './operand';
import { reshape } from './shape';
import { binary, unary } from './ufuncs';
import { max, min, sum } from './reductions';
import type { AxisArg } from './reduceAxes';

function scalarize(r: NDArray): NDArray {
  if (r.ndim === 0) r.isScalar = true;
  return r;
}

/** The 2-D product of (m×k)·(k×n) views into a fresh array (`dot` and `inner`: warnings say 'dot'). */
function mm(a: NDArray, b: NDArray, fused = false): NDArray {
  const [m, k] = a.shape, n = b.shape[1];
  const out = newArray([m, n], promote(a.dtype, b.dtype) === 'bool' ? 'bool' : promote(a.dtype, b.dtype));
  const finite = gemm(m, n, k, a.data, a.offset, a.strides[0], a.strides[1], b.data, b.offset, b.strides[0], b.strides[1], out.data, 0, fused && out.dtype === 'float64');
  if (out.dtype === 'bool') for (let i = 0; i < out.size; i++) out.data[i] = out.data[i] !== 0 ? 1 : 0;
  if (!finite) productWarnings('dot', a, b, out); // a finite product warns of nothing
  return out;
}

function notAligned(a: NDArray, b: NDArray, da: number, db: number): TensorError {
  return valueError(`shapes ${shapeStr(a.shape)} and ${shapeStr(b.shape)} not aligned: ${a.shape[da]} (dim ${da}) != ${b.shape[db]} (dim ${db})`);
}

/** `np.dot(a, b)`. */
export function dot(x: Operand, y: Operand): NDArray {
  const a = toArray(x), b = toArray(y);
  if (a.ndim === 0 || b.ndim === 0) return binary('multiply', x, y);
  const ka = a.ndim - 1, kb = b.ndim === 1 ? 0 : b.ndim - 2;
  if (a.shape[ka] !== b.shape[kb]) throw notAligned(a, b, ka, kb);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b, true);
  if (a.ndim === 1 && b.ndim === 1 && isFloat(a, b)) return vectorDot('dot', a, b);
  const k = a.shape[ka];
  const a2 = reshape(a, [shapeProd(a.shape.slice(0, -1)), k]);
  // Move b's contracted axis first: b2 is (k, rest) with rest = b.shape without kb, in order.
  const restShape = b.shape.filter((_, i) => i !== kb);
  const perm = [kb, ...b.shape.map((_, i) => i).filter((i) => i !== kb)];
  const bt = new NDArray(b.data, perm.map((p) => b.shape[p]), perm.map((p) => b.strides[p]), b.offset, b.dtype, b);
  const b2 = reshape(bt, [k, shapeProd(restShape)]);
  // 2-D·2-D goes to BLAS dgemm in NumPy (FMA); vector and N-D products go through ddot (plain).
  const r = mm(a2, b2, a.ndim === 2 && b.ndim === 2);
  return scalarize(reshape(r, [...a.shape.slice(0, -1), ...restShape]));
}

const shapeProd = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);

const isFloat = (a: NDArray, b: NDArray) => promote(a.dtype, b.dtype) === 'float64';

/**
 * Two float64 vectors: NumPy's BLAS ddot (blasDot.ts), whose order differs from a matrix product's.
 * Operands of another dtype are cast first (to contiguous copies, as NumPy does).
 */
function vectorDot(name: 'dot' | 'matmul', a: NDArray, b: NDArray): NDArray {
  const x = a.dtype === 'float64' ? a : astype(a, 'float64'), y = b.dtype === 'float64' ? b : astype(b, 'float64');
  // NumPy adds BLAS's result to a sum started at 0.0 (a -0 comes out +0).
  const out = fill0d(0 + ddot(x.size, x.data, x.offset, x.strides[0], y.data, y.offset, y.strides[0]));
  productWarnings(name, a, b, out);
  return scalarize(out);
}

const SIG = '(n?,k),(k,m?)->(n?,m?)';

/** `np.matmul(a, b)` / `a @ b`. */
export function matmul(x: Operand, y: Operand): NDArray {
  const a = toArray(x), b = toArray(y);
  for (const [i, t] of [a, b].entries())
    if (t.ndim === 0)
      throw valueError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`);
  const a2 = a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a;
  const b2 = b.ndim === 1 ? reshape(b, [b.shape[0], 1]) : b;
  const [m, ka] = a2.shape.slice(-2), [kb, n] = b2.shape.slice(-2);
  if (ka !== kb)
    throw valueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIG} (size ${kb} is different from ${ka})`);
  if (a.ndim === 1 && b.ndim === 1 && isFloat(a, b)) return vectorDot('matmul', a, b);
  const batchA = a2.shape.slice(0, -2), batchB = b2.shape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes(batchA, batchB);
  } catch {
    const rem = (t: NDArray, bs: readonly number[]) => `${shapeStr(t.shape)}->${shapeStr([...bs, -1, -1])}`;
    throw valueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${rem(a, batchA)} ${rem(b, batchB)}  and requested shape (${m},${n})`);
  }
  const dtype = promote(a.dtype, b.dtype);
  const out = newArray([...batch, m, n], dtype);
  const A = broadcastTo(a2, [...batch, m, ka]), B = broadcastTo(b2, [...batch, kb, n]);
  const nb = shapeProd(batch);
  // Matrix-matrix stacks go to BLAS dgemm in NumPy (FMA); anything with a vector does not.
  const fused = dtype === 'float64' && a.ndim >= 2 && b.ndim >= 2;
  const idx = new Array<number>(batch.length).fill(0);
  for (let t = 0; t < nb; t++) {
    let ao = A.offset, bo = B.offset;
    for (let d = 0; d < batch.length; d++) (ao += idx[d] * A.strides[d]), (bo += idx[d] * B.strides[d]);
    const nd = batch.length;
    gemm(m, n, ka, A.data, ao, A.strides[nd], A.strides[nd + 1], B.data, bo, B.strides[nd], B.strides[nd + 1], out.data, t * m * n, fused);
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++idx[d] < batch[d]) break;
      idx[d] = 0;
    }
  }
  if (dtype === 'bool') for (let i = 0; i < out.size; i++) out.data[i] = out.data[i] !== 0 ? 1 : 0;
  productWarnings('matmul', a, b, out);
  let shape = out.shape.slice();
  if (a.ndim === 1) shape = [...shape.slice(0, -2), shape[shape.length - 1]];
  if (b.ndim === 1) shape = shape.slice(0, -1);
  return scalarize(reshape(out, shape));
}

export function outer(x: Operand, y: Operand): NDArray {
  const a = toArray(x), b = toArray(y);
  return binary('multiply', reshape(a, [a.size, 1]), reshape(b, [1, b.size]));
}

export function inner(x: Operand, y: Operand): NDArray {
  const a = toArray(x), b = toArray(y);
  if (a.ndim === 0 || b.ndim === 0) return binary('multiply', x, y);
  if (a.shape[a.ndim - 1] !== b.shape[b.ndim - 1]) throw notAligned(a, b, a.ndim - 1, b.ndim - 1);
  if (a.ndim === 1 && b.ndim === 1 && isFloat(a, b)) return vectorDot('dot', a, b);
  const perm = [b.ndim - 1, ...Array.from({ length: b.ndim - 1 }, (_, i) => i)];
  const bt = new NDArray(b.data, perm.map((p) => b.shape[p]), perm.map((p) => b.strides[p]), b.offset, b.dtype, b);
  const k = a.shape[a.ndim - 1];
  const r = mm(reshape(a, [shapeProd(a.shape.slice(0, -1)), k]), reshape(bt, [k, shapeProd(b.shape.slice(0, -1))]));
  return scalarize(reshape(r, [...a.shape.slice(0, -1), ...b.shape.slice(0, -1)]));
}

// ---- numpy.linalg -----------------------------------------------------------------------------------

const linAlgError = (m: string) => new TensorError('numpy.linalg.LinAlgError', m);

function squareCheck(a: NDArray): number {
  if (a.ndim < 2) throw linAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
  const [r, c] = a.shape.slice(-2);
  if (r !== c) throw linAlgError('Last 2 dimensions of the array must be square');
  if (a.ndim > 2) throw new TensorError('NotImplementedError', 'stacked matrices are not supported in linalg');
  return r;
}

/**
 * In-place LU with partial pivoting of an n×n row-major matrix, left-looking like OpenBLAS's getf2
 * (column j is updated by dot products with the finished columns, then scaled by 1/pivot). This order
 * reproduces NumPy's inv/solve bits for small matrices (checked against NumPy 2.4 + OpenBLAS).
 */
function lu(M: Float64Array, n: number): { piv: Int32Array; sign: number; singular: boolean } {
  const piv = new Int32Array(n);
  let sign = 1, singular = false;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < j; i++)
      if (piv[i] !== i) {
        const t = M[i * n + j];
        M[i * n + j] = M[piv[i] * n + j];
        M[piv[i] * n + j] = t;
      }
    for (let i = 1; i < j; i++) {
      let d = 0;
      for (let k = 0; k < i; k++) d += M[i * n + k] * M[k * n + j];
      M[i * n + j] -= d;
    }
    for (let i = j; i < n; i++) {
      let d = 0;
      for (let k = 0; k < j; k++) d += M[i * n + k] * M[k * n + j];
      M[i * n + j] -= d;
    }
    let p = j, best = Math.abs(M[j * n + j]);
    for (let i = j + 1; i < n; i++) {
      const v = Math.abs(M[i * n + j]);
      if (v > best) (best = v), (p = i);
    }
    piv[j] = p;
    if (p !== j) {
      sign = -sign;
      for (let c = 0; c <= j; c++) {
        const t = M[j * n + c];
        M[j * n + c] = M[p * n + c];
        M[p * n + c] = t;
      }
    }
    const d = M[j * n + j];
    if (d === 0) {
      singular = true;
      continue;
    }
    const r = 1 / d;
    for (let i = j + 1; i < n; i++) M[i * n + j] *= r;
  }
  // Columns right of each pivot were swapped lazily; finish the swaps for the stored U.
  return { piv, sign, singular };
}

export function det(x: NDArray): NDArray {
  const n = squareCheck(x);
  const M = copy(x, 'float64').data;
  // numpy/linalg/umath_linalg.cpp: det = sign * exp(sum(log|u_ii|)) (det_from_slogdet).
  const { sign } = lu(M, n);
  let s = sign, logdet = 0;
  for (let i = 0; i < n; i++) {
    const u = M[i * n + i];
    if (u === 0) {
      s = 0;
      logdet = -Infinity;
      break;
    }
    if (u < 0) s = -s;
    logdet += glibcLog(Math.abs(u));
  }
  return scalarize(fill0d(s * glibcExp(logdet))); // NumPy's det is sign · npy_exp(logdet), C's exp
}

function fill0d(v: number): NDArray {
  const r = newArray([], 'float64');
  r.data[0] = v;
  return r;
}

/**
 * Solves A X = B (B is n×r, row-major) by LU, column by column in axpy order like OpenBLAS's trsv/trsm:
 * one right-hand side divides by the diagonal (trsv), several multiply by its reciprocal (trsm).
 */
function luSolve(A: NDArray, B: Float64Array, n: number, r: number): Float64Array {
  const M = copy(A, 'float64').data;
  const { piv, singular } = lu(M, n);
  if (singular) throw linAlgError('Singular matrix');
  const X = B.slice();
  for (let j = 0; j < n; j++)
    if (piv[j] !== j)
      for (let c = 0; c < r; c++) {
        const t = X[j * r + c];
        X[j * r + c] = X[piv[j] * r + c];
        X[piv[j] * r + c] = t;
      }
  const recip = r > 1;
  for (let c = 0; c < r; c++) {
    for (let k = 0; k < n; k++) {
      const xk = X[k * r + c];
      for (let i = k + 1; i < n; i++) X[i * r + c] -= M[i * n + k] * xk;
    }
    for (let k = n - 1; k >= 0; k--) {
      const d = M[k * n + k];
      const xk = (X[k * r + c] = recip ? X[k * r + c] * (1 / d) : X[k * r + c] / d);
      for (let i = 0; i < k; i++) X[i * r + c] -= M[i * n + k] * xk;
    }
  }
  return X;
}

export function inv(a: NDArray): NDArray {
  const n = squareCheck(a);
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  const out = newArray([n, n], 'float64');
  out.data.set(luSolve(a, I, n, n));
  return out;
}

export function solve(a: NDArray, b: NDArray): NDArray {
  const n = squareCheck(a);
  const vec = b.ndim === 1;
  if (b.shape[0] !== n) {
    const sig = vec ? '(m,m),(m)->(m)' : '(m,m),(m,n)->(m,n)';
    throw valueError(`${vec ? 'solve1' : 'solve'}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${b.shape[0]} is different from ${n})`);
  }
  const r = vec ? 1 : b.shape[1];
  const X = luSolve(a, copy(b, 'float64').data, n, r);
  const out = newArray(b.shape, 'float64');
  out.data.set(X);
  return out;
}

/** `np.linalg.norm(x, ord=None, axis=None, keepdims=False)` for the common vector/matrix orders. */
export function norm(x: NDArray, ord: number | 'fro' | null = null, axis: AxisArg = null, keepdims = false): NDArray {
  const a = x.dtype === 'float64' ? x : copy(x, 'float64');
  const sq = (t: NDArray) => binary('multiply', t, t);
  const nd = axis === null || axis === undefined ? a.ndim : typeof axis === 'number' ? 1 : axis.length;
  if ((axis === null || axis === undefined) && (ord === null || (ord === 'fro' && a.ndim === 2) || (ord === 2 && a.ndim === 1))) {
    // NumPy: sqrt(x.ravel().dot(x.ravel())), the BLAS ddot of a contiguous copy.
    const f = a.toFlat();
    const r = fill0d(Math.sqrt(ddot(f.length, f, 0, 1, f, 0, 1)));
    return scalarize(keepdims ? reshape(r, a.shape.map(() => 1)) : r);
  }
  const ax: AxisArg = axis ?? [...Array(a.ndim).keys()];
  if (nd === 1) {
    const abs = unary('absolute', a);
    if (ord === Infinity) return max(abs, ax, keepdims);
    if (ord === -Infinity) return min(abs, ax, keepdims);
    if (ord === 1) return sum(abs, ax, keepdims);
    if (ord === null || ord === 2) return unary('sqrt', sum(sq(a), ax, keepdims));
    if (ord === 0) return sum(binary('not_equal', a, 0), ax, keepdims);
    if (typeof ord === 'number') {
      const s = sum(binary('power', abs, ord), ax, keepdims);
      return binary('power', s, 1 / ord);
    }
    throw valueError(`Invalid norm order '${ord}' for vectors`);
  }
  if (nd === 2) {
    const [r0, r1] = typeof ax === 'number' ? [ax, ax] : (ax as readonly number[]);
    if (ord === null || ord === 'fro') return unary('sqrt', sum(sq(a), ax, keepdims));
    const abs = unary('absolute', a);
    // ord=1: max column sum (sum over r0, max over r1); ord=inf: max row sum.
    const [sAx, mAx] = ord === 1 ? [r0, r1] : ord === Infinity ? [r1, r0] : [-1, -1];
    if (sAx < 0) throw new TensorError('NotImplementedError', `norm order ${ord} for matrices is not supported`);
    const r = max(sum(abs, sAx, true), mAx, true);
    if (keepdims) return r;
    const keep = r.shape.filter((_, i) => i !== (sAx + a.ndim) % a.ndim && i !== (mAx + a.ndim) % a.ndim);
    return scalarize(reshape(r, keep));
    throw new TensorError('NotImplementedError', `norm order ${ord} for matrices is not supported`);
  }
  throw valueError('Improper number of dimensions to norm.');
}

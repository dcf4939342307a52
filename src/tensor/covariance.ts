// np.cov and np.corrcoef, step for step as numpy/lib/_function_base_impl.py computes them: centre the
// rows in place, take dot(X, X.T) (our OpenBLAS-order product, see gemm.ts), multiply by 1/fact, then
// for corrcoef divide by the standard deviations twice and clip to [-1, 1].

import { concatenate } from './join';
import { valueError, warn } from './errors';
import { copy, newArray, NDArray } from './ndarray';
import { dot } from './linalg';
import { syrk } from './blasSyrk';
import { clip } from './misc';
import { mean } from './reductions';
import { reshape, squeeze, transpose } from './shape';
import { binary, unary } from './ufuncs';
import { diag } from './create';

/** `np.array(m, ndmin=2, dtype=float64)`: a float64 copy with 1s prepended up to two dimensions. */
function ndmin2(m: NDArray): NDArray {
  const shape = m.ndim >= 2 ? m.shape : [...Array(2 - m.ndim).fill(1), ...m.shape];
  return reshape(copy(m, 'float64'), shape);
}

/** `np.cov(m, y=None, rowvar=True, bias=False, ddof=None)`. */
export function cov(m: NDArray, y: NDArray | null = null, rowvar = true, bias = false, ddof: number | null = null): NDArray {
  if (ddof !== null && ddof !== Math.trunc(ddof)) throw valueError('ddof must be integer');
  if (m.ndim > 2) throw valueError('m has more than 2 dimensions');
  if (y !== null && y.ndim > 2) throw valueError('y has more than 2 dimensions');
  let X = ndmin2(m);
  if (!rowvar && m.ndim !== 1) X = transpose(X);
  if (X.shape[0] === 0) return newArray([0, 0], 'float64');
  if (y !== null) {
    let Y = ndmin2(y);
    if (!rowvar && Y.shape[0] !== 1) Y = transpose(Y);
    X = concatenate([X, Y], 0);
  }
  const dd = ddof ?? (bias ? 0 : 1);
  const avg = mean(X, 1);
  let fact = X.shape[1] - dd;
  if (fact <= 0) {
    warn('Degrees of freedom <= 0 for slice');
    fact = 0;
  }
  binary('subtract', X, reshape(avg, [avg.size, 1]), X);
  // dot(X, X.T): BLAS syrk for a real matrix (exactly symmetric), a dot product for one row.
  const c = X.shape[0] >= 2 && X.shape[1] >= 2 ? syrk(X) : dot(X, transpose(X));
  // NumPy multiplies by the reciprocal (c *= np.true_divide(1, fact)); it does not divide.
  binary('multiply', c, binary('divide', 1n, fact), c);
  return squeeze(c);
}

/** `np.corrcoef(x, y=None, rowvar=True)`: cov normalised by the standard deviations, clipped. */
export function corrcoef(x: NDArray, y: NDArray | null = null, rowvar = true): NDArray {
  const c = cov(x, y, rowvar);
  // A single variable: NumPy's diag fails on the 0-d covariance and it returns c / c.
  if (c.ndim === 0) return binary('divide', c, c);
  const sd = unary('sqrt', diag(c));
  binary('divide', c, reshape(sd, [sd.size, 1]), c);
  binary('divide', c, reshape(sd, [1, sd.size]), c);
  return clip(c, -1n, 1n);
}

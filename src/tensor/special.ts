// Numeric helpers NumPy writes in Python or small C loops: sinc and nan_to_num
// (numpy/lib/_function_base_impl.py, _type_check_impl.py), logspace (_core/function_base.py: power of
// linspace), interp and bincount (numpy/_core/src/multiarray/compiled_base.c: arr_interp, arr_bincount).

import { linspace } from './create';
import { typeError, valueError } from './errors';
import { copy, forEachOffset, newArray, NDArray } from './ndarray';
import { getItem } from './indexing';
import { toArray, type Operand } from './operand';
import { astype, where } from './misc';
import { binary, unary } from './ufuncs';

/**
 * `np.sinc(x)` = sin(πx)/(πx), with float eps standing in for 0 (NumPy's where(x, x, eps)); the sin
 * ufunc is the C library's, as NumPy's loop calls it (glibc's, bit for bit).
 */
export function sinc(x: Operand): NDArray {
  const px = binary('multiply', Math.PI, x);
  const y = where(px, px, 2.220446049250313e-16) as NDArray;
  return binary('divide', unary('sin', y), y);
}

/**
 * `np.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)`: NaN and ±inf replaced, in a copy
 * or (copy=False, an array) in place, through every view of it.
 */
export function nanToNum(x: Operand, nan = 0, posinf: number | null = null, neginf: number | null = null, inPlace = false): NDArray {
  const src = toArray(x);
  const r = inPlace && x instanceof NDArray ? x : copy(src);
  if (r.dtype === 'float64') {
    const hi = posinf ?? Number.MAX_VALUE, lo = neginf ?? -Number.MAX_VALUE;
    const d = r.data;
    forEachOffset(r, (i) => {
      const v = d[i];
      if (v !== v) d[i] = nan;
      else if (v === Infinity) d[i] = hi;
      else if (v === -Infinity) d[i] = lo;
    });
  }
  if (r === x) return r.ndim === 0 ? getItem(r, []) : r;
  // x[()] for a 0-d input: a numpy scalar.
  if (r.ndim === 0) r.isScalar = true;
  return r;
}

/**
 * `np.logspace(start, stop, num=50, endpoint=True, base=10.0)`: power(base, linspace(...)), the power
 * ufunc being C's pow (glibc's, src/common/libm/glibcPow.ts), which NumPy's power calls where it uses
 * libm. NumPy builds for AVX-512 CPUs (this machine's NumPy 2.4.6 among them) call SVML's pow instead,
 * which is not glibc's: there about 6% of logspace values differ in the last bit (V8's Math.pow: 11%;
 * 1700 values of 40 random calls). The linspace is exact.
 */
export function logspace(start: number, stop: number, num = 50, endpoint = true, base: Operand = 10): NDArray {
  return binary('power', base, linspace(start, stop, num, endpoint));
}

/** A 1-D float64 operand of interp, with NumPy's conversion error. */
function vector(v: NDArray): Float64Array {
  if (v.ndim > 1) throw valueError('object too deep for desired array');
  if (v.ndim < 1) throw valueError('object of too small depth for desired array');
  return astype(v, 'float64').toFlat() as Float64Array;
}

/**
 * `np.interp(x, xp, fp, left=None, right=None)` as arr_interp computes it: the last j with xp[j] <= x
 * (searchWithGuess), an exact hit returns fp[j], otherwise slope·(x - xp[j]) + fp[j] (slope = Δfp/Δxp),
 * retried from the right end of the interval when that is NaN (infinite fp). No warnings: the C loop
 * checks none.
 */
export function interp(x: Operand, xpIn: NDArray, fpIn: NDArray, left: number | null = null, right: number | null = null): NDArray {
  const fp = vector(fpIn), xp = vector(xpIn);
  const n = xp.length;
  if (n === 0) throw valueError('array of sample points is empty');
  if (fp.length !== n) throw valueError('fp and xp are not of the same length.');
  const xs = astype(toArray(x), 'float64');
  const out = newArray(xs.shape, 'float64');
  const lval = left ?? fp[0], rval = right ?? fp[n - 1];
  const src = xs.toFlat(), d = out.data;
  let j = 0;
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (n === 1) {
      d[i] = v < xp[0] ? lval : v > xp[0] ? rval : fp[0];
      continue;
    }
    if (v !== v) {
      d[i] = v;
      continue;
    }
    j = searchWithGuess(v, xp, j);
    if (j === -1) d[i] = lval;
    else if (j === n) d[i] = rval;
    else if (j === n - 1 || xp[j] === v) d[i] = fp[j];
    else {
      const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
      let r = slope * (v - xp[j]) + fp[j];
      if (r !== r) {
        r = slope * (v - xp[j + 1]) + fp[j + 1];
        if (r !== r && fp[j] === fp[j + 1]) r = fp[j];
      }
      d[i] = r;
    }
  }
  if (out.ndim === 0) out.isScalar = true;
  return out;
}

/**
 * The last j with xp[j] <= v (n for v past the end, -1 before the start), found as NumPy's
 * binary_search_with_guess does: the previous answer and its neighbours first, then bisection, a linear
 * scan for n <= 4. For a sorted xp any search gives the same j; for an unsorted one (which NumPy does
 * not check) this reproduces NumPy's answer.
 */
function searchWithGuess(v: number, xp: Float64Array, guess: number): number {
  const n = xp.length, CACHE = 8;
  if (v > xp[n - 1]) return n;
  if (v < xp[0]) return -1;
  if (n <= 4) {
    let i = 1;
    while (i < n && v >= xp[i]) i++;
    return i - 1;
  }
  const g = Math.max(1, Math.min(guess, n - 3));
  let lo = 0, hi = n;
  if (v < xp[g]) {
    if (v >= xp[g - 1]) return g - 1;
    hi = g - 1;
    if (g > CACHE && v >= xp[g - CACHE]) lo = g - CACHE;
  } else {
    if (v < xp[g + 1]) return g;
    if (v < xp[g + 2]) return g + 1;
    lo = g + 2;
    if (g < n - CACHE - 1 && v < xp[g + CACHE]) hi = g + CACHE;
  }
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (v >= xp[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** `np.bincount(x, weights=None, minlength=0)`: counts (int64) or weight sums (float64, in order). */
export function bincount(x: NDArray, weights: NDArray | null = null, minlength = 0): NDArray {
  if (minlength < 0) throw valueError("'minlength' must not be negative");
  if (x.dtype === 'float64') throw typeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  if (x.ndim > 1) throw valueError('object too deep for desired array');
  if (x.ndim < 1) throw valueError('object of too small depth for desired array');
  const xs = x.toFlat();
  if (xs.length === 0) return newArray([minlength], 'int64');
  let mn = Infinity, mx = -Infinity;
  for (const v of xs) (mn = Math.min(mn, v)), (mx = Math.max(mx, v));
  if (mn < 0) throw valueError("'list' argument must have no negative elements");
  const size = Math.max(mx + 1, minlength);
  if (weights === null) {
    const out = newArray([size], 'int64');
    for (const v of xs) out.data[v]++;
    return out;
  }
  const w = vector(weights);
  if (w.length !== xs.length) throw valueError("The weights and list don't have the same length.");
  const out = newArray([size], 'float64');
  for (let i = 0; i < xs.length; i++) out.data[xs[i]] += w[i];
  return out;
}


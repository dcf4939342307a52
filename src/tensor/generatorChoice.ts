// Generator.choice (numpy/random/_generator.pyx), bit-exact: with replacement, integers() or a
// searched cdf of p; without, Floyd's algorithm plus a partial shuffle (or a tail shuffle of arange for
// big samples of big populations), and for p the repeated draw-and-zero loop. Checks and messages in
// NumPy's order. Indices come back as an int64 array; the caller unpacks scalars.

import { toShape } from './create';
import { valueError } from './errors';
import { Generator, type GenSize } from './generator';
import { newArray, NDArray } from './ndarray';

const ATOL = 1.4901161193847656e-8; // sqrt(finfo(float64).eps)

/** _common.pyx kahan_sum, the sum NumPy checks p against. */
function kahanSum(p: Float64Array): number {
  if (p.length === 0) return 0;
  let sum = p[0], c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c, t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** cumsum(p) / its last element (NumPy's cdf, summed in order). */
function cdfOf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** searchsorted(cdf, u, side='right'): how many cdf entries are <= u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0, hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** p validated as NumPy does; returns its values as float64. */
function checkP(p: NDArray, pop: number): Float64Array {
  if (p.ndim !== 1) throw valueError('p must be 1-dimensional');
  if (p.size !== pop) throw valueError('a and p must have same size');
  const v = p.toFlat();
  const sum = kahanSum(v);
  if (Number.isNaN(sum)) throw valueError('Probabilities contain NaN');
  if (v.some((x) => x < 0)) throw valueError('Probabilities are not non-negative');
  if (Math.abs(sum - 1) > ATOL) throw valueError('Probabilities do not sum to 1. See Notes section of docstring for more information.');
  return v;
}

/** _shuffle_int(n, first, data): Fisher-Yates down to `first` with Lemire index draws. */
function shuffleInt(gen: Generator, data: Float64Array, n: number, first: number): void {
  for (let i = n - 1; i >= first; i--) {
    const j = gen.boundedIndex(i);
    const t = data[j];
    data[j] = data[i];
    data[i] = t;
  }
}

function withoutReplacement(gen: Generator, pop: number, count: number, out: Float64Array, shuffle: boolean): void {
  if (pop > 10000 && count > Math.floor(pop / (shuffle ? 50 : 20))) {
    const all = new Float64Array(pop);
    for (let i = 0; i < pop; i++) all[i] = i;
    shuffleInt(gen, all, pop, Math.max(pop - count, 1));
    out.set(all.subarray(pop - count));
    return;
  }
  const seen = new Set<number>(); // NumPy's open-addressing hash set, as a set
  for (let j = pop - count; j < pop; j++) {
    const val = gen.boundedIndex(j);
    const pick = seen.has(val) ? j : val;
    seen.add(pick);
    out[j - pop + count] = pick;
  }
  if (shuffle) shuffleInt(gen, out, count, 1);
}

function withoutReplacementP(gen: Generator, probs: Float64Array, count: number, out: Float64Array): void {
  let nonzero = 0;
  for (const v of probs) if (v > 0) nonzero++;
  if (nonzero < count) throw valueError('Fewer non-zero entries in p than size');
  const p = probs.slice();
  let n = 0;
  while (n < count) {
    const x = gen.random([count - n]) as NDArray;
    for (let i = 0; i < n; i++) p[out[i]] = 0;
    const cdf = cdfOf(p);
    const seen = new Set<number>();
    for (const u of x.data) {
      const k = searchRight(cdf, u);
      if (!seen.has(k)) (seen.add(k), (out[n + seen.size - 1] = k));
    }
    n += seen.size;
  }
}

/**
 * The index part of `choice(a, size, replace, p)` for a population of `pop` (an int `a`, or the first
 * axis of an array `a`): an int64 array of shape `size` (shape () when size is None). `shuffle=False`
 * leaves Floyd's picks in draw order (and moves the tail-shuffle cutoff from pop/50 to pop/20).
 */
export function choiceIndices(gen: Generator, pop: number, aIsInt: boolean, size: GenSize, replace: boolean, p: NDArray | null, shuffle = true): NDArray {
  const shape = size == null ? [] : toShape(size);
  const count = shape.reduce((s, d) => s * d, 1);
  if (aIsInt ? pop <= 0 && (size == null || count !== 0) : pop === 0 && (size == null || count !== 0))
    throw valueError(aIsInt ? 'a must be a positive integer unless no samples are taken' : 'a cannot be empty unless no samples are taken');
  const probs = p ? checkP(p, pop) : null;
  const out = newArray(shape, 'int64');
  if (replace) {
    if (probs) {
      const cdf = cdfOf(probs);
      const u = gen.random(shape) as NDArray;
      for (let i = 0; i < count; i++) out.data[i] = searchRight(cdf, u.data[i]);
    } else return gen.integers(0n, BigInt(pop), shape) as NDArray;
    return out;
  }
  if (count > pop) throw valueError('Cannot take a larger sample than population when replace is False');
  if (probs) withoutReplacementP(gen, probs, count, out.data);
  else withoutReplacement(gen, pop, count, out.data, shuffle);
  return out;
}

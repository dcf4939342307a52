// numpy.random's legacy RandomState (numpy/random/mtrand.pyx, legacy-distributions.c), bit-exact:
// polar-method gauss with a cached second value, masked-rejection integers, Fisher-Yates shuffle.
// Scalar draws return Python scalars (number = float, bigint = int) as NumPy does.

import { glibcLog } from '../common/libm/glibcLog';
import { arange, toShape, type ShapeArg } from './create';
import { TensorError, valueError } from './errors';
import { MT19937 } from './mt19937';
import { copy, forEachOffset, newArray, NDArray } from './ndarray';
import { scalarToArray } from './operand';
import { cumsum } from './reductions';
import { searchsorted } from './sort';
import { getItem } from './indexing';
import { reshape } from './shape';

export type Size = ShapeArg | null | undefined;

export class RandomState {
  private readonly mt = new MT19937();
  private gauss: number | null = null;

  constructor(seed?: number | readonly number[] | null) {
    this.seed(seed ?? null);
  }

  /** `seed(s)`: int → init_genrand, sequence → init_by_array, None → fresh entropy. */
  seed(s: number | readonly number[] | null): void {
    this.gauss = null;
    if (s === null) {
      this.mt.seedArray(Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32)));
      return;
    }
    const check = (v: number) => {
      if (!Number.isInteger(v))
        throw new TensorError('TypeError', "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
      if (v < 0 || v > 2 ** 32 - 1) throw valueError('Seed must be between 0 and 2**32 - 1');
    };
    if (typeof s === 'number') {
      check(s);
      this.mt.seed(s);
    } else {
      if (s.length === 0) throw valueError('Seed must be non-empty');
      s.forEach(check);
      this.mt.seedArray(s);
    }
  }

  private fill(size: Size, draw: () => number, dtype: NDArray['dtype'] = 'float64'): NDArray {
    const out = newArray(toShape(size as ShapeArg), dtype);
    for (let i = 0; i < out.size; i++) out.data[i] = draw();
    return out;
  }

  randomSample(size?: Size): NDArray | number {
    return size == null ? this.mt.nextDouble() : this.fill(size, () => this.mt.nextDouble());
  }

  /** `rand(d0, d1, ...)`. */
  rand(...dims: number[]): NDArray | number {
    return dims.length ? this.randomSample(dims) : this.randomSample();
  }

  uniform(low = 0, high = 1, size?: Size): NDArray | number {
    const range = high - low;
    const draw = () => low + range * this.mt.nextDouble();
    return size == null ? draw() : this.fill(size, draw);
  }

  /** legacy_gauss: polar method, the second value cached until the next call or reseed. */
  private nextGauss(): number {
    if (this.gauss !== null) {
      const g = this.gauss;
      this.gauss = null;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    return f * x2;
  }

  standardNormal(size?: Size): NDArray | number {
    return size == null ? this.nextGauss() : this.fill(size, () => this.nextGauss());
  }

  randn(...dims: number[]): NDArray | number {
    return dims.length ? this.standardNormal(dims) : this.standardNormal();
  }

  normal(loc = 0, scale = 1, size?: Size): NDArray | number {
    if (scale < 0) throw valueError('scale < 0');
    const draw = () => loc + scale * this.nextGauss();
    return size == null ? draw() : this.fill(size, draw);
  }

  /** One value in [0, rng] by masked rejection (32-bit draws when rng fits, else 64-bit). */
  private bounded(rng: number): number {
    if (rng === 0) return 0;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return this.mt.next32();
      let mask = rng;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      mask >>>= 0;
      let v: number;
      while ((v = (this.mt.next32() & mask) >>> 0) > rng);
      return v;
    }
    const r = BigInt(rng);
    let mask = r;
    for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> s;
    let v: bigint;
    while ((v = this.mt.next64() & mask) > r);
    return Number(v);
  }

  /** `randint(low, high=None, size=None)`; a scalar draw is a Python int (bigint). */
  randint(low: number, high?: number | null, size?: Size): NDArray | bigint {
    if (high == null) (high = low), (low = 0);
    if (low >= high) throw valueError('low >= high');
    const rng = high - 1 - low;
    const draw = () => low + this.bounded(rng);
    return size == null ? BigInt(draw()) : this.fill(size, draw, 'int64');
  }

  /** In-place Fisher-Yates along the first axis (random_interval masked rejection). */
  shuffle(x: NDArray): void {
    const n = x.ndim === 0 ? 0 : x.shape[0];
    if (x.ndim === 1) {
      const st = x.strides[0], d = x.data;
      for (let i = n - 1; i > 0; i--) {
        const j = this.bounded(i);
        const a = x.offset + i * st, b = x.offset + j * st;
        const t = d[a];
        d[a] = d[b];
        d[b] = t;
      }
      return;
    }
    for (let i = n - 1; i > 0; i--) {
      const j = this.bounded(i);
      if (i === j) continue;
      const ri = getItem(x, i), rj = getItem(x, j);
      const buf = copy(rj);
      const src = ri.toFlat();
      let k = 0;
      forEachOffset(rj, (o) => (rj.data[o] = src[k++]));
      k = 0;
      const b = buf.toFlat();
      forEachOffset(ri, (o) => (ri.data[o] = b[k++]));
    }
  }

  permutation(x: number | NDArray): NDArray {
    const arr = typeof x === 'number' ? arange(BigInt(x)) : copy(x);
    this.shuffle(arr);
    return arr;
  }

  /**
   * mtrand.pyx choice(replace=False, p=...): draw `size - found` uniforms, zero the probabilities of
   * what was found, search the renormalised cdf, keep first occurrences in draw order; repeat.
   */
  private choiceNoReplaceP(p: NDArray, size: number): NDArray {
    const probs = copy(p, 'float64');
    let nonzero = 0;
    for (let i = 0; i < probs.size; i++) if (probs.data[i] > 0) nonzero++;
    if (nonzero < size) throw valueError('Fewer non-zero entries in p than size');
    const found: number[] = [];
    while (found.length < size) {
      const x = this.randomSample([size - found.length]) as NDArray;
      for (const f of found) probs.data[f] = 0;
      const cdf = cumsum(probs);
      const last = cdf.data[cdf.size - 1];
      for (let i = 0; i < cdf.size; i++) cdf.data[i] /= last;
      const picks = searchsorted(cdf, x, 'right').toFlat();
      const seen = new Set<number>();
      for (const v of picks) if (!seen.has(v)) (seen.add(v), found.push(v));
    }
    const out = newArray([size], 'int64');
    out.data.set(found);
    return out;
  }

  /** `choice(a, size=None, replace=True, p=None)`. */
  choice(a: number | NDArray, size?: Size, replace = true, p?: NDArray | null): NDArray | bigint | number {
    const pop = typeof a === 'number' ? a : a.ndim === 1 ? a.shape[0] : -1;
    if (pop < 0) throw valueError('a must be 1-dimensional');
    const shape = size == null ? null : toShape(size as ShapeArg);
    const count = shape ? shape.reduce((s, d) => s * d, 1) : 1;
    if (pop === 0 && count > 0) throw valueError(typeof a === 'number' ? 'a must be greater than 0 unless no samples are taken' : "'a' cannot be empty unless no samples are taken");
    let idx: NDArray | bigint | number;
    if (p) {
      if (p.ndim !== 1) throw valueError('p must be 1-dimensional');
      if (p.size !== pop) throw valueError('a and p must have same size');
      const pf = p.toFlat();
      if (pf.some((v) => v < 0)) throw valueError('probabilities are not non-negative');
      let tot = 0;
      for (const v of pf) tot += v;
      if (Math.abs(tot - 1) > Math.sqrt(2.220446049250313e-16)) throw valueError('probabilities do not sum to 1');
    }
    if (replace) {
      if (p) {
        const cdf = cumsum(p.dtype === 'float64' ? p : copy(p, 'float64'));
        const last = cdf.data[cdf.size - 1];
        for (let i = 0; i < cdf.size; i++) cdf.data[i] /= last;
        const u = this.randomSample(shape);
        idx = searchsorted(cdf, typeof u === 'number' ? scalarToArray(u) : u, 'right');
      } else idx = shape ? (this.randint(0, pop, shape) as NDArray) : (this.randint(0, pop) as bigint);
    } else {
      if (count > pop) throw valueError("Cannot take a larger sample than population when 'replace=False'");
      if (p) {
        const found = this.choiceNoReplaceP(p, count);
        idx = shape ? reshape(found, shape) : getItem(found, 0);
      } else {
        const perm = this.permutation(pop);
        const head = getItem(perm, { start: 0, stop: count, step: 1 });
        idx = shape ? reshape(copy(head), shape) : getItem(head, 0);
      }
    }
    if (typeof a === 'number') return idx;
    if (typeof idx === 'bigint') return getItem(a, Number(idx));
    if (idx.isScalar) return getItem(a, idx.item());
    return getItem(a, idx);
  }
}

/** The module-level `np.random` state (seeded from entropy until `seed` is called). */
export const globalRandom = new RandomState();

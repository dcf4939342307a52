// NumPy's modern `Generator` over PCG64 (numpy/random/_generator.pyx, _common.pyx's cont/double_fill),
// bit-exact with NumPy 2.x: default_rng seeding through SeedSequence, ziggurat normals and exponentials,
// Lemire bounded integers, masked-rejection shuffles. Scalar draws return JS numbers (Python float) or
// bigint (np.int64); parameters may be arrays, broadcast against each other and `size` as NumPy does.

import { arange, toShape, type ShapeArg } from './create';
import { bounded, boundedSmall, interval } from './boundedInt';
import { broadcastTo } from './broadcast';
import { normAxis, TensorError, valueError } from './errors';
import { getItem } from './indexing';
import { copy, forEachOffset, newArray, NDArray, scalarArray } from './ndarray';
import { PCG64 } from './pcg64';
import { swapaxes } from './shape';
import { freshEntropy, generateState64, seedPool, type Entropy } from './seedSequence';
import { standardExponential, standardNormal } from './ziggurat';

export type GenSize = ShapeArg | null | undefined;
/** A distribution parameter: a float, or an array broadcast against the others. */
export type Param = number | NDArray;

const I64_MIN = -(2n ** 63n), I64_MAX = 2n ** 63n - 1n;

/** A shape as Python prints the tuple: `(3,)`, `(2, 2)`, `()`. */
function tupleStr(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;
}

/** PyArray_Broadcast over several shapes, with its mismatch message. */
function broadcastArgs(shapes: readonly (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < nd; i++) {
    let d = 1, setter = -1;
    for (let j = 0; j < shapes.length; j++) {
      const k = i + shapes[j].length - nd;
      if (k < 0 || shapes[j][k] === 1) continue;
      if (d === 1) (d = shapes[j][k]), (setter = j);
      else if (d !== shapes[j][k])
        throw valueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${setter} with shape ${tupleStr(shapes[setter])} and arg ${j} with shape ${tupleStr(shapes[j])}.`,
        );
    }
    out.push(d);
  }
  return out;
}

/** CONS_NON_NEGATIVE: NaN passes, a set sign bit (even -0.0) fails. */
function checkNonNegative(p: Param, name: string): void {
  const bad = (v: number) => v < 0 || Object.is(v, -0);
  if (typeof p === 'number' ? bad(p) : p.toFlat().some(bad)) throw valueError(`${name} < 0`);
}

export class Generator {
  readonly bitGen: PCG64;

  /** `default_rng(seed)`: SeedSequence(seed) -> generate_state(4, uint64) -> PCG64. */
  constructor(seed: Entropy | null = null) {
    const pool = seedPool(seed ?? freshEntropy());
    const v = generateState64(pool, 4);
    this.bitGen = new PCG64((v[0] << 64n) | v[1], (v[2] << 64n) | v[3]);
  }

  private fill(size: ShapeArg, draw: () => number, dtype: NDArray['dtype'] = 'float64'): NDArray {
    const out = newArray(toShape(size), dtype);
    const d = out.data;
    for (let i = 0; i < d.length; i++) d[i] = draw();
    return out;
  }

  random(size?: GenSize): NDArray | number {
    const g = this.bitGen;
    return size == null ? g.nextDouble() : this.fill(size, () => g.nextDouble());
  }

  standardNormal(size?: GenSize): NDArray | number {
    const g = this.bitGen;
    return size == null ? standardNormal(g) : this.fill(size, () => standardNormal(g));
  }

  standardExponential(size?: GenSize): NDArray | number {
    const g = this.bitGen;
    return size == null ? standardExponential(g) : this.fill(size, () => standardExponential(g));
  }

  /**
   * _common.pyx `cont`: all-scalar parameters give one float (size None) or a filled array; array
   * parameters broadcast together (and with `size`, which must hold their broadcast shape) and are
   * read in C order alongside the draws.
   */
  private cont(size: GenSize, params: readonly Param[], draw: (p: readonly number[]) => number): NDArray | number {
    if (params.every((p) => typeof p === 'number')) {
      const vals = params as readonly number[];
      return size == null ? draw(vals) : this.fill(size, () => draw(vals));
    }
    const shapes = params.map((p) => (typeof p === 'number' ? [] : p.shape));
    let shape: number[];
    if (size == null) shape = broadcastArgs(shapes);
    else {
      shape = toShape(size);
      const joint = broadcastArgs([shape, ...shapes]);
      if (joint.length !== shape.length || joint.some((d, i) => d !== shape[i]))
        throw valueError(`Output size ${tupleStr(shape)} is not compatible with broadcast dimensions of inputs ${tupleStr(joint)}.`);
    }
    const flats = params.map((p) => (typeof p === 'number' ? null : broadcastTo(p, shape).toFlat()));
    const out = newArray(shape, 'float64');
    const vals = params.map((p) => (typeof p === 'number' ? p : 0));
    for (let i = 0; i < out.size; i++) {
      for (let k = 0; k < flats.length; k++) if (flats[k]) vals[k] = flats[k]![i];
      out.data[i] = draw(vals);
    }
    return out;
  }

  normal(loc: Param = 0, scale: Param = 1, size?: GenSize): NDArray | number {
    checkNonNegative(scale, 'scale');
    const g = this.bitGen;
    return this.cont(size, [loc, scale], (p) => p[0] + p[1] * standardNormal(g));
  }

  uniform(low: Param = 0, high: Param = 1, size?: GenSize): NDArray | number {
    let range: Param;
    if (typeof low === 'number' && typeof high === 'number') {
      range = high - low;
      if (!Number.isFinite(range)) throw new TensorError('OverflowError', 'high - low range exceeds valid bounds');
    } else {
      const lo = typeof low === 'number' ? null : low, hi = typeof high === 'number' ? null : high;
      const shape = broadcastArgs([lo ? lo.shape : [], hi ? hi.shape : []]);
      const lf = lo ? broadcastTo(lo, shape).toFlat() : null, hf = hi ? broadcastTo(hi, shape).toFlat() : null;
      range = newArray(shape, 'float64');
      for (let i = 0; i < range.size; i++) range.data[i] = (hf ? hf[i] : (high as number)) - (lf ? lf[i] : (low as number));
      if (!range.data.every(Number.isFinite)) throw new TensorError('OverflowError', 'Range exceeds valid bounds');
    }
    checkNonNegative(range, 'high - low');
    const g = this.bitGen;
    return this.cont(size, [low, range], (p) => p[0] + p[1] * g.nextDouble());
  }

  exponential(scale: Param = 1, size?: GenSize): NDArray | number {
    checkNonNegative(scale, 'scale');
    const g = this.bitGen;
    return this.cont(size, [scale], (p) => p[0] * standardExponential(g));
  }

  /** One int64 in [low, high] (inclusive), range already checked. */
  private boundedInt(low: bigint, highIncl: bigint): bigint {
    const rng = highIncl - low;
    return low + (rng <= 0xffffffffn ? BigInt(boundedSmall(this.bitGen, Number(rng))) : bounded(this.bitGen, rng));
  }

  /**
   * `integers(low, high=None, size=None, endpoint=False)` for int64 (_bounded_integers.pyx
   * _rand_int64): bounds checked first, then Lemire draws, 32-bit ones while the range fits.
   */
  integers(low: bigint | NDArray, high: bigint | NDArray | null = null, size?: GenSize, endpoint = false): NDArray | bigint {
    if (high === null) (high = low), (low = 0n);
    const closed = endpoint;
    if (typeof low === 'bigint' && typeof high === 'bigint') {
      const hi = closed ? high : high - 1n;
      if (low < I64_MIN) throw valueError('low is out of bounds for int64');
      if (hi > I64_MAX) throw valueError('high is out of bounds for int64');
      if (low > hi) throw valueError(closed ? 'low > high' : 'low >= high');
      if (size == null) return this.boundedInt(low, hi);
      const rng = hi - low;
      if (rng <= 0xffffffffn) {
        const off = Number(low), r = Number(rng), g = this.bitGen;
        return this.fill(size, () => off + boundedSmall(g, r), 'int64');
      }
      const lo = low;
      return this.fill(size, () => Number(this.boundedInt(lo, hi)), 'int64');
    }
    const big = (p: bigint | NDArray) => (typeof p === 'bigint' ? [p] : Array.from(p.toFlat(), (v) => BigInt(Math.trunc(v))));
    const shapes = [typeof low === 'bigint' ? [] : low.shape, typeof high === 'bigint' ? [] : high.shape];
    const lows = big(low), highs = big(high);
    if (lows.some((v) => v < I64_MIN)) throw valueError('low is out of bounds for int64');
    if (highs.some((v) => (closed ? v : v - 1n) > I64_MAX)) throw valueError('high is out of bounds for int64');
    let shape = broadcastArgs(shapes);
    if (size != null) {
      const want = toShape(size);
      const joint = broadcastArgs([want, ...shapes]);
      if (joint.length !== want.length || joint.some((d, i) => d !== want[i]))
        throw valueError(`Output size ${tupleStr(want)} is not compatible with broadcast dimensions of inputs ${tupleStr(joint)}.`);
      shape = want;
    }
    const at = (p: bigint | NDArray, i: number, flat: Float64Array | null) => (flat ? BigInt(Math.trunc(flat[i])) : (p as bigint));
    const lf = typeof low === 'bigint' ? null : broadcastTo(low, shape).toFlat();
    const hf = typeof high === 'bigint' ? null : broadcastTo(high, shape).toFlat();
    const out = newArray(shape, 'int64');
    for (let i = 0; i < out.size; i++) if (at(low, i, lf) > (closed ? at(high, i, hf) : at(high, i, hf) - 1n)) throw valueError(closed ? 'low > high' : 'low >= high');
    for (let i = 0; i < out.size; i++) {
      const l = at(low, i, lf), h = at(high, i, hf);
      out.data[i] = Number(this.boundedInt(l, closed ? h : h - 1n));
    }
    return out;
  }

  /** random_interval(max): the index draw of shuffle. */
  interval(max: number): number {
    return interval(this.bitGen, max);
  }

  /** _shuffle_int's draw (Lemire, random_bounded_uint64). */
  boundedIndex(max: number): number {
    return boundedSmall(this.bitGen, max);
  }

  /** `shuffle(x, axis=0)` in place: Fisher-Yates from the end with random_interval, along `axis`. */
  shuffle(x: NDArray, axis = 0): void {
    if (x.ndim === 0) throw new TensorError('TypeError', 'object of type \'numpy.float64\' has no len()');
    const ax = normAxis(axis, x.ndim);
    if (ax !== 0) x = swapaxes(x, 0, ax); // a view: NumPy shuffles np.swapaxes(x, 0, axis)
    const st = x.strides[0], d = x.data, o = x.offset;
    const swap = x.ndim === 1
      ? (i: number, j: number) => {
          const t = d[o + i * st];
          d[o + i * st] = d[o + j * st];
          d[o + j * st] = t;
        }
      : (i: number, j: number) => swapRows(getItem(x, i), getItem(x, j));
    for (let i = x.shape[0] - 1; i > 0; i--) {
      const j = this.interval(i);
      if (i !== j) swap(i, j);
    }
  }

  /**
   * `permutation(x, axis=0)`: a shuffled arange(x), or a copy of x shuffled along `axis` (NumPy shuffles
   * an index array and takes with it: the same draws, the same order).
   */
  permutation(x: number | NDArray, axis = 0): NDArray {
    const arr = typeof x === 'number' ? arange(BigInt(x)) : copy(x);
    if (arr.ndim === 0) throw new TensorError('numpy.exceptions.AxisError', 'axis 0 is out of bounds for array of dimension 0');
    this.shuffle(arr, axis);
    return arr;
  }
}

/** Exchanges the elements of two equally shaped views. */
function swapRows(a: NDArray, b: NDArray): void {
  const offs: number[] = [];
  forEachOffset(a, (o) => void offs.push(o));
  let k = 0;
  forEachOffset(b, (o) => {
    const t = a.data[offs[k]];
    a.data[offs[k++]] = b.data[o];
    b.data[o] = t;
  });
}

/** An np.int64 scalar (a draw of `integers` with size None). */
export function int64Scalar(v: bigint): NDArray {
  return scalarArray(Number(v), 'int64');
}

/** `np.random.default_rng(seed)`. */
export function defaultRng(seed: Entropy | null = null): Generator {
  return new Generator(seed);
}

// The `random` module: CPython's Mersenne Twister (Modules/_randommodule.c: init_by_array seeding
// from the integer's 32-bit words, 53-bit random()) and the algorithms of Lib/random.py (_randbelow
// by getrandbits rejection, shuffle, choice, sample, gauss, normalvariate, choices…), so seeded
// programs print the same numbers as CPython.

// CPython's random calls the C library's log, exp, cos and sin (glibc's, bit for bit here: src/common/libm).
import { glibcExp as exp } from '../../common/libm/glibcExp';
import { glibcLog as log } from '../../common/libm/glibcLog';
import { glibcCos as cos, glibcSin as sin } from '../../common/libm/glibcSin';
import { IndexError, pyErr, TypeError, ValueError } from '../errors';
import { big, floatPow, floatTrueDiv, normBig } from '../numbers';
import { PyFloat, PyList, PyModule, PyTuple, PySet, PyDict, typeName } from '../objects';
import { getItem, len, setItem, toArray, toIndex, call } from '../runtime';
import { builtin, toNumber } from '../nativeUtil';
import { hashOf } from '../builtins';

export class MT19937 {
  private mt = new Uint32Array(624);
  private mti = 625;
  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = 624;
  }
  initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    const n = 624;
    let k = Math.max(n, key.length);
    for (; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= n) {
        mt[0] = mt[n - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (k = n - 1; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= n) {
        mt[0] = mt[n - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.mti = 624;
  }
  next32(): number {
    const mt = this.mt;
    if (this.mti >= 624) {
      if (this.mti === 625) this.initGenrand(5489);
      let kk = 0;
      for (; kk < 624 - 397; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + 397] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < 623; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (397 - 624)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      const y = (mt[623] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[623] = mt[396] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
  random(): number {
    const a = this.next32() >>> 5, b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
  getrandbits(k: number): number | bigint {
    if (k <= 32) return this.next32() >>> (32 - k);
    let r = 0n;
    let shift = 0n;
    let left = k;
    while (left > 0) {
      let w = this.next32();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
      left -= 32;
    }
    return normBig(r);
  }
  getState(): number[] {
    return [...this.mt, this.mti];
  }
  setState(s: number[]): void {
    this.mt.set(s.slice(0, 624));
    this.mti = s[624];
  }
}

function bitLength(n: number | bigint): number {
  return n === 0 || n === 0n ? 0 : (typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n)).toString(2).length;
}

export function makeRandom(): PyModule {
  const g = new MT19937();
  let gaussNext: number | null = null;
  const seed = (a: any) => {
    gaussNext = null;
    if (a === null || a === undefined) {
      g.initByArray([Date.now() >>> 0, (Date.now() / 4294967296) >>> 0]);
      return;
    }
    let n: bigint;
    if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean') n = big(a);
    else if (a instanceof PyFloat) n = BigInt(hashOf(a));
    else if (typeof a === 'string') {
      // CPython (version 2 seeding) uses sha512 of the string; we fall back to the bytes as an integer.
      let x = 0n;
      for (const c of new TextEncoder().encode(a)) x = (x << 8n) | BigInt(c);
      n = x;
    } else throw pyErr(TypeError, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    if (n < 0n) n = -n;
    const key: number[] = [];
    while (n > 0n) {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    if (key.length === 0) key.push(0);
    g.initByArray(key);
  };
  const randbelow = (n: number | bigint): number | bigint => {
    const k = bitLength(n);
    let r = g.getrandbits(k);
    while (r >= n) r = g.getrandbits(k);
    return r;
  };
  const randrange = (args: any[]): any => {
    if (args.length === 0) throw pyErr(TypeError, "randrange() missing 1 required positional argument: 'start'");
    for (const a of args) {
      if (a instanceof PyFloat && !Number.isInteger(a.v)) throw pyErr(TypeError, `'float' object cannot be interpreted as an integer`);
    }
    const ints = args.map((a) => (a instanceof PyFloat ? a.v : typeof a === 'bigint' ? a : toIndex(a)));
    if (ints.length === 1) {
      const stop = ints[0];
      if (stop > 0) return randbelow(stop);
      throw pyErr(ValueError, 'empty range for randrange()');
    }
    const [start, stop] = ints;
    const step = ints.length > 2 ? Number(ints[2]) : 1;
    const width = Number(stop) - Number(start);
    if (step === 1) {
      if (width > 0) return normBig(big(start) + big(randbelow(width)));
      throw pyErr(ValueError, `empty range in randrange(${start}, ${stop})`);
    }
    const n = step > 0 ? Math.floor((width + step - 1) / step) : Math.floor((width + step + 1) / step);
    if (n <= 0) throw pyErr(ValueError, 'empty range for randrange()');
    return Number(start) + step * Number(randbelow(n));
  };
  const d = new Map<string, any>();
  d.set('seed', builtin('seed', (a, kw) => {
    seed(a.length ? a[0] : kw?.get('a') ?? null);
    return null;
  }));
  d.set('random', builtin('random', () => new PyFloat(g.random())));
  d.set('getrandbits', builtin('getrandbits', (a) => g.getrandbits(toIndex(a[0]))));
  d.set('randrange', builtin('randrange', (a) => randrange(a)));
  d.set('randint', builtin('randint', (a) => {
    if (a.length !== 2) throw pyErr(TypeError, `randint() missing 1 required positional argument: 'b'`);
    return randrange([a[0], normBig(big(toIndex(a[1])) + 1n)]);
  }));
  d.set('uniform', builtin('uniform', (a) => {
    const lo = toNumber(a[0]), hi = toNumber(a[1]);
    return new PyFloat(lo + (hi - lo) * g.random());
  }));
  d.set('choice', builtin('choice', (a) => {
    const seq = a[0];
    const n = len(seq);
    if (n === 0) throw pyErr(IndexError, 'Cannot choose from an empty sequence');
    return getItem(seq, randbelow(n));
  }));
  d.set('shuffle', builtin('shuffle', (a) => {
    const x = a[0];
    for (let i = len(x) - 1; i > 0; i--) {
      const j = Number(randbelow(i + 1));
      const xi = getItem(x, i), xj = getItem(x, j);
      setItem(x, i, xj);
      setItem(x, j, xi);
    }
    return null;
  }));
  d.set('sample', builtin('sample', (a, kw) => {
    const popArg = a[0];
    if (popArg instanceof PySet || popArg instanceof PyDict) throw pyErr(TypeError, 'Population must be a sequence.  For dicts or sets, use sorted(d).');
    const pop = toArray(popArg);
    const k = toIndex(a.length > 1 ? a[1] : kw?.get('k'));
    const n = pop.length;
    if (k < 0 || k > n) throw pyErr(ValueError, 'Sample larger than population or is negative');
    const result: any[] = new Array(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(log(k * 3) / log(4));
    if (n <= setsize) {
      const pool = pop.slice();
      for (let i = 0; i < k; i++) {
        const j = Number(randbelow(n - i));
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = Number(randbelow(n));
        while (selected.has(j)) j = Number(randbelow(n));
        selected.add(j);
        result[i] = pop[j];
      }
    }
    return new PyList(result);
  }));
  d.set('choices', builtin('choices', (a, kw) => {
    const pop = toArray(a[0]);
    const n = pop.length;
    const weights = a.length > 1 ? a[1] : kw?.get('weights') ?? null;
    let cum = kw?.get('cum_weights') ?? null;
    const k = toIndex(kw?.get('k') ?? 1);
    if (weights === null && cum === null) {
      const out: any[] = [];
      for (let i = 0; i < k; i++) out.push(pop[Math.floor(g.random() * n)]);
      return new PyList(out);
    }
    let cw: number[];
    if (cum === null) {
      cw = [];
      let acc = 0;
      for (const w of toArray(weights)) cw.push((acc += toNumber(w)));
    } else cw = toArray(cum).map((x) => toNumber(x));
    if (cw.length !== n) throw pyErr(ValueError, 'The number of weights does not match the population');
    const total = cw[n - 1];
    if (total <= 0) throw pyErr(ValueError, 'Total of weights must be greater than zero');
    const out: any[] = [];
    for (let i = 0; i < k; i++) {
      const x = g.random() * total;
      let lo = 0, hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x < cw[mid]) hi = mid;
        else lo = mid + 1;
      }
      out.push(pop[lo]);
    }
    void cum;
    cum = null;
    return new PyList(out);
  }));
  d.set('gauss', builtin('gauss', (a, kw) => {
    const mu = a.length > 0 ? toNumber(a[0]) : kw?.has('mu') ? toNumber(kw.get('mu')) : 0;
    const sigma = a.length > 1 ? toNumber(a[1]) : kw?.has('sigma') ? toNumber(kw.get('sigma')) : 1;
    let z = gaussNext;
    gaussNext = null;
    if (z === null) {
      const x2pi = g.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2.0 * log(1.0 - g.random()));
      z = cos(x2pi) * g2rad;
      gaussNext = sin(x2pi) * g2rad;
    }
    return new PyFloat(mu + z * sigma);
  }));
  const NV_MAGICCONST = (4 * exp(-0.5)) / Math.sqrt(2.0);
  const normal = (a: any[], kw: Map<string, any> | null) => {
    const mu = a.length > 0 ? toNumber(a[0]) : kw?.has('mu') ? toNumber(kw.get('mu')) : 0;
    const sigma = a.length > 1 ? toNumber(a[1]) : kw?.has('sigma') ? toNumber(kw.get('sigma')) : 1;
    let z: number;
    for (;;) {
      const u1 = g.random();
      const u2 = 1.0 - g.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -log(u2)) break;
    }
    return new PyFloat(mu + z * sigma);
  };
  d.set('normalvariate', builtin('normalvariate', normal));
  installVariates(d, g, normal);
  d.set('expovariate', builtin('expovariate', (a) => new PyFloat(-log(1.0 - g.random()) / toNumber(a[0] ?? 1))));
  d.set('triangular', builtin('triangular', (a) => {
    const low = toNumber(a[0] ?? 0), high = toNumber(a[1] ?? 1);
    let c = a.length > 2 && a[2] !== null ? (toNumber(a[2]) - low) / (high - low) : 0.5;
    let u = g.random();
    let lo = low, hi = high;
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [lo, hi] = [hi, lo];
    }
    return new PyFloat(lo + (hi - lo) * Math.sqrt(u * c));
  }));
  d.set('getstate', builtin('getstate', () => new PyTuple([...g.getState(), gaussNext === null ? null : new PyFloat(gaussNext)])));
  d.set('setstate', builtin('setstate', (a) => {
    const items = (a[0] as PyTuple).items;
    g.setState(items.slice(0, 625) as number[]);
    const gn = items[625];
    gaussNext = gn instanceof PyFloat ? gn.v : null;
    return null;
  }));
  void call;
  void typeName;
  return new PyModule('random', d);
}

/** Random.<name>()'s TypeError when positional arguments are missing (CPython's wording). */
function required(name: string, a: any[], names: readonly string[]): void {
  if (a.length >= names.length) return;
  const miss = names.slice(a.length).map((n) => `'${n}'`);
  const list = miss.length === 1 ? miss[0] : miss.length === 2 ? `${miss[0]} and ${miss[1]}` : `${miss.slice(0, -1).join(', ')}, and ${miss[miss.length - 1]}`;
  throw pyErr(TypeError, `Random.${name}() missing ${miss.length} required positional argument${miss.length > 1 ? 's' : ''}: ${list}`);
}

/**
 * The variates CPython's random.py builds on random(), log and exp (Lib/random.py, 3.11): lognormal,
 * Pareto, Weibull, gamma (Cheng's algorithm above alpha 1, Kennedy & Gentle's GS below) and beta.
 * Powers are float ** (C's pow) and divisions raise as Python's do.
 */
function installVariates(d: Map<string, any>, g: MT19937, normal: (a: any[], kw: Map<string, any> | null) => PyFloat): void {
  const LOG4 = log(4.0), SG_MAGICCONST = 1.0 + log(4.5);
  const gamma = (alpha: number, beta: number): number => {
    if (alpha <= 0.0 || beta <= 0.0) throw pyErr(ValueError, 'gammavariate: alpha and beta must be > 0.0');
    if (alpha > 1.0) {
      const ainv = Math.sqrt(2.0 * alpha - 1.0), bbb = alpha - LOG4, ccc = alpha + ainv;
      for (;;) {
        const u1 = g.random();
        if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
        const u2 = 1.0 - g.random();
        const v = log(u1 / (1.0 - u1)) / ainv;
        const x = alpha * exp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= log(z)) return x * beta;
      }
    }
    if (alpha === 1.0) return -log(1.0 - g.random()) * beta;
    for (;;) {
      const u = g.random();
      const b = (Math.E + alpha) / Math.E;
      const p = b * u;
      const x = p <= 1.0 ? floatPow(p, 1.0 / alpha) : -log((b - p) / alpha);
      const u1 = g.random();
      if (p > 1.0 ? u1 <= floatPow(x, alpha - 1.0) : u1 <= exp(-x)) return x * beta;
    }
  };
  d.set('lognormvariate', builtin('lognormvariate', (a, kw) => {
    required('lognormvariate', a, ['mu', 'sigma']);
    return new PyFloat(exp(normal(a, kw).v));
  }));
  d.set('paretovariate', builtin('paretovariate', (a) => {
    required('paretovariate', a, ['alpha']);
    const u = 1.0 - g.random();
    return new PyFloat(floatPow(u, floatTrueDiv(-1.0, toNumber(a[0]))));
  }));
  d.set('weibullvariate', builtin('weibullvariate', (a) => {
    required('weibullvariate', a, ['alpha', 'beta']);
    const u = 1.0 - g.random();
    return new PyFloat(toNumber(a[0]) * floatPow(-log(u), floatTrueDiv(1.0, toNumber(a[1]))));
  }));
  d.set('gammavariate', builtin('gammavariate', (a) => {
    required('gammavariate', a, ['alpha', 'beta']);
    return new PyFloat(gamma(toNumber(a[0]), toNumber(a[1])));
  }));
  d.set('betavariate', builtin('betavariate', (a) => {
    required('betavariate', a, ['alpha', 'beta']);
    const y = gamma(toNumber(a[0]), 1.0);
    return new PyFloat(y ? y / (y + gamma(toNumber(a[1]), 1.0)) : 0.0);
  }));
}

// The numeric evaluator for property checks: evaluates a NumExpr at deterministic random sample points.
// Variables are drawn lazily from a seeded generator per (name, indices), so `z_5` has a value without
// declaring a dimension, and every run of the linter gives the same evidence in its messages.

import type { NumExpr, NumFn } from './evaluateExpr';

/** What a symbol ranges over; chosen by the caller from roles (hats are predictions, y labels, z logits). */
/**
 * `count` is the index-set size (K, N as Σ bounds); `integer` a layer width or step in [2, 256]; `small` a
 * stabilising ε in [1e-8, 1e-3].
 */
export type SampleRole = 'real' | 'positive' | 'unit' | 'simplex' | 'count' | 'integer' | 'small';

export interface SampleOptions {
  readonly seed: number;
  /** Size of the index set {1..size} that an unbounded Σ_k runs over, and the value of counts (K, N). */
  readonly size?: number;
  readonly roles?: ReadonlyMap<string, SampleRole>;
  /** Role of a name not in `roles`. */
  readonly defaultRole?: SampleRole;
  /**
   * Fixed values instead of draws (tests, evidence replay): a number for a scalar, nested arrays for
   * indexed variables, 1-based as in the formula (`z_1` is the first element).
   */
  readonly values?: ReadonlyMap<string, FixedValue>;
}

export type FixedValue = number | readonly FixedValue[];

/** mulberry32: a tiny, well-distributed 32-bit PRNG; deterministic across platforms. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive a per-variable stream from the seed and the variable's key. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Rounds to two decimals for readable evidence; values are drawn already rounded so evidence is exact. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/** One sample point: a lazily filled assignment of values to variables. */
export class SamplePoint {
  readonly size: number;
  private readonly values = new Map<string, number>();
  /** The variables read while evaluating, in first-read order, for evidence in messages. */
  readonly reads = new Map<string, number[]>();
  /**
   * Σ/Π iterations left at this point: nested sums with large bounds (`\sum_{i=1}^{1000}\sum_{j=1}^{1000}`)
   * give NaN instead of stalling the linter while the user types.
   */
  steps = 20_000;

  constructor(private readonly opts: SampleOptions) {
    this.size = opts.size ?? 3;
  }

  role(name: string): SampleRole {
    return this.opts.roles?.get(name) ?? this.opts.defaultRole ?? 'real';
  }

  value(name: string, idx: readonly number[]): number {
    const key = idx.length ? `${name}_${idx.join(',')}` : name;
    let x = this.values.get(key);
    if (x === undefined) {
      x = this.draw(name, idx);
      this.values.set(key, x);
    }
    if (!this.reads.has(name)) this.reads.set(name, [...idx]);
    return x;
  }

  private draw(name: string, idx: readonly number[]): number {
    const fixed = this.opts.values?.get(name);
    if (fixed !== undefined) {
      let v: FixedValue | undefined = fixed;
      for (const i of idx) v = Array.isArray(v) ? (v as readonly FixedValue[])[i - 1] : undefined;
      return typeof v === 'number' ? v : NaN;
    }
    const role = this.role(name);
    if (role === 'count') return this.size;
    if (role === 'simplex') {
      // A probability vector over the index set {1..size}: positive weights normalised to sum 1. Indices
      // outside the set get 0, as a one-hot label's other components do.
      const i = idx[idx.length - 1] ?? 1;
      if (i < 1 || i > this.size) return 0;
      const prefix = idx.slice(0, -1).join(',');
      const w = (j: number) => 0.2 + mulberry32(hash(`${name}|${prefix}|${j}`, this.opts.seed))();
      let total = 0;
      for (let j = 1; j <= this.size; j++) total += w(j);
      return w(i) / total;
    }
    const r = mulberry32(hash(`${name}|${idx.join(',')}`, this.opts.seed))();
    if (role === 'integer') return 2 + Math.floor(r * 255);
    if (role === 'small') return Number((10 ** -(3 + 5 * r)).toPrecision(2));
    if (role === 'positive') return round2(0.2 + 2.8 * r);
    if (role === 'unit') return round2(0.05 + 0.9 * r);
    return round2(-2 + 4 * r);
  }

  /**
   * `z = (0.3, −1.2, 0.8)` style evidence: the vector of the first read's last index over {1..size} (a
   * matrix row `t_{1,·}` for two indices), or the scalar's value. `display` renders the name.
   */
  describe(name: string, display: (n: string) => string = (n) => n): string {
    const first = this.reads.get(name);
    if (!first || first.length === 0) return `${display(name)} = ${fmt(this.value(name, []))}`;
    const prefix = first.slice(0, -1);
    const comps: string[] = [];
    for (let i = 1; i <= this.size; i++) comps.push(fmt(this.value(name, [...prefix, i])));
    const label = prefix.length ? `${display(name)}_${prefix.join(',')},·` : display(name);
    return `${label} = (${comps.join(', ')})`;
  }
}

/** Numbers as evidence: at most 3 significant decimals, a true minus sign. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  const r = Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : Math.abs(x) >= 100 ? x.toFixed(1) : Number(x.toPrecision(3)).toString();
  return r.replace(/^-/, '−');
}

const FNS: Record<NumFn, (x: number) => number> = {
  exp: Math.exp,
  log: (x) => (x > 0 ? Math.log(x) : x === 0 ? -Infinity : NaN),
  log2: (x) => (x >= 0 ? Math.log2(x) : NaN),
  log10: (x) => (x >= 0 ? Math.log10(x) : NaN),
  sqrt: (x) => (x >= 0 ? Math.sqrt(x) : NaN),
  abs: Math.abs,
  sigma: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  // log(1 + e^x) computed stably: max(x, 0) + log1p(e^{-|x|}).
  softplus: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  relu: (x) => Math.max(x, 0),
  sin: Math.sin,
  cos: Math.cos,
  norm: () => NaN,
};

/** Largest index range a Σ/Π may run over; beyond it the value is NaN (checks stay silent, never hang). */
const MAX_RANGE = 1000;

/**
 * Evaluates `e` at `point`. Indices bound by Σ/Π are integers in `bound`; a bare name that is bound evaluates
 * to its integer. Undefined results (log of a negative, unknown nodes) are NaN, never exceptions.
 */
export function evaluate(e: NumExpr, point: SamplePoint, bound: Map<string, number> = new Map()): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'var': {
      if (e.idx.length === 0 && bound.has(e.name)) return bound.get(e.name)!;
      const idx: number[] = [];
      for (const i of e.idx) {
        const x = evaluate(i, point, bound);
        if (!Number.isInteger(x)) return NaN;
        idx.push(x);
      }
      return point.value(e.name, idx);
    }
    case 'add': {
      let s = 0;
      for (const t of e.terms) s += evaluate(t, point, bound);
      return s;
    }
    case 'neg':
      return -evaluate(e.x, point, bound);
    case 'mul': {
      let p = 1;
      for (const f of e.factors) p *= evaluate(f, point, bound);
      return p;
    }
    case 'div':
      return evaluate(e.num, point, bound) / evaluate(e.den, point, bound);
    case 'pow':
      return Math.pow(evaluate(e.base, point, bound), evaluate(e.exp, point, bound));
    case 'fn':
      return FNS[e.fn](evaluate(e.arg, point, bound));
    case 'softmax': {
      const j = evaluate(e.idx, point, bound);
      if (!Number.isInteger(j) || j < 1 || j > point.size) return NaN;
      let z = 0;
      for (let k = 1; k <= point.size; k++) z += Math.exp(point.value(e.vec, [k]));
      return Math.exp(point.value(e.vec, [j])) / z;
    }
    case 'big': {
      const from = e.from ? evaluate(e.from, point, bound) : 1;
      const to = e.to ? evaluate(e.to, point, bound) : e.from ? from + point.size - 1 : point.size;
      if (!Number.isInteger(from) || !Number.isInteger(to) || to - from > MAX_RANGE) return NaN;
      const saved = bound.get(e.index);
      let acc = e.op === 'sum' ? 0 : 1;
      for (let i = from; i <= to; i++) {
        if (--point.steps < 0) {
          acc = NaN;
          break;
        }
        bound.set(e.index, i);
        const x = evaluate(e.body, point, bound);
        acc = e.op === 'sum' ? acc + x : acc * x;
      }
      if (saved === undefined) bound.delete(e.index);
      else bound.set(e.index, saved);
      return acc;
    }
    case 'unknown':
      return NaN;
  }
}

/** Evaluates at `count` seeded points; `seed` makes the run reproducible. */
export function samplePoints(opts: Omit<SampleOptions, 'seed'>, count: number, seed = 1): SamplePoint[] {
  const out: SamplePoint[] = [];
  for (let i = 0; i < count; i++) out.push(new SamplePoint({ ...opts, seed: seed + i * 7919 }));
  return out;
}

export interface Disagreement {
  readonly point: SamplePoint;
  readonly left: number;
  readonly right: number;
}

/**
 * Compares two expressions numerically at seeded points with a relative tolerance. Returns the first point
 * where both are finite and differ, undefined when they agree everywhere (or never evaluate).
 */
export function findDisagreement(
  a: NumExpr,
  b: NumExpr,
  opts: Omit<SampleOptions, 'seed'>,
  count = 8,
  tol = 1e-6,
): Disagreement | undefined {
  for (const point of samplePoints(opts, count)) {
    const left = evaluate(a, point);
    const right = evaluate(b, point);
    if (!Number.isFinite(left) || !Number.isFinite(right)) continue;
    if (Math.abs(left - right) > tol * Math.max(1, Math.abs(left), Math.abs(right))) return { point, left, right };
  }
  return undefined;
}

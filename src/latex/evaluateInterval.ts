// Interval reasoning over NumExpr: the range an expression can take given the ranges of its variables,
// for the log-domain check. Bounds carry openness, so (0, 1) for a softmax output and [0, 1] for a one-hot
// label stay apart: log is safe on the first and −∞ on the second. Unknown ranges propagate as undefined,
// so a check only speaks when every variable it depends on has a known role.

import type { NumExpr } from './evaluateExpr';

export interface Interval {
  readonly lo: number;
  readonly hi: number;
  /** True when the bound itself is excluded. */
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export const iv = (lo: number, hi: number, loOpen = false, hiOpen = false): Interval => ({ lo, hi, loOpen: loOpen || lo === -Infinity, hiOpen: hiOpen || hi === Infinity });

/** Ranges of variables by name; undefined = unknown. */
export type RangeOf = (name: string, indexed: boolean) => Interval | undefined;

const POS: Interval = iv(0, Infinity, true);
const NONNEG: Interval = iv(0, Infinity);

function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi, loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen };
}

function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo, loOpen: a.hiOpen, hiOpen: a.loOpen };
}

function mul(a: Interval, b: Interval): Interval | undefined {
  // Sign-definite cases are all the log check needs; mixed signs give the full hull of corner products.
  const corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
  const lo = Math.min(...corners);
  const hi = Math.max(...corners);
  const strictlyPositive = (x: Interval) => x.lo > 0 || (x.lo === 0 && x.loOpen);
  const loOpen = lo === 0 ? strictlyPositive(a) && strictlyPositive(b) : false;
  return iv(lo, hi, loOpen, false);
}

function div(a: Interval, b: Interval): Interval | undefined {
  const bPos = b.lo > 0 || (b.lo === 0 && b.loOpen);
  if (!bPos) return undefined;
  const aPos = a.lo > 0 || (a.lo === 0 && a.loOpen);
  if (aPos) return POS;
  if (a.lo >= 0) return NONNEG;
  return undefined;
}

/** The range of `e`, or undefined when some part has no known range. */
export function intervalOf(e: NumExpr, rangeOf: RangeOf): Interval | undefined {
  switch (e.k) {
    case 'num':
      return iv(e.v, e.v);
    case 'var':
      return rangeOf(e.name, e.idx.length > 0);
    case 'add': {
      let acc: Interval | undefined = iv(0, 0);
      for (const t of e.terms) {
        const x = intervalOf(t, rangeOf);
        if (!x || !acc) return undefined;
        acc = add(acc, x);
      }
      return acc;
    }
    case 'neg': {
      const x = intervalOf(e.x, rangeOf);
      return x && neg(x);
    }
    case 'mul': {
      let acc: Interval | undefined = iv(1, 1);
      for (const f of e.factors) {
        const x = intervalOf(f, rangeOf);
        if (!x || !acc) return undefined;
        acc = mul(acc, x);
      }
      return acc;
    }
    case 'div': {
      const a = intervalOf(e.num, rangeOf);
      const b = intervalOf(e.den, rangeOf);
      return a && b ? div(a, b) : undefined;
    }
    case 'pow': {
      if (e.exp.k === 'num' && Number.isInteger(e.exp.v) && e.exp.v % 2 === 0 && e.exp.v > 0) {
        const b = intervalOf(e.base, rangeOf);
        if (!b) return undefined;
        const excludesZero = b.lo > 0 || (b.lo === 0 && b.loOpen) || b.hi < 0 || (b.hi === 0 && b.hiOpen);
        // tanh² stays in [0, 1): the larger end of |b| bounds the square, with its openness.
        const top = Math.max(Math.abs(b.lo), Math.abs(b.hi));
        const topOpen = Math.abs(b.lo) === top ? b.loOpen && (Math.abs(b.hi) < top || b.hiOpen) : b.hiOpen;
        const lo = excludesZero ? Math.min(b.lo * b.lo, b.hi * b.hi) : 0;
        return iv(lo, Math.pow(top, e.exp.v), excludesZero && lo === 0, topOpen);
      }
      const b = intervalOf(e.base, rangeOf);
      return b && (b.lo > 0 || (b.lo === 0 && b.loOpen)) ? POS : undefined;
    }
    case 'fn':
      switch (e.fn) {
        case 'exp':
        case 'softplus':
          return POS;
        case 'sigma':
          return iv(0, 1, true, true);
        case 'tanh':
          return iv(-1, 1, true, true);
        case 'relu':
        case 'abs':
        case 'norm':
          return NONNEG;
        case 'sqrt': {
          const a = intervalOf(e.arg, rangeOf);
          return a && (a.lo > 0 || (a.lo === 0 && a.loOpen)) ? POS : NONNEG;
        }
        default:
          return undefined;
      }
    case 'softmax':
      return iv(0, 1, true, true);
    case 'big': {
      const body = intervalOf(e.body, () => undefined) ?? intervalOf(e.body, (n, i) => (n === e.index ? undefined : rangeOf(n, i)));
      if (!body || e.op !== 'sum') return undefined;
      if (body.lo > 0 || (body.lo === 0 && body.loOpen)) return POS;
      if (body.lo >= 0) return NONNEG;
      return iv(-Infinity, Infinity);
    }
    default:
      return undefined;
  }
}

/** True when the interval contains 0 or negative numbers. */
export function reachesNonPositive(x: Interval): boolean {
  return x.lo < 0 || (x.lo === 0 && !x.loOpen);
}

export function showInterval(x: Interval): string {
  const f = (v: number) => (v === Infinity ? '∞' : v === -Infinity ? '−∞' : String(v).replace(/^-/, '−'));
  return `${x.loOpen ? '(' : '['}${f(x.lo)}, ${f(x.hi)}${x.hiOpen ? ')' : ']'}`;
}

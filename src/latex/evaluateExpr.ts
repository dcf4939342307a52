// The numeric expression form the evaluator runs: a small, closed set of nodes that both the LaTeX tree
// adapter (evaluateFromTree.ts) and the python code reader (lint/codeNumeric.ts) translate into, so one
// evaluator checks formulas and code alike. Plain data, no ranges: callers keep the source node beside it.

export type NumFn =
  | 'exp' | 'log' | 'log2' | 'log10' | 'sqrt' | 'abs'
  | 'sigma' | 'tanh' | 'softplus' | 'relu' | 'sin' | 'cos'
  /** A vector norm ‖x‖: no numeric value (NaN), but non-negative for interval reasoning. */
  | 'norm';

export type NumExpr =
  | { readonly k: 'num'; readonly v: number }
  /** A variable, scalar (`x`, `n_in`) or indexed (`z_j`, `W_{ij}`); `name` carries its decoration (`hat y`). */
  | { readonly k: 'var'; readonly name: string; readonly idx: readonly NumExpr[] }
  | { readonly k: 'add'; readonly terms: readonly NumExpr[] }
  | { readonly k: 'neg'; readonly x: NumExpr }
  | { readonly k: 'mul'; readonly factors: readonly NumExpr[] }
  | { readonly k: 'div'; readonly num: NumExpr; readonly den: NumExpr }
  | { readonly k: 'pow'; readonly base: NumExpr; readonly exp: NumExpr }
  | { readonly k: 'fn'; readonly fn: NumFn; readonly arg: NumExpr }
  /** `softmax(z)_j`: the j-th component of softmax over the vector named `vec`. */
  | { readonly k: 'softmax'; readonly vec: string; readonly idx: NumExpr }
  /** Σ/Π over `index` from `from` to `to` inclusive; without bounds, over the sample space's index set. */
  | { readonly k: 'big'; readonly op: 'sum' | 'prod'; readonly index: string; readonly from?: NumExpr; readonly to?: NumExpr; readonly body: NumExpr }
  /** Anything the adapter could not translate; evaluates to NaN so checks stay silent rather than guess. */
  | { readonly k: 'unknown'; readonly why: string };

export const num = (v: number): NumExpr => ({ k: 'num', v });
export const v = (name: string, ...idx: NumExpr[]): NumExpr => ({ k: 'var', name, idx });
export const add = (...terms: NumExpr[]): NumExpr => ({ k: 'add', terms });
export const neg = (x: NumExpr): NumExpr => ({ k: 'neg', x });
export const mul = (...factors: NumExpr[]): NumExpr => ({ k: 'mul', factors });
export const div = (n: NumExpr, d: NumExpr): NumExpr => ({ k: 'div', num: n, den: d });
export const pow = (base: NumExpr, exp: NumExpr): NumExpr => ({ k: 'pow', base, exp });
export const fn = (f: NumFn, arg: NumExpr): NumExpr => ({ k: 'fn', fn: f, arg });
export const sub = (a: NumExpr, b: NumExpr): NumExpr => add(a, neg(b));
export const big = (op: 'sum' | 'prod', index: string, body: NumExpr, from?: NumExpr, to?: NumExpr): NumExpr => ({ k: 'big', op, index, body, from, to });
export const unknown = (why: string): NumExpr => ({ k: 'unknown', why });

/** True when the expression contains a node the adapter could not translate. */
export function hasUnknown(e: NumExpr): boolean {
  let found = false;
  visit(e, (n) => {
    if (n.k === 'unknown') found = true;
  });
  return found;
}

/** Pre-order walk over every node. */
export function visit(e: NumExpr, f: (n: NumExpr) => void): void {
  f(e);
  switch (e.k) {
    case 'var':
      e.idx.forEach((i) => visit(i, f));
      return;
    case 'add':
      e.terms.forEach((t) => visit(t, f));
      return;
    case 'mul':
      e.factors.forEach((t) => visit(t, f));
      return;
    case 'neg':
      visit(e.x, f);
      return;
    case 'div':
      visit(e.num, f);
      visit(e.den, f);
      return;
    case 'pow':
      visit(e.base, f);
      visit(e.exp, f);
      return;
    case 'fn':
      visit(e.arg, f);
      return;
    case 'softmax':
      visit(e.idx, f);
      return;
    case 'big':
      if (e.from) visit(e.from, f);
      if (e.to) visit(e.to, f);
      visit(e.body, f);
      return;
    default:
      return;
  }
}

/** The free variable names (not bound by a Σ/Π inside `e`), for choosing what to sample. */
export function freeVars(e: NumExpr, bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const go = (n: NumExpr, b: ReadonlySet<string>): void => {
    switch (n.k) {
      case 'var':
        if (!b.has(n.name)) out.add(n.name);
        n.idx.forEach((i) => go(i, b));
        return;
      case 'big': {
        if (n.from) go(n.from, b);
        if (n.to) go(n.to, b);
        go(n.body, new Set([...b, n.index]));
        return;
      }
      case 'softmax':
        out.add(n.vec);
        go(n.idx, b);
        return;
      case 'add':
        n.terms.forEach((t) => go(t, b));
        return;
      case 'mul':
        n.factors.forEach((t) => go(t, b));
        return;
      case 'neg':
        go(n.x, b);
        return;
      case 'div':
        go(n.num, b);
        go(n.den, b);
        return;
      case 'pow':
        go(n.base, b);
        go(n.exp, b);
        return;
      case 'fn':
        go(n.arg, b);
        return;
      default:
        return;
    }
  };
  go(e, bound);
  return out;
}

/** A compact, readable rendering for messages and test failures (`sum_k(exp(z_k))`). */
export function show(e: NumExpr): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'var':
      return e.idx.length ? `${e.name}_${e.idx.map(show).join(',')}` : e.name;
    case 'add':
      return `(${e.terms.map(show).join(' + ')})`;
    case 'neg':
      return `-${show(e.x)}`;
    case 'mul':
      return e.factors.map(show).join('*');
    case 'div':
      return `(${show(e.num)})/(${show(e.den)})`;
    case 'pow':
      return `${show(e.base)}^(${show(e.exp)})`;
    case 'fn':
      return `${e.fn}(${show(e.arg)})`;
    case 'softmax':
      return `softmax(${e.vec})_${show(e.idx)}`;
    case 'big':
      return `${e.op}_${e.index}${e.from ? `=${show(e.from)}` : ''}${e.to ? `..${show(e.to)}` : ''}(${show(e.body)})`;
    case 'unknown':
      return `?${e.why}`;
  }
}

/** `e` with every variable `from` (scalar use) renamed `to`: binds a code parameter to a formula's variable. */
export function renameVar(e: NumExpr, from: string, to: string): NumExpr {
  const r = (x: NumExpr) => renameVar(x, from, to);
  switch (e.k) {
    case 'var':
      return { k: 'var', name: e.name === from ? to : e.name, idx: e.idx.map(r) };
    case 'add':
      return { k: 'add', terms: e.terms.map(r) };
    case 'mul':
      return { k: 'mul', factors: e.factors.map(r) };
    case 'neg':
      return { k: 'neg', x: r(e.x) };
    case 'div':
      return { k: 'div', num: r(e.num), den: r(e.den) };
    case 'pow':
      return { k: 'pow', base: r(e.base), exp: r(e.exp) };
    case 'fn':
      return { k: 'fn', fn: e.fn, arg: r(e.arg) };
    case 'softmax':
      return { k: 'softmax', vec: e.vec === from ? to : e.vec, idx: r(e.idx) };
    case 'big':
      return e.index === from ? e : { ...e, from: e.from && r(e.from), to: e.to && r(e.to), body: r(e.body) };
    default:
      return e;
  }
}

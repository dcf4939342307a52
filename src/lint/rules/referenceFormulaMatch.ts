// Template matching for reference-formula: which derivative a left side names (σ′(x), tanh′(x), d/dx σ(x),
// ∂σ(z)/∂z), which initialisation quantity an expression is (a U(−a, a) bound, an N(0, v) variance, the
// right side of σ = …, Var(W) = …), and which layer widths (fans) it divides by.

import { evaluate, samplePoints, type SamplePoint } from '../../latex/evaluate';
import * as N from '../../latex/evaluateExpr';
import { toNum } from '../../latex/evaluateFromTree';
import { mlRoles } from '../../latex/evaluateRoles';
import { walk, type Expr } from '../../latex/tree';
import { EQUALITIES, statements } from '../indices';

export interface DerivativeLhs {
  readonly fn: 'sigma' | 'tanh';
  /** The variable's NumExpr name (`x`, `z`). */
  readonly variable: string;
  /** Its TeX, for the fix (`x`, `z_j` is not accepted: scalars only). */
  readonly argText: string;
}

/** A single prime: KaTeX reads both `'` and `^\prime` as the symbol \prime (the source span of `'` is not used). */
const isPrime = (sup: Expr | undefined, _tex: string) => sup?.kind === 'symbol' && sup.name === '\\prime';

function fnName(e: Expr): 'sigma' | 'tanh' | undefined {
  if (e.kind === 'symbol' && e.name === '\\sigma' && !e.accent) return 'sigma';
  if (e.kind === 'operator' && (e.name === '\\tanh' || e.name === 'tanh')) return 'tanh';
  return undefined;
}

/** A single-letter variable (`x`, `z`), the only arguments the derivative check samples. */
function variableOf(e: Expr, tex: string): { variable: string; argText: string } | undefined {
  const inner = e.kind === 'fence' ? e.body : e;
  if (inner.kind === 'symbol' && /^([A-Za-z]|\\[a-z]+)$/.test(inner.name) && !inner.accent) {
    return { variable: inner.name, argText: tex.slice(inner.span.start, inner.span.end) };
  }
  return undefined;
}

/** `d` or `\partial` followed by what it differentiates: the parts of a Leibniz fraction. */
function differential(e: Expr): Expr[] | undefined {
  if (e.kind !== 'product' || e.factors.length < 2) return undefined;
  const d = e.factors[0];
  if (d.kind !== 'symbol' || (d.name !== 'd' && d.name !== '\\partial')) return undefined;
  return e.factors.slice(1);
}

/** `f(x)` or `f` (bare), as a function name and argument. */
function applied(parts: Expr[], tex: string): { fn: 'sigma' | 'tanh'; arg?: { variable: string; argText: string } } | undefined {
  if (parts.length === 1) {
    const p = parts[0];
    if (p.kind === 'apply') {
      const fn = fnName(p.fn);
      return fn ? { fn, arg: variableOf(p.arg, tex) } : undefined;
    }
    const fn = fnName(p);
    return fn ? { fn } : undefined;
  }
  if (parts.length === 2 && parts[1].kind === 'fence') {
    const fn = fnName(parts[0]);
    return fn ? { fn, arg: variableOf(parts[1], tex) } : undefined;
  }
  return undefined;
}

export function derivativeOf(lhs: Expr, tex: string): DerivativeLhs | undefined {
  // σ′(x), tanh′(x): a primed function applied (or juxtaposed) to a fenced variable; bare σ′ means σ′(x).
  const primed = (fn: Expr, arg: Expr | undefined): DerivativeLhs | undefined => {
    if (fn.kind !== 'script' || fn.sub || !isPrime(fn.sup, tex)) return undefined;
    const name = fnName(fn.base);
    if (!name) return undefined;
    if (!arg) return { fn: name, variable: 'x', argText: 'x' };
    const v = variableOf(arg, tex);
    return v ? { fn: name, ...v } : undefined;
  };
  if (lhs.kind === 'apply') return primed(lhs.fn, lhs.arg);
  if (lhs.kind === 'product' && lhs.factors.length === 2 && lhs.factors[1].kind === 'fence') return primed(lhs.factors[0], lhs.factors[1]);
  if (lhs.kind === 'script') return primed(lhs, undefined);
  // \frac{d\sigma(x)}{dx}, \frac{\partial \tanh(z)}{\partial z}, \frac{d\sigma}{dx}
  if (lhs.kind === 'frac') {
    const num = differential(lhs.num);
    const den = differential(lhs.den);
    if (!num || !den || den.length !== 1) return undefined;
    const v = variableOf(den[0], tex);
    const f = applied(num, tex);
    if (!v || !f || (f.arg && f.arg.variable !== v.variable)) return undefined;
    return { fn: f.fn, ...v };
  }
  // \frac{d}{dx}\sigma(x)
  if (lhs.kind === 'product' && lhs.factors[0].kind === 'frac') {
    const frac = lhs.factors[0];
    const isD = frac.num.kind === 'symbol' && (frac.num.name === 'd' || frac.num.name === '\\partial');
    const den = differential(frac.den);
    if (!isD || !den || den.length !== 1) return undefined;
    const v = variableOf(den[0], tex);
    const f = applied(lhs.factors.slice(1), tex);
    if (!v || !f || !f.arg || f.arg.variable !== v.variable) return undefined;
    return { fn: f.fn, ...v };
  }
  return undefined;
}

export type InitKind = 'uniform' | 'std' | 'variance';

function calleeName(fn: Expr): string | undefined {
  if (fn.kind === 'symbol') return fn.name;
  if (fn.kind === 'operator') return fn.name.replace(/^\\/, '');
  return undefined;
}

/** Initialisation quantities in a formula: U(−a, a) bounds, N(0, v) variances, σ = …, Var(W) = …. */
export interface InitQuantity {
  readonly expr: Expr;
  readonly kind: InitKind;
  /** The lower bound `-a` of U(−a, a) when it repeats the upper one: the fix rewrites both. */
  readonly mirror?: Expr;
}

export function initQuantities(tree: Expr, tex: string): InitQuantity[] {
  const out: InitQuantity[] = [];
  const definitions = new Map<string, Expr>();
  const pendingBounds: string[] = [];
  for (const stmt of statements(tree)) {
    if (stmt.kind === 'relation' && stmt.sides.length === 2 && EQUALITIES.has(stmt.ops[0].text) && stmt.sides[0].kind === 'symbol') {
      definitions.set(stmt.sides[0].name, stmt.sides[1]);
    }
    if (stmt.kind === 'relation' && stmt.sides.length === 2 && EQUALITIES.has(stmt.ops[0].text)) {
      const kind = lhsKind(stmt.sides[0]);
      if (kind) out.push({ expr: stmt.sides[1], kind });
    }
  }
  walk(tree, (e) => {
    if (e.kind !== 'apply' || e.arg.kind !== 'fence' || e.arg.body.kind !== 'list' || e.arg.body.items.length !== 2) return;
    const name = calleeName(e.fn);
    const [a, b] = e.arg.body.items;
    if (name === 'U' || name === 'Uniform' || name === 'Unif') {
      if (b.kind === 'symbol') pendingBounds.push(b.name);
      else {
        const text = (x: Expr) => tex.slice(x.span.start, x.span.end).replace(/\s+/g, '');
        const neg = a.kind === 'sum' && a.terms.length === 1 && a.terms[0].sign === '-' ? a.terms[0].expr : undefined;
        out.push({ expr: b, kind: 'uniform', mirror: neg && text(neg) === text(b) ? neg : undefined });
      }
    } else if (name === 'N' || name === 'Normal') {
      if (a.kind === 'number' && Number(a.value) === 0 && b.kind !== 'symbol' && !(b.kind === 'script' && b.base.kind === 'symbol')) out.push({ expr: b, kind: 'variance' });
    }
  });
  for (const name of pendingBounds) {
    const def = definitions.get(name);
    if (def) out.push({ expr: def, kind: 'uniform' });
  }
  return out;
}

function lhsKind(lhs: Expr): InitKind | undefined {
  const base = lhs.kind === 'script' ? lhs.base : lhs;
  if (base.kind === 'symbol' && base.name === '\\sigma' && !base.accent) {
    if (lhs.kind === 'script' && lhs.sup) return lhs.sup.kind === 'number' && lhs.sup.value === '2' ? 'variance' : undefined;
    return 'std';
  }
  if (lhs.kind === 'apply') {
    const fn = calleeName(lhs.fn);
    if (fn === 'Var' || fn === 'var' || fn === 'Variance') return 'variance';
    if (fn === 'std' || fn === 'Std') return 'std';
  }
  return undefined;
}

/**
 * Layer widths in an expression: `n_{in}`, `n_{\text{out}}`, `\text{fan}_{\text{in}}`, a bare `n`, or
 * Glorot & Bengio's own `n_j` and `n_{j+1}` (then `names` holds n and `exprs` the two indexed widths).
 */
export function fanReading(e: Expr, tex: string): { names: string[]; texts: string[]; exprs: N.NumExpr[] } | undefined {
  const names: string[] = [];
  const texts: string[] = [];
  const exprs: N.NumExpr[] = [];
  const keys: string[] = [];
  walk(e, (n) => {
    if (n.kind !== 'script' && n.kind !== 'symbol') return;
    const num = toNum(n, tex);
    if (num.k !== 'var' || !isFanName(num.name) || (num.idx.length > 0 && num.name !== 'n')) return;
    const key = N.show(num);
    if (!keys.includes(key)) {
      keys.push(key);
      exprs.push(num);
      texts.push(tex.slice(n.span.start, n.span.end));
      if (!names.includes(num.name)) names.push(num.name);
    }
    return false;
  });
  return exprs.length === 1 || exprs.length === 2 ? { names, texts, exprs } : undefined;
}

function isFanName(name: string): boolean {
  return /^(n|N|d|m|fan|\\text\{fan\})_/.test(name) || name === 'n' || name === 'N' || /^fan/.test(name);
}

export interface InitReading {
  readonly fans: { names: string[]; texts: string[]; exprs: N.NumExpr[] };
  /** Weight variance × fan (× (n_in + n_out) for two fans), at the first sample. */
  readonly c: number;
  /** True when variance × fan is the same at every sample, i.e. the quantity has the form √(C/fan). */
  readonly constant: boolean;
  readonly points: SamplePoint[];
  readonly value: N.NumExpr;
  readonly variance: N.NumExpr;
}

/** The weight variance an initialisation quantity implies, times its fan: 2 for Glorot and He, 1 LeCun. */
export function initVariance(tex: string, q: InitQuantity): InitReading | undefined {
  const value = toNum(q.expr, tex);
  if (N.hasUnknown(value)) return undefined;
  const fans = fanReading(q.expr, tex);
  // Only numbers and layer widths: `\sqrt{\frac{1}{N}\sum_i (x_i-\mu)^2}` is a standard deviation, not an init.
  if (!fans) return undefined;
  // The indices of `n_j`, `n_{j+1}` are layer numbers: integers too.
  const allowed = new Set([...fans.names, ...fans.exprs.flatMap((x) => [...N.freeVars(x)])]);
  if ([...N.freeVars(value)].some((v) => !allowed.has(v))) return undefined;
  const roles = mlRoles([value]);
  for (const f of allowed) roles.set(f, 'integer');
  // A uniform U(−a, a) has variance a²/3.
  const variance = q.kind === 'uniform' ? N.div(N.pow(value, N.num(2)), N.num(3)) : q.kind === 'std' ? N.pow(value, N.num(2)) : value;
  const product = N.mul(variance, N.add(...fans.exprs));
  const points = samplePoints({ roles }, 4);
  const cs = points.map((p) => evaluate(product, p));
  if (cs.some((c) => !Number.isFinite(c))) return undefined;
  const c = cs[0];
  const constant = cs.every((x) => Math.abs(x - c) < 1e-6 * Math.max(1, Math.abs(c)));
  return { fans, c, constant, points, value, variance };
}

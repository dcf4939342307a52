// Translates the expression tree (tree.ts) into the evaluator's NumExpr. What it cannot read (derivatives,
// integrals, norms, \pm, text) becomes `unknown`, which evaluates to NaN so numeric checks stay silent
// rather than guess. `\log` is the natural logarithm, as in ML texts (Goodfellow et al., "Deep Learning",
// §3.13: "we use log to denote the natural logarithm"), `\log_2` base 2.

import * as N from './evaluateExpr';
import type { NumExpr, NumFn } from './evaluateExpr';
import { indexSuperscript, readScript } from './evaluateIndex';
import { children, type Expr } from './tree';

export interface ToNumOptions {
  /** Bare symbols that stand for a function of an argument (`\sigma(1-\sigma)` means σ(x)(1−σ(x))). */
  readonly bareFunctions?: ReadonlyMap<string, NumExpr>;
  /**
   * Read an unknown call `h_\theta(x^{(i)})`, `p(y \mid x)` as one opaque variable named `call:<TeX>`
   * (roles make it a probability), instead of `unknown`.
   */
  readonly opaqueCalls?: boolean;
}

/** Function names (operators, `\operatorname{…}`, `\mathrm{…}`, called symbols) the evaluator knows. */
const FUNCTIONS = new Map<string, NumFn>([
  ['\\exp', 'exp'], ['exp', 'exp'], ['\\log', 'log'], ['\\ln', 'log'], ['log', 'log'], ['ln', 'log'],
  ['\\tanh', 'tanh'], ['tanh', 'tanh'], ['\\sin', 'sin'], ['\\cos', 'cos'],
  ['\\sigma', 'sigma'], ['sigmoid', 'sigma'], ['sigm', 'sigma'],
  ['softplus', 'softplus'], ['ReLU', 'relu'], ['relu', 'relu'], ['Relu', 'relu'], ['RELU', 'relu'],
]);

/** The variable name of a symbol: accent and label subscripts are part of it, the font style is not. */
export function symbolName(s: Extract<Expr, { kind: 'symbol' }>): string {
  return s.accent ? `${s.accent.replace(/^\\/, '')} ${s.name}` : s.name;
}

/** The function a tree node names, with the base of a logarithm (`\log_2` → log2). */
export function functionOf(fn: Expr, tex: string): NumFn | undefined {
  if (fn.kind === 'operator' || fn.kind === 'symbol') return FUNCTIONS.get(fn.name);
  if (fn.kind === 'script' && (fn.base.kind === 'operator') && !fn.sup) {
    const base = fn.base.name;
    if ((base === '\\log' || base === 'log') && fn.sub) {
      const b = tex.slice(fn.sub.span.start, fn.sub.span.end).replace(/[{}\s]/g, '');
      if (b === '2') return 'log2';
      if (b === '10') return 'log10';
      if (b === 'e') return 'log';
    }
  }
  return undefined;
}

export function toNum(e: Expr, tex: string, opts: ToNumOptions = {}): NumExpr {
  return new Translator(tex, opts).expr(e);
}

class Translator {
  private depth = 0;
  constructor(
    private readonly tex: string,
    private readonly opts: ToNumOptions,
  ) {}

  expr(e: Expr): NumExpr {
    if (++this.depth > 200) return N.unknown('too deep');
    try {
      return this.node(e);
    } finally {
      this.depth--;
    }
  }

  private node(e: Expr): NumExpr {
    switch (e.kind) {
      case 'number': {
        const v = Number(e.value);
        return Number.isFinite(v) ? N.num(v) : N.unknown(e.value);
      }
      case 'symbol':
        return this.symbol(e);
      case 'sum':
        return N.add(
          ...e.terms.map((t) => {
            const x = this.expr(t.expr);
            if (t.sign === '-' || t.sign === '−') return N.neg(x);
            if (t.sign === null || t.sign === '+') return x;
            return N.unknown(t.sign);
          }),
        );
      case 'product':
        return this.product(e);
      case 'frac':
        if (e.command === '\\binom' || e.command === '\\tbinom' || e.command === '\\dbinom') return N.unknown('binom');
        if (isDifferential(e.num) || isDifferential(e.den)) return N.unknown('derivative');
        return N.div(this.expr(e.num), this.expr(e.den));
      case 'sqrt':
        if (e.index) return N.pow(this.expr(e.body), N.div(N.num(1), this.expr(e.index)));
        return N.fn('sqrt', this.expr(e.body));
      case 'fence':
        if (e.open === '|' && e.close === '|') return N.fn('abs', this.expr(e.body));
        if ((e.open === '\\|' || e.open === '\\lVert' || e.open === '\\Vert') && e.body.kind !== 'list') return N.fn('norm', this.expr(e.body));
        if (['(', '[', '\\{', '\\lbrack', '\\lbrace', '\\langle'].includes(e.open) && e.body.kind !== 'list') {
          return e.open === '\\langle' ? N.unknown('angle') : this.expr(e.body);
        }
        return N.unknown(`fence ${e.open}`);
      case 'script':
        return this.script(e);
      case 'apply':
        return this.apply(e);
      case 'bigop':
        return this.bigop(e);
      case 'empty':
        return N.unknown('empty');
      default:
        return N.unknown(e.kind);
    }
  }

  private symbol(e: Extract<Expr, { kind: 'symbol' }>, idx: NumExpr[] = [], label = ''): NumExpr {
    const name = symbolName(e) + label;
    const bare = idx.length === 0 ? this.opts.bareFunctions?.get(name) : undefined;
    if (bare) return bare;
    if (idx.length === 0 && !label && !e.accent) {
      if (e.name === '\\pi') return N.num(Math.PI);
      if (e.name === 'e' && e.style === 'roman') return N.num(Math.E);
      if (e.name === '\\infty' || e.name === '\\partial' || e.name === '\\nabla') return N.unknown(e.name);
    }
    return N.v(name, ...idx);
  }

  private product(e: Extract<Expr, { kind: 'product' }>): NumExpr {
    const factors: NumExpr[] = [];
    for (let i = 0; i < e.factors.length; i++) {
      const join = i > 0 ? e.joins[i - 1] : '';
      if (join && !['\\cdot', '\\times', '*', '\\ast', '\\,'].includes(join)) return N.unknown(`join ${join}`);
      const f = e.factors[i];
      const next = e.factors[i + 1];
      // KaTeX attaches `^` to the last digit: `10^{-8}` arrives as 1 · 0^{−8}. Rejoin the digits.
      if (f.kind === 'number' && next?.kind === 'script' && next.base.kind === 'number' && f.span.end === next.base.span.start && e.joins[i] === '') {
        const v = Number(f.value + next.base.value);
        factors.push(next.sup ? N.pow(N.num(v), this.expr(next.sup)) : N.num(v));
        i++;
        continue;
      }
      // `\sigma(x)^2` arrives as σ beside a scripted fence: the function applied, then the power.
      const fnName = f.kind === 'symbol' ? FUNCTIONS.get(f.name) : undefined;
      if (fnName && next?.kind === 'script' && next.base.kind === 'fence' && next.base.open === '(' && !next.sub && next.sup && e.joins[i] === '') {
        factors.push(N.pow(N.fn(fnName, this.expr(next.base.body)), this.expr(next.sup)));
        i++;
        continue;
      }
      // `z_j/T`: an inline slash divides the factor before it by the factor after it.
      if (f.kind === 'atom' && f.text === '/' && factors.length > 0 && next) {
        factors.push(N.div(factors.pop()!, this.expr(next)));
        i++;
        continue;
      }
      // The tree reads `\log h_\theta(x)` as (\log h_θ)(x); the writer means \log(h_θ(x)).
      if (f.kind === 'apply' && !f.call && next?.kind === 'fence' && next.open === '(' && e.joins[i] === '' && isCallee(f.arg)) {
        const inner: Expr = { kind: 'apply', fn: f.arg, arg: next, call: true, span: { start: f.arg.span.start, end: next.span.end } };
        factors.push(this.expr({ kind: 'apply', fn: f.fn, arg: inner, call: false, span: { start: f.span.start, end: next.span.end } }));
        i++;
        continue;
      }
      if (f.kind === 'atom' || f.kind === 'text') return N.unknown(`atom ${f.kind === 'atom' ? f.text : f.text}`);
      factors.push(this.expr(f));
    }
    return N.mul(...factors);
  }

  private script(e: Extract<Expr, { kind: 'script' }>): NumExpr {
    let baseExpr: NumExpr;
    const idxSup = indexSuperscript(e.sup);
    const base = e.base;
    if (base.kind === 'symbol') {
      const idx: NumExpr[] = [];
      let label = '';
      if (e.sub) {
        const r = readScript(e.sub, this.tex);
        if (r.kind === 'indices') idx.push(...r.items.map((i) => this.index(i)));
        else label = `_${r.text}`;
      }
      if (idxSup) idx.unshift(this.index(idxSup));
      // e^{x} is the exponential, unless `e` is indexed (`e_{ij}`, attention scores).
      if (base.name === 'e' && !base.accent && idx.length === 0 && !label && e.sup && !idxSup) return N.fn('exp', this.expr(e.sup));
      baseExpr = this.symbol(base, idx, label);
    } else if (base.kind === 'text' && e.sub && !e.sup) {
      // `\text{fan}_{\text{in}}`: a named quantity.
      const r = readScript(e.sub, this.tex);
      return N.v(`${base.text}_${r.kind === 'label' ? r.text : this.tex.slice(e.sub.span.start, e.sub.span.end)}`);
    } else if (e.sub) {
      // `softmax(z)_j` and other scripts on non-symbols: only the softmax component reads as a number.
      return N.unknown('subscripted expression');
    } else baseExpr = this.expr(base);
    if (!e.sup || idxSup) return baseExpr;
    const supText = this.tex.slice(e.sup.span.start, e.sup.span.end).replace(/[{}\s]/g, '');
    if (supText === '\\top' || supText === 'T' || supText === '\\intercal' || supText === '\\mathsf{T}') return baseExpr;
    if (supText.includes('\\prime') || supText.includes("'") || supText === '*' || supText === '\\ast' || supText === '\\star') return N.unknown('decorated');
    return N.pow(baseExpr, this.expr(e.sup));
  }

  /** An index expression: letters become variables that Σ/Π bind (or the caller binds). */
  private index(e: Expr): NumExpr {
    return this.expr(e);
  }

  private apply(e: Extract<Expr, { kind: 'apply' }>): NumExpr {
    let fn = e.fn;
    let power: Expr | undefined;
    // `\tanh^2(x)` is (tanh x)²; `\sigma^2(x)` likewise.
    if (fn.kind === 'script' && fn.sup && !fn.sub) {
      power = fn.sup;
      fn = fn.base;
    }
    const withPower = (x: NumExpr) => (power ? N.pow(x, this.expr(power)) : x);
    const name = fn.kind === 'operator' || fn.kind === 'symbol' ? fn.name : '';
    if (name === 'softmax' || name === '\\operatorname{softmax}') return this.softmax(e.arg);
    if ((name === '\\max' || name === 'max') && e.arg.kind === 'fence' && e.arg.body.kind === 'list' && e.arg.body.items.length === 2) {
      const [a, b] = e.arg.body.items;
      if (a.kind === 'number' && Number(a.value) === 0) return withPower(N.fn('relu', this.expr(b)));
      if (b.kind === 'number' && Number(b.value) === 0) return withPower(N.fn('relu', this.expr(a)));
      return N.unknown('max');
    }
    // `\sigma(1-\sigma)` where σ stands bare for σ(x): a product, not σ applied to (1 − σ).
    const callee = fn.kind === 'symbol' ? fn : undefined;
    const bare = e.call && callee ? this.opts.bareFunctions?.get(symbolName(callee)) : undefined;
    if (bare && callee && mentionsSymbol(e.arg, callee.name)) return N.mul(bare, this.expr(e.arg));
    const f = functionOf(fn, this.tex);
    // `m_t (1-\beta_1^t)`, `p_i(\delta_{ij} - p_k)`: an indexed variable before a parenthesised sum multiplies it.
    if (!f && e.call && fn.kind === 'script' && fn.sub && !fn.sup && e.arg.kind === 'fence' && e.arg.body.kind === 'sum' && readScript(fn.sub, this.tex).kind === 'indices') {
      return N.mul(this.expr(fn), this.expr(e.arg));
    }
    if (!f && this.opts.opaqueCalls && e.call) {
      // `P(x)` under `\sum_x`: a distribution indexed by the summed letter, so P and Q are both normalised.
      const body = e.arg.kind === 'fence' ? e.arg.body : e.arg;
      if (body.kind === 'symbol' && /^[a-z]$/.test(body.name) && !body.accent) {
        return N.v(`call:${this.tex.slice(fn.span.start, fn.span.end)}`, N.v(body.name));
      }
      return N.v(`call:${this.tex.slice(e.span.start, e.span.end)}`);
    }
    if (!f) return N.unknown(`function ${name || fn.kind}`);
    // A called symbol is a function only if it names one (σ); `y(x+1)` is a product and stays unknown.
    return withPower(N.fn(f, this.expr(e.arg)));
  }

  private softmax(arg: Expr): NumExpr {
    if (arg.kind === 'script' && arg.sub && arg.base.kind === 'fence') {
      const vec = arg.base.body;
      const r = readScript(arg.sub, this.tex);
      if (vec.kind === 'symbol' && r.kind === 'indices' && r.items.length === 1) {
        return { k: 'softmax', vec: symbolName(vec), idx: this.index(r.items[0]) };
      }
    }
    return N.unknown('softmax');
  }

  private bigop(e: Extract<Expr, { kind: 'bigop' }>): NumExpr {
    const op = e.op === '\\sum' ? 'sum' : e.op === '\\prod' ? 'prod' : undefined;
    if (!op || !e.body) return N.unknown(e.op);
    const bounds = bigopIndex(e);
    if (!bounds) return N.unknown('bigop index');
    const from = bounds.from ? this.expr(bounds.from) : undefined;
    const to = e.sup ? this.expr(e.sup) : undefined;
    return N.big(op, bounds.letter, this.expr(e.body), from, to);
  }
}

function mentionsSymbol(e: Expr, name: string): boolean {
  if (e.kind === 'symbol') return e.name === name;
  return children(e).some((c) => mentionsSymbol(c, name));
}

const isCallee = (e: Expr) => e.kind === 'symbol' || (e.kind === 'script' && e.base.kind === 'symbol' && !e.sup);

/** `d`, `dx`, `\partial x`: the parts of a Leibniz derivative, which the evaluator does not differentiate. */
function isDifferential(e: Expr): boolean {
  const first = e.kind === 'product' ? e.factors[0] : e;
  return first.kind === 'symbol' && (first.name === '\\partial' || (first.name === 'd' && e.kind === 'product') || first.name === '\\mathrm{d}') ||
    (first.kind === 'symbol' && first.name === 'd' && first.style === 'roman');
}

/**
 * The index a Σ/Π binds and its lower bound: `\sum_{k=1}` → k from 1; `\sum_k` → k over the index set;
 * `\sum_{k \in C}` → k over the index set. Undefined when the subscript binds no single letter.
 */
export function bigopIndex(e: Extract<Expr, { kind: 'bigop' }>): { letter: string; letterNode: Extract<Expr, { kind: 'symbol' }>; from?: Expr } | undefined {
  const sub = e.sub;
  if (!sub) return undefined;
  if (sub.kind === 'symbol' && /^[A-Za-z]$/.test(sub.name)) return { letter: sub.name, letterNode: sub };
  if (sub.kind === 'relation' && sub.sides.length === 2 && sub.sides[0].kind === 'symbol' && /^[A-Za-z]$/.test(sub.sides[0].name)) {
    const op = sub.ops[0].text;
    if (op === '=') return { letter: sub.sides[0].name, letterNode: sub.sides[0], from: sub.sides[1] };
    if (op === '\\in') return { letter: sub.sides[0].name, letterNode: sub.sides[0] };
  }
  return undefined;
}

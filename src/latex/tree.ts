// The expression tree the linter reasons over: KaTeX's flat lists regrouped by precedence (see
// treeBuild.ts) with a TeX source range on every node. Pure data; helpers to walk it live here too.

/** Half-open range of TeX offsets inside one formula. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a symbol is typeset: `bold` covers \mathbf, \boldsymbol and \bm. */
export type SymbolStyle = 'italic' | 'bold' | 'roman' | 'bb' | 'cal' | 'frak' | 'scr' | 'sf' | 'tt';

export type Expr =
  /** `a, b, c` at one level (tuples, argument lists, conditions after a comma). */
  | { readonly kind: 'list'; readonly items: readonly Expr[]; readonly span: Span }
  /** `a = b \le c`: sides.length === ops.length + 1. Ops are the relation's TeX (`=`, `\le`, `\in`, `\mid`). */
  | { readonly kind: 'relation'; readonly sides: readonly Expr[]; readonly ops: readonly Op[]; readonly span: Span }
  /** `a + b - c`: every term carries its sign (`null` for a leading term without one). */
  | { readonly kind: 'sum'; readonly terms: readonly Term[]; readonly span: Span }
  /** `\sum_{i=1}^{n} body`: the body runs to the next top-level +, −, relation or comma. */
  | {
      readonly kind: 'bigop';
      readonly op: string;
      readonly opSpan: Span;
      readonly sub: Expr | undefined;
      readonly sup: Expr | undefined;
      readonly body: Expr | undefined;
      readonly span: Span;
    }
  /** Juxtaposition and explicit products: `joins[i]` sits between factors i and i+1 (`''` = juxtaposition). */
  | { readonly kind: 'product'; readonly factors: readonly Expr[]; readonly joins: readonly string[]; readonly span: Span }
  /**
   * `\log x`, `\exp(z)`, `f(x)`, `P(y \mid x)`. `fn` is an `operator` (or a script of one, `\log^2`) or,
   * when `call` is true, a symbol written right before a parenthesis (it may also be a product: `y(x+1)`).
   */
  | { readonly kind: 'apply'; readonly fn: Expr; readonly arg: Expr; readonly call: boolean; readonly span: Span }
  | { readonly kind: 'frac'; readonly num: Expr; readonly den: Expr; readonly command: string; readonly span: Span }
  | { readonly kind: 'sqrt'; readonly body: Expr; readonly index: Expr | undefined; readonly span: Span }
  /** `x_i^2`, `\hat y_i`, `(a+b)^2`. */
  | { readonly kind: 'script'; readonly base: Expr; readonly sub: Expr | undefined; readonly sup: Expr | undefined; readonly span: Span }
  /** `(…)`, `[…]`, `\{…\}`, `\left(…\right)`, `|…|` when paired; `open`/`close` are the delimiters' TeX. */
  | { readonly kind: 'fence'; readonly open: string; readonly close: string; readonly body: Expr; readonly span: Span }
  /** A letter, Greek letter or named constant (`x`, `\alpha`, `\partial`, `\infty`). */
  | {
      readonly kind: 'symbol';
      readonly name: string;
      readonly style: SymbolStyle;
      /** `\hat`, `\bar`, `\tilde`, `\vec`, … when the symbol carries one. */
      readonly accent: string | undefined;
      readonly span: Span;
    }
  | { readonly kind: 'number'; readonly value: string; readonly span: Span }
  /** A named function typeset upright: `\log`, `\exp`, `\max`, `\operatorname{softmax}` → `softmax`. */
  | { readonly kind: 'operator'; readonly name: string; readonly span: Span }
  | { readonly kind: 'text'; readonly text: string; readonly span: Span }
  /** A loose atom: an unpaired delimiter, `|`, a binary operator with nothing to bind (`^-`), punctuation. */
  | { readonly kind: 'atom'; readonly text: string; readonly family: string; readonly span: Span }
  /** Anything else (matrices, colour, underbrace, …): its KaTeX type and its children. */
  | { readonly kind: 'other'; readonly type: string; readonly children: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'empty'; readonly span: Span };

export interface Op {
  readonly text: string;
  readonly span: Span;
}

export interface Term {
  /** `+`, `-`, `\pm`, `\mp`, or null for a leading term written without a sign. */
  readonly sign: string | null;
  readonly signSpan: Span | undefined;
  readonly expr: Expr;
  readonly span: Span;
}

export type ExprKind = Expr['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;

/** Direct children in source order. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'list':
      return [...e.items];
    case 'relation':
      return [...e.sides];
    case 'sum':
      return e.terms.map((t) => t.expr);
    case 'bigop':
      return [e.sub, e.sup, e.body].filter((x): x is Expr => x !== undefined);
    case 'product':
      return [...e.factors];
    case 'apply':
      return [e.fn, e.arg];
    case 'frac':
      return [e.num, e.den];
    case 'sqrt':
      return e.index ? [e.index, e.body] : [e.body];
    case 'script':
      return [e.base, e.sub, e.sup].filter((x): x is Expr => x !== undefined);
    case 'fence':
      return [e.body];
    case 'other':
      return [...e.children];
    default:
      return [];
  }
}

/** Calls `f` on each direct child in source order, without allocating (walk runs in every rule). */
export function forEachChild(e: Expr, f: (c: Expr) => void): void {
  switch (e.kind) {
    case 'list':
      for (const c of e.items) f(c);
      return;
    case 'relation':
      for (const c of e.sides) f(c);
      return;
    case 'sum':
      for (const t of e.terms) f(t.expr);
      return;
    case 'bigop':
      if (e.sub) f(e.sub);
      if (e.sup) f(e.sup);
      if (e.body) f(e.body);
      return;
    case 'product':
      for (const c of e.factors) f(c);
      return;
    case 'apply':
      f(e.fn);
      f(e.arg);
      return;
    case 'frac':
      f(e.num);
      f(e.den);
      return;
    case 'sqrt':
      if (e.index) f(e.index);
      f(e.body);
      return;
    case 'script':
      f(e.base);
      if (e.sub) f(e.sub);
      if (e.sup) f(e.sup);
      return;
    case 'fence':
      f(e.body);
      return;
    case 'other':
      for (const c of e.children) f(c);
      return;
  }
}

/** Depth-first, parents before children; `visit` returning false skips the children. */
export function walk(e: Expr, visit: (e: Expr, parent: Expr | undefined) => boolean | void, parent?: Expr): void {
  if (visit(e, parent) === false) return;
  // The children are spelled out (as in forEachChild) rather than passed a closure: every rule walks every
  // tree, and a closure per visited node was a measurable share of the linter's allocations.
  switch (e.kind) {
    case 'list':
      for (let i = 0; i < e.items.length; i++) walk(e.items[i], visit, e);
      return;
    case 'relation':
      for (let i = 0; i < e.sides.length; i++) walk(e.sides[i], visit, e);
      return;
    case 'sum':
      for (let i = 0; i < e.terms.length; i++) walk(e.terms[i].expr, visit, e);
      return;
    case 'bigop':
      if (e.sub) walk(e.sub, visit, e);
      if (e.sup) walk(e.sup, visit, e);
      if (e.body) walk(e.body, visit, e);
      return;
    case 'product':
      for (let i = 0; i < e.factors.length; i++) walk(e.factors[i], visit, e);
      return;
    case 'apply':
      walk(e.fn, visit, e);
      walk(e.arg, visit, e);
      return;
    case 'frac':
      walk(e.num, visit, e);
      walk(e.den, visit, e);
      return;
    case 'sqrt':
      if (e.index) walk(e.index, visit, e);
      walk(e.body, visit, e);
      return;
    case 'script':
      walk(e.base, visit, e);
      if (e.sub) walk(e.sub, visit, e);
      if (e.sup) walk(e.sup, visit, e);
      return;
    case 'fence':
      walk(e.body, visit, e);
      return;
    case 'other':
      for (let i = 0; i < e.children.length; i++) walk(e.children[i], visit, e);
      return;
  }
}

/** The symbol under scripts and accents (`\hat y_i` → y), if the expression is one. */
export function baseSymbol(e: Expr): ExprOf<'symbol'> | undefined {
  while (e.kind === 'script') e = e.base;
  return e.kind === 'symbol' ? e : undefined;
}

/** A compact, stable text form for tests and golden files: `(rel = (sum + a (- b)) c)`. */
export function show(e: Expr): string {
  switch (e.kind) {
    case 'list':
      return `(list ${e.items.map(show).join(' ')})`;
    case 'relation':
      return `(rel ${e.sides.map((s, i) => (i === 0 ? show(s) : `${e.ops[i - 1].text} ${show(s)}`)).join(' ')})`;
    case 'sum':
      return `(sum ${e.terms.map((t) => (t.sign ? `${t.sign}${t.sign.startsWith('\\') ? ' ' : ''}${show(t.expr)}` : show(t.expr))).join(' ')})`;
    case 'bigop':
      return `(${e.op}${e.sub ? ` _${show(e.sub)}` : ''}${e.sup ? ` ^${show(e.sup)}` : ''} ${e.body ? show(e.body) : '∅'})`;
    case 'product':
      return `(* ${e.factors.map((f, i) => (i > 0 && e.joins[i - 1] ? `${e.joins[i - 1]} ` : '') + show(f)).join(' ')})`;
    case 'apply':
      return `(${e.call ? 'call' : 'apply'} ${show(e.fn)} ${show(e.arg)})`;
    case 'frac':
      return `(frac ${show(e.num)} ${show(e.den)})`;
    case 'sqrt':
      return `(sqrt${e.index ? ` [${show(e.index)}]` : ''} ${show(e.body)})`;
    case 'script':
      return `${show(e.base)}${e.sub ? `_${show(e.sub)}` : ''}${e.sup ? `^${show(e.sup)}` : ''}`;
    case 'fence':
      return `${e.open}${show(e.body)}${e.close}`;
    case 'symbol':
      return `${e.accent ? `${e.accent}:` : ''}${e.style === 'italic' ? '' : `${e.style}:`}${e.name}`;
    case 'number':
      return e.value;
    case 'operator':
      return `op:${e.name}`;
    case 'text':
      return JSON.stringify(e.text);
    case 'atom':
      return `'${e.text}'`;
    case 'other':
      return `(${e.type}${e.children.map((c) => ' ' + show(c)).join('')})`;
    case 'empty':
      return '∅';
  }
}

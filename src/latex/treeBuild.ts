// The adapter from KaTeX's parse tree (flat lists of atoms) to a real expression tree with source ranges.
// Precedence, loosest first: commas, relations, then + / −, then a big operator's scope (its body runs to
// the next top-level + / − / relation), then juxtaposition and \cdot, then function application. Never
// throws: anything it does not understand becomes an `other` or `atom` node with its span.

import type { KNode } from './parse';
import type { Expr, Op, Span, SymbolStyle, Term } from './tree';
import { knodeChildren, locateSpans } from './treeSpans';

interface Delim {
  readonly t: 'open' | 'close' | 'bar';
  readonly text: string;
  readonly span: Span;
  readonly sub?: Expr;
  readonly sup?: Expr;
}

type Item =
  | { readonly t: 'expr'; readonly e: Expr }
  | { readonly t: 'rel' | 'bin' | 'punct'; readonly text: string; readonly span: Span }
  | Delim
  | { readonly t: 'bigop'; readonly op: string; readonly opSpan: Span; readonly sub?: Expr; readonly sup?: Expr; readonly span: Span }
  | { readonly t: 'fn'; readonly e: Expr };

/** Big operators whose scope runs to the next + / − (KaTeX marks most with `symbol: true`). */
const BIG_OPS = new Set([
  '\\sum', '\\prod', '\\coprod', '\\int', '\\iint', '\\iiint', '\\oint', '\\bigcup', '\\bigcap', '\\bigoplus',
  '\\bigotimes', '\\bigodot', '\\biguplus', '\\bigvee', '\\bigwedge', '\\bigsqcup', '\\intop', '\\smallint',
]);
const SIGNS = new Set(['+', '-', '\\pm', '\\mp', '−']);
const BARS = new Set(['|', '\\vert', '\\|', '\\Vert', '\\lvert', '\\rvert', '\\lVert', '\\rVert']);
const SKIP = new Set(['kern', 'spacing', 'glue', 'internal']);
const TRANSPARENT = new Set(['styling', 'color', 'sizing', 'htmlmathml', 'html']);
const FONT_STYLES = new Map<string, SymbolStyle>([
  ['mathbf', 'bold'], ['boldsymbol', 'bold'], ['bm', 'bold'], ['textbf', 'bold'],
  ['mathrm', 'roman'], ['mathup', 'roman'], ['textrm', 'roman'], ['text', 'roman'],
  ['mathbb', 'bb'], ['mathcal', 'cal'], ['mathfrak', 'frak'], ['mathscr', 'scr'],
  ['mathsf', 'sf'], ['mathtt', 'tt'], ['mathit', 'italic'], ['mathnormal', 'italic'],
]);

const union = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
const spanOfItems = (items: readonly Item[]): Span =>
  items.map(itemSpan).reduce(union);
function itemSpan(i: Item): Span {
  return i.t === 'expr' || i.t === 'fn' ? i.e.span : i.span;
}

/**
 * Builds the expression tree of a parsed formula. `parsedTex` is what KaTeX parsed; when that is labels.ts's
 * rewritten form, `source` gives the writer's TeX and the offset map back, and every span is in source offsets.
 */
export function buildTree(
  parsedTex: string,
  nodes: readonly KNode[],
  source: { readonly tex: string; readonly toSource: (o: number) => number } = { tex: parsedTex, toSource: (o) => o },
): Expr {
  const raw = locateSpans(parsedTex, nodes);
  let spans = raw;
  if (parsedTex !== source.tex) {
    spans = new Map<KNode, Span>();
    for (const [n, sp] of raw) {
      const start = source.toSource(sp.start);
      spans.set(n, { start, end: Math.max(start, source.toSource(sp.end)) });
    }
  }
  return new Builder(source.tex, spans).list(nodes, 'italic', { start: 0, end: source.tex.length });
}

class Builder {
  private depth = 0;
  constructor(
    private readonly tex: string,
    private readonly spans: Map<KNode, Span>,
  ) {}

  span(n: KNode): Span {
    return this.spans.get(n) ?? { start: 0, end: 0 };
  }

  /** A KaTeX list (ordgroup body, script, fraction part) as one expression. */
  list(nodes: readonly KNode[], style: SymbolStyle, fallback: Span): Expr {
    const items: Item[] = [];
    for (const n of nodes) this.items(n, style, items);
    if (items.length === 0) return { kind: 'empty', span: { start: fallback.start, end: fallback.start } };
    return parseItems(pairFences(items));
  }

  /** One node as an expression (for script bases, fraction parts, accents). */
  one(n: KNode | undefined, style: SymbolStyle, at: Span): Expr {
    if (!n) return { kind: 'empty', span: { start: at.end, end: at.end } };
    return this.list(n.type === 'ordgroup' ? (n.body as KNode[]) : [n], style, this.span(n));
  }

  private items(n: KNode, style: SymbolStyle, out: Item[]): void {
    if (++this.depth > 300) {
      out.push({ t: 'expr', e: { kind: 'other', type: n.type, children: [], span: this.span(n) } });
      this.depth--;
      return;
    }
    try {
      this.itemsOf(n, style, out);
    } finally {
      this.depth--;
    }
  }

  private itemsOf(n: KNode, style: SymbolStyle, out: Item[]): void {
    const span = this.span(n);
    const text = typeof n.text === 'string' ? n.text : '';
    switch (n.type) {
      case 'mathord':
      case 'textord': {
        if (text.length === 1 && ((text >= '0' && text <= '9') || text === '.')) {
          const last = out[out.length - 1];
          if (last?.t === 'expr' && last.e.kind === 'number' && last.e.span.end === span.start) {
            out[out.length - 1] = { t: 'expr', e: { kind: 'number', value: last.e.value + text, span: union(last.e.span, span) } };
          } else out.push({ t: 'expr', e: { kind: 'number', value: text, span } });
        } else if (BARS.has(text)) out.push({ t: 'bar', text, span });
        else if (isLetterName(text)) out.push({ t: 'expr', e: { kind: 'symbol', name: text, style, accent: undefined, span } });
        else out.push({ t: 'expr', e: { kind: 'atom', text, family: 'ord', span } });
        return;
      }
      case 'atom': {
        const fam = String(n.family);
        if (fam === 'rel') out.push({ t: 'rel', text, span });
        else if (fam === 'bin') out.push({ t: 'bin', text, span });
        else if (fam === 'punct') out.push({ t: 'punct', text, span });
        else if (BARS.has(text)) out.push({ t: 'bar', text, span });
        else if (fam === 'open') out.push({ t: 'open', text, span });
        else if (fam === 'close') out.push({ t: 'close', text, span });
        else out.push({ t: 'expr', e: { kind: 'atom', text, family: fam, span } });
        return;
      }
      case 'op': {
        const name = typeof n.name === 'string' ? n.name : this.plain(n.body);
        if (n.symbol === true || BIG_OPS.has(name)) out.push({ t: 'bigop', op: name, opSpan: span, span });
        else out.push({ t: 'fn', e: { kind: 'operator', name, span } });
        return;
      }
      case 'operatorname':
        out.push({ t: 'fn', e: { kind: 'operator', name: this.plain(n.body), span } });
        return;
      case 'supsub':
        this.supsub(n, style, span, out);
        return;
      case 'ordgroup':
        out.push({ t: 'expr', e: this.list(n.body as KNode[], style, span) });
        return;
      case 'font': {
        const st = FONT_STYLES.get(String(n.font)) ?? style;
        const body = n.body as KNode;
        const inner = body.type === 'ordgroup' ? (body.body as KNode[]) : [body];
        // An upright multi-letter word (\mathrm{softmax}) is a function name, as \operatorname would be.
        const word = st === 'roman' ? this.plain(inner) : '';
        if (/^[A-Za-z]{2,}$/.test(word)) out.push({ t: 'fn', e: { kind: 'operator', name: word, span } });
        else out.push({ t: 'expr', e: withSpan(this.list(inner, st, span), span) });
        return;
      }
      case 'accent': {
        const base = this.one(n.base as KNode, style, span);
        const label = String(n.label);
        if (base.kind === 'symbol') out.push({ t: 'expr', e: { ...base, accent: label, span } });
        else out.push({ t: 'expr', e: { kind: 'other', type: `accent${label}`, children: [base], span } });
        return;
      }
      case 'genfrac': {
        const num = this.one(n.numer as KNode, style, span);
        const den = this.one(n.denom as KNode, style, span);
        const command = this.tex.slice(span.start).match(/^\\[A-Za-z]+/)?.[0] ?? '\\frac';
        if (n.hasBarLine === false) out.push({ t: 'expr', e: { kind: 'other', type: 'binom', children: [num, den], span } });
        else out.push({ t: 'expr', e: { kind: 'frac', num, den, command, span } });
        return;
      }
      case 'sqrt': {
        const index = n.index ? this.one(n.index as KNode, style, span) : undefined;
        out.push({ t: 'expr', e: { kind: 'sqrt', body: this.one(n.body as KNode, style, span), index, span } });
        return;
      }
      case 'leftright': {
        const body = this.list(n.body as KNode[], style, span);
        out.push({ t: 'expr', e: { kind: 'fence', open: String(n.left), close: String(n.right), body, span } });
        return;
      }
      case 'text':
        out.push({ t: 'expr', e: { kind: 'text', text: this.plain(n.body), span } });
        return;
      case 'mclass': {
        const inner = this.list(n.body as KNode[], style, span);
        if (n.mclass === 'mrel') out.push({ t: 'rel', text: this.tex.slice(span.start, span.end), span });
        else if (n.mclass === 'mbin') out.push({ t: 'bin', text: this.tex.slice(span.start, span.end), span });
        else out.push({ t: 'expr', e: withSpan(inner, span) });
        return;
      }
      case 'array':
        out.push({ t: 'expr', e: this.array(n, style, span) });
        return;
      case 'tag':
        // A numbered formula (`\tag`, or a `\label` numbered by labels.ts): the formula is its body; the
        // number is presentation.
        for (const c of (n.body as KNode[] | undefined) ?? []) this.items(c, style, out);
        return;
      default:
        if (SKIP.has(n.type)) return;
        if (TRANSPARENT.has(n.type)) {
          const body = n.type === 'htmlmathml' ? n.html : n.body;
          for (const c of Array.isArray(body) ? (body as KNode[]) : body ? [body as KNode] : []) this.items(c, style, out);
          return;
        }
        out.push({
          t: 'expr',
          e: { kind: 'other', type: n.type, children: knodeChildren(n).map((c) => this.one(c, style, this.span(c))), span },
        });
    }
  }

  private supsub(n: KNode, style: SymbolStyle, span: Span, out: Item[]): void {
    const baseNode = n.base as KNode | undefined;
    const sub = n.sub ? this.one(n.sub as KNode, style, span) : undefined;
    const sup = n.sup ? this.one(n.sup as KNode, style, span) : undefined;
    const inner: Item[] = [];
    if (baseNode) this.items(baseNode, style, inner);
    const base = inner.length === 1 ? inner[0] : undefined;
    if (base?.t === 'bigop') {
      out.push({ ...base, sub, sup, span });
    } else if (base?.t === 'fn') {
      out.push({ t: 'fn', e: { kind: 'script', base: base.e, sub, sup, span } });
    } else if (base && (base.t === 'open' || base.t === 'close' || base.t === 'bar')) {
      out.push({ ...base, sub, sup });
    } else if (base?.t === 'expr' && base.e.kind === 'number' && isAdjacentNumber(out[out.length - 1], base.e)) {
      // `10^{-8}`: KaTeX scripts only the last digit; the number is all of them (it renders that way too).
      const prev = out.pop() as { t: 'expr'; e: Extract<Expr, { kind: 'number' }> };
      const number: Expr = { kind: 'number', value: prev.e.value + base.e.value, span: union(prev.e.span, base.e.span) };
      out.push({ t: 'expr', e: { kind: 'script', base: number, sub, sup, span: union(number.span, span) } });
    } else {
      const b: Expr = base?.t === 'expr'
        ? base.e
        : inner.length > 0 ? parseItems(pairFences(inner)) : { kind: 'empty', span: { start: span.start, end: span.start } };
      out.push({ t: 'expr', e: { kind: 'script', base: b, sub, sup, span } });
    }
  }

  /** Matrices and aligned environments: one child per row, the row's cells read as one expression. */
  private array(n: KNode, style: SymbolStyle, span: Span): Expr {
    const rows = (n.body as KNode[][] | undefined) ?? [];
    const children: Expr[] = [];
    for (const row of rows) {
      const items: Item[] = [];
      for (const cell of row) this.items(cell, style, items);
      if (items.length > 0) children.push(parseItems(pairFences(items)));
    }
    return { kind: 'other', type: 'array', children, span };
  }

  /** The plain text of a list of text/ord nodes (`\operatorname{soft\,max}` → `softmax`). */
  private plain(body: unknown): string {
    let s = '';
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        const k = v as KNode;
        if (typeof k.text === 'string') s += k.type === 'spacing' ? ' ' : k.text;
        else knodeChildren(k).forEach(visit);
      }
    };
    visit(body);
    return s.trim();
  }
}

function isAdjacentNumber(prev: Item | undefined, digit: Extract<Expr, { kind: 'number' }>): boolean {
  return prev?.t === 'expr' && prev.e.kind === 'number' && prev.e.span.end === digit.span.start;
}

/** `x`, `é`, `𝑥` or `\\alpha`: a symbol rather than punctuation. */
function isLetterName(text: string): boolean {
  if (text.length === 1) {
    const c = text.charCodeAt(0);
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(text));
  }
  return /^(\\[A-Za-z]+|\p{L})$/u.test(text);
}

function withSpan(e: Expr, span: Span): Expr {
  return e.span.start === span.start && e.span.end === span.end ? e : ({ ...e, span } as Expr);
}

/**
 * Pairs delimiters into `fence` expressions. `|` closes an open `|` or opens one; an opener never closed
 * falls back to a plain atom and its contents spill into the enclosing level (so `P(y|x)` keeps one bar).
 */
function pairFences(items: readonly Item[]): Item[] {
  if (!items.some((i) => i.t === 'open' || i.t === 'close' || i.t === 'bar')) return items as Item[];
  type Frame = { open: Delim; items: Item[] };
  const root: Item[] = [];
  const stack: Frame[] = [];
  const top = () => (stack.length ? stack[stack.length - 1].items : root);
  const spill = () => {
    const f = stack.pop()!;
    top().push(atomOf(f.open), ...f.items);
  };
  const close = (closer: Delim) => {
    const f = stack.pop()!;
    const body = f.items.length ? parseItems(f.items) : ({ kind: 'empty', span: { start: f.open.span.end, end: f.open.span.end } } as Expr);
    const span = union(f.open.span, closer.span);
    const fence: Expr = { kind: 'fence', open: f.open.text, close: closer.text, body, span };
    const fullSpan = closer.sub || closer.sup ? union(span, [closer.sub, closer.sup].filter(Boolean).map((x) => x!.span).reduce(union)) : span;
    const e: Expr = closer.sub || closer.sup ? { kind: 'script', base: fence, sub: closer.sub, sup: closer.sup, span: fullSpan } : fence;
    top().push(f.open.sub || f.open.sup ? atomOf(f.open) : { t: 'expr', e });
  };
  for (const it of items) {
    if (it.t === 'open') stack.push({ open: it, items: [] });
    else if (it.t === 'bar') {
      const f = stack[stack.length - 1];
      if (f && f.open.t === 'bar' && f.open.text.replace('\\l', '\\').replace('\\r', '\\') === it.text.replace('\\r', '\\').replace('\\l', '\\')) close(it);
      else if (f?.open.t === 'bar' || it.sub || it.sup) top().push(atomOf(it));
      else stack.push({ open: it, items: [] });
    } else if (it.t === 'close') {
      while (stack.length && stack[stack.length - 1].open.t === 'bar') spill();
      if (stack.length) close(it);
      else top().push(atomOf(it));
    } else top().push(it);
  }
  while (stack.length) spill();
  return root;
}

function atomOf(it: Delim): Item {
  const atom: Expr = { kind: 'atom', text: it.text, family: it.t, span: it.span };
  if (!it.sub && !it.sup) return { t: 'expr', e: atom };
  const span = [it.sub, it.sup].filter(Boolean).map((x) => x!.span).reduce(union, it.span);
  return { t: 'expr', e: { kind: 'script', base: atom, sub: it.sub, sup: it.sup, span } };
}

/** Commas, then relations, then sums. */
function parseItems(items: readonly Item[]): Expr {
  // Most lists (script bodies, fraction parts, font groups) are one expression: skip the splitting passes.
  if (items.length === 1 && items[0].t === 'expr') return items[0].e;
  const parts = splitBy(items, (i) => i.t === 'punct' && (i.text === ',' || i.text === ';'));
  if (parts.length > 1) {
    const list = parts.filter((p) => p.length > 0).map(parseRelation);
    if (list.length === 1) return list[0];
    if (list.length > 1) return { kind: 'list', items: list, span: spanOfItems(items) };
  }
  return parseRelation(items);
}

function splitBy(items: readonly Item[], pred: (i: Item) => boolean): Item[][] {
  const out: Item[][] = [[]];
  for (const i of items) {
    if (pred(i)) out.push([]);
    else out[out.length - 1].push(i);
  }
  return out;
}

function parseRelation(items: readonly Item[]): Expr {
  const sides: Expr[] = [];
  const ops: Op[] = [];
  let cur: Item[] = [];
  for (const i of items) {
    if (i.t === 'rel') {
      sides.push(cur.length ? parseSum(cur) : { kind: 'empty', span: { start: i.span.start, end: i.span.start } });
      ops.push({ text: i.text, span: i.span });
      cur = [];
    } else cur.push(i);
  }
  if (ops.length === 0) return parseSum(items);
  const last = ops[ops.length - 1].span.end;
  sides.push(cur.length ? parseSum(cur) : { kind: 'empty', span: { start: last, end: last } });
  return { kind: 'relation', sides, ops, span: spanOfItems(items) };
}

function parseSum(items: readonly Item[]): Expr {
  if (items.length === 0) return { kind: 'empty', span: { start: 0, end: 0 } };
  const terms: Term[] = [];
  let sign: { text: string; span: Span } | undefined;
  let cur: Item[] = [];
  for (const i of items) {
    if (i.t === 'bin' && SIGNS.has(i.text)) {
      if (sign || cur.length) terms.push(termOf(sign, cur));
      sign = i;
      cur = [];
    } else cur.push(i);
  }
  if (sign || cur.length) terms.push(termOf(sign, cur));
  if (terms.length === 1 && terms[0].sign === null) return terms[0].expr;
  return { kind: 'sum', terms, span: spanOfItems(items) };
}

function termOf(sign: { text: string; span: Span } | undefined, cur: readonly Item[]): Term {
  const expr = cur.length ? parseProduct(cur) : ({ kind: 'empty', span: { start: sign!.span.end, end: sign!.span.end } } as Expr);
  const span = sign ? union(sign.span, expr.span) : expr.span;
  return { sign: sign ? sign.text : null, signSpan: sign?.span, expr, span };
}

/** `f(x)`, `p_\theta(x)`, `\mathbb{E}[x]`: a symbol (possibly scripted) right before `(` or `[`. */
function isCall(callee: Expr, next: Item): boolean {
  const base = callee.kind === 'script' ? callee.base : callee;
  return (
    next.t === 'expr' &&
    next.e.kind === 'fence' &&
    (next.e.open === '(' || next.e.open === '[' || next.e.open === '\\lbrack') &&
    base.kind === 'symbol' &&
    callee.span.end <= next.e.span.start
  );
}

/** Appends a factor and the join written before it; returns the new pending join (none). */
function pushFactor(factors: Expr[], joins: string[], pendingJoin: string, e: Expr): string {
  if (factors.length) joins.push(pendingJoin);
  factors.push(e);
  return '';
}

/** A term: factors joined by juxtaposition or an explicit product; a big operator takes the rest. */
function parseProduct(items: readonly Item[]): Expr {
  const factors: Expr[] = [];
  const joins: string[] = [];
  let pendingJoin = '';
  // A helper rather than a closure over `pendingJoin`: this runs for every term of every formula.
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t === 'bin' || it.t === 'rel' || it.t === 'punct') {
      if (factors.length && !pendingJoin && it.t === 'bin') pendingJoin = it.text;
      else pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'atom', text: it.text, family: it.t, span: it.span });
    } else if (it.t === 'bigop') {
      const rest = items.slice(k + 1);
      const body = rest.length ? parseProduct(rest) : undefined;
      const span = body ? union(it.span, body.span) : it.span;
      pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'bigop', op: it.op, opSpan: it.opSpan, sub: it.sub, sup: it.sup, body, span });
      break;
    } else if (it.t === 'fn') {
      const next = items[k + 1];
      if (!next) {
        pendingJoin = pushFactor(factors, joins, pendingJoin, it.e);
      } else if (next.t === 'bigop' || next.t === 'fn') {
        const arg = parseProduct(items.slice(k + 1));
        pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'apply', fn: it.e, arg, call: false, span: union(it.e.span, arg.span) });
        break;
      } else if (next.t === 'expr') {
        // `\log p_\theta(x)`: the operator applies to the whole call, not just to `p_\theta`.
        const after = items[k + 2];
        if (after && isCall(next.e, after)) {
          const call: Expr = { kind: 'apply', fn: next.e, arg: (after as { e: Expr }).e, call: true, span: union(next.e.span, itemSpan(after)) };
          pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'apply', fn: it.e, arg: call, call: false, span: union(it.e.span, call.span) });
          k += 2;
        } else {
          pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'apply', fn: it.e, arg: next.e, call: false, span: union(it.e.span, next.e.span) });
          k++;
        }
      } else pendingJoin = pushFactor(factors, joins, pendingJoin, it.e);
    } else if (it.t === 'expr') {
      const next = items[k + 1];
      if (next && isCall(it.e, next) && next.t === 'expr') {
        pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'apply', fn: it.e, arg: next.e, call: true, span: union(it.e.span, next.e.span) });
        k++;
      } else pendingJoin = pushFactor(factors, joins, pendingJoin, it.e);
    } else {
      pendingJoin = pushFactor(factors, joins, pendingJoin, { kind: 'atom', text: it.text, family: it.t, span: it.span });
    }
  }
  if (pendingJoin && factors.length) {
    const last = factors[factors.length - 1];
    factors.push({ kind: 'empty', span: { start: last.span.end, end: last.span.end } });
    joins.push(pendingJoin);
  }
  if (factors.length === 1) return factors[0];
  return { kind: 'product', factors, joins, span: factors.map((f) => f.span).reduce(union) };
}

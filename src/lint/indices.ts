// Free and bound indices of a formula, shared by index-clash, index-mismatch and implicit-sum. An index
// occurrence is a lower-case letter in a subscript read as indices (`W_{ij}`, `x_{t-1}`, not `n_{in}`) or
// in an index superscript (`x^{(i)}`). Σ, Π and `\max_k`/`\min_k`/`\arg\max_k` bind their subscript letter
// over their body (the tree gives a big operator's body up to the next top-level + / −).

import { bigopIndex } from '../latex/evaluateFromTree';
import { indexLetters, indexSuperscript, isIndexLetter, readScript } from '../latex/evaluateIndex';
import { forEachChild, type Expr, type ExprOf } from '../latex/tree';

export type SymbolNode = ExprOf<'symbol'>;

export interface Binder {
  /** The Σ/Π node, or the `apply` of `\max_k`. */
  readonly node: Expr;
  readonly letter: string;
  /** The letter where it is bound (`k` in `\sum_{k=1}`). */
  readonly letterNode: SymbolNode;
  /** What the binder ranges over, or undefined for a Σ written without a body. */
  readonly body: Expr | undefined;
  /** Binders of the same letter this one sits inside (shadowing). */
  readonly shadows: readonly Binder[];
}

export interface Occurrence {
  readonly letter: string;
  readonly node: SymbolNode;
  /** The innermost binder of this letter around the occurrence, or undefined when the index is free. */
  readonly boundBy: Binder | undefined;
  /** True for a subscript/superscript index; false for the bare letter used as a value (`\sum_i i^2`). */
  readonly asIndex: boolean;
  /** The scripted expression the index belongs to (`z_j` for the j of `e^{z_j}`), or the symbol itself. */
  readonly owner: Expr;
}

export interface IndexAnalysis {
  readonly binders: readonly Binder[];
  readonly occurrences: readonly Occurrence[];
}

/** Operators whose subscript letter ranges over their argument (`\max_k z_k`). */
const BINDING_FUNCTIONS = new Set(['\\max', '\\min', '\\sup', '\\inf', '\\argmax', '\\argmin', 'argmax', 'argmin', 'arg\\,max', 'arg\\,min', '\\lim']);
const BINDING_BIGOPS = new Set(['\\sum', '\\prod', '\\coprod', '\\bigcup', '\\bigcap', '\\bigoplus', '\\bigotimes']);

/**
 * Collects binders and index occurrences of `e` (one formula, or one side or term of it). Memoized per
 * tree node: the three index rules ask about the same statements, sides and factors, and the engine keeps
 * a formula's tree for as long as the formula is unchanged.
 */
export function analyzeIndices(e: Expr, tex: string): IndexAnalysis {
  let a = cache.get(e);
  if (!a) {
    a = new Analyzer(tex).run(e);
    cache.set(e, a);
  }
  return a;
}

const cache = new WeakMap<Expr, IndexAnalysis>();

class Analyzer {
  private readonly binders: Binder[] = [];
  private readonly occurrences: Occurrence[] = [];
  private readonly scope: Binder[] = [];
  private depth = 0;
  /** `go` bound once per analysis (forEachChild allocates nothing; a fresh arrow per node would). */
  private readonly goChild = (c: Expr) => this.go(c);

  constructor(private readonly tex: string) {}

  run(e: Expr): IndexAnalysis {
    this.go(e);
    return { binders: this.binders, occurrences: this.occurrences };
  }

  private innermost(letter: string): Binder | undefined {
    for (let i = this.scope.length - 1; i >= 0; i--) if (this.scope[i].letter === letter) return this.scope[i];
    return undefined;
  }

  private addIndex(ix: Expr, owner: Expr): void {
    for (const o of indexLetters(ix)) this.occurrences.push({ letter: o.letter, node: o.node, boundBy: this.innermost(o.letter), asIndex: true, owner });
  }

  private bind(node: Expr, letter: string, letterNode: SymbolNode, body: Expr | undefined): void {
    const b: Binder = { node, letter, letterNode, body, shadows: this.scope.filter((s) => s.letter === letter) };
    this.binders.push(b);
    if (body) {
      this.scope.push(b);
      this.go(body);
      this.scope.pop();
    }
  }

  private go(n: Expr): void {
    if (++this.depth <= 300) this.visit(n);
    this.depth--;
  }

  private visit(n: Expr): void {
    switch (n.kind) {
      case 'symbol':
        if (isIndexLetter(n)) this.occurrences.push({ letter: n.name, node: n, boundBy: this.innermost(n.name), asIndex: false, owner: n });
        return;
      case 'script': {
        this.go(n.base);
        if (n.sub) {
          const r = readScript(n.sub, this.tex);
          if (r.kind === 'indices') for (const ix of r.items) this.addIndex(ix, n);
          // `\nabla_{w_i}`: a scripted subscript carries its own indices.
          else if (n.sub.kind === 'script') this.go(n.sub);
        }
        const sup = indexSuperscript(n.sup);
        if (sup) this.addIndex(sup, n);
        else if (n.sup) this.go(n.sup);
        return;
      }
      case 'bigop': {
        const ix = BINDING_BIGOPS.has(n.op) ? bigopIndex(n) : undefined;
        if (n.sup) this.go(n.sup);
        if (!ix) {
          if (n.sub) this.go(n.sub);
          if (n.body) this.go(n.body);
          return;
        }
        if (ix.from) this.go(ix.from);
        this.bind(n, ix.letter, ix.letterNode, n.body);
        return;
      }
      case 'apply': {
        const fn = n.fn;
        if (fn.kind === 'script' && fn.base.kind === 'operator' && BINDING_FUNCTIONS.has(fn.base.name) && fn.sub) {
          const sub = fn.sub;
          const letterNode = sub.kind === 'symbol' ? sub : sub.kind === 'relation' && sub.sides[0].kind === 'symbol' ? sub.sides[0] : undefined;
          if (letterNode && isIndexLetter(letterNode)) {
            this.bind(n, letterNode.name, letterNode, n.arg);
            return;
          }
        }
        this.go(n.fn);
        this.go(n.arg);
        return;
      }
      default:
        forEachChild(n, this.goChild);
    }
  }
}

/** Letters of the free index occurrences (subscripts only), in first-occurrence order. */
export function freeIndexLetters(a: IndexAnalysis): string[] {
  const out: string[] = [];
  for (const o of a.occurrences) if (o.asIndex && !o.boundBy && !out.includes(o.letter)) out.push(o.letter);
  return out;
}

/** Every symbol letter used anywhere in the formula, to pick a fresh index name. */
export function lettersUsed(e: Expr): Set<string> {
  const out = new Set<string>();
  const go = (n: Expr) => {
    if (n.kind === 'symbol') out.add(n.name);
    forEachChild(n, go);
  };
  go(e);
  return out;
}

/** The conventional next index letters, in the order textbooks reach for them. */
const FRESH = ['k', 'l', 'm', 'p', 'q', 'r', 's', 'u', 'v', 'a', 'b', 'c'];

export function freshLetter(used: ReadonlySet<string>): string | undefined {
  return FRESH.find((l) => !used.has(l));
}

/** The letters bound at `b` (the binding letter and every occurrence it binds), for renaming. */
export function boundSites(a: IndexAnalysis, b: Binder): SymbolNode[] {
  return [b.letterNode, ...a.occurrences.filter((o) => o.boundBy === b).map((o) => o.node)];
}

/**
 * Rewrites `tex[span]` replacing each listed symbol's source with `letter` (a single letter, or `{jk}`-safe
 * text). Sites must lie inside the span; returns the new text of the span.
 */
export function renameInSpan(tex: string, span: { start: number; end: number }, sites: readonly SymbolNode[], letter: string): string {
  const sorted = [...sites].sort((x, y) => x.span.start - y.span.start);
  let out = '';
  let at = span.start;
  for (const s of sorted) {
    if (s.span.start < at || s.span.end > span.end) continue;
    out += tex.slice(at, s.span.start) + letter;
    at = s.span.end;
  }
  return out + tex.slice(at, span.end);
}

/**
 * Top-level parts of a formula: list items, and the whole formula otherwise. A numbered formula
 * (`\label`, `\tag`) reaches us as KaTeX's `tag` node, which the tree adapter keeps as a flat `other`
 * node; until the adapter parses its body there is no statement to reason about, so none is returned.
 */
export function statements(e: Expr): Expr[] {
  if (e.kind === 'other' && e.type === 'tag') return [];
  return e.kind === 'list' ? [...e.items] : [e];
}

/** Relation operators across which free indices must agree (definitions and equalities). */
export const EQUALITIES = new Set(['=', ':=', '\\coloneqq', '\\triangleq', '\\equiv', '\\approx', '\\propto', '\\doteq', '\\leftarrow', '\\gets']);

/** The terms of a side: its top-level sum terms, or the side itself. */
export function termsOf(side: Expr): Array<{ expr: Expr; span: { start: number; end: number }; sign: string | null; signSpan?: { start: number; end: number } }> {
  if (side.kind === 'sum') return side.terms.map((t) => ({ expr: t.expr, span: t.span, sign: t.sign, signSpan: t.signSpan }));
  return [{ expr: side, span: side.span, sign: null }];
}

/** The top-level factors of a term (a product's factors, a Σ's body factors stay inside the Σ). */
export function factorsOf(term: Expr): Expr[] {
  return term.kind === 'product' ? [...term.factors] : [term];
}

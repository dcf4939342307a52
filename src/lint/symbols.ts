// The article's symbol table: every use of every symbol across formulas, with its style (bold, italic…),
// accent (a hat marks a prediction), whether it is indexed (`W_{ij}` is element access) and what it sits
// next to. Per-formula uses are computed once per formula (memoized with it); the table merges them.

import type { Expr, Span, SymbolStyle } from '../latex/tree';
import { forEachChild } from '../latex/tree';

export interface SymbolUse {
  /** Formula index in the document. */
  readonly formula: number;
  /** `x`, `\alpha`, `W`. */
  readonly name: string;
  readonly style: SymbolStyle;
  readonly accent: string | undefined;
  /** The symbol itself (TeX offsets of its formula), without its scripts. */
  readonly span: Span;
  /** Carries a subscript: `W_{ij}`, `x_i` (element access or an indexed family). */
  readonly indexed: boolean;
  /** The superscript's TeX, if any (`\top`, `T`, `2`, `(l)`). */
  readonly sup: string | undefined;
  /** A factor of a product with at least one other non-number factor (`Wx`, `\mathbf W \mathbf x`). */
  readonly inProduct: boolean;
  /** The other symbols of that product (bases of scripted factors included), for "acts as a matrix" tests. */
  readonly peers: readonly Peer[];
  /** Inside a sub- or superscript of something else (then it is an index or an exponent). */
  readonly inScript: boolean;
}

export interface Peer {
  readonly name: string;
  readonly style: SymbolStyle;
  readonly accent: string | undefined;
}

export type FormulaSymbolUse = Omit<SymbolUse, 'formula'>;

const STRUCTURAL = new Set(['\\partial', '\\nabla', '\\infty', '\\ldots', '\\cdots', '\\dots', '\\prime', '\\top', '\\intercal']);

/** The uses of symbols in one formula's tree; `formula` is the index they carry (the engine's own). */
export function formulaSymbols(tex: string, tree: Expr | undefined, formula = -1): SymbolUse[] {
  if (!tree) return [];
  const out: SymbolUse[] = [];
  const selfPeer = new Map<Expr, Peer>();
  const visit = (e: Expr, inScript: boolean, productPeers: number, peers: readonly Peer[] = []): void => {
    if (e.kind === 'symbol' || (e.kind === 'script' && e.base.kind === 'symbol')) {
      const sym = e.kind === 'symbol' ? e : (e.base as Extract<Expr, { kind: 'symbol' }>);
      const sub = e.kind === 'script' ? e.sub : undefined;
      const sup = e.kind === 'script' ? e.sup : undefined;
      if (!STRUCTURAL.has(sym.name)) {
        out.push({
          formula,
          name: sym.name,
          style: sym.style,
          accent: sym.accent,
          span: sym.span,
          indexed: sub !== undefined,
          sup: sup ? tex.slice(sup.span.start, sup.span.end).replace(/^\{|\}$/g, '') : undefined,
          inProduct: productPeers > 0,
          peers: peers.filter((p) => p !== selfPeer.get(e)),
          inScript,
        });
      }
      if (sub) visit(sub, true, 0);
      if (sup) visit(sup, true, 0);
      return;
    }
    switch (e.kind) {
      case 'script':
        visit(e.base, inScript, productPeers);
        if (e.sub) visit(e.sub, true, 0);
        if (e.sup) visit(e.sup, true, 0);
        return;
      case 'bigop':
        if (e.sub) visit(e.sub, true, 0);
        if (e.sup) visit(e.sup, true, 0);
        if (e.body) visit(e.body, inScript, 0);
        return;
      case 'product': {
        const words = wordLetters(e.factors);
        const count = e.factors.filter((f) => f.kind !== 'number' && f.kind !== 'empty' && f.kind !== 'atom').length;
        const peers: Peer[] = [];
        for (const f of e.factors) {
          const b = f.kind === 'script' ? f.base : f;
          if (b.kind === 'symbol' && !words.has(f)) {
            const p = { name: b.name, style: b.style, accent: b.accent };
            selfPeer.set(f, p);
            peers.push(p);
          }
        }
        for (const f of e.factors) if (!words.has(f)) visit(f, inScript, count - 1, peers);
        return;
      }
      default:
        forEachChild(e, (c) => visit(c, inScript, 0));
    }
  };
  visit(tree, false, 0);
  return out;
}

/**
 * Letters glued into runs of three or more (`softmax`, `log`, `train`): a word typed in italics, which
 * operator-upright and subscript-label report; its letters are not symbols of the article.
 */
function wordLetters(factors: readonly Expr[]): Set<Expr> {
  // Runs are index ranges [runStart, k) of `factors` (no closures or run arrays: this runs per product).
  const out = new Set<Expr>();
  let runStart = 0;
  let runEnd = 0;
  for (let k = 0; k < factors.length; k++) {
    const f = factors[k];
    const l = letterOf(f);
    const isLetter = l.kind === 'symbol' && l.style === 'italic' && l.name.length === 1 && isAsciiLetter(l.name.charCodeAt(0)) && l.span.end - l.span.start === 1;
    if (!isLetter) {
      addRun(out, factors, runStart, runEnd);
      runStart = runEnd = k + 1;
      continue;
    }
    if (runEnd > runStart && letterOf(factors[runEnd - 1]).span.end !== l.span.start) {
      addRun(out, factors, runStart, runEnd);
      runStart = k;
    }
    runEnd = k + 1;
    if (f.kind === 'script') {
      addRun(out, factors, runStart, runEnd);
      runStart = k + 1;
    }
  }
  addRun(out, factors, runStart, runEnd);
  return out;
}

/** A run of three or more glued letters is a word. */
function addRun(out: Set<Expr>, factors: readonly Expr[], from: number, to: number): void {
  if (to - from >= 3) for (let i = from; i < to; i++) out.add(factors[i]);
}

const letterOf = (f: Expr): Expr => (f.kind === 'script' ? f.base : f);
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The article's table, built from per-formula lists that the engine memoizes with each formula, so a
 * re-lint after a keystroke only re-indexes references (no per-use copies). Indexed by name on first use;
 * `patched` derives a table from the previous lint's when only a few formulas changed, re-indexing just the
 * names those formulas use (the other names keep their lists, so rules can memoize per list).
 */
export class SymbolTable {
  private readonly parts: Array<readonly SymbolUse[]> = [];
  private index: Map<string, readonly SymbolUse[]> | undefined;
  private styled = new Map<SymbolStyle, Set<string>>();

  add(uses: readonly SymbolUse[]): void {
    this.parts.push(uses);
    this.index = undefined;
  }

  /**
   * The table of `parts` (one list per formula, in document order, uses carrying their formula's index),
   * reusing `prev`'s index when `prev` was built over the same number of formulas: only the formulas whose
   * list changed are re-indexed. Each name's uses stay in document order, as a fresh build gives them.
   */
  static patched(prev: SymbolTable | undefined, parts: ReadonlyArray<readonly SymbolUse[]>, formulaOf: (i: number) => number): SymbolTable {
    const table = new SymbolTable();
    for (const p of parts) table.parts.push(p);
    if (!prev || !prev.index || prev.parts.length !== parts.length) return table;
    const changed: number[] = [];
    for (let i = 0; i < parts.length; i++) if (prev.parts[i] !== parts[i]) changed.push(i);
    // Past a handful of changed formulas a fresh build is as cheap (an edit changes one, a paste a few).
    if (changed.length > 8) return table;
    const gone = new Set<number>();
    const names = new Set<string>();
    const added = new Map<string, SymbolUse[]>();
    for (const i of changed) {
      gone.add(formulaOf(i));
      for (const u of prev.parts[i]) names.add(u.name);
      for (const u of parts[i]) {
        names.add(u.name);
        const list = added.get(u.name);
        if (list) list.push(u);
        else added.set(u.name, [u]);
      }
    }
    const index = new Map(prev.index);
    const styled = new Map<SymbolStyle, Set<string>>();
    for (const [style, set] of prev.styled) styled.set(style, new Set(set));
    for (const name of names) {
      const kept = (index.get(name) ?? []).filter((u) => !gone.has(u.formula));
      const fresh = added.get(name) ?? [];
      // Merge by formula index (both in document order; a stable sort keeps each formula's own order).
      const list = fresh.length === 0 ? kept : [...kept, ...fresh].sort((a, b) => a.formula - b.formula);
      for (const set of styled.values()) set.delete(name);
      if (list.length === 0) {
        index.delete(name);
        continue;
      }
      index.set(name, list);
      for (const u of list) {
        let set = styled.get(u.style);
        if (!set) styled.set(u.style, (set = new Set()));
        set.add(name);
      }
    }
    for (const [style, set] of styled) if (set.size === 0) styled.delete(style);
    table.index = index;
    table.styled = styled;
    return table;
  }

  private byName(): Map<string, readonly SymbolUse[]> {
    if (this.index) return this.index;
    const index = new Map<string, SymbolUse[]>();
    const styled = new Map<SymbolStyle, Set<string>>();
    for (const part of this.parts) {
      for (const u of part) {
        const list = index.get(u.name);
        if (list) list.push(u);
        else index.set(u.name, [u]);
        let names = styled.get(u.style);
        if (!names) styled.set(u.style, (names = new Set()));
        names.add(u.name);
      }
    }
    this.styled = styled;
    return (this.index = index);
  }

  /** Names used at least once in `style` (e.g. every letter the article sets in bold). */
  namesWithStyle(style: SymbolStyle): ReadonlySet<string> {
    this.byName();
    return this.styled.get(style) ?? new Set();
  }

  names(): IterableIterator<string> {
    return this.byName().keys();
  }

  /** Every use of `name`, in document order. The same array while the name's uses are unchanged. */
  uses(name: string): readonly SymbolUse[] {
    return this.byName().get(name) ?? [];
  }

  /** How many uses of `name` are in each style. */
  styles(name: string): Map<SymbolStyle, number> {
    const counts = new Map<SymbolStyle, number>();
    for (const u of this.uses(name)) counts.set(u.style, (counts.get(u.style) ?? 0) + 1);
    return counts;
  }
}

// Subscripts read as indices or labels: `W_{ij}` carries the indices i and j, `n_{in}` and `n_{\text{in}}`
// carry the label "in", `\beta_1` the number 1, `x_{t-1}` the index expression t−1. Shared by the
// numeric adapter (which names variables) and the index analysis of the lint rules (which binds indices).

import type { Expr } from './tree';

export interface IndexOccurrence {
  /** The index letter (`i`). */
  readonly letter: string;
  /** The symbol node of this occurrence, for ranges and renames. */
  readonly node: Extract<Expr, { kind: 'symbol' }>;
}

export type ScriptReading =
  /** Index expressions in order (`W_{ij}` → [i, j]; `x_{t-1}` → [t−1]; `z_1` → [1]). */
  | { readonly kind: 'indices'; readonly items: readonly Expr[] }
  /** A name part (`in`, `out`, `train`, `Q`, `\theta`): part of the variable's identity, not an index. */
  | { readonly kind: 'label'; readonly text: string };

/**
 * Two-letter subscripts that are words, not index pairs. Longer letter runs are always labels; other pairs
 * (`ij`, `nk`) are indices, as in `W_{ij}`.
 */
const TWO_LETTER_WORDS = new Set(['in', 'ff', 'up', 'on']);

/** Single lower-case Latin letters are index letters; capitals, Greek letters and words name things. */
export function isIndexLetter(e: Expr): e is Extract<Expr, { kind: 'symbol' }> {
  return e.kind === 'symbol' && e.accent === undefined && (e.style === 'italic') && /^[a-z]$/.test(e.name);
}

/** A plain text rendering of a label-like expression (`\text{in}` → in, `Q` → Q, `\theta` → \theta). */
export function labelText(e: Expr, tex: string): string {
  if (e.kind === 'text') return e.text;
  if (e.kind === 'symbol') return e.name;
  if (e.kind === 'operator') return e.name.replace(/^\\/, '');
  return tex.slice(e.span.start, e.span.end).replace(/\\(?:text|mathrm|textrm|mathit)\s*\{([^{}]*)\}/g, '$1').replace(/[{}\s]/g, '');
}

/** Reads a subscript (or a `^{(i)}` superscript's content) as indices or a label. */
export function readScript(sub: Expr, tex: string): ScriptReading {
  switch (sub.kind) {
    case 'number':
      return { kind: 'indices', items: [sub] };
    case 'symbol':
      // `b_h` beside `h_{t-1}`: a letter that is itself a variable of the formula names, it does not index.
      return isIndexLetter(sub) && !scriptBases(tex).has(sub.name) ? { kind: 'indices', items: [sub] } : { kind: 'label', text: labelText(sub, tex) };
    case 'product': {
      const allLetters = sub.factors.every(isIndexLetter) && sub.joins.every((j) => j === '');
      if (allLetters) {
        const word = sub.factors.map((f) => (f as Extract<Expr, { kind: 'symbol' }>).name).join('');
        if (word.length >= 3 || TWO_LETTER_WORDS.has(word)) return { kind: 'label', text: word };
        // `W_{hh} h_{t-1} + W_{xh} x_t`: letters that are variables of the formula name the matrix.
        const bases = scriptBases(tex);
        if ([...word].some((l) => bases.has(l))) return { kind: 'label', text: word };
        return { kind: 'indices', items: sub.factors };
      }
      // `W_{i j}` with numbers mixed in (`x_{1j}`): every factor an index if each one is.
      if (sub.factors.every((f) => isIndexLetter(f) || f.kind === 'number')) return { kind: 'indices', items: sub.factors };
      return { kind: 'label', text: labelText(sub, tex) };
    }
    case 'list':
      return sub.items.every(isIndexish) ? { kind: 'indices', items: sub.items } : { kind: 'label', text: labelText(sub, tex) };
    case 'sum':
      // `t-1`, `j+1`, `2i`: an index expression when it mentions exactly index letters and numbers.
      return isIndexish(sub) ? { kind: 'indices', items: [sub] } : { kind: 'label', text: labelText(sub, tex) };
    default:
      return { kind: 'label', text: labelText(sub, tex) };
  }
}

/** An index expression: index letters, numbers, and + / − / juxtaposition of them. */
function isIndexish(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
      return true;
    case 'symbol':
      return isIndexLetter(e);
    case 'sum':
      return e.terms.every((t) => isIndexish(t.expr));
    case 'product':
      return e.factors.every(isIndexish) && e.factors.filter((f) => f.kind === 'symbol').length <= 1;
    default:
      return false;
  }
}

/**
 * The index superscript of `x^{(i)}` / `W^{[l]}` (sample and layer indices), or undefined for a power.
 * Returns the fence's body.
 */
export function indexSuperscript(sup: Expr | undefined): Expr | undefined {
  if (!sup || sup.kind !== 'fence') return undefined;
  if (sup.open !== '(' && sup.open !== '[' && sup.open !== '\\lbrack') return undefined;
  return isIndexish(sup.body) ? sup.body : undefined;
}

/** Every index letter occurring in an index expression read by `readScript`. */
export function indexLetters(e: Expr, out: IndexOccurrence[] = []): IndexOccurrence[] {
  if (isIndexLetter(e)) out.push({ letter: e.name, node: e });
  else if (e.kind === 'sum') e.terms.forEach((t) => indexLetters(t.expr, out));
  else if (e.kind === 'product') e.factors.forEach((f) => indexLetters(f, out));
  else if (e.kind === 'list') e.items.forEach((f) => indexLetters(f, out));
  return out;
}

const basesCache = new Map<string, Set<string>>();

/** Lower-case letters written with their own sub/superscript in `tex` (`h_{t-1}` → h): variables. */
function scriptBases(tex: string): Set<string> {
  let set = basesCache.get(tex);
  if (!set) {
    set = new Set<string>();
    // `h_t`, `\mathbf{h}_t`, `\hat{y}_i`: a letter (or a one-letter group) right before a script. A letter
    // that is itself a subscript (`z_{j}^2`) is not a base.
    for (const m of tex.matchAll(/(?:(?<![\\A-Za-z_^]|[_^]\{)([a-z])|(?<![_^])\{([a-z])\})\s*[_^]/g)) set.add(m[1] ?? m[2]);
    if (basesCache.size > 512) basesCache.clear();
    basesCache.set(tex, set);
  }
  return set;
}

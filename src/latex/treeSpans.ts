// Source ranges for every KaTeX parse node. KaTeX puts `loc` on leaves and groups only: `\frac`, `\sum`,
// `\mathbf`, `\hat`, `\left…\right` and sub/superscript nodes come back without one. We re-tokenize the
// TeX and walk the tree in source order with a cursor, giving each unlocated node the span of its command
// token plus its children, extended over the closing braces (and `\right…` / `\end{…}`) it owns.

import type { KNode } from './parse';
import type { Span } from './tree';

export interface TexToken {
  /** `\name`, `\,` (control symbol) or a single character. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `[A-Za-z@]` by char code (the lexer's inner loop; a regex test per character showed in profiles). */
function isLetterOrAt(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 64 && c <= 90);
}

let lastLexed: { readonly tex: string; readonly tokens: readonly TexToken[] } | undefined;

/**
 * `lexTex` for readers that never modify the tokens: the tree adapter and then the rules lex the same
 * formula back to back, so the last result is kept and shared.
 */
export function lexTexShared(tex: string): readonly TexToken[] {
  if (lastLexed?.tex !== tex) lastLexed = { tex, tokens: lexTex(tex) };
  return lastLexed.tokens;
}

/** TeX's tokenizer as far as positions need: control words/symbols, characters; skips spaces and `%` comments. */
export function lexTex(tex: string): TexToken[] {
  const out: TexToken[] = [];
  let i = 0;
  while (i < tex.length) {
    const c = tex.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 37 /* % */) {
      while (i < tex.length && tex[i] !== '\n') i++;
    } else if (c === 92 /* \ */) {
      let j = i + 1;
      while (j < tex.length && isLetterOrAt(tex.charCodeAt(j))) j++;
      if (j === i + 1 && j < tex.length) j += tex.codePointAt(j)! > 0xffff ? 2 : 1;
      out.push({ text: tex.slice(i, j), start: i, end: j });
      i = j;
    } else {
      const n = tex.codePointAt(i)! > 0xffff ? 2 : 1;
      out.push({ text: tex.slice(i, i + n), start: i, end: i + n });
      i += n;
    }
  }
  return out;
}

/** The command that introduces a node of this type, when KaTeX does not record where it was. */
function commandOf(n: KNode): ((t: string) => boolean) | undefined {
  switch (n.type) {
    case 'supsub':
    case 'ordgroup':
    // A character without a location (the `\prime` KaTeX makes of `'`) is simply the next token.
    case 'mathord':
    case 'textord':
      return undefined;
    case 'op':
      return typeof n.name === 'string' ? (t) => t === n.name : isControl;
    case 'accent':
    case 'accentUnder':
      return typeof n.label === 'string' ? (t) => t === n.label : isControl;
    case 'genfrac':
      return (t) => FRACS.has(t);
    case 'sqrt':
      return (t) => t === '\\sqrt';
    case 'leftright':
      return (t) => t === '\\left';
    case 'operatorname':
      return (t) => t.startsWith('\\operatorname');
    default:
      return isControl;
  }
}

const FRACS = new Set(['\\frac', '\\dfrac', '\\tfrac', '\\cfrac', '\\binom', '\\dbinom', '\\tbinom', '\\genfrac']);
const isControl = (t: string) => t.startsWith('\\');

/** Child nodes in source order (the `mathml` half of `\html@mathml` is skipped: it repeats the html half). */
export function knodeChildren(n: KNode, tex?: string, after?: number): KNode[] {
  if (n.type === 'supsub') {
    const base = n.base as KNode | undefined;
    const sub = n.sub as KNode | undefined;
    const sup = n.sup as KNode | undefined;
    // Built directly (no filter/spread): this runs several times for every scripted node.
    const out: KNode[] = [];
    if (base) out.push(base);
    if (sub && sup) {
      // Source order of `_` and `^`: whichever comes first after the base.
      let supFirst = false;
      if (tex !== undefined && after !== undefined) {
        const u = tex.indexOf('_', after);
        const c = tex.indexOf('^', after);
        supFirst = c >= 0 && (u < 0 || c < u);
      }
      if (supFirst) out.push(sup, sub);
      else out.push(sub, sup);
    } else if (sub) out.push(sub);
    else if (sup) out.push(sup);
    return out;
  }
  switch (n.type) {
    // Leaves and the common containers first: this runs for every node, several times.
    case 'mathord':
    case 'textord':
    case 'atom':
    case 'spacing':
    case 'kern':
    case 'op':
      if (n.type !== 'op' || !n.body) return [];
      break;
    case 'ordgroup':
    case 'styling':
    case 'color':
    case 'text':
    case 'operatorname':
    case 'leftright':
    case 'mclass':
      return Array.isArray(n.body) ? (n.body as KNode[]) : [];
    case 'font':
      return n.body ? [n.body as KNode] : [];
    case 'accent':
      return n.base ? [n.base as KNode] : [];
    case 'sqrt':
      return n.index ? [n.index as KNode, n.body as KNode] : [n.body as KNode];
    case 'genfrac':
      return [n.numer as KNode, n.denom as KNode];
  }
  const out: KNode[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object' && typeof (v as KNode).type === 'string' && 'mode' in (v as object)) out.push(v as KNode);
  };
  for (const [k, v] of Object.entries(n)) {
    if (k === 'loc' || k === 'mathml' || k === 'type' || k === 'mode') continue;
    add(v);
  }
  return out;
}

/** Computes a span for every node reachable from `nodes`. */
export function locateSpans(tex: string, nodes: readonly KNode[]): Map<KNode, Span> {
  const loc = new SpanLocator(tex);
  let cursor = 0;
  for (const n of nodes) cursor = Math.max(cursor, loc.visit(n, cursor, 0).end);
  return loc.spans;
}

// A class rather than closures inside locateSpans: it runs once per formula over every KaTeX node, and
// five fresh closures per call (named ones, under tsx's keepNames) showed in the linter's profile.
class SpanLocator {
  readonly tokens: readonly TexToken[];
  readonly spans = new Map<KNode, Span>();
  /** Start of the first own location below a node (bounds the search for its command token). */
  private readonly located = new Map<KNode, number | undefined>();

  constructor(private readonly tex: string) {
    this.tokens = lexTexShared(tex);
  }

  /** Start of the node's own location, or -1 (no location, or one inside a macro's expansion). */
  private ownStart(n: KNode): number {
    const loc = n.loc;
    if (!loc || typeof loc.start !== 'number') return -1;
    // Locations inside a macro's expansion point into the macro body, not into this formula.
    if (loc.lexer?.input !== undefined && loc.lexer.input !== this.tex) return -1;
    return loc.start;
  }

  /** End of the node's own location (call only when ownStart ≥ 0). */
  private ownEnd(n: KNode): number {
    const loc = n.loc!;
    // A control word's token swallows the spaces after it (`\\lambda x`): keep them out of the range.
    let end = loc.end;
    while (end > loc.start + 1 && /\s/.test(this.tex[end - 1])) end--;
    return end;
  }

  /** First token index whose start is ≥ offset (binary search). */
  private firstAt(offset: number): number {
    const tokens = this.tokens;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private firstLocated(n: KNode, depth = 0): number | undefined {
    if (this.located.has(n)) return this.located.get(n);
    const own = this.ownStart(n);
    let found: number | undefined = own >= 0 ? own : undefined;
    if (own < 0 && depth <= 64) {
      for (const c of knodeChildren(n)) {
        found = this.firstLocated(c, depth + 1);
        if (found !== undefined) break;
      }
    }
    this.located.set(n, found);
    return found;
  }

  visit(n: KNode, cursor: number, depth: number): Span {
    const { tex, tokens } = this;
    const ownAt = this.ownStart(n);
    const own = ownAt >= 0;
    let start: number;
    let cur: number;
    let end: number;
    if (own) {
      start = ownAt;
      end = this.ownEnd(n);
      cur = n.type === 'ordgroup' ? ownAt + 1 : ownAt;
    } else {
      const wants = commandOf(n);
      const limit = this.firstLocated(n) ?? tex.length;
      let tok: TexToken | undefined;
      if (wants) {
        for (let i = this.firstAt(cursor); i < tokens.length && tokens[i].start < limit; i++) {
          if (wants(tokens[i].text)) {
            tok = tokens[i];
            break;
          }
        }
      }
      if (!tok && n.type !== 'supsub' && n.type !== 'ordgroup' && knodeChildren(n).length === 0) {
        tok = tokens[this.firstAt(cursor)];
      }
      // Without a token of its own, the node spans its children (computed below); `limit` is a fallback.
      start = tok ? tok.start : Math.min(limit, tex.length);
      end = tok ? tok.end : -1;
      cur = tok ? tok.end : cursor;
    }
    if (depth < 200) {
      let first = true;
      for (const c of knodeChildren(n, tex, cur)) {
        const s = this.visit(c, cur, depth + 1);
        if (first && !own && n.type === 'supsub') start = Math.min(start, s.start);
        first = false;
        if (s.end > cur) cur = s.end;
        if (s.end > end) end = s.end;
        if (s.start < start && !own) start = s.start;
      }
    }
    if (end < 0) end = start;
    // Scripts and operators own no braces of their own (their groups carry locations): skip the scan.
    if (!own && n.type !== 'supsub' && n.type !== 'op') end = this.closeOver(n, start, end);
    const span = { start, end: Math.max(start, end) };
    this.spans.set(n, span);
    return span;
  }

  /** Extends `end` over the braces opened inside [start, end) and over `\right.`/`\end{…}`. */
  private closeOver(n: KNode, start: number, end: number): number {
    const tokens = this.tokens;
    let i = this.firstAt(start);
    let depth = 0;
    let envs = 0;
    for (; i < tokens.length && tokens[i].start < end; i++) {
      const t = tokens[i].text;
      if (t === '{') depth++;
      else if (t === '}') depth = Math.max(0, depth - 1);
      else if (t === '\\begin') envs++;
      else if (t === '\\end') envs = Math.max(0, envs - 1);
    }
    let needRight = n.type === 'leftright';
    let envName = false;
    for (; i < tokens.length && (depth > 0 || envs > 0 || needRight || envName); i++) {
      const t = tokens[i].text;
      end = tokens[i].end;
      if (t === '{') {
        depth++;
        envName = false;
      } else if (t === '}') depth--;
      else if (t === '\\end') {
        envs--;
        envName = envs === 0 && tokens[i + 1]?.text === '{';
      } else if (t === '\\begin') envs++;
      else if (t === '\\right' && needRight && depth === 0 && envs === 0) {
        if (tokens[i + 1]) end = tokens[i + 1].end;
        needRight = false;
        i++;
      }
    }
    return end;
  }
}

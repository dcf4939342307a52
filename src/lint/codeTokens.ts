// A light Python tokenizer for reading an article's code blocks statically (formula-code-mismatch). It
// never runs code and never throws: unknown characters become `error` tokens. It follows the lexical rules
// of CPython 3.11 (Doc/reference/lexical_analysis.rst) only as far as reading constants and calls needs:
// names, numbers (with `_` separators, exponents, imaginary suffix), strings (prefixes, triple quotes),
// operators, comments and logical line ends (brackets join lines, as in the real tokenizer).

export type PyTokenKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'comment' | 'error';

export interface PyToken {
  readonly kind: PyTokenKind;
  readonly text: string;
  /** Offsets in the block's content, half-open. */
  readonly start: number;
  readonly end: number;
}

/** Longest operators first so `**=` wins over `**` and `*`. */
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=',
  '**', '//', '==', '!=', '<=', '>=', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '@=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '@', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '~', '&', '|', '^',
];

const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/;
const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/;
const STRING_PREFIX = /^(?:[rRbBuUfF]{1,2})?(?:'''|"""|'|")/;

export function tokenizePython(src: string): PyToken[] {
  const out: PyToken[] = [];
  let depth = 0;
  let i = 0;
  let lineHasCode = false;
  const push = (kind: PyTokenKind, start: number, end: number) => {
    out.push({ kind, text: src.slice(start, end), start, end });
    if (kind !== 'comment' && kind !== 'newline') lineHasCode = true;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      // Inside brackets a line break is not a logical line end (implicit line joining); a line with only a
      // comment has none either (CPython's tokenize emits NL there, not NEWLINE).
      if (depth === 0 && lineHasCode) push('newline', i, i + 1);
      lineHasCode = false;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') { i++; continue; }
    if (c === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      let j = src.indexOf('\n', i);
      if (j < 0) j = src.length;
      push('comment', i, j);
      i = j;
      continue;
    }
    const rest = src.slice(i, i + 4);
    const sp = STRING_PREFIX.exec(src.slice(i, i + 5));
    if (sp) {
      const quote = sp[0].endsWith('"""') || sp[0].endsWith("'''") ? sp[0].slice(-3) : sp[0].slice(-1);
      let j = i + sp[0].length;
      const raw = /[rR]/.test(sp[0].slice(0, -quote.length));
      while (j < src.length) {
        if (src[j] === '\\' && !raw) { j += 2; continue; }
        if (src.startsWith(quote, j)) { j += quote.length; break; }
        if (quote.length === 1 && src[j] === '\n') break;
        if (src[j] === '\\' && raw) { j += 2; continue; }
        j++;
      }
      push('string', i, Math.min(j, src.length));
      i = Math.min(j, src.length);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = NUMBER.exec(src.slice(i, i + 64))!;
      push('number', i, i + m[0].length);
      i += m[0].length;
      continue;
    }
    const nm = NAME.exec(src.slice(i, i + 256));
    if (nm) {
      push('name', i, i + nm[0].length);
      i += nm[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      if (op === '(' || op === '[' || op === '{') depth++;
      else if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
      push('op', i, i + op.length);
      i += op.length;
      continue;
    }
    push('error', i, i + 1);
    i++;
  }
  return out;
}

/** The value of a Python number literal, or NaN for forms we do not evaluate (complex). */
export function pythonNumber(text: string): number {
  const t = text.replace(/_/g, '');
  if (/[jJ]$/.test(t)) return NaN;
  if (/^0[xX]/.test(t)) return parseInt(t.slice(2), 16);
  if (/^0[oO]/.test(t)) return parseInt(t.slice(2), 8);
  if (/^0[bB]/.test(t)) return parseInt(t.slice(2), 2);
  return Number(t);
}

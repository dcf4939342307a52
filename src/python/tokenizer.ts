// Python tokenizer: indentation (INDENT/DEDENT), implicit and explicit line joining, all string forms
// (prefixes r/b/f/u, triple quotes, escapes) and numbers with underscores. Follows CPython's
// Parser/tokenizer.c behaviour; errors carry CPython's SyntaxError wording and position.

import { PySyntaxError } from './syntaxError';

export type TokKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'end';

export interface Token {
  kind: TokKind;
  /** For names/ops: the text. For numbers: the source text. For strings: the decoded value. */
  value: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** Strings only: prefix letters (lower-cased) and, for f-strings, the raw body with its start position. */
  prefix?: string;
  raw?: string;
  rawLine?: number;
  rawCol?: number;
}

const OPS3 = ['**=', '//=', '>>=', '<<=', '...', '!='];
const OPS2 = ['**', '//', '<<', '>>', '<=', '>=', '==', '!=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', ':='];
const OPS1 = '+-*/%@&|^~<>()[]{},:.;=';
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function isIdStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\x7f';
}
function isIdChar(c: string): boolean {
  return isIdStart(c) || (c >= '0' && c <= '9');
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function tokenize(src: string): Token[] {
  const r = tokenizeLenient(src);
  if (r.unclosed) throw r.unclosed;
  return r.toks;
}

/**
 * Like tokenize, but a bracket still open at the end of the file is returned instead of thrown: CPython
 * reports "'(' was never closed" only when the parser reaches the end of the file inside it; a syntax
 * error the parser meets earlier (`def f(:`) wins (see parseModule).
 */
export function tokenizeLenient(src: string): { toks: Token[]; unclosed?: PySyntaxError } {
  const lines = src.split(/\r?\n/);
  const toks: Token[] = [];
  const indents = [0];
  const parens: { ch: string; line: number; col: number }[] = [];
  let lineNo = 0;
  // Continuation state when a string literal spans several lines.
  const err = (msg: string, line: number, col: number, kind: 'SyntaxError' | 'IndentationError' = 'SyntaxError', endCol?: number) =>
    new PySyntaxError(kind, msg, line, col, lines[line - 1] ?? '', endCol);
  let contLine = false; // previous physical line ended with backslash
  while (lineNo < lines.length) {
    let text = lines[lineNo];
    lineNo++;
    let pos = 0;
    if (parens.length === 0 && !contLine) {
      // Measure indentation of a logical line start.
      let width = 0;
      while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\f')) {
        width = text[pos] === '\t' ? (Math.floor(width / 8) + 1) * 8 : text[pos] === '\f' ? 0 : width + 1;
        pos++;
      }
      if (pos >= text.length || text[pos] === '#') continue; // blank or comment-only line
      const cur = indents[indents.length - 1];
      if (width > cur) {
        indents.push(width);
        toks.push({ kind: 'indent', value: '', line: lineNo, col: 0, endLine: lineNo, endCol: pos });
      } else if (width < cur) {
        while (indents.length > 1 && width < indents[indents.length - 1]) {
          indents.pop();
          toks.push({ kind: 'dedent', value: '', line: lineNo, col: pos, endLine: lineNo, endCol: pos });
        }
        if (width !== indents[indents.length - 1]) {
          throw err('unindent does not match any outer indentation level', lineNo, text.length, 'IndentationError');
        }
      }
    }
    contLine = false;
    let sawToken = false;
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\f') {
        pos++;
        continue;
      }
      if (c === '#') break;
      if (c === '\\') {
        if (pos === text.length - 1) {
          contLine = true;
          pos++;
          break;
        }
        throw err('unexpected character after line continuation character', lineNo, pos + 1);
      }
      const start = pos;
      // Strings (with optional prefix).
      let prefixEnd = pos;
      while (prefixEnd < text.length && prefixEnd - pos < 3 && /[rRbBfFuU]/.test(text[prefixEnd])) prefixEnd++;
      if (prefixEnd < text.length && (text[prefixEnd] === '"' || text[prefixEnd] === "'") && /^(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?$/.test(text.slice(pos, prefixEnd))) {
        const prefix = text.slice(pos, prefixEnd).toLowerCase();
        const q = text[prefixEnd];
        const triple = text.startsWith(q + q + q, prefixEnd);
        const quote = triple ? q + q + q : q;
        let p = prefixEnd + quote.length;
        let body = '';
        const startLine = lineNo;
        const bodyLine = lineNo;
        const bodyCol = p;
        for (;;) {
          if (p >= text.length) {
            if (!triple) {
              if (text.endsWith('\\') && false) break;
              throw err(`unterminated string literal (detected at line ${lineNo})`, startLine, start);
            }
            if (lineNo >= lines.length) {
              throw err(`unterminated triple-quoted string literal (detected at line ${lines[lines.length - 1] === '' ? lineNo - 1 : lineNo})`, startLine, start);
            }
            body += '\n';
            text = lines[lineNo];
            lineNo++;
            p = 0;
            continue;
          }
          const ch = text[p];
          if (ch === '\\') {
            if (p + 1 >= text.length) {
              // Backslash-newline inside a string.
              if (lineNo >= lines.length) throw err(`unterminated string literal (detected at line ${lineNo})`, startLine, start);
              body += '\\\n';
              text = lines[lineNo];
              lineNo++;
              p = 0;
              continue;
            }
            body += ch + text[p + 1];
            p += 2;
            continue;
          }
          if (text.startsWith(quote, p)) {
            p += quote.length;
            break;
          }
          body += ch;
          p++;
        }
        const raw = prefix.includes('r');
        const isF = prefix.includes('f');
        const value = isF ? body : raw ? body : decodeEscapes(body, prefix.includes('b'), (m, off) => err(m, startLine, start));
        toks.push({ kind: 'string', value, line: startLine, col: start, endLine: lineNo, endCol: p, prefix, raw: body, rawLine: bodyLine, rawCol: bodyCol });
        pos = p;
        sawToken = true;
        continue;
      }
      if (isIdStart(c)) {
        let p = pos + 1;
        while (p < text.length && isIdChar(text[p])) p++;
        toks.push({ kind: 'name', value: intern(text.slice(pos, p)), line: lineNo, col: pos, endLine: lineNo, endCol: p });
        pos = p;
        sawToken = true;
        continue;
      }
      if (isDigit(c) || (c === '.' && isDigit(text[pos + 1] ?? ''))) {
        const m = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/.exec(text.slice(pos));
        const s = m ? m[0] : c;
        const after = text[pos + s.length] ?? '';
        if (isIdChar(after)) {
          if (/^0\d/.test(s) && !/[.eEjJ]/.test(s)) throw err('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', lineNo, pos, 'SyntaxError', pos + s.length + 1);
          throw err(/^[0-9]/.test(after) || after === '_' ? 'invalid decimal literal' : 'invalid decimal literal', lineNo, pos + s.length);
        }
        if (/^0\d*[1-9]/.test(s) && !/[.eEjJxXoObB]/.test(s)) {
          throw err('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', lineNo, pos, 'SyntaxError', pos + s.length + 1);
        }
        toks.push({ kind: 'number', value: s, line: lineNo, col: pos, endLine: lineNo, endCol: pos + s.length });
        pos += s.length;
        sawToken = true;
        continue;
      }
      let op = '';
      for (const o of OPS3) if (text.startsWith(o, pos)) { op = o; break; }
      if (!op) for (const o of OPS2) if (text.startsWith(o, pos)) { op = o; break; }
      if (!op && OPS1.includes(c)) op = c;
      if (!op) {
        if (c === '!') throw err('invalid syntax', lineNo, pos);
        throw err(c === '$' || c === '?' || c === '`' ? 'invalid syntax' : `invalid character '${c}' (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`, lineNo, pos);
      }
      if (op === '(' || op === '[' || op === '{') parens.push({ ch: op, line: lineNo, col: pos });
      else if (op in CLOSERS) {
        const open = parens.pop();
        if (!open) throw err(`unmatched '${op}'`, lineNo, pos);
        if (open.ch !== CLOSERS[op]) {
          const m = open.line !== lineNo
            ? `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}' on line ${open.line}`
            : `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`;
          throw err(m, lineNo, pos);
        }
      }
      toks.push({ kind: 'op', value: op, line: lineNo, col: start, endLine: lineNo, endCol: pos + op.length });
      pos += op.length;
      sawToken = true;
    }
    if (parens.length === 0 && !contLine && (sawToken || toks.length > 0 && toks[toks.length - 1].kind !== 'newline' && toks[toks.length - 1].kind !== 'indent' && toks[toks.length - 1].kind !== 'dedent')) {
      const last = toks[toks.length - 1];
      if (last && last.kind !== 'newline') toks.push({ kind: 'newline', value: '', line: lineNo, col: text.length, endLine: lineNo, endCol: text.length + 1 });
    }
  }
  let unclosed: PySyntaxError | undefined;
  if (parens.length > 0) {
    const open = parens[parens.length - 1];
    unclosed = err(`'${open.ch}' was never closed`, open.line, open.col);
  }
  if (contLine) throw err('unexpected EOF while parsing', lineNo, (lines[lineNo - 1] ?? '').length);
  const endLine = lineNo + 1;
  if (toks.length > 0 && toks[toks.length - 1].kind !== 'newline') {
    toks.push({ kind: 'newline', value: '', line: lineNo, col: 0, endLine: lineNo, endCol: 0 });
  }
  while (indents.length > 1) {
    indents.pop();
    toks.push({ kind: 'dedent', value: '', line: endLine, col: 0, endLine, endCol: 0 });
  }
  toks.push({ kind: 'end', value: '', line: endLine, col: 0, endLine, endCol: 0 });
  return { toks, unclosed };
}

const SIMPLE_ESC: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };

/** Decodes backslash escapes of a non-raw literal (CPython: Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscape). */
export function decodeEscapes(body: string, bytes: boolean, fail: (msg: string, off: number) => unknown): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n in SIMPLE_ESC) {
      out += SIMPLE_ESC[n];
    } else if (n >= '0' && n <= '7') {
      let j = i;
      while (j < i + 3 && body[j] >= '0' && body[j] <= '7') j++;
      out += String.fromCharCode(parseInt(body.slice(i, j), 8));
      i = j - 1;
    } else if (n === 'x' || (!bytes && (n === 'u' || n === 'U'))) {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) {
        throw fail(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + hex.length}: truncated \\${n}${'X'.repeat(len)} escape`, i);
      }
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (n === 'N' && !bytes) {
      const close = body.indexOf('}', i);
      out += '?';
      i = close < 0 ? body.length : close;
    } else {
      out += '\\' + (n ?? '');
    }
  }
  return out;
}

// One string object per identifier text across every program compiled in this process: attribute
// names then compare by identity (InstanceDict's shape scans, inline caches), the fastest `===`.
const INTERNED = new Map<string, string>();
function intern(name: string): string {
  let s = INTERNED.get(name);
  if (s === undefined) {
    if (INTERNED.size > 100_000) INTERNED.clear(); // generated code with endless distinct names
    INTERNED.set(name, name);
    s = name;
  }
  return s;
}

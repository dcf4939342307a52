// Formats uncaught exceptions exactly like CPython 3.11's default excepthook (Python/pythonrun.c,
// Python/traceback.c): chained causes/contexts, "[Previous line repeated N more times]", the source
// line and the caret line with ~~~^^^ anchors for binary operations and subscripts.

import { PyBaseException, type TracebackEntry } from './objects';
import { str } from './repr';
import type { PySyntaxError } from './syntaxError';

function caretLine(source: string, e: TracebackEntry): string | null {
  const pos = e.pos;
  if (!pos) return null;
  const stripped = source.replace(/^[ \t\f]+/, '');
  const indent = source.length - stripped.length;
  const rstripLen = source.replace(/\s+$/, '').length;
  const start = pos.col;
  const end = pos.endLine === pos.line ? pos.endCol : rstripLen;
  if (end <= start) return null;
  const anchors = pos.endLine === pos.line ? pos.anchors : undefined;
  if (!anchors && start <= indent && end >= rstripLen) return null;
  let s = ' '.repeat(4 + start - indent);
  if (anchors) {
    const [a, b] = anchors;
    s += '~'.repeat(Math.max(0, a - start)) + '^'.repeat(Math.max(0, b - a)) + '~'.repeat(Math.max(0, end - b));
  } else s += '^'.repeat(end - start);
  return s;
}

function formatEntries(tb: TracebackEntry[]): string {
  // Entries were pushed innermost-first while unwinding; print outermost-first.
  const entries = tb.slice().reverse();
  let out = '';
  let last: string | null = null;
  let repeat = 0;
  const flush = () => {
    if (repeat > 3) out += `  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? '' : 's'}]\n`;
  };
  for (const e of entries) {
    const key = `${e.file}\0${e.line}\0${e.name}`;
    if (key === last) {
      repeat++;
      if (repeat > 3) continue;
    } else {
      flush();
      last = key;
      repeat = 1;
    }
    out += `  File "${e.file}", line ${e.line}, in ${e.name}\n`;
    if (e.source !== null && e.source.trim() !== '') {
      out += `    ${e.source.trim()}\n`;
      const c = caretLine(e.source, e);
      if (c) out += c + '\n';
    }
  }
  flush();
  return out;
}

function lastLine(e: PyBaseException): string {
  let msg: string;
  try {
    msg = str(e);
  } catch {
    msg = '<exception str() failed>';
  }
  const name = e.cls.module === 'builtins' || e.cls.module === '__main__' ? (e.cls.module === '__main__' ? `__main__.${e.cls.name}` : e.cls.name) : `${e.cls.module}.${e.cls.name}`;
  return msg === '' ? `${name}\n` : `${name}: ${msg}\n`;
}

export function formatException(e: PyBaseException): string {
  const seen = new Set<PyBaseException>();
  const one = (x: PyBaseException): string => {
    seen.add(x);
    let out = '';
    if (x.cause && !seen.has(x.cause)) {
      out += one(x.cause) + '\nThe above exception was the direct cause of the following exception:\n\n';
    } else if (x.context && !x.suppressContext && !seen.has(x.context)) {
      out += one(x.context) + '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
    if (x.tb.length) out += 'Traceback (most recent call last):\n' + formatEntries(x.tb);
    return out + lastLine(x);
  };
  return one(e);
}

export function formatSyntaxError(e: PySyntaxError, file: string, lineOffset: number): string {
  let out = `  File "${file}", line ${e.line + lineOffset}\n`;
  const text = e.text;
  if (text.trim() !== '') {
    const stripped = text.replace(/^[ \t\f]+/, '');
    const indent = text.length - stripped.length;
    out += `    ${stripped.replace(/\s+$/, '')}\n`;
    const showCaret = !(e.kind === 'IndentationError' && e.msg === 'unexpected indent');
    if (showCaret) {
      const col = Math.max(0, e.col - indent);
      const width = e.endCol !== undefined && e.endCol > e.col ? e.endCol - e.col : 1;
      out += '    ' + ' '.repeat(col) + '^'.repeat(width) + '\n';
    }
  }
  return out + `${e.kind}: ${shiftLines(e.msg, lineOffset)}\n`;
}

/**
 * Messages that name other lines ("detected at line 3", "after 'for' statement on line 2") must name them
 * as the reader sees them: in a Markdown block, the document's line, not the block's.
 */
export function shiftLines(msg: string, lineOffset: number): string {
  return lineOffset === 0 ? msg : msg.replace(/\b(at|on) line (\d+)/g, (_m, w: string, n: string) => `${w} line ${Number(n) + lineOffset}`);
}

// Reads a python code block statically into what formula/code cross-checks need: the expressions it
// computes (assignment values, returns, expression statements, lambdas) and the numeric constants it binds
// (assignments, parameter defaults, keyword arguments). Never runs the code; never throws.

import { PyExprParser, type PyExpr } from './codeExpr';
import { tokenizePython, type PyToken } from './codeTokens';

export interface PyBinding {
  /** The bound name as written (`eps`, `self.beta1`, `betas`), or the keyword of a call (`eps=`). */
  readonly name: string;
  readonly value: PyExpr;
  readonly origin: 'assign' | 'default' | 'kwarg';
  /** Offsets of the whole `name = value` in the block content. */
  readonly start: number;
  readonly end: number;
}

export interface PyStatementExpr {
  readonly expr: PyExpr;
  /** The names assigned (`loss`, `self.W`), or the function a `return` belongs to, for context. */
  readonly target: string | undefined;
  /** The enclosing `def`, if any. */
  readonly func: string | undefined;
}

/** A one-expression function: `def f(x): return …` (its first return) or `f = lambda x: …`. */
export interface PyFunction {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: PyExpr;
}

export interface CodeReading {
  readonly bindings: PyBinding[];
  readonly exprs: PyStatementExpr[];
  readonly functions: PyFunction[];
}

const SKIP_KEYWORDS = new Set(['if', 'elif', 'while', 'assert', 'with', 'else', 'try', 'except', 'finally', 'del', 'raise', 'yield', 'await', 'print']);

export function readPython(src: string): CodeReading {
  const toks = tokenizePython(src).filter((t) => t.kind !== 'comment');
  const bindings: PyBinding[] = [];
  const exprs: PyStatementExpr[] = [];
  // Track the enclosing def by indentation of the line that opened it.
  const defs: Array<{ name: string; indent: number }> = [];
  const params = new Map<string, string[]>();
  let lineStart = 0;
  for (let i = 0; i <= toks.length; i++) {
    if (i < toks.length && toks[i].kind !== 'newline') continue;
    const line = toks.slice(lineStart, i);
    lineStart = i + 1;
    if (line.length === 0) continue;
    const indent = indentOf(src, line[0].start);
    while (defs.length > 0 && indent <= defs[defs.length - 1].indent) defs.pop();
    if (line[0].text === 'def' && line[1]?.kind === 'name') params.set(line[1].text, paramNames(line));
    readLine(line, indent, defs, bindings, exprs);
  }
  for (const e of exprs) collectKwargs(e.expr, bindings);
  const functions: PyFunction[] = [];
  for (const e of exprs) {
    if (e.expr.kind === 'lambda' && e.target && !e.target.includes(',') && !e.target.startsWith('return')) {
      functions.push({ name: e.target, params: e.expr.params, body: e.expr.body });
    } else if (e.target?.startsWith('return ') && e.func && !functions.some((f) => f.name === e.func)) {
      functions.push({ name: e.func, params: params.get(e.func) ?? [], body: e.expr });
    }
  }
  return { bindings, exprs, functions };
}

function indentOf(src: string, offset: number): number {
  let i = offset;
  while (i > 0 && src[i - 1] !== '\n') i--;
  return offset - i;
}

function readLine(
  line: PyToken[],
  indent: number,
  defs: Array<{ name: string; indent: number }>,
  bindings: PyBinding[],
  exprs: PyStatementExpr[],
): void {
  let k = 0;
  const func = () => defs[defs.length - 1]?.name;
  while (k < line.length && line[k].text === '@') return; // decorators carry nothing we check
  if (line[0].text === 'def' && line[1]?.kind === 'name') {
    defs.push({ name: line[1].text, indent });
    k = readParams(line, 2, bindings);
    // `def f(x): return …` on one line.
    if (k < line.length && line[k].text === ':') k++;
    if (k >= line.length) return;
  } else if (line[0].text === 'class') return;
  const rest = line.slice(k);
  if (rest.length === 0) return;
  let head = 0;
  if (rest[0].text === 'return') head = 1;
  else if (rest[0].text === 'for') {
    const inAt = rest.findIndex((t) => t.text === 'in');
    head = inAt < 0 ? rest.length : inAt + 1;
  } else if (SKIP_KEYWORDS.has(rest[0].text) && rest[0].kind === 'name') head = 1;
  const body = rest.slice(head);
  if (body.length === 0) return;
  const eq = topLevelAssign(body);
  if (eq >= 0) {
    const targets = body.slice(0, eq);
    const parser = new PyExprParser(body.slice(eq + 1));
    const value = parser.parseList();
    const targetExpr = new PyExprParser(targets).parseList();
    const names = targetNames(targetExpr);
    exprs.push({ expr: value, target: names.join(','), func: func() });
    // `a, b = 0.9, 0.999` binds element-wise; `a = b = 1` binds the last value to every name.
    if (value.kind === 'tuple' && targetExpr.kind === 'tuple' && value.items.length === targetExpr.items.length) {
      targetExpr.items.forEach((t, j) => {
        const n = targetNames(t)[0];
        if (n) bindings.push({ name: n, value: value.items[j], origin: 'assign', start: t.start, end: value.items[j].end });
      });
    } else if (body[eq].text === '=') {
      for (const n of names) bindings.push({ name: n, value, origin: 'assign', start: targets[0].start, end: value.end });
    }
    return;
  }
  const parser = new PyExprParser(body);
  const e = parser.parseList();
  const trailingColon = body[body.length - 1].text === ':';
  if (e.kind !== 'opaque' || !trailingColon) exprs.push({ expr: e, target: rest[0].text === 'return' ? `return ${func() ?? ''}`.trim() : undefined, func: func() });
}

/** The index of a top-level `=` or augmented assignment, or -1. */
function topLevelAssign(line: readonly PyToken[]): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const t = line[i];
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (depth === 0 && (t.text === '=' || /^(?:\*\*|\/\/|[-+*/%@&|^])=$/.test(t.text))) return i;
    else if (depth === 0 && t.text === 'lambda') return -1;
  }
  return -1;
}

function targetNames(e: PyExpr): string[] {
  if (e.kind === 'name') return [e.id];
  if (e.kind === 'tuple') return e.items.flatMap(targetNames);
  if (e.kind === 'subscript') return targetNames(e.obj);
  return [];
}

/** The parameter names of `def f(a, b=1, *args, c, **kw):`, without self and the starred ones. */
function paramNames(line: readonly PyToken[]): string[] {
  const out: string[] = [];
  let depth = 0;
  let expectName = false;
  for (let i = 2; i < line.length; i++) {
    const t = line[i];
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      depth++;
      if (depth === 1) expectName = true;
      continue;
    }
    if (t.text === ')' || t.text === ']' || t.text === '}') {
      if (--depth === 0) break;
      continue;
    }
    if (depth !== 1) continue;
    if (t.text === ',') expectName = true;
    else if (t.text === '*' || t.text === '**') expectName = false;
    else if (expectName && t.kind === 'name') {
      if (t.text !== 'self' && t.text !== 'cls') out.push(t.text);
      expectName = false;
    }
  }
  return out;
}

/** Reads `name=default` parameters after `def f(`; returns the index after the closing `)` (and `-> T`). */
function readParams(line: PyToken[], k: number, bindings: PyBinding[]): number {
  if (line[k]?.text !== '(') return k;
  let depth = 0;
  let i = k;
  for (; i < line.length; i++) {
    const t = line[i];
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && t.kind === 'name' && line[i + 1]?.text === '=') {
      const parser = new PyExprParser(line.slice(i + 2, paramEnd(line, i + 2)));
      const value = parser.parseExpr();
      bindings.push({ name: t.text, value, origin: 'default', start: t.start, end: value.end });
    }
  }
  i++;
  while (i < line.length && line[i].text !== ':') i++;
  return i;
}

function paramEnd(line: PyToken[], from: number): number {
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const t = line[i].text;
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (t === ',' && depth === 0) return i;
  }
  return line.length;
}

/** Keyword arguments of every call (`Adam(lr=1e-3, eps=1e-7)`) are bindings too. */
function collectKwargs(e: PyExpr, out: PyBinding[]): void {
  switch (e.kind) {
    case 'call':
    case 'method':
      for (const [name, value] of e.kwargs) {
        out.push({ name, value, origin: 'kwarg', start: value.start, end: value.end });
        collectKwargs(value, out);
      }
      if (e.kind === 'call') collectKwargs(e.fn, out);
      else collectKwargs(e.obj, out);
      e.args.forEach((a) => collectKwargs(a, out));
      return;
    case 'bin':
      collectKwargs(e.left, out);
      collectKwargs(e.right, out);
      return;
    case 'unary':
      collectKwargs(e.operand, out);
      return;
    case 'tuple':
      e.items.forEach((a) => collectKwargs(a, out));
      return;
    case 'subscript':
      collectKwargs(e.obj, out);
      collectKwargs(e.index, out);
      return;
    case 'lambda':
      collectKwargs(e.body, out);
      return;
    default:
      return;
  }
}

/** Code blocks rarely change between keystrokes: their readings are kept by content (bounded). */
const readings = new Map<string, CodeReading>();

export function readPythonCached(src: string): CodeReading {
  let r = readings.get(src);
  if (!r) {
    if (readings.size >= 256) readings.clear();
    readings.set(src, (r = readPython(src)));
  }
  return r;
}

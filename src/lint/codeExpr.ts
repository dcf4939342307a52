// A small Python expression parser over codeTokens, enough to read constants, calls and arithmetic in an
// article's code blocks (never to run them). Precedence follows CPython 3.11's grammar (Grammar/python.gram):
// lambda < if-else < or < and < not < comparison < | < ^ < & < shifts < +,- < *,/,//,%,@ < unary < ** < await
// < primary (call, subscript, attribute). Never throws: what it cannot read becomes an `opaque` node.

import type { PyToken } from './codeTokens';
import { pythonNumber } from './codeTokens';

export type PyExpr =
  | { kind: 'num'; value: number; start: number; end: number }
  | { kind: 'str'; text: string; start: number; end: number }
  /** A name or dotted name (`np.log`, `self.eps`). */
  | { kind: 'name'; id: string; start: number; end: number }
  | { kind: 'call'; fn: PyExpr; args: PyExpr[]; kwargs: Map<string, PyExpr>; start: number; end: number }
  | { kind: 'method'; obj: PyExpr; name: string; args: PyExpr[]; kwargs: Map<string, PyExpr>; start: number; end: number }
  | { kind: 'bin'; op: string; left: PyExpr; right: PyExpr; start: number; end: number }
  | { kind: 'unary'; op: string; operand: PyExpr; start: number; end: number }
  | { kind: 'tuple'; items: PyExpr[]; start: number; end: number }
  | { kind: 'subscript'; obj: PyExpr; index: PyExpr; start: number; end: number }
  | { kind: 'lambda'; params: string[]; body: PyExpr; start: number; end: number }
  | { kind: 'opaque'; start: number; end: number };

const MAX_DEPTH = 200; // a depth cap, as pyright's parser has, so pathological input cannot overflow the stack

const BINARY: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['or']), new Set(['and']),
  new Set(['<', '>', '==', '!=', '<=', '>=', 'in', 'is']),
  new Set(['|']), new Set(['^']), new Set(['&']), new Set(['<<', '>>']),
  new Set(['+', '-']), new Set(['*', '/', '//', '%', '@']),
];

export class PyExprParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly toks: readonly PyToken[], private readonly stop = toks.length) {}

  get position(): number {
    return this.pos;
  }

  atEnd(): boolean {
    return this.pos >= this.stop;
  }

  peek(offset = 0): PyToken | undefined {
    const i = this.pos + offset;
    return i < this.stop ? this.toks[i] : undefined;
  }

  isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === 'op' || t.kind === 'name') && t.text === text;
  }

  skip(): void {
    this.pos++;
  }

  /** expression_list: one expression or a bare tuple `a, b`. */
  parseList(): PyExpr {
    const first = this.parseExpr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.pos++;
      if (this.atEnd() || this.isOp(')') || this.isOp('=') || this.isOp(':')) break;
      items.push(this.parseExpr());
    }
    return { kind: 'tuple', items, start: first.start, end: items[items.length - 1].end };
  }

  /** expression: lambda | disjunction ['if' disjunction 'else' expression] */
  parseExpr(): PyExpr {
    if (++this.depth > MAX_DEPTH) return this.bail();
    try {
      if (this.isOp('lambda')) return this.parseLambda();
      const body = this.parseBinary(0);
      if (this.isOp('if')) {
        this.pos++;
        this.parseBinary(0);
        if (this.isOp('else')) {
          this.pos++;
          const other = this.parseExpr();
          return { kind: 'opaque', start: body.start, end: other.end };
        }
      }
      return body;
    } finally {
      this.depth--;
    }
  }

  private bail(): PyExpr {
    const t = this.peek();
    this.pos = this.stop;
    return { kind: 'opaque', start: t?.start ?? 0, end: t?.end ?? 0 };
  }

  private parseLambda(): PyExpr {
    const start = this.peek()!.start;
    this.pos++;
    const params: string[] = [];
    while (!this.atEnd() && !this.isOp(':')) {
      const t = this.peek()!;
      if (t.kind === 'name') params.push(t.text);
      this.pos++;
    }
    this.pos++;
    const body = this.parseExpr();
    return { kind: 'lambda', params, body, start, end: body.end };
  }

  private parseBinary(level: number): PyExpr {
    if (level >= BINARY.length) return this.parseUnary();
    if (level === 2 && this.isOp('not')) {
      const start = this.peek()!.start;
      this.pos++;
      const operand = this.parseBinary(level);
      return { kind: 'unary', op: 'not', operand, start, end: operand.end };
    }
    let left = this.parseBinary(level + 1);
    for (;;) {
      const t = this.peek();
      if (!t || !BINARY[level].has(t.text) || (t.kind !== 'op' && t.kind !== 'name')) break;
      this.pos++;
      if (t.text === 'is' && this.isOp('not')) this.pos++;
      const right = this.parseBinary(level + 1);
      left = { kind: 'bin', op: t.text, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): PyExpr {
    const t = this.peek();
    if (t && t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.pos++;
      if (++this.depth > MAX_DEPTH) return this.bail();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', op: t.text, operand, start: t.start, end: operand.end };
    }
    return this.parsePower();
  }

  /** power: await_primary ['**' factor] — right-associative, binds tighter than unary minus on its left. */
  private parsePower(): PyExpr {
    const base = this.parsePrimary();
    if (this.isOp('**')) {
      this.pos++;
      const exp = this.parseUnary();
      return { kind: 'bin', op: '**', left: base, right: exp, start: base.start, end: exp.end };
    }
    return base;
  }

  private parsePrimary(): PyExpr {
    let e = this.parseAtom();
    for (;;) {
      if (this.isOp('.') && this.peek(1)?.kind === 'name') {
        const name = this.peek(1)!;
        this.pos += 2;
        if (this.isOp('(') && e.kind === 'name') {
          // `np.log(x)`: a call of the dotted name, the common case in articles.
          const fn: PyExpr = { kind: 'name', id: `${e.id}.${name.text}`, start: e.start, end: name.end };
          const call = this.parseArgs();
          e = { kind: 'call', fn, args: call.args, kwargs: call.kwargs, start: e.start, end: call.end };
        } else if (this.isOp('(')) {
          const call = this.parseArgs();
          e = { kind: 'method', obj: e, name: name.text, args: call.args, kwargs: call.kwargs, start: e.start, end: call.end };
        } else if (e.kind === 'name') e = { kind: 'name', id: `${e.id}.${name.text}`, start: e.start, end: name.end };
        else e = { kind: 'opaque', start: e.start, end: name.end };
      } else if (this.isOp('(')) {
        const call = this.parseArgs();
        e = { kind: 'call', fn: e, args: call.args, kwargs: call.kwargs, start: e.start, end: call.end };
      } else if (this.isOp('[')) {
        this.pos++;
        const index = this.atEnd() || this.isOp(']') ? { kind: 'opaque' as const, start: e.end, end: e.end } : this.parseSlice();
        const close = this.expect(']');
        e = { kind: 'subscript', obj: e, index, start: e.start, end: close };
      } else return e;
    }
  }

  private parseSlice(): PyExpr {
    const items: PyExpr[] = [];
    let start = this.peek()?.start ?? 0;
    while (!this.atEnd() && !this.isOp(']')) {
      if (this.isOp(':') || this.isOp(',')) {
        this.pos++;
        continue;
      }
      const before = this.pos;
      items.push(this.parseExpr());
      if (this.pos === before) this.pos++;
    }
    if (items.length === 1) return items[0];
    if (items.length > 0) start = items[0].start;
    return { kind: 'tuple', items, start, end: items.length ? items[items.length - 1].end : start };
  }

  private expect(text: string): number {
    const t = this.peek();
    if (t && t.text === text) {
      this.pos++;
      return t.end;
    }
    return t?.start ?? this.toks[this.stop - 1]?.end ?? 0;
  }

  private parseArgs(): { args: PyExpr[]; kwargs: Map<string, PyExpr>; end: number } {
    this.pos++; // (
    const args: PyExpr[] = [];
    const kwargs = new Map<string, PyExpr>();
    while (!this.atEnd() && !this.isOp(')')) {
      const before = this.pos;
      if (this.peek()?.kind === 'name' && this.isOp('=', 1)) {
        const key = this.peek()!.text;
        this.pos += 2;
        kwargs.set(key, this.parseExpr());
      } else {
        if (this.isOp('*') || this.isOp('**')) this.pos++;
        args.push(this.parseExpr());
        if (this.isOp('for')) this.skipComprehension(')');
      }
      if (this.isOp(',')) this.pos++;
      else if (this.pos === before || !this.isOp(')')) this.skipTo(')');
    }
    return { args, kwargs, end: this.expect(')') };
  }

  private skipComprehension(close: string): void {
    this.skipTo(close);
  }

  /** Skips to the matching closer at this bracket depth (error recovery). */
  private skipTo(close: string): void {
    let depth = 0;
    while (!this.atEnd()) {
      const t = this.peek()!;
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        if (depth === 0 && t.text === close) return;
        if (depth === 0) return;
        depth--;
      }
      this.pos++;
    }
  }

  private parseAtom(): PyExpr {
    const t = this.peek();
    if (!t) return { kind: 'opaque', start: this.toks[this.stop - 1]?.end ?? 0, end: this.toks[this.stop - 1]?.end ?? 0 };
    if (t.kind === 'number') {
      this.pos++;
      return { kind: 'num', value: pythonNumber(t.text), start: t.start, end: t.end };
    }
    if (t.kind === 'string') {
      this.pos++;
      let end = t.end;
      while (this.peek()?.kind === 'string') end = this.toks[this.pos++].end; // implicit concatenation
      return { kind: 'str', text: t.text, start: t.start, end };
    }
    if (t.kind === 'name') {
      this.pos++;
      if (t.text === 'True' || t.text === 'False') return { kind: 'num', value: t.text === 'True' ? 1 : 0, start: t.start, end: t.end };
      return { kind: 'name', id: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) {
      const close = t.text === '(' ? ')' : t.text === '[' ? ']' : '}';
      this.pos++;
      if (this.isOp(close)) {
        const end = this.expect(close);
        return { kind: 'tuple', items: [], start: t.start, end };
      }
      const inner = this.parseList();
      if (this.isOp('for')) this.skipTo(close);
      if (!this.isOp(close)) this.skipTo(close);
      const end = this.expect(close);
      // A parenthesised expression spans its parentheses, so ranges of `1 / (1 + e)` cover the `)`.
      if (t.text === '(' && inner.kind !== 'tuple') return { ...inner, start: t.start, end };
      if (inner.kind === 'tuple') return { ...inner, start: t.start, end };
      return t.text === '[' ? { kind: 'tuple', items: [inner], start: t.start, end } : { kind: 'opaque', start: t.start, end };
    }
    this.pos++;
    return { kind: 'opaque', start: t.start, end: t.end };
  }
}

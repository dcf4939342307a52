// Recursive-descent parser for the Python subset (grammar after CPython's Grammar/python.gram),
// producing the AST of ast.ts. Errors are PySyntaxError with CPython 3.11's wording where we know it.

import type { Arg, Arguments, Comprehension, ExceptHandler, Expr, FormattedValue, Keyword, Pos, Stmt } from './ast';
import { PySyntaxError } from './syntaxError';
import { decodeEscapes, tokenize, tokenizeLenient, type Token } from './tokenizer';

const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not']);
const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>=']);
const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

type E = Expr;

export function parseModule(src: string): Stmt[] {
  const { toks, unclosed } = tokenizeLenient(src);
  if (!unclosed) return new Parser(src, toks).module();
  // A bracket left open at the end of the file: like CPython's _PyPegen_set_syntax_error, the parser's own
  // error wins when it is on the bracket's line (`def f(:`); from a later line on, the bracket is to blame.
  try {
    new Parser(src, toks).module();
  } catch (e) {
    if (e instanceof PySyntaxError && e.line <= unclosed.line) throw e;
  }
  throw unclosed;
}

class Parser {
  private i = 0;
  private readonly lines: string[];
  constructor(src: string, private readonly toks: Token[], private readonly lineBase = 0, private readonly colBase = 0) {
    this.lines = src.split(/\r?\n/);
  }

  // ---- token helpers
  private get t(): Token {
    return this.toks[this.i];
  }
  private kind(): string {
    return this.toks[this.i].kind;
  }
  private peek(k = 1): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }
  private isOp(v: string): boolean {
    return this.t.kind === 'op' && this.t.value === v;
  }
  private isKw(v: string): boolean {
    return this.t.kind === 'name' && this.t.value === v;
  }
  private next(): Token {
    return this.toks[this.i++];
  }
  private eatOp(v: string): boolean {
    if (this.isOp(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  private eatKw(v: string): boolean {
    if (this.isKw(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  error(msg: string, tok: Token = this.t, kind: 'SyntaxError' | 'IndentationError' = 'SyntaxError', endCol?: number): PySyntaxError {
    const line = tok.line + this.lineBase;
    const text = this.lines[tok.line - 1] ?? '';
    let col = tok.col + (tok.line === 1 ? this.colBase : 0);
    if (tok.kind === 'newline' || tok.kind === 'end') col = Math.min(col, text.length);
    return new PySyntaxError(kind, msg, line, col, text, endCol);
  }
  private invalid(tok: Token = this.t): PySyntaxError {
    if (tok.kind === 'indent') return this.error('unexpected indent', tok, 'IndentationError');
    return this.error('invalid syntax', tok);
  }
  private expectOp(v: string): Token {
    if (!this.isOp(v)) {
      if (v === ':' ) throw this.error("expected ':'", this.prevEndTok());
      throw this.invalid();
    }
    return this.next();
  }
  /** A pseudo token at the end of the previous token (CPython points "expected ':'" there). */
  private prevEndTok(): Token {
    const p = this.toks[this.i - 1];
    if (!p) return this.t;
    return { ...p, col: p.endCol, line: p.endLine };
  }
  private name(): string {
    const t = this.t;
    if (t.kind !== 'name' || KEYWORDS.has(t.value)) throw this.invalid();
    this.i++;
    return t.value;
  }
  private pos(start: Token): Pos {
    const end = this.toks[this.i - 1];
    return { line: start.line, col: start.col, endLine: end.endLine, endCol: end.endCol };
  }
  private span(a: Pos, b: Pos): Pos {
    return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
  }

  // ---- statements
  module(): Stmt[] {
    const body: Stmt[] = [];
    while (this.t.kind !== 'end') {
      if (this.t.kind === 'newline') {
        this.i++;
        continue;
      }
      if (this.t.kind === 'indent') throw this.error('unexpected indent', this.t, 'IndentationError');
      body.push(...this.statement());
    }
    return body;
  }

  private block(what: string, headerLine: number): Stmt[] {
    // After ':'.
    if (this.t.kind !== 'newline') {
      const stmts = this.simpleStatements();
      return stmts;
    }
    this.i++;
    if (this.kind() !== 'indent') {
      throw this.error(`expected an indented block after ${what} on line ${headerLine}`, this.t, 'IndentationError');
    }
    this.i++;
    const body: Stmt[] = [];
    while (this.kind() !== 'dedent' && this.kind() !== 'end') {
      if (this.kind() === 'indent') throw this.error('unexpected indent', this.t, 'IndentationError');
      body.push(...this.statement());
    }
    this.i++;
    return body;
  }

  private statement(): Stmt[] {
    const t = this.t;
    if (t.kind === 'name') {
      switch (t.value) {
        case 'if': return [this.ifStmt()];
        case 'for': return [this.forStmt()];
        case 'while': return [this.whileStmt()];
        case 'def': return [this.funcDef([])];
        case 'class': return [this.classDef([])];
        case 'try': return [this.tryStmt()];
        case 'with': return [this.withStmt()];
        case 'async': {
          this.i++;
          if (this.isKw('def')) return [this.funcDef([])];
          throw this.invalid();
        }
      }
    }
    if (this.isOp('@')) return [this.decorated()];
    return this.simpleStatements();
  }

  private simpleStatements(): Stmt[] {
    const out: Stmt[] = [this.smallStmt()];
    while (this.eatOp(';')) {
      if (this.t.kind === 'newline') break;
      out.push(this.smallStmt());
    }
    if (this.t.kind !== 'newline') throw this.invalid();
    this.i++;
    return out;
  }

  private decorated(): Stmt {
    const decos: Expr[] = [];
    while (this.eatOp('@')) {
      decos.push(this.namedExpr());
      if (this.t.kind !== 'newline') throw this.invalid();
      this.i++;
    }
    if (this.isKw('def')) return this.funcDef(decos);
    if (this.isKw('class')) return this.classDef(decos);
    if (this.isKw('async')) {
      this.i++;
      return this.funcDef(decos);
    }
    throw this.invalid();
  }

  private ifStmt(): Stmt {
    const start = this.next();
    const test = this.namedExpr();
    this.expectOp(':');
    const body = this.block("'if' statement", start.line);
    let orelse: Stmt[] = [];
    if (this.isKw('elif')) {
      orelse = [this.ifStmt()];
    } else if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      orelse = this.block("'else' statement", e.line);
    }
    return { type: 'If', test, body, orelse, ...this.headerPos(start) };
  }

  private headerPos(start: Token): Pos {
    return { line: start.line, col: start.col, endLine: start.line, endCol: (this.lines[start.line - 1] ?? '').length };
  }

  private forStmt(): Stmt {
    const start = this.next();
    const target = this.targetList();
    if (!this.eatKw('in')) throw this.invalid();
    const iter = this.exprListOrStar();
    this.expectOp(':');
    const body = this.block("'for' statement", start.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      orelse = this.block("'else' statement", e.line);
    }
    return { type: 'For', target, iter, body, orelse, ...this.headerPos(start) };
  }

  private whileStmt(): Stmt {
    const start = this.next();
    const test = this.namedExpr();
    this.expectOp(':');
    const body = this.block("'while' statement", start.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      orelse = this.block("'else' statement", e.line);
    }
    return { type: 'While', test, body, orelse, ...this.headerPos(start) };
  }

  private funcDef(decorators: Expr[]): Stmt {
    const start = this.next();
    const name = this.name();
    this.expectOp('(');
    const args = this.arguments(')');
    this.expectOp(')');
    if (this.eatOp('->')) this.expr();
    this.expectOp(':');
    const body = this.block(`function definition`, start.line);
    return { type: 'FunctionDef', name, args, body, decorators, isAsync: false, ...this.headerPos(start) };
  }

  private classDef(decorators: Expr[]): Stmt {
    const start = this.next();
    const name = this.name();
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.eatOp('(')) {
      const r = this.callArgs();
      bases = r.args;
      keywords = r.keywords;
    }
    this.expectOp(':');
    const body = this.block(`class definition`, start.line);
    return { type: 'ClassDef', name, bases, keywords, body, decorators, ...this.headerPos(start) };
  }

  private tryStmt(): Stmt {
    const start = this.next();
    this.expectOp(':');
    const body = this.block("'try' statement", start.line);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    while (this.isKw('except')) {
      const h = this.next();
      let excType: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        excType = this.expr();
        if (this.isOp(',')) {
          const elts = [excType];
          while (this.eatOp(',')) elts.push(this.expr());
          excType = { type: 'Tuple', elts, parens: false, ...this.span(elts[0], elts[elts.length - 1]) };
        }
        if (this.eatKw('as')) name = this.name();
      }
      this.expectOp(':');
      const hbody = this.block("'except' statement", h.line);
      handlers.push({ excType, name, body: hbody, ...this.headerPos(h) });
    }
    if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      orelse = this.block("'else' statement", e.line);
    }
    if (this.isKw('finally')) {
      const f = this.next();
      this.expectOp(':');
      finalbody = this.block("'finally' statement", f.line);
    }
    if (handlers.length === 0 && finalbody.length === 0) throw this.error("expected 'except' or 'finally' block");
    return { type: 'Try', body, handlers, orelse, finalbody, ...this.headerPos(start) };
  }

  private withStmt(): Stmt {
    const start = this.next();
    const items: { ctx: Expr; vars: Expr | null }[] = [];
    do {
      const ctx = this.expr();
      let vars: Expr | null = null;
      if (this.eatKw('as')) vars = this.target();
      items.push({ ctx, vars });
    } while (this.eatOp(','));
    this.expectOp(':');
    const body = this.block("'with' statement", start.line);
    return { type: 'With', items, body, ...this.headerPos(start) };
  }

  private smallStmt(): Stmt {
    const start = this.t;
    if (start.kind === 'name') {
      switch (start.value) {
        case 'pass': this.i++; return { type: 'Pass', ...this.pos(start) };
        case 'break': this.i++; return { type: 'Break', ...this.pos(start) };
        case 'continue': this.i++; return { type: 'Continue', ...this.pos(start) };
        case 'return': {
          this.i++;
          const value = this.atStmtEnd() ? null : this.exprListOrStar();
          return { type: 'Return', value, ...this.pos(start) };
        }
        case 'raise': {
          this.i++;
          let exc: Expr | null = null;
          let cause: Expr | null = null;
          if (!this.atStmtEnd()) {
            exc = this.expr();
            if (this.eatKw('from')) cause = this.expr();
          }
          return { type: 'Raise', exc, cause, ...this.pos(start) };
        }
        case 'assert': {
          this.i++;
          const test = this.expr();
          const msg = this.eatOp(',') ? this.expr() : null;
          return { type: 'Assert', test, msg, ...this.pos(start) };
        }
        case 'del': {
          this.i++;
          const targets: Expr[] = [this.primaryTarget()];
          while (this.eatOp(',')) {
            if (this.atStmtEnd()) break;
            targets.push(this.primaryTarget());
          }
          return { type: 'Delete', targets, ...this.pos(start) };
        }
        case 'global':
        case 'nonlocal': {
          this.i++;
          const names = [this.name()];
          while (this.eatOp(',')) names.push(this.name());
          return { type: start.value === 'global' ? 'Global' : 'Nonlocal', names, ...this.pos(start) };
        }
        case 'import': {
          this.i++;
          const names: { name: string; asname: string | null }[] = [];
          do {
            let name = this.name();
            while (this.eatOp('.')) name += '.' + this.name();
            const asname = this.eatKw('as') ? this.name() : null;
            names.push({ name, asname });
          } while (this.eatOp(','));
          return { type: 'Import', names, ...this.pos(start) };
        }
        case 'from': {
          this.i++;
          let level = 0;
          while (this.isOp('.') || this.isOp('...')) level += this.next().value.length;
          let module = '';
          if (!this.isKw('import')) {
            module = this.name();
            while (this.eatOp('.')) module += '.' + this.name();
          }
          if (!this.eatKw('import')) throw this.invalid();
          const names: { name: string; asname: string | null }[] = [];
          if (this.eatOp('*')) names.push({ name: '*', asname: null });
          else {
            const paren = this.eatOp('(');
            do {
              if (paren && this.isOp(')')) break;
              const name = this.name();
              const asname = this.eatKw('as') ? this.name() : null;
              names.push({ name, asname });
            } while (this.eatOp(','));
            if (paren) this.expectOp(')');
          }
          return { type: 'ImportFrom', module, names, level, ...this.pos(start) };
        }
      }
    }
    // Expression statement or assignment.
    const first = this.exprListOrStar(true);
    if (this.isOp('=')) {
      const targets: Expr[] = [first];
      let value: Expr = first;
      while (this.eatOp('=')) {
        value = this.isKw('yield') ? this.yieldExpr() : this.exprListOrStar(true);
        targets.push(value);
      }
      targets.pop();
      for (const tg of targets) this.checkTarget(tg, false);
      return { type: 'Assign', targets, value, ...this.pos(start) };
    }
    if (this.t.kind === 'op' && AUG_OPS.has(this.t.value)) {
      const op = this.next().value.slice(0, -1);
      this.checkTarget(first, true);
      const value = this.isKw('yield') ? this.yieldExpr() : this.exprListOrStar();
      return { type: 'AugAssign', target: first, op, value, ...this.pos(start) };
    }
    if (this.isOp(':')) {
      this.i++;
      this.expr();
      let value: Expr | null = null;
      if (this.eatOp('=')) value = this.exprListOrStar();
      return { type: 'AnnAssign', target: first, value, ...this.pos(start) };
    }
    if (this.t.kind !== 'newline' && !this.isOp(';')) {
      if (this.t.kind === 'name' || this.t.kind === 'number' || this.t.kind === 'string') {
        if (first.type === 'Name' && first.id === 'print' && this.t.kind !== 'name') {
          let j = this.i;
          while (this.toks[j].kind !== 'newline' && this.toks[j].kind !== 'end') j++;
          throw this.error(`Missing parentheses in call to 'print'. Did you mean print(...)?`, { ...start }, 'SyntaxError', this.toks[j - 1].endCol);
        }
      }
      throw this.invalid();
    }
    return { type: 'Expr', value: first, ...this.pos(start) };
  }

  private atStmtEnd(): boolean {
    return this.t.kind === 'newline' || this.isOp(';');
  }

  private checkTarget(e: Expr, aug: boolean): void {
    const bad = (what: string) => {
      const tok = { kind: 'op', value: '', line: e.line, col: e.col, endLine: e.endLine, endCol: e.endCol } as Token;
      return this.error(aug ? `'${what}' is an illegal expression for augmented assignment` : `cannot assign to ${what}${what === 'function call' || what === 'literal' || what === 'expression' ? " here. Maybe you meant '==' instead of '='?" : ''}`, tok, 'SyntaxError', e.line === e.endLine ? e.endCol : undefined);
    };
    switch (e.type) {
      case 'Name':
      case 'Attribute':
      case 'Subscript':
        return;
      case 'Tuple':
      case 'List':
        if (aug) throw bad(e.type === 'Tuple' ? 'tuple' : 'list');
        for (const x of e.elts) this.checkTarget(x, false);
        return;
      case 'Starred':
        if (aug) throw bad('starred');
        this.checkTarget(e.value, false);
        return;
      case 'Call': throw bad('function call');
      case 'Const': throw bad('literal');
      default: throw bad('expression');
    }
  }

  private targetList(): Expr {
    const start = this.t;
    const first = this.target();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in') || this.isOp('=')) break;
      elts.push(this.target());
    }
    return { type: 'Tuple', elts, parens: false, ...this.pos(start) };
  }

  private target(): Expr {
    const start = this.t;
    if (this.eatOp('*')) return { type: 'Starred', value: this.target(), ...this.pos(start) };
    const e = this.bitOr();
    this.checkTarget(e, false);
    return e;
  }

  private primaryTarget(): Expr {
    const e = this.bitOr();
    return e;
  }

  // ---- expressions
  /** `a, b, *c` as a tuple, or a single expression. */
  exprListOrStar(allowYieldless = false): Expr {
    const start = this.t;
    const first = this.starOrNamed();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.atExprEnd()) break;
      elts.push(this.starOrNamed());
    }
    return { type: 'Tuple', elts, parens: false, ...this.pos(start) };
  }

  private atExprEnd(): boolean {
    const t = this.t;
    if (t.kind === 'newline' || t.kind === 'end') return true;
    return t.kind === 'op' && (t.value === '=' || t.value === ')' || t.value === ']' || t.value === '}' || t.value === ':' || t.value === ';' || AUG_OPS.has(t.value));
  }

  private starOrNamed(): Expr {
    const start = this.t;
    if (this.eatOp('*')) return { type: 'Starred', value: this.bitOr(), ...this.pos(start) };
    return this.namedExpr();
  }

  namedExpr(): Expr {
    const start = this.t;
    if (start.kind === 'name' && this.peek().kind === 'op' && this.peek().value === ':=') {
      const id = this.name();
      this.i++;
      const value = this.expr();
      return { type: 'NamedExpr', target: { type: 'Name', id, ...this.posOf(start) }, value, ...this.pos(start) };
    }
    return this.expr();
  }

  private posOf(t: Token): Pos {
    return { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
  }

  expr(): E {
    const start = this.t;
    if (this.isKw('lambda')) {
      this.i++;
      const args = this.arguments(':');
      this.expectOp(':');
      const body = this.expr();
      return { type: 'Lambda', args, body, ...this.pos(start) };
    }
    const body = this.orTest();
    if (this.isKw('if')) {
      this.i++;
      const test = this.orTest();
      if (!this.eatKw('else')) throw this.error("expected 'else' after 'if' expression");
      const orelse = this.expr();
      return { type: 'IfExp', test, body, orelse, ...this.pos(start) };
    }
    return body;
  }

  private orTest(): E {
    const start = this.t;
    const first = this.andTest();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.andTest());
    return { type: 'BoolOp', op: 'or', values, ...this.pos(start) };
  }

  private andTest(): E {
    const start = this.t;
    const first = this.notTest();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.notTest());
    return { type: 'BoolOp', op: 'and', values, ...this.pos(start) };
  }

  private notTest(): E {
    const start = this.t;
    if (this.eatKw('not')) return { type: 'UnaryOp', op: 'not', operand: this.notTest(), ...this.pos(start) };
    return this.comparison();
  }

  private compOp(): string | null {
    const t = this.t;
    if (t.kind === 'op' && COMPARE_OPS.has(t.value)) {
      this.i++;
      return t.value;
    }
    if (t.kind === 'name') {
      if (t.value === 'in') {
        this.i++;
        return 'in';
      }
      if (t.value === 'not' && this.peek().kind === 'name' && this.peek().value === 'in') {
        this.i += 2;
        return 'not in';
      }
      if (t.value === 'is') {
        this.i++;
        if (this.eatKw('not')) return 'is not';
        return 'is';
      }
    }
    return null;
  }

  private comparison(): E {
    const start = this.t;
    const left = this.bitOr();
    const ops: string[] = [];
    const comparators: E[] = [];
    for (;;) {
      const op = this.compOp();
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitOr());
    }
    if (ops.length === 0) return left;
    return { type: 'Compare', left, ops, comparators, ...this.pos(start) };
  }

  private binLevel(ops: readonly string[], sub: () => E): E {
    let left = sub();
    while (this.t.kind === 'op' && ops.includes(this.t.value)) {
      const op = this.next().value;
      const right = sub();
      left = { type: 'BinOp', op, left, right, ...this.span(left, right) };
    }
    return left;
  }
  private bitOr = (): E => this.binLevel(['|'], this.bitXor);
  private bitXor = (): E => this.binLevel(['^'], this.bitAnd);
  private bitAnd = (): E => this.binLevel(['&'], this.shift);
  private shift = (): E => this.binLevel(['<<', '>>'], this.arith);
  private arith = (): E => this.binLevel(['+', '-'], this.term);
  private term = (): E => this.binLevel(['*', '/', '//', '%', '@'], this.factor);

  private factor = (): E => {
    const start = this.t;
    if (start.kind === 'op' && (start.value === '-' || start.value === '+' || start.value === '~')) {
      this.i++;
      const operand = this.factor();
      return { type: 'UnaryOp', op: start.value, operand, ...this.pos(start) };
    }
    return this.power();
  };

  private power(): E {
    const start = this.t;
    if (this.eatKw('await')) return { type: 'Await', value: this.power(), ...this.pos(start) };
    const base = this.primary();
    if (this.isOp('**')) {
      this.i++;
      const right = this.factor();
      return { type: 'BinOp', op: '**', left: base, right, ...this.span(base, right) };
    }
    return base;
  }

  private primary(): E {
    const start = this.t;
    let e = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.i++;
        const attr = this.name();
        e = { type: 'Attribute', value: e, attr, ...this.pos(start) };
      } else if (this.isOp('(')) {
        this.i++;
        const { args, keywords } = this.callArgs();
        e = { type: 'Call', func: e, args, keywords, ...this.pos(start) };
      } else if (this.isOp('[')) {
        this.i++;
        const slice = this.subscriptList();
        this.expectOp(']');
        e = { type: 'Subscript', value: e, slice, ...this.pos(start) };
      } else return e;
    }
  }

  private subscriptList(): E {
    const start = this.t;
    const first = this.sliceItem();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.sliceItem());
    }
    return { type: 'Tuple', elts, parens: false, ...this.pos(start) };
  }

  private sliceItem(): E {
    const start = this.t;
    let lower: E | null = null;
    if (!this.isOp(':')) {
      if (this.isOp('*')) return this.starOrNamed();
      lower = this.namedExpr();
      if (!this.isOp(':')) return lower;
    }
    this.i++;
    let upper: E | null = null;
    let step: E | null = null;
    if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) upper = this.expr();
    if (this.eatOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) step = this.expr();
    }
    return { type: 'Slice', lower, upper, step, ...this.pos(start) };
  }

  /** After '(' — parses call arguments and the closing ')'. */
  private callArgs(): { args: E[]; keywords: Keyword[] } {
    const args: E[] = [];
    const keywords: Keyword[] = [];
    while (!this.isOp(')')) {
      const start = this.t;
      if (this.eatOp('**')) {
        keywords.push({ arg: null, value: this.expr() });
      } else if (this.eatOp('*')) {
        args.push({ type: 'Starred', value: this.expr(), ...this.pos(start) });
      } else if (this.t.kind === 'name' && this.peek().kind === 'op' && this.peek().value === '=') {
        const arg = this.name();
        this.i++;
        keywords.push({ arg, value: this.expr() });
      } else {
        const e = this.namedExpr();
        if (this.isKw('for') || this.isKw('async')) {
          const generators = this.compFor();
          args.push({ type: 'GeneratorExp', elt: e, generators, ...this.pos(start) });
        } else {
          if (keywords.length > 0 && keywords.some((k) => k.arg === null)) {
            throw this.error('positional argument follows keyword argument unpacking', start);
          }
          if (keywords.length > 0) throw this.error('positional argument follows keyword argument', start);
          args.push(e);
        }
      }
      if (!this.eatOp(',')) break;
    }
    if (!this.isOp(')')) {
      if (this.t.kind === 'name' || this.t.kind === 'number' || this.t.kind === 'string') {
        throw this.error('invalid syntax. Perhaps you forgot a comma?', this.toks[this.i - 1]);
      }
      throw this.invalid();
    }
    this.i++;
    return { args, keywords };
  }

  private arguments(close: string): Arguments {
    const a: Arguments = { posonly: [], args: [], vararg: null, kwonly: [], kwarg: null };
    let kwOnly = false;
    while (!this.isOp(close)) {
      if (this.eatOp('**')) {
        a.kwarg = this.name();
        if (close === ')' && this.eatOp(':')) this.expr();
      } else if (this.eatOp('*')) {
        kwOnly = true;
        if (this.t.kind === 'name') {
          a.vararg = this.name();
          if (close === ')' && this.eatOp(':')) this.expr();
        }
      } else if (this.eatOp('/')) {
        a.posonly = a.args;
        a.args = [];
      } else {
        const nameTok = this.t;
        const name = this.name();
        if (close === ')' && this.eatOp(':')) this.expr();
        let def: E | null = null;
        if (this.eatOp('=')) def = this.expr();
        else if (!kwOnly && (a.args.length > 0 && a.args[a.args.length - 1].default || a.posonly.some((p) => p.default)) ) {
          throw this.error('non-default argument follows default argument', nameTok);
        }
        const arg: Arg = { name, default: def };
        (kwOnly ? a.kwonly : a.args).push(arg);
      }
      if (!this.eatOp(',')) break;
    }
    return a;
  }

  private compFor(): Comprehension[] {
    const gens: Comprehension[] = [];
    while (this.isKw('for') || this.isKw('async')) {
      this.eatKw('async');
      this.i++;
      const target = this.targetList();
      if (!this.eatKw('in')) throw this.invalid();
      const iter = this.orTest();
      const ifs: E[] = [];
      while (this.isKw('if')) {
        this.i++;
        ifs.push(this.orTestNoCond());
      }
      gens.push({ target, iter, ifs });
    }
    return gens;
  }

  private orTestNoCond(): E {
    return this.orTest();
  }

  private yieldExpr(): E {
    const start = this.next();
    if (this.eatKw('from')) return { type: 'YieldFrom', value: this.expr(), ...this.pos(start) };
    const value = this.atExprEnd() || this.isOp(')') ? null : this.exprListOrStar();
    return { type: 'Yield', value, ...this.pos(start) };
  }

  private atom(): E {
    const t = this.t;
    switch (t.kind) {
      case 'number': {
        this.i++;
        return { ...this.numberConst(t.value), ...this.posOf(t) };
      }
      case 'string':
        return this.strings();
      case 'name': {
        switch (t.value) {
          case 'None': this.i++; return { type: 'Const', value: null, kind: 'none', ...this.posOf(t) };
          case 'True': this.i++; return { type: 'Const', value: true, kind: 'bool', ...this.posOf(t) };
          case 'False': this.i++; return { type: 'Const', value: false, kind: 'bool', ...this.posOf(t) };
          case 'yield': return this.yieldExpr();
        }
        if (KEYWORDS.has(t.value)) throw this.invalid();
        this.i++;
        return { type: 'Name', id: t.value, ...this.posOf(t) };
      }
      case 'op': {
        if (t.value === '(') {
          this.i++;
          if (this.eatOp(')')) return { type: 'Tuple', elts: [], parens: true, ...this.pos(t) };
          if (this.isKw('yield')) {
            const y = this.yieldExpr();
            this.expectOp(')');
            return y;
          }
          const first = this.starOrNamed();
          if (this.isKw('for') || this.isKw('async')) {
            const generators = this.compFor();
            this.expectOp(')');
            return { type: 'GeneratorExp', elt: first, generators, ...this.pos(t) };
          }
          if (this.eatOp(')')) {
            if (first.type === 'Starred') throw this.error('cannot use starred expression here', t);
            return { ...first, line: first.line, col: first.col } as E;
          }
          if (!this.isOp(',')) {
            if (this.t.kind === 'name' || this.t.kind === 'number' || this.t.kind === 'string') throw this.error('invalid syntax. Perhaps you forgot a comma?', { ...t, col: first.col });
            throw this.invalid();
          }
          const elts = [first];
          while (this.eatOp(',')) {
            if (this.isOp(')')) break;
            elts.push(this.starOrNamed());
          }
          this.expectOp(')');
          return { type: 'Tuple', elts, parens: true, ...this.pos(t) };
        }
        if (t.value === '[') {
          this.i++;
          if (this.eatOp(']')) return { type: 'List', elts: [], ...this.pos(t) };
          const first = this.starOrNamed();
          if (this.isKw('for') || this.isKw('async')) {
            const generators = this.compFor();
            this.expectOp(']');
            return { type: 'ListComp', elt: first, generators, ...this.pos(t) };
          }
          const elts = [first];
          while (this.eatOp(',')) {
            if (this.isOp(']')) break;
            elts.push(this.starOrNamed());
          }
          if (!this.isOp(']') && (this.t.kind === 'name' || this.t.kind === 'number' || this.t.kind === 'string')) {
            throw this.error('invalid syntax. Perhaps you forgot a comma?', { ...t, col: first.col });
          }
          this.expectOp(']');
          return { type: 'List', elts, ...this.pos(t) };
        }
        if (t.value === '{') return this.dictOrSet();
        if (t.value === '...') {
          this.i++;
          return { type: 'Const', value: undefined, kind: 'ellipsis', ...this.posOf(t) };
        }
        throw this.invalid();
      }
      case 'indent':
        throw this.error('unexpected indent', t, 'IndentationError');
      default:
        throw this.invalid();
    }
  }

  private dictOrSet(): E {
    const t = this.next();
    if (this.eatOp('}')) return { type: 'Dict', keys: [], values: [], ...this.pos(t) };
    const keys: (E | null)[] = [];
    const values: E[] = [];
    if (this.eatOp('**')) {
      keys.push(null);
      values.push(this.bitOr());
    } else {
      const first = this.starOrNamed();
      if (this.eatOp(':')) {
        const v = this.expr();
        if (this.isKw('for')) {
          const generators = this.compFor();
          this.expectOp('}');
          return { type: 'DictComp', key: first, value: v, generators, ...this.pos(t) };
        }
        keys.push(first);
        values.push(v);
      } else {
        if (this.isKw('for')) {
          const generators = this.compFor();
          this.expectOp('}');
          return { type: 'SetComp', elt: first, generators, ...this.pos(t) };
        }
        const elts = [first];
        while (this.eatOp(',')) {
          if (this.isOp('}')) break;
          elts.push(this.starOrNamed());
        }
        this.expectOp('}');
        return { type: 'Set', elts, ...this.pos(t) };
      }
    }
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      if (this.eatOp('**')) {
        keys.push(null);
        values.push(this.bitOr());
        continue;
      }
      keys.push(this.expr());
      this.expectOp(':');
      values.push(this.expr());
    }
    this.expectOp('}');
    return { type: 'Dict', keys, values, ...this.pos(t) };
  }

  private numberConst(s: string): Extract<Expr, { type: 'Const' }> extends infer C ? Omit<Extract<Expr, { type: 'Const' }>, keyof Pos> : never {
    const clean = s.replace(/_/g, '');
    if (/[jJ]$/.test(clean)) return { type: 'Const', value: parseFloat(clean), kind: 'complex' };
    if (/^0[xXoObB]/.test(clean)) {
      const v = BigInt(clean.toLowerCase());
      return { type: 'Const', value: v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v, kind: 'int' };
    }
    if (/[.eE]/.test(clean)) return { type: 'Const', value: parseFloat(clean), kind: 'float' };
    const n = Number(clean);
    return { type: 'Const', value: Number.isSafeInteger(n) ? n : BigInt(clean), kind: 'int' };
  }

  private strings(): E {
    const start = this.t;
    const parts: (string | FormattedValue)[] = [];
    let isF = false;
    let isBytes = false;
    while (this.t.kind === 'string') {
      const tok = this.next();
      if (tok.prefix!.includes('b')) isBytes = true;
      if (tok.prefix!.includes('f')) {
        isF = true;
        parts.push(...this.fstring(tok));
      } else parts.push(tok.value);
    }
    if (!isF) {
      const value = (parts as string[]).join('');
      return { type: 'Const', value, kind: isBytes ? 'bytes' : 'str', ...this.pos(start) };
    }
    return { type: 'JoinedStr', parts, ...this.pos(start) };
  }

  /** Splits an f-string body into literal text and `{expr!conv:spec}` fields (PEP 498). */
  private fstring(tok: Token): (string | FormattedValue)[] {
    const body = tok.raw!;
    const raw = tok.prefix!.includes('r');
    const fail = (msg: string) => this.error(msg, tok);
    const parseFields = (s: string, base: number, inSpec: boolean): (string | FormattedValue)[] => {
      const out: (string | FormattedValue)[] = [];
      let lit = '';
      let i = 0;
      while (i < s.length) {
        const c = s[i];
        if (c === '{') {
          if (s[i + 1] === '{' && !inSpec) {
            lit += '{';
            i += 2;
            continue;
          }
          if (lit) out.push(raw ? lit : decodeEscapes(lit, false, (m) => fail(m)));
          lit = '';
          // Find the end of the expression: depth-aware, skipping strings.
          let j = i + 1;
          let depth = 0;
          let quote = '';
          let exprEnd = -1;
          let conv: string | null = null;
          let specStart = -1;
          for (; j < s.length; j++) {
            const d = s[j];
            if (quote) {
              if (d === quote) quote = '';
              continue;
            }
            if (d === "'" || d === '"') quote = d;
            else if (d === '(' || d === '[' || d === '{') depth++;
            else if ((d === ')' || d === ']' || d === '}') && depth > 0) depth--;
            else if (depth === 0 && (d === '}' || d === ':' || (d === '!' && s[j + 1] !== '='))) {
              if (exprEnd < 0) exprEnd = j;
              if (d === '!') {
                conv = s[j + 1];
                j += 2;
                if (s[j] === ':') {
                  specStart = j + 1;
                  break;
                }
                if (s[j] !== '}') throw fail("f-string: expecting '}'");
                break;
              }
              if (d === ':') {
                specStart = j + 1;
                break;
              }
              break;
            }
          }
          if (exprEnd < 0) throw fail("f-string: expecting '}'");
          let exprText = s.slice(i + 1, exprEnd);
          let selfDoc: string | undefined;
          const m = /^([\s\S]*?)=(\s*)$/.exec(exprText);
          if (m && !/[=!<>]$/.test(m[1].trimEnd())) {
            selfDoc = exprText;
            exprText = m[1];
            if (conv === null && specStart < 0) conv = 'r';
          }
          if (!exprText.trim()) throw fail('f-string: empty expression not allowed');
          const expr = this.subExpr(exprText, tok, base + i + 1);
          let spec: (string | FormattedValue)[] | null = null;
          if (specStart >= 0) {
            // The spec runs to the matching '}'.
            let k = specStart;
            let dd = 0;
            for (; k < s.length; k++) {
              if (s[k] === '{') dd++;
              else if (s[k] === '}') {
                if (dd === 0) break;
                dd--;
              }
            }
            spec = parseFields(s.slice(specStart, k), base + specStart, true);
            j = k;
          }
          if (s[j] !== '}') throw fail("f-string: expecting '}'");
          out.push({ expr, conversion: conv, spec, selfDoc });
          i = j + 1;
          continue;
        }
        if (c === '}') {
          if (s[i + 1] === '}' && !inSpec) {
            lit += '}';
            i += 2;
            continue;
          }
          throw fail("f-string: single '}' is not allowed");
        }
        lit += c;
        i++;
      }
      if (lit) out.push(raw ? lit : decodeEscapes(lit, false, (m) => fail(m)));
      return out;
    };
    return parseFields(body, 0, false);
  }

  private subExpr(text: string, tok: Token, offset: number): Expr {
    const src = '(' + text + ')';
    let toks: Token[];
    try {
      toks = tokenize(src);
    } catch (e) {
      if (e instanceof PySyntaxError) throw this.error('f-string: ' + e.msg, tok);
      throw e;
    }
    // Shift positions to the f-string's location (single-line fields are the common case).
    const col0 = (tok.rawCol ?? tok.col) + offset - 1;
    for (const k of toks) {
      if (k.line === 1) {
        k.col += col0;
        if (k.endLine === 1) k.endCol += col0;
      }
      k.line += (tok.rawLine ?? tok.line) - 1;
      k.endLine += (tok.rawLine ?? tok.line) - 1;
    }
    const p = new Parser(this.lines.join('\n'), toks);
    const e = p.exprListOrStar();
    if (p.t.kind !== 'newline') throw this.error('f-string: invalid syntax', tok);
    return e;
  }
}

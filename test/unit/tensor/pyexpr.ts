// A tiny Python-expression evaluator for the tensor golden cases: parses the subset the case files use
// (literals, names, calls with keywords, attributes, subscripts with slices, operators, `x = ...`,
// `x op= ...`, `x[i] = ...`) and evaluates it against the tensor API through the bindings in
// npbind.ts. It is test scaffolding, not the product interpreter.

export type Node =
  | { t: 'num'; v: number | bigint }
  | { t: 'str'; v: string }
  | { t: 'const'; v: boolean | null | 'ellipsis' }
  | { t: 'name'; v: string }
  | { t: 'tuple' | 'list'; items: Node[] }
  | { t: 'attr'; obj: Node; name: string }
  | { t: 'call'; fn: Node; args: Node[]; kw: [string, Node][] }
  | { t: 'index'; obj: Node; items: Node[]; tuple: boolean }
  | { t: 'slice'; start: Node | null; stop: Node | null; step: Node | null }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'un'; op: string; e: Node };

export type Stmt = { t: 'expr'; e: Node } | { t: 'assign'; target: Node; op: string | null; e: Node };

const TOKEN = /\s*(?:(\d+\.\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|\d+e[+-]?\d+)|(\d+)|([A-Za-z_]\w*)|('[^']*'|"[^"]*")|(\*\*=|\/\/=|\*\*|\/\/|==|!=|<=|>=|\+=|-=|\*=|\/=|@=|\.\.\.|[-+*/%@&|^~<>=()[\]{},.:]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) out.push(m[0].trim());
  if (TOKEN.lastIndex < src.trimEnd().length) throw new Error(`cannot tokenize at ${src.slice(TOKEN.lastIndex)}`);
  return out.filter((t) => t !== '');
}

const BIN: Record<string, number> = {
  or: 1, and: 2, is: 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '==': 4, '!=': 4, '|': 5, '^': 6, '&': 7,
  '+': 9, '-': 9, '*': 10, '/': 10, '//': 10, '%': 10, '@': 10, '**': 12,
};

class Parser {
  i = 0;
  constructor(readonly toks: string[]) {}
  peek(): string | undefined {
    return this.toks[this.i];
  }
  next(): string {
    return this.toks[this.i++];
  }
  eat(t: string): void {
    if (this.next() !== t) throw new Error(`expected ${t} at token ${this.i - 1} in ${this.toks.join(' ')}`);
  }
  expr(minPrec = 0): Node {
    let l = this.unary();
    for (;;) {
      const op = this.peek();
      if (op === undefined || !(op in BIN) || BIN[op] < minPrec) return l;
      this.next();
      const prec = BIN[op];
      const r = op === '**' ? this.expr(prec) : this.expr(prec + 1);
      l = { t: 'bin', op, l, r };
    }
  }
  unary(): Node {
    const t = this.peek();
    if (t === '-' || t === '+' || t === '~') {
      this.next();
      const e = this.expr(11);
      return { t: 'un', op: t, e };
    }
    if (t === 'not') {
      this.next();
      return { t: 'un', op: 'not', e: this.expr(3) };
    }
    return this.postfix(this.atom());
  }
  atom(): Node {
    const t = this.next();
    if (t === '(') {
      if (this.peek() === ')') return this.next(), { t: 'tuple', items: [] };
      const first = this.expr();
      if (this.peek() === ')') return this.next(), first;
      const items = [first];
      while (this.peek() === ',') {
        this.next();
        if (this.peek() === ')') break;
        items.push(this.expr());
      }
      this.eat(')');
      return { t: 'tuple', items };
    }
    if (t === '[') {
      const items: Node[] = [];
      while (this.peek() !== ']') {
        items.push(this.expr());
        if (this.peek() === ',') this.next();
      }
      this.eat(']');
      return { t: 'list', items };
    }
    if (t === '...') return { t: 'const', v: 'ellipsis' };
    if (t === 'True' || t === 'False') return { t: 'const', v: t === 'True' };
    if (t === 'None') return { t: 'const', v: null };
    if (/^['"]/.test(t)) return { t: 'str', v: t.slice(1, -1) };
    if (/^\d+$/.test(t)) return { t: 'num', v: BigInt(t) };
    if (/^[\d.]/.test(t)) return { t: 'num', v: Number(t) };
    if (/^[A-Za-z_]/.test(t)) return { t: 'name', v: t };
    throw new Error(`unexpected token ${t}`);
  }
  postfix(e: Node): Node {
    for (;;) {
      const t = this.peek();
      if (t === '.') {
        this.next();
        e = { t: 'attr', obj: e, name: this.next() };
      } else if (t === '(') {
        this.next();
        const args: Node[] = [], kw: [string, Node][] = [];
        while (this.peek() !== ')') {
          if (/^[A-Za-z_]/.test(this.peek()!) && this.toks[this.i + 1] === '=') {
            const k = this.next();
            this.next();
            kw.push([k, this.expr()]);
          } else args.push(this.expr());
          if (this.peek() === ',') this.next();
        }
        this.eat(')');
        e = { t: 'call', fn: e, args, kw };
      } else if (t === '[') {
        this.next();
        const items: Node[] = [];
        let tuple = false;
        while (this.peek() !== ']') {
          items.push(this.sliceItem());
          if (this.peek() === ',') (this.next(), (tuple = true));
        }
        this.eat(']');
        e = { t: 'index', obj: e, items, tuple };
      } else return e;
    }
  }
  sliceItem(): Node {
    const part = () => (this.peek() === ':' || this.peek() === ']' || this.peek() === ',' ? null : this.expr());
    const start = part();
    if (this.peek() !== ':') return start!;
    this.next();
    const stop = part();
    let step: Node | null = null;
    if (this.peek() === ':') {
      this.next();
      step = part();
    }
    return { t: 'slice', start, stop, step };
  }
}

/** Splits on top-level `;` and parses each statement. */
export function parseProgram(src: string): Stmt[] {
  const parts: string[] = [];
  let depth = 0, cur = '', quote = '';
  for (const ch of src) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (ch === ';' && depth === 0 && !quote) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => {
    const toks = tokenize(p.trim());
    // assignment: find a top-level '=' or augmented op
    let depth2 = 0;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if ('([{'.includes(t)) depth2++;
      else if (')]}'.includes(t)) depth2--;
      else if (depth2 === 0 && (t === '=' || /^(\+|-|\*|\/|\/\/|\*\*|@)=$/.test(t))) {
        const target = new Parser(toks.slice(0, k)).expr();
        const e = new Parser(toks.slice(k + 1)).expr();
        return { t: 'assign', target, op: t === '=' ? null : t.slice(0, -1), e } as Stmt;
      }
    }
    const ps = new Parser(toks);
    const e = ps.expr();
    if (ps.i !== toks.length) throw new Error(`trailing tokens in ${p}`);
    return { t: 'expr', e } as Stmt;
  });
}

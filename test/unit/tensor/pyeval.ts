// Evaluates parsed golden-case programs (pyexpr.ts) against the tensor API: statements, operators
// (Python semantics for two Python scalars, ufuncs otherwise), in-place operators, indexing.

import * as T from '../../../src/tensor';
import { parseProgram, type Node } from './pyexpr';
import { BUILTINS, getAttr } from './npmethods';
import { NP } from './npbind';
import { ELLIPSIS, Fn, isPyScalar, PyError, pyRepr, PyTuple, pyTypeName, SliceV, toNested, toOperand, type Kw, type V } from './pyvalues';

const BINOPS: Record<string, string> = {
  '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '//': 'floor_divide', '%': 'remainder',
  '&': 'bitwise_and', '|': 'bitwise_or', '^': 'bitwise_xor', '<': 'less', '<=': 'less_equal', '>': 'greater',
  '>=': 'greater_equal', '==': 'equal', '!=': 'not_equal',
};

function pyBinary(op: string, a: number | bigint | boolean, b: number | bigint | boolean): V {
  const ints = typeof a !== 'number' && typeof b !== 'number';
  if (ints) {
    const x = BigInt(a), y = BigInt(b);
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/': return Number(x) / Number(y);
      case '//': return x / y - (x % y !== 0n && (x < 0n) !== (y < 0n) ? 1n : 0n);
      case '%': return ((x % y) + y) % y;
      case '**': return x ** y;
    }
  }
  const x = Number(a), y = Number(b);
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '**': return x ** y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    case '==': return x === y;
    case '!=': return x !== y;
  }
  throw new PyError('TypeError', `unsupported Python op ${op}`);
}

export function binop(op: string, a: V, b: V, out?: T.NDArray): V {
  if (!out && isPyScalar(a) && isPyScalar(b)) return pyBinary(op, a, b);
  if (op === '@') {
    const r = T.matmul(toOperand(a), toOperand(b));
    if (out) {
      T.setItem(out, '...', r);
      return out;
    }
    return r;
  }
  if (op === '**') return T.powerOperator(toOperand(a), toOperand(b), out);
  const name = BINOPS[op];
  if (!name) throw new PyError('TypeError', `unsupported operator ${op}`);
  return T.binary(name, toOperand(a), toOperand(b), out);
}

export function toIndex(v: V): T.IndexItem {
  if (v instanceof SliceV) return v.s;
  if (v === ELLIPSIS) return '...';
  if (v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof T.NDArray) return v;
  if (Array.isArray(v)) return v.length ? T.array(toNested(v)) : T.array([], 'int64');
  throw new PyError('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
}

export class Evaluator {
  readonly env = new Map<string, V>([['np', NP]]);

  run(src: string): V {
    let last: V = null;
    for (const st of parseProgram(src)) {
      if (st.t === 'expr') last = this.eval(st.e);
      else {
        last = null;
        const val = this.eval(st.e);
        const tgt = st.target;
        if (tgt.t === 'name') {
          if (st.op) {
            const cur = this.env.get(tgt.v)!;
            this.env.set(tgt.v, cur instanceof T.NDArray && !cur.isScalar ? binop(st.op, cur, val, cur) : binop(st.op, cur, val));
          } else this.env.set(tgt.v, val);
        } else if (tgt.t === 'index') {
          const obj = this.eval(tgt.obj) as T.NDArray;
          const idx = tgt.items.map((n) => toIndex(this.eval(n)));
          const index = tgt.tuple ? idx : idx[0];
          if (st.op) {
            const cur = T.getItem(obj, index);
            T.setItem(obj, index, binop(st.op, cur, val) as T.NDArray);
          } else T.setItem(obj, index, toOperand(val));
        } else throw new Error('unsupported assignment target');
      }
    }
    return last;
  }

  eval(n: Node): V {
    switch (n.t) {
      case 'num': return n.v;
      case 'str': return n.v;
      case 'const': return n.v === 'ellipsis' ? ELLIPSIS : n.v;
      case 'name': {
        if (this.env.has(n.v)) return this.env.get(n.v)!;
        const b = BUILTINS.get(n.v);
        if (b) return b;
        throw new PyError('NameError', `name '${n.v}' is not defined`);
      }
      case 'tuple': return new PyTuple(n.items.map((x) => this.eval(x)));
      case 'list': return n.items.map((x) => this.eval(x));
      case 'slice': {
        const num = (x: Node | null) => (x === null ? null : Number(this.eval(x) as bigint));
        return new SliceV(T.slice(num(n.start), num(n.stop), num(n.step)));
      }
      case 'attr': return getAttr(this.eval(n.obj), n.name);
      case 'call': {
        const fn = this.eval(n.fn);
        if (!(fn instanceof Fn)) throw new PyError('TypeError', `'${pyTypeName(fn)}' object is not callable`);
        const kw: Kw = new Map(n.kw.map(([k, v]) => [k, this.eval(v)]));
        return fn.call(n.args.map((a) => this.eval(a)), kw);
      }
      case 'index': {
        const obj = this.eval(n.obj);
        const items = n.items.map((x) => this.eval(x));
        if (Array.isArray(obj) || obj instanceof PyTuple) {
          const list = Array.isArray(obj) ? obj : obj.items;
          const i = Number(items[0] as bigint);
          return list[i < 0 ? i + list.length : i];
        }
        if (items.length === 1 && items[0] instanceof PyTuple) return T.getItem(obj as T.NDArray, items[0].items.map(toIndex));
        const idx = items.map(toIndex);
        return T.getItem(obj as T.NDArray, n.tuple ? idx : idx[0]);
      }
      case 'bin': {
        if (n.op === 'is') return this.eval(n.l) === this.eval(n.r);
        if (n.op === 'and' || n.op === 'or') {
          const l = this.eval(n.l);
          return truthy(l) === (n.op === 'or') ? l : this.eval(n.r);
        }
        return binop(n.op, this.eval(n.l), this.eval(n.r));
      }
      case 'un': {
        const v = this.eval(n.e);
        if (n.op === 'not') return !truthy(v);
        if (isPyScalar(v)) {
          if (n.op === '-') return typeof v === 'bigint' ? -v : -Number(v);
          if (n.op === '+') return v;
          return ~BigInt(v);
        }
        return T.unary(n.op === '-' ? 'negative' : n.op === '+' ? 'positive' : 'invert', toOperand(v));
      }
    }
  }
}

function truthy(v: V): boolean {
  if (v instanceof T.NDArray) {
    if (v.size !== 1)
      throw new PyError('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
    return v.item() !== 0;
  }
  return Boolean(v);
}

// Operators: binary/in-place arithmetic with the __op__/__rop__/__iop__ protocol (CPython
// Objects/abstract.c binary_op1), rich comparisons, `in`, unary ops — with CPython's TypeError texts.

import { MemoryError, pyErr, TypeError, ValueError, OverflowError } from './errors';
import { percentFormat } from './format';
import { hashKey } from './keys';
import {
  intAdd, intBitop, intFloorDiv, intMod, intMul, intPow, intSub, intToFloat, intTrueDiv, floatFloorDiv, floatMod,
  floatPow, floatTrueDiv, type PyInt,
} from './numbers';
import {
  NotImplemented, PyDict, PyFloat, PyList, PyObject, PyRange, PySet, PyTuple, PyType, typeName, typeOf,
} from './objects';
import { callDescr, containerOverride, getIter, iterNext, toIndex, truthy } from './runtime';

export const DUNDERS: Record<string, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'],
  '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'],
  '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
  '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'],
  '^': ['__xor__', '__rxor__', '__ixor__'],
  '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'],
};

/** 0: not a number, 1: int/bool, 2: float. */
function numKind(v: any): number {
  const t = typeof v;
  if (t === 'number' || t === 'bigint' || t === 'boolean') return 1;
  return v instanceof PyFloat ? 2 : 0;
}
function toF(v: any): number {
  return v instanceof PyFloat ? v.v : intToFloat(v);
}
function toI(v: any): PyInt {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function numOp(op: string, a: any, b: any, ka: number, kb: number): any {
  if (ka === 2 || kb === 2) {
    const x = toF(a), y = toF(b);
    switch (op) {
      case '+': return new PyFloat(x + y);
      case '-': return new PyFloat(x - y);
      case '*': return new PyFloat(x * y);
      case '/': return new PyFloat(floatTrueDiv(x, y));
      case '//': return new PyFloat(floatFloorDiv(x, y));
      case '%': return new PyFloat(floatMod(x, y));
      case '**': return new PyFloat(floatPow(x, y));
    }
    return undefined;
  }
  const x = toI(a), y = toI(b);
  switch (op) {
    case '+': return intAdd(x, y);
    case '-': return intSub(x, y);
    case '*': return intMul(x, y);
    case '/': return new PyFloat(intTrueDiv(x, y));
    case '//': return intFloorDiv(x, y);
    case '%': return intMod(x, y);
    case '**': return intPow(x, y);
    case '&': case '|': case '^':
      if (typeof a === 'boolean' && typeof b === 'boolean') {
        return op === '&' ? a && b : op === '|' ? a || b : a !== b;
      }
      return intBitop(op, x, y);
    case '<<': case '>>': return intBitop(op, x, y);
  }
  return undefined;
}

function repeatSeq(seq: any, n: any): any {
  const k = toIndex(n);
  if (typeof seq === 'string') {
    if (k > 0 && seq.length * k > 1 << 28) throw pyErr(MemoryError);
    return k > 0 ? seq.repeat(k) : '';
  }
  const items = (seq as PyList | PyTuple).items;
  if (k > 0 && items.length * k > 1 << 26) throw pyErr(MemoryError);
  const out: any[] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < items.length; j++) out.push(items[j]);
  return seq instanceof PyList ? new PyList(out) : new PyTuple(out);
}

function isSeq(v: any): boolean {
  return typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;
}

/** Builtin (non-dunder) semantics; undefined when the builtin types don't handle the pair. */
function builtinBinop(op: string, a: any, b: any): any {
  const ka = numKind(a), kb = numKind(b);
  if (ka && kb) return numOp(op, a, b, ka, kb);
  switch (op) {
    case '+':
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (a instanceof PyList && b instanceof PyList) return new PyList(a.items.concat(b.items));
      if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
      break;
    case '*':
      if (isSeq(a) && kb === 1) return repeatSeq(a, b);
      if (isSeq(b) && ka === 1) return repeatSeq(b, a);
      break;
    case '%':
      if (typeof a === 'string') return percentFormat(a, b);
      break;
    case '|': case '&': case '-': case '^':
      if (a instanceof PySet && b instanceof PySet) return setOp(op, a, b);
      if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
        const d = new PyDict();
        for (const src of [a, b]) for (const [k, v] of src.vals) {
          d.vals.set(k, v);
          if (src.origs?.has(k)) (d.origs ??= new Map()).set(k, src.origs.get(k));
        }
        return d;
      }
      break;
  }
  return undefined;
}

function setOp(op: string, a: PySet, b: PySet): PySet {
  const r = new PySet(a.frozen);
  const A = a.items, B = b.items;
  if (op === '|') {
    for (const [k, v] of A) r.items.set(k, v);
    for (const [k, v] of B) if (!r.items.has(k)) r.items.set(k, v);
  } else if (op === '&') {
    for (const [k, v] of A) if (B.has(k)) r.items.set(k, v);
  } else if (op === '-') {
    for (const [k, v] of A) if (!B.has(k)) r.items.set(k, v);
  } else {
    for (const [k, v] of A) if (!B.has(k)) r.items.set(k, v);
    for (const [k, v] of B) if (!A.has(k)) r.items.set(k, v);
  }
  return r;
}

function binopError(op: string, a: any, b: any): never {
  if (op === '+' && (typeof a === 'string' || a instanceof PyList || a instanceof PyTuple) && !(a instanceof PyObject && a.cls.module !== 'builtins')) {
    const an = typeName(a);
    throw pyErr(TypeError, `can only concatenate ${an} (not "${typeName(b)}") to ${an}`);
  }
  if (op === '*' && (isSeq(a) || isSeq(b))) {
    throw pyErr(TypeError, `can't multiply sequence by non-int of type '${typeName(isSeq(a) ? b : a)}'`);
  }
  const sym = op === '**' ? '** or pow()' : op;
  throw pyErr(TypeError, `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function binop(op: string, a: any, b: any): any {
  const ta = typeOf(a), tb = typeOf(b);
  const [name, rname] = DUNDERS[op];
  // A subclass's reflected method goes first (CPython binary_op1).
  const bFirst = tb !== ta && tb.isSubtypeOf(ta) && tb.lookup(rname) !== undefined && ta.module === 'builtins' === false;
  if (!bFirst) {
    const f = ta.module === 'builtins' && !ta.dict.has(name) ? undefined : ta.lookup(name);
    if (f !== undefined) {
      const r = callDescr(f, a, [b]);
      if (r !== NotImplemented) return r;
    }
  }
  const r0 = builtinBinop(op, a, b);
  if (r0 !== undefined) return r0;
  if (tb !== ta || bFirst) {
    const f = tb.lookup(rname);
    if (f !== undefined) {
      const r = callDescr(f, b, [a]);
      if (r !== NotImplemented) return r;
    }
    if (bFirst) {
      const g = ta.lookup(name);
      if (g !== undefined) {
        const r = callDescr(g, a, [b]);
        if (r !== NotImplemented) return r;
      }
    }
  }
  binopError(op, a, b);
}

/** `a op= b`: __iop__ first, lists extend in place, then the plain operator. */
export function inplace(op: string, a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') return binop(op, a, b);
  if (a instanceof PyList) {
    if (op === '+') {
      const items = b instanceof PyList || b instanceof PyTuple ? b.items : toArrayOf(b);
      for (let i = 0, n = items.length; i < n; i++) a.items.push(items[i]);
      return a;
    }
    if (op === '*') {
      const k = toIndex(b);
      const src = a.items.slice();
      a.items.length = 0;
      for (let i = 0; i < k; i++) a.items.push(...src);
      return a;
    }
  }
  if (a instanceof PySet && b instanceof PySet && !a.frozen && (op === '|' || op === '&' || op === '-' || op === '^')) {
    const r = setOp(op, a, b);
    a.items = r.items;
    return a;
  }
  if (a instanceof PyObject) {
    const f = a.cls.lookup(DUNDERS[op][2]);
    if (f !== undefined) {
      const r = callDescr(f, a, [b]);
      if (r !== NotImplemented) return r;
    }
  }
  try {
    return binop(op, a, b);
  } catch (e) {
    throw e;
  }
}
function toArrayOf(v: any): any[] {
  const out: any[] = [];
  const it = getIter(v);
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) out.push(x);
  return out;
}

// ---------------------------------------------------------------- comparisons

const CMP_DUNDER: Record<string, [string, string]> = {
  '<': ['__lt__', '__gt__'],
  '>': ['__gt__', '__lt__'],
  '<=': ['__le__', '__ge__'],
  '>=': ['__ge__', '__le__'],
  '==': ['__eq__', '__eq__'],
  '!=': ['__ne__', '__ne__'],
};

function cmpNum(op: string, x: any, y: any): boolean {
  // Mixed int/float compares exactly for big ints by comparing as BigInt when both are integral.
  if (typeof x === 'bigint' || typeof y === 'bigint') {
    const fx = typeof x === 'bigint' ? x : Number.isInteger(x) ? BigInt(x) : null;
    const fy = typeof y === 'bigint' ? y : Number.isInteger(y) ? BigInt(y) : null;
    if (fx !== null && fy !== null) return cmpRaw(op, fx, fy);
    return cmpRaw(op, Number(x), Number(y));
  }
  return cmpRaw(op, x, y);
}
function cmpRaw(op: string, x: any, y: any): boolean {
  switch (op) {
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    case '==': return x === y;
    default: return x !== y;
  }
}
function numVal(v: any): any {
  return v instanceof PyFloat ? v.v : typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function seqCompare(op: string, a: any[], b: any[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    if (!eq(a[i], b[i])) {
      if (op === '==') return false;
      if (op === '!=') return true;
      return truthy(compare(op, a[i], b[i]));
    }
  }
  return cmpRaw(op, a.length, b.length);
}

export function eq(a: any, b: any): boolean {
  if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
  const r = compare('==', a, b);
  return r === true || (r !== false && truthy(r));
}

/** Rich comparison; returns whatever __op__ returns (numpy arrays return arrays). */
export function compare(op: string, a: any, b: any): any {
  const ka = numKind(a), kb = numKind(b);
  if (ka && kb) return cmpNum(op, numVal(a), numVal(b));
  if (typeof a === 'string' && typeof b === 'string') return cmpRaw(op, a, b);
  const ta = typeOf(a), tb = typeOf(b);
  const [name, rname] = CMP_DUNDER[op];
  const userA = a instanceof PyObject && (ta.module !== 'builtins' || ta.dict.has(name));
  const userB = b instanceof PyObject && (tb.module !== 'builtins' || tb.dict.has(rname));
  if (userB && tb !== ta && tb.isSubtypeOf(ta)) {
    const f = tb.lookup(rname);
    if (f !== undefined) {
      const r = callDescr(f, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  if (userA) {
    const f = ta.lookup(name);
    if (f !== undefined) {
      const r = callDescr(f, a, [b]);
      if (r !== NotImplemented) return r;
    }
  }
  if (userB) {
    const f = tb.lookup(rname);
    if (f !== undefined) {
      const r = callDescr(f, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === '!=' && (userA || userB)) {
    const f = userA ? ta.lookup('__eq__') : undefined;
    if (f !== undefined) {
      const r = callDescr(f, a, [b]);
      if (r !== NotImplemented) return !truthy(r);
    }
  }
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    return seqCompare(op, a.items, b.items);
  }
  if (a instanceof PyDict && b instanceof PyDict && (op === '==' || op === '!=')) {
    let same = a.vals.size === b.vals.size;
    if (same) for (const [k, v] of a.vals) {
      const w = b.vals.get(k);
      if (w === undefined || !eq(v, w)) {
        same = false;
        break;
      }
    }
    return op === '==' ? same : !same;
  }
  if (a instanceof PySet && b instanceof PySet) {
    const sub = (x: PySet, y: PySet) => [...x.items.keys()].every((k) => y.items.has(k));
    switch (op) {
      case '==': return a.items.size === b.items.size && sub(a, b);
      case '!=': return !(a.items.size === b.items.size && sub(a, b));
      case '<=': return sub(a, b);
      case '>=': return sub(b, a);
      case '<': return a.items.size < b.items.size && sub(a, b);
      case '>': return a.items.size > b.items.size && sub(b, a);
    }
  }
  if (a instanceof PyRange && b instanceof PyRange && (op === '==' || op === '!=')) {
    const same = a.length === b.length && (a.length === 0 || (a.start === b.start && (a.length === 1 || a.step === b.step)));
    return op === '==' ? same : !same;
  }
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  throw pyErr(TypeError, `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function contains(container: any, item: any): boolean {
  const own = containerOverride(container, '__contains__');
  if (own !== undefined) return truthy(callDescr(own, container, [item]));
  if (container instanceof PyDict) return container.vals.has(hashKey(item));
  if (container instanceof PySet) return container.items.has(hashKey(item));
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw pyErr(TypeError, `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    const items = container.items;
    for (let i = 0; i < items.length; i++) if (items[i] === item || eq(items[i], item)) return true;
    return false;
  }
  if (container instanceof PyRange) {
    if (typeof item !== 'number') return false;
    const { start, stop, step } = container;
    if (step > 0 ? item < start || item >= stop : item > start || item <= stop) return false;
    return (item - start) % step === 0;
  }
  if (container instanceof PyObject) {
    const f = container.cls.lookup('__contains__');
    if (f !== undefined) return truthy(callDescr(f, container, [item]));
  }
  let it;
  try {
    it = getIter(container);
  } catch {
    throw pyErr(TypeError, `argument of type '${typeName(container)}' is not iterable`);
  }
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) if (x === item || eq(x, item)) return true;
  return false;
}

// ---------------------------------------------------------------- unary

export function neg(v: any): any {
  if (typeof v === 'number') return 0 - v;
  if (v instanceof PyFloat) return new PyFloat(-v.v);
  if (typeof v === 'bigint') return intSub(0, v);
  if (typeof v === 'boolean') return v ? -1 : 0;
  return unaryDunder('__neg__', '-', v);
}
export function pos(v: any): any {
  if (typeof v === 'number' || v instanceof PyFloat || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return unaryDunder('__pos__', '+', v);
}
export function invert(v: any): any {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return intSub(-1, toI(v));
  return unaryDunder('__invert__', '~', v);
}
function unaryDunder(name: string, sym: string, v: any): any {
  if (v instanceof PyObject) {
    const f = v.cls.lookup(name);
    if (f !== undefined) return callDescr(f, v, []);
  }
  throw pyErr(TypeError, `bad operand type for unary ${sym}: '${typeName(v)}'`);
}

export function absValue(v: any): any {
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'bigint') return v < 0n ? -v : v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return new PyFloat(Math.abs(v.v));
  if (v instanceof PyObject) {
    const f = v.cls.lookup('__abs__');
    if (f !== undefined) return callDescr(f, v, []);
  }
  throw pyErr(TypeError, `bad operand type for abs(): '${typeName(v)}'`);
}

export function checkFloatOverflow(x: number): number {
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'math range error');
  return x;
}

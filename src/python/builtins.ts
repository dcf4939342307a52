// The builtins module: one explicit registry (BUILTIN_NAMES order) of functions and types available
// to guest code, with CPython's argument handling and error messages (Python/bltinmodule.c).

import {
  EXCEPTION_TYPES, ModuleNotFoundError, NameError, pyErr, pyErrArgs, StopIteration, TypeError, ValueError, OverflowError,
} from './errors';
import { formatValue } from './format';
import { hashKey, objectId } from './keys';
import { absValue, binop, compare } from './ops';
import { Ellipsis, NotImplemented, PyBaseException, PyBuiltin, PyClassMethod, PyDict, PyFloat, PyFunction, PyIter, PyList, PyObject, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PyTuple, PyType, typeName, typeOf, objectType, intType, floatType, strType, boolType, listType, tupleType, dictType, setType, frozensetType, rangeType, sliceType, typeType, propertyType, staticmethodType, classmethodType, PyInstance, PyBoundMethod, PyMethodDescriptor, noneType } from './objects';
import { PyGenerator } from './generatorObj';
import { asciiOf, repr, str } from './repr';
import {
  call, callDescr, getAttr, getIter, hasAttr, iterNext, len, setAttr, delAttr, toArray, toIndex, truthy, setTypeType,
  dictSetItem,
} from './runtime';
import { builtin, checkKw, exactArgs, kwArg, noKw, toNumber } from './nativeUtil';
import { intFromString, intFromValue, floatFromValue, roundBuiltin, powBuiltin, divmodBuiltin } from './numConvert';
import { sortList } from './sorting';
import { normBig } from './numbers';
import { superType, makeSuper } from './superObj';

export interface BuiltinHooks {
  write: (s: string) => void;
  writeErr: (s: string) => void;
}

function isinstanceCheck(v: any, t: any, fname: string): boolean {
  if (t instanceof PyType) return typeOf(v).isSubtypeOf(t);
  if (t instanceof PyTuple) return t.items.some((x) => isinstanceCheck(v, x, fname));
  throw pyErr(TypeError, `${fname}() arg 2 must be a type, a tuple of types, or a union`);
}

function minmax(name: 'min' | 'max', args: any[], kw: Map<string, any> | null): any {
  checkKw(name, kw, ['key', 'default']);
  const key = kwArg(kw, 'key', null);
  const dflt = kwArg(kw, 'default', undefined);
  let items: any[];
  if (args.length === 0) throw pyErr(TypeError, `${name} expected at least 1 argument, got 0`);
  if (args.length === 1) items = toArray(args[0]);
  else {
    if (dflt !== undefined) throw pyErr(TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw pyErr(ValueError, `${name}() arg is an empty sequence`);
  }
  const op = name === 'min' ? '<' : '>';
  let best = items[0];
  let bestK = key !== null ? call(key, [best]) : best;
  for (let i = 1; i < items.length; i++) {
    const k = key !== null ? call(key, [items[i]]) : items[i];
    if (truthy(compare(op, k, bestK))) {
      best = items[i];
      bestK = k;
    }
  }
  return best;
}

function sumBuiltin(args: any[], kw: Map<string, any> | null): any {
  checkKw('sum', kw, ['start']);
  if (args.length < 1 || args.length > 2) throw pyErr(TypeError, `sum() takes at most 2 arguments (${args.length} given)`);
  let acc = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
  if (typeof acc === 'string') throw pyErr(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  const src = args[0];
  if (src instanceof PyList && src.cls === listType) {
    // An exact list is walked in place without an iterator object, re-read each step as its iterator
    // would (an __add__ may mutate it).
    for (let i = 0; i < src.items.length; i++) acc = sumStep(acc, src.items[i]);
    return acc;
  }
  const it = getIter(src);
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) acc = sumStep(acc, x);
  return acc;
}

/** One addition of sum(): CPython sums floats with plain double addition in order (after switching to a C double). */
function sumStep(acc: any, x: any): any {
  if (typeof acc === 'number' && typeof x === 'number') {
    const r = acc + x;
    if (Number.isSafeInteger(r)) return r;
  }
  if (acc instanceof PyFloat && x instanceof PyFloat) return new PyFloat(acc.v + x.v);
  return binop('+', acc, x);
}

function zipBuiltin(args: any[], kw: Map<string, any> | null): PyIter {
  const strict = truthy(kwArg(kw, 'strict', false));
  const its = args.map((a, i) => {
    try {
      return getIter(a);
    } catch (e) {
      if (e instanceof PyBaseException && e.cls === TypeError) throw pyErr(TypeError, `'${typeName(a)}' object is not iterable`);
      throw e;
    }
  });
  let done = false;
  return new PyIter(() => {
    if (done || its.length === 0) return undefined;
    const out: any[] = [];
    for (let i = 0; i < its.length; i++) {
      const x = iterNext(its[i]);
      if (x === undefined) {
        done = true;
        if (strict && (i > 0 || its.slice(1).some((it) => iterNext(it) !== undefined))) {
          throw pyErr(ValueError, i > 0 ? `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}` : `zip() argument 2 is longer than argument 1`);
        }
        return undefined;
      }
      out.push(x);
    }
    return new PyTuple(out);
  }, 'zip');
}

function printBuiltin(hooks: BuiltinHooks) {
  return builtin('print', (args, kw) => {
    checkKw('print', kw, ['sep', 'end', 'file', 'flush']);
    const sep = kwArg(kw, 'sep', null);
    const end = kwArg(kw, 'end', null);
    if (sep !== null && typeof sep !== 'string') throw pyErr(TypeError, `sep must be None or a string, not ${typeName(sep)}`);
    if (end !== null && typeof end !== 'string') throw pyErr(TypeError, `end must be None or a string, not ${typeName(end)}`);
    const file = kwArg(kw, 'file', null);
    let s = '';
    for (let i = 0; i < args.length; i++) {
      if (i > 0) s += sep ?? ' ';
      const a = args[i];
      s += typeof a === 'string' ? a : str(a);
    }
    s += end ?? '\n';
    if (file !== null) {
      call(getAttr(file, 'write'), [s]);
      return null;
    }
    hooks.write(s);
    return null;
  });
}

const SANDBOXED = ['open', 'eval', 'exec', 'compile', '__import__', 'input', 'breakpoint', 'globals', 'locals', 'memoryview'];

export function makeBuiltins(hooks: BuiltinHooks): Map<string, any> {
  const b = new Map<string, any>();
  setTypeType(typeType);
  b.set('print', printBuiltin(hooks));
  b.set('len', builtin('len', (args) => {
    exactArgs('len', args, 1);
    return len(args[0]);
  }));
  b.set('repr', builtin('repr', (args) => {
    exactArgs('repr', args, 1);
    return repr(args[0]);
  }));
  b.set('ascii', builtin('ascii', (args) => {
    exactArgs('ascii', args, 1);
    return asciiOf(args[0]);
  }));
  b.set('abs', builtin('abs', (args) => {
    exactArgs('abs', args, 1);
    return absValue(args[0]);
  }));
  b.set('min', builtin('min', (args, kw) => minmax('min', args, kw)));
  b.set('max', builtin('max', (args, kw) => minmax('max', args, kw)));
  b.set('sum', builtin('sum', sumBuiltin));
  b.set('zip', builtin('zip', zipBuiltin));
  b.set('enumerate', builtin('enumerate', (args, kw) => {
    checkKw('enumerate', kw, ['start', 'iterable']);
    const src = args.length ? args[0] : kwArg(kw, 'iterable', undefined);
    if (src === undefined) throw pyErr(TypeError, "enumerate() missing required argument 'iterable' (pos 1)");
    const it = getIter(src);
    let i: any = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
    if (typeof i !== 'number') i = toIndex(i);
    return new PyIter(() => {
      const x = iterNext(it);
      if (x === undefined) return undefined;
      return new PyTuple([i++, x]);
    }, 'enumerate');
  }));
  b.set('map', builtin('map', (args) => {
    if (args.length < 2) throw pyErr(TypeError, 'map() must have at least two arguments.');
    const fn = args[0];
    const its = args.slice(1).map(getIter);
    return new PyIter(() => {
      const xs: any[] = [];
      for (const it of its) {
        const x = iterNext(it);
        if (x === undefined) return undefined;
        xs.push(x);
      }
      return call(fn, xs);
    }, 'map');
  }));
  b.set('filter', builtin('filter', (args) => {
    exactArgs('filter', args, 2);
    const fn = args[0];
    const it = getIter(args[1]);
    return new PyIter(() => {
      for (;;) {
        const x = iterNext(it);
        if (x === undefined) return undefined;
        if (fn === null ? truthy(x) : truthy(call(fn, [x]))) return x;
      }
    }, 'filter');
  }));
  b.set('sorted', builtin('sorted', (args, kw) => {
    if (args.length !== 1) throw pyErr(TypeError, `sorted expected 1 argument, got ${args.length}`);
    checkKw('sort', kw, ['key', 'reverse']);
    const items = toArray(args[0]);
    sortList(items, kwArg(kw, 'key', null), truthy(kwArg(kw, 'reverse', false)));
    return new PyList(items);
  }));
  b.set('reversed', builtin('reversed', (args) => {
    exactArgs('reversed', args, 1);
    const v = args[0];
    if (v instanceof PyObject && !(v instanceof PyList) && !(v instanceof PyTuple) && !(v instanceof PyRange)) {
      const r = v.cls.lookup('__reversed__');
      if (r !== undefined) return callDescr(r, v, []);
      if (v.cls.lookup('__getitem__') === undefined || v instanceof PyDict || v instanceof PySet) {
        throw pyErr(TypeError, `'${typeName(v)}' object is not reversible`);
      }
    }
    if (typeof v !== 'string' && !(v instanceof PyObject)) throw pyErr(TypeError, `'${typeName(v)}' object is not reversible`);
    const items = v instanceof PyList ? v.items : null;
    if (items) {
      let i = items.length - 1;
      return new PyIter(() => (i >= 0 && i < items.length ? items[i--] : undefined), 'list_reverseiterator');
    }
    const arr = toArray(v);
    let i = arr.length - 1;
    return new PyIter(() => (i >= 0 ? arr[i--] : undefined), 'reversed');
  }));
  b.set('iter', builtin('iter', (args) => {
    if (args.length === 2) {
      const [fn, sentinel] = args;
      return new PyIter(() => {
        const v = call(fn, []);
        return v === sentinel || (typeof v === typeof sentinel && repr(v) === repr(sentinel)) ? undefined : v;
      }, 'callable_iterator');
    }
    exactArgs('iter', args, 1);
    return getIter(args[0]);
  }));
  b.set('next', builtin('next', (args) => {
    if (args.length < 1 || args.length > 2) throw pyErr(TypeError, `next expected at least 1 argument, got ${args.length}`);
    const it = args[0];
    if (!(it instanceof PyIter) && !(it instanceof PyGenerator)) {
      const nx = it instanceof PyObject ? it.cls.lookup('__next__') : undefined;
      if (nx === undefined) throw pyErr(TypeError, `'${typeName(it)}' object is not an iterator`);
      try {
        return callDescr(nx, it, []);
      } catch (e) {
        if (args.length > 1 && e instanceof PyBaseException && e.cls.isSubtypeOf(StopIteration)) return args[1];
        throw e;
      }
    }
    const v = iterNext(it);
    if (v === undefined) {
      if (args.length > 1) return args[1];
      const e = pyErr(StopIteration);
      if (it instanceof PyGenerator && it.returnValue !== null) e.args = new PyTuple([it.returnValue]);
      throw e;
    }
    return v;
  }));
  b.set('any', builtin('any', (args) => {
    exactArgs('any', args, 1);
    const it = getIter(args[0]);
    for (let x = iterNext(it); x !== undefined; x = iterNext(it)) if (truthy(x)) return true;
    return false;
  }));
  b.set('all', builtin('all', (args) => {
    exactArgs('all', args, 1);
    const it = getIter(args[0]);
    for (let x = iterNext(it); x !== undefined; x = iterNext(it)) if (!truthy(x)) return false;
    return true;
  }));
  b.set('isinstance', builtin('isinstance', (args) => {
    if (args.length !== 2) throw pyErr(TypeError, `isinstance expected 2 arguments, got ${args.length}`);
    return isinstanceCheck(args[0], args[1], 'isinstance');
  }));
  b.set('issubclass', builtin('issubclass', (args) => {
    if (args.length !== 2) throw pyErr(TypeError, `issubclass expected 2 arguments, got ${args.length}`);
    const [c, t] = args;
    if (!(c instanceof PyType)) throw pyErr(TypeError, 'issubclass() arg 1 must be a class');
    const check = (x: any): boolean => {
      if (x instanceof PyType) return c.isSubtypeOf(x);
      if (x instanceof PyTuple) return x.items.some(check);
      throw pyErr(TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
    };
    return check(t);
  }));
  b.set('hasattr', builtin('hasattr', (args) => {
    if (args.length !== 2) throw pyErr(TypeError, `hasattr expected 2 arguments, got ${args.length}`);
    if (typeof args[1] !== 'string') throw pyErr(TypeError, 'attribute name must be string');
    return hasAttr(args[0], args[1]);
  }));
  b.set('getattr', builtin('getattr', (args) => {
    if (args.length < 2 || args.length > 3) throw pyErr(TypeError, `getattr expected at least 2 arguments, got ${args.length}`);
    if (typeof args[1] !== 'string') throw pyErr(TypeError, `attribute name must be string, not '${typeName(args[1])}'`);
    if (args.length === 3) {
      try {
        return getAttr(args[0], args[1]);
      } catch (e) {
        if (e instanceof PyBaseException && e.cls.name === 'AttributeError') return args[2];
        throw e;
      }
    }
    return getAttr(args[0], args[1]);
  }));
  b.set('setattr', builtin('setattr', (args) => {
    if (args.length !== 3) throw pyErr(TypeError, `setattr expected 3 arguments, got ${args.length}`);
    if (typeof args[1] !== 'string') throw pyErr(TypeError, `attribute name must be string, not '${typeName(args[1])}'`);
    setAttr(args[0], args[1], args[2]);
    return null;
  }));
  b.set('delattr', builtin('delattr', (args) => {
    exactArgs('delattr', args, 2);
    delAttr(args[0], args[1]);
    return null;
  }));
  b.set('callable', builtin('callable', (args) => {
    exactArgs('callable', args, 1);
    const v = args[0];
    return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyType || v instanceof PyBoundMethod || v instanceof PyMethodDescriptor || (v instanceof PyObject && v.cls.lookup('__call__') !== undefined);
  }));
  b.set('id', builtin('id', (args) => {
    exactArgs('id', args, 1);
    const v = args[0];
    return typeof v === 'object' && v !== null ? 140000000000000 + objectId(v) * 16 : 9000000 + (hashOf(v) & 0xffff) * 16;
  }));
  b.set('hash', builtin('hash', (args) => {
    exactArgs('hash', args, 1);
    return hashOf(args[0]);
  }));
  b.set('chr', builtin('chr', (args) => {
    exactArgs('chr', args, 1);
    const n = toIndex(args[0]);
    if (n < 0 || n > 0x10ffff) throw pyErr(ValueError, 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  }));
  b.set('ord', builtin('ord', (args) => {
    exactArgs('ord', args, 1);
    const s = args[0];
    if (typeof s !== 'string') throw pyErr(TypeError, `ord() expected string of length 1, but ${typeName(s)} found`);
    const chars = [...s];
    if (chars.length !== 1) throw pyErr(TypeError, `ord() expected a character, but string of length ${chars.length} found`);
    return s.codePointAt(0)!;
  }));
  b.set('format', builtin('format', (args) => {
    if (args.length < 1 || args.length > 2) throw pyErr(TypeError, `format expected at least 1 argument, got ${args.length}`);
    const spec = args.length > 1 ? args[1] : '';
    if (typeof spec !== 'string') throw pyErr(TypeError, `format() argument 2 must be str, not ${typeName(spec)}`);
    return formatValue(args[0], spec);
  }));
  b.set('round', builtin('round', (args, kw) => roundBuiltin(args, kw)));
  b.set('pow', builtin('pow', (args, kw) => powBuiltin(args, kw)));
  b.set('divmod', builtin('divmod', (args) => {
    exactArgs('divmod', args, 2);
    return divmodBuiltin(args[0], args[1]);
  }));
  b.set('bin', builtin('bin', (args) => radix(args, 2, '0b')));
  b.set('oct', builtin('oct', (args) => radix(args, 8, '0o')));
  b.set('hex', builtin('hex', (args) => radix(args, 16, '0x')));
  b.set('vars', builtin('vars', (args) => {
    exactArgs('vars', args, 1);
    return getAttr(args[0], '__dict__');
  }));
  b.set('dir', builtin('dir', (args) => {
    exactArgs('dir', args, 1);
    const v = args[0];
    const names = new Set<string>();
    if (v instanceof PyInstance) for (const k of v.dict.keys()) names.add(k);
    for (const t of (v instanceof PyType ? v : typeOf(v)).mro) for (const k of t.dict.keys()) names.add(k);
    return new PyList([...names].sort());
  }));
  b.set('super', superType);
  superType.construct = (_cls, args) => {
    if (args.length !== 2) throw pyErr(TypeError, 'super() without arguments is only supported directly inside a method');
    return makeSuper(args[0], args[1]);
  };
  // Types.
  const types: [string, PyType][] = [
    ['int', intType], ['float', floatType], ['str', strType], ['bool', boolType], ['list', listType], ['tuple', tupleType],
    ['dict', dictType], ['set', setType], ['frozenset', frozensetType], ['range', rangeType], ['slice', sliceType],
    ['object', objectType], ['type', typeType], ['property', propertyType], ['staticmethod', staticmethodType],
    ['classmethod', classmethodType],
  ];
  for (const [n, t] of types) b.set(n, t);
  b.set('None', null);
  b.set('Ellipsis', Ellipsis);
  b.set('NotImplemented', NotImplemented);
  b.set('__name__', '__main__');
  b.set('__build_class__', undefined);
  b.delete('__build_class__');
  for (const t of EXCEPTION_TYPES) b.set(t.name, t);
  for (const name of SANDBOXED) {
    b.set(name, builtin(name, () => {
      throw pyErr(NameError, `name '${name}' is not available in Pizarra's sandbox`);
    }));
  }
  return b;
}

function radix(args: any[], base: number, prefix: string): string {
  exactArgs(prefix === '0b' ? 'bin' : prefix === '0o' ? 'oct' : 'hex', args, 1);
  const v = args[0];
  if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean') {
    throw pyErr(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  }
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  const neg = n < 0;
  const body = (neg ? -BigInt(n) : BigInt(n)).toString(base);
  return (neg ? '-' : '') + prefix + body;
}

/** hash() with CPython's numeric hash (mod 2**61 - 1); strings use a fixed FNV hash (CPython randomises). */
export function hashOf(v: any): any {
  const M = (1n << 61n) - 1n;
  const h = hashKey(v);
  if (typeof h === 'number' && Number.isInteger(h)) {
    if (h === -1) return -2;
    if (Math.abs(h) < 2 ** 61 - 1) return h;
  }
  if (typeof h === 'bigint') {
    const neg = h < 0n;
    let r = (neg ? -h : h) % M;
    if (neg) r = -r;
    return r === -1n ? -2 : normBig(r);
  }
  if (typeof h === 'number') {
    if (Number.isNaN(h)) return 0;
    if (!Number.isFinite(h)) return h > 0 ? 314159 : -314159;
    // Fractional floats: CPython's _Py_HashDouble.
    let m = Math.abs(h);
    let e = 0;
    while (m >= 1) { m /= 2; e++; }
    while (m < 0.5 && m !== 0) { m *= 2; e--; }
    let x = 0n;
    while (m) {
      x = ((x << 28n) & M) | (x >> 33n);
      m *= 268435456.0;
      e -= 28;
      const y = Math.floor(m);
      m -= y;
      x += BigInt(y);
      if (x >= M) x -= M;
    }
    const ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << BigInt(ee)) & M) | (x >> BigInt(61 - ee));
    const r = h < 0 ? -x : x;
    return r === -1n ? -2 : normBig(r);
  }
  if (typeof h === 'string') {
    let x = 0x811c9dc5;
    for (let i = 0; i < h.length; i++) x = Math.imul(x ^ h.charCodeAt(i), 16777619);
    return x;
  }
  if (h === null) return 5880000;
  return objectId(h as object);
}


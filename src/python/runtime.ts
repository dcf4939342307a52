// Core object protocols: truthiness, attribute access (descriptors, properties, bound methods), calls,
// iteration, len, subscripts — the equivalents of CPython's Objects/abstract.c and object.c.
// Only names found in the Maps of PyType/PyInstance/PyModule are reachable: no JS property lookups.

import {
  AttributeError, IndexError, KeyError, RecursionError, RuntimeError, StopIteration, TypeError, ValueError,
  pyErr, pyErrArgs, KeyboardInterrupt,
} from './errors';
import { hashKey, dictGet } from './keys';
import { NotImplemented, PyBaseException, PyBoundMethod, PyBuiltin, PyClassMethod, PyDict, PyFloat, PyFunction, PyInstance, PyIter, PyList, PyMethodDescriptor, PyModule, PyObject, PyProperty, PyRange, PySet, type Native, PySlice, PyStaticMethod, PyTuple, PyType, typeName, typeOf, PyBytes, objectType, listType, dictType, tupleType, bumpTypeVersion, currentTypeVersion, noteInstanceAttr } from './objects';
import { GeneratorRunning, PyGenerator } from './generatorObj';
import { repr } from './repr';
import { PySuper } from './superObj';
import { cpythonIntSetOrder } from './setOrder';

/** Interpreter-wide state for the run in progress (one run at a time per thread). */
export const rt = {
  depth: 0,
  recursionLimit: 1000,
  /** Steps left before the next limit check. */
  ticks: 10000,
  /** Shared flag: non-zero means "interrupt now" (set from another thread via Atomics). */
  interruptFlag: null as Int32Array | null,
  deadline: Infinity,
  stepBudget: Infinity,
  stepsUsed: 0,
  /** The exception being handled (for bare `raise` and implicit chaining). */
  handling: null as PyBaseException | null,
  /** The innermost executing frame (for warnings that report file and line). */
  frame: null as { line: number; code: { file: string; lines: string[]; lineOffset: number } } | null,
};

/** Called when `rt.ticks` runs out: checks the interrupt flag, time and step budget. */
export function checkLimits(): void {
  rt.stepsUsed += 10000;
  rt.ticks = 10000;
  if (rt.interruptFlag && Atomics.load(rt.interruptFlag, 0) !== 0) {
    Atomics.store(rt.interruptFlag, 0, 0);
    throw pyErr(KeyboardInterrupt, 'execution interrupted');
  }
  if (rt.stepsUsed > rt.stepBudget) throw pyErr(KeyboardInterrupt, 'step budget exceeded');
  if (rt.deadline !== Infinity && Date.now() > rt.deadline) throw pyErr(KeyboardInterrupt, 'time limit exceeded');
}

export function truthy(v: any): boolean {
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'string': return v.length > 0;
    case 'bigint': return v !== 0n;
  }
  if (v === null) return false;
  if (v instanceof PyFloat) return v.v !== 0 && !Number.isNaN(v.v) ? true : Number.isNaN(v.v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.vals.size > 0;
  if (v instanceof PySet) return v.items.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  const t = (v as PyObject).cls;
  const b = t.lookup('__bool__');
  if (b !== undefined) {
    const r = callDescr(b, v, []);
    if (typeof r !== 'boolean') throw pyErr(TypeError, `__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  const l = t.lookup('__len__');
  if (l !== undefined) return truthy(callDescr(l, v, []));
  return true;
}

// ---------------------------------------------------------------- calls

export function call(f: any, args: any[], kw: Map<string, any> | null = null): any {
  if (f instanceof PyFunction) return f.impl(args, kw);
  if (f instanceof PyBuiltin) return f.fn(args, kw);
  if (f instanceof PyBoundMethod) {
    const fn = f.func;
    if (fn instanceof PyMethodDescriptor) return fn.fn(f.self, args, kw);
    return call(fn, [f.self, ...args], kw);
  }
  if (f instanceof PyType) return construct(f, args, kw);
  if (f instanceof PyMethodDescriptor) {
    if (args.length === 0) throw pyErr(TypeError, `unbound method ${f.owner.name}.${f.name}() needs an argument`);
    const self = args[0];
    if (!typeOf(self).isSubtypeOf(f.owner)) {
      throw pyErr(TypeError, `descriptor '${f.name}' for '${f.owner.name}' objects doesn't apply to a '${typeName(self)}' object`);
    }
    return f.fn(self, args.slice(1), kw);
  }
  if (f instanceof PyObject) {
    const c = f.cls.lookup('__call__');
    if (c !== undefined) return callDescr(c, f, args, kw);
  }
  throw pyErr(TypeError, `'${typeName(f)}' object is not callable`);
}

/** Calls a class attribute `f` found by MRO lookup as a method of `self`. */
export function callDescr(f: any, self: any, args: any[], kw: Map<string, any> | null = null): any {
  if (f instanceof PyMethodDescriptor) return f.fn(self, args, kw);
  if (f instanceof PyFunction) return f.impl([self, ...args], kw);
  if (f instanceof PyStaticMethod) return call(f.func, args, kw);
  if (f instanceof PyClassMethod) return call(f.func, [self instanceof PyType ? self : typeOf(self), ...args], kw);
  return call(f, [self, ...args], kw);
}

/** The Python `__init__` of a plain class (object base, no `__new__`), or null: call sites then build
 * the instance and its `[self, ...args]` array themselves, as `construct`'s fast path does. */
export function plainInit(cls: PyType): PyFunction | null {
  if (cls.ctorVersion !== currentTypeVersion()) {
    cls.ctorNew = cls.lookup('__new__');
    cls.ctorInit = cls.lookup('__init__');
    cls.ctorBase = cls.mro.find((t) => t.construct !== null) ?? null;
    cls.ctorVersion = currentTypeVersion();
  }
  const init0 = cls.ctorInit;
  return cls.ctorBase === objectType && init0 instanceof PyFunction && cls.ctorNew === undefined && cls !== typeOfType ? init0 : null;
}

/** `__init__` returned something other than None. */
export function initReturned(r: any): never {
  throw pyErr(TypeError, `__init__() should return None, not '${typeName(r)}'`);
}

export function construct(cls: PyType, args: any[], kw: Map<string, any> | null): any {
  if (cls === typeOfType && args.length === 1) return typeOf(args[0]);
  // Fast path: plain classes with a Python __init__.
  const init0 = plainInit(cls);
  if (init0 !== null) {
    const obj = new PyInstance(cls);
    const a = [obj];
    for (let i = 0; i < args.length; i++) a.push(args[i]);
    const r = init0.impl(a, kw);
    if (r !== null) initReturned(r);
    return obj;
  }
  const newFn = cls.ctorNew;
  let obj: any;
  if (newFn instanceof PyFunction || newFn instanceof PyStaticMethod) {
    obj = call(newFn instanceof PyStaticMethod ? newFn.func : newFn, [cls, ...args], kw);
    if (!(obj instanceof PyObject) || !typeOf(obj).isSubtypeOf(cls)) return obj;
  } else {
    let c: PyType | null = null;
    for (const t of cls.mro) if (t.construct) {
      c = t;
      break;
    }
    if (!c) throw pyErr(TypeError, `cannot create '${cls.name}' instances`);
    const init = cls.lookup('__init__');
    const userInit = init instanceof PyFunction;
    // Builtin constructors take the arguments themselves when no Python __init__ overrides them.
    obj = c.construct!(cls, userInit && c === objectType ? [] : args, userInit && c === objectType ? null : kw);
    if (!userInit) return obj;
  }
  const init = cls.lookup('__init__');
  if (init instanceof PyFunction) {
    const r = init.impl([obj, ...args], kw);
    if (r !== null) throw pyErr(TypeError, `__init__() should return None, not '${typeName(r)}'`);
  } else if (init !== undefined && !(init instanceof PyMethodDescriptor)) {
    callDescr(init, obj, args, kw);
  }
  return obj;
}
/** The native constructor of an exact builtin type (`range`, `list`, `float`, …): what `construct` ends
 * up calling for it, since builtin types can't gain a Python __new__/__init__. Null for `type` and for
 * everything else (user classes, their subclasses of builtins, numpy's types). */
export function builtinConstructor(cls: PyType): Native | null {
  const c = cls.construct;
  if (c === null || cls.module !== 'builtins' || cls === typeOfType) return null;
  return (args, kw) => c(cls, args, kw);
}
let typeOfType: PyType;
export function setTypeType(t: PyType): void {
  typeOfType = t;
}

// ---------------------------------------------------------------- attributes

function bindClassAttr(v: any, self: any): any {
  if (v instanceof PyFunction || v instanceof PyMethodDescriptor) return new PyBoundMethod(self, v);
  if (v instanceof PyStaticMethod) return v.func;
  if (v instanceof PyClassMethod) return new PyBoundMethod(typeOf(self), v.func);
  if (v instanceof PyProperty) {
    if (v.fget === null) throw pyErr(AttributeError, `property object has no getter`);
    return call(v.fget, [self]);
  }
  return v;
}

const SPECIAL_ATTRS = new Set(['__class__', '__name__', '__qualname__', '__dict__', '__doc__', '__module__', '__mro__', '__bases__', '__self__', '__func__']);

export function getAttr(o: any, name: string): any {
  if (o instanceof PySuper) return o.getAttr(name);
  if (o instanceof PyInstance || o instanceof PyBaseException) {
    const cls = o.cls;
    const ca = cls.lookup(name);
    if (ca instanceof PyProperty) return bindClassAttr(ca, o);
    const d = o.dict.get(name);
    if (d !== undefined) return d;
    if (ca !== undefined) return bindClassAttr(ca, o);
    if (o instanceof PyBaseException) {
      if (name === 'args') return o.args;
      if (name === '__cause__') return o.cause;
      if (name === '__context__') return o.context;
      if (name === '__suppress_context__') return o.suppressContext;
      if (name === '__traceback__') return null;
    }
    if (o instanceof PyBaseException && name === 'value' && o.cls.isSubtypeOf(StopIteration)) return o.args.items[0] ?? null;
    if (SPECIAL_ATTRS.has(name)) return special(o, name);
    const ga = cls.lookup('__getattr__');
    if (ga !== undefined) return callDescr(ga, o, [name]);
    throw attrError(o, name);
  }
  if (o instanceof PyModule) {
    const v = o.dict.get(name);
    if (v !== undefined) return v;
    if (name === '__name__') return o.name;
    throw pyErr(AttributeError, `module '${o.name}' has no attribute '${name}'`);
  }
  if (o instanceof PyType) {
    const v = o.lookup(name);
    if (v !== undefined) {
      if (v instanceof PyStaticMethod) return v.func;
      if (v instanceof PyClassMethod) return new PyBoundMethod(o, v.func);
      if (v instanceof PyProperty) return v;
      return v;
    }
    if (SPECIAL_ATTRS.has(name)) return special(o, name);
    throw pyErr(AttributeError, `type object '${o.tpName}' has no attribute '${name}'`);
  }
  const t = typeOf(o);
  const ca = t.lookup(name);
  if (ca !== undefined) {
    if (o instanceof PyFunction && o.dict?.has(name)) return o.dict.get(name);
    return bindClassAttr(ca, o);
  }
  if (o instanceof PyFunction && o.dict?.has(name)) return o.dict.get(name);
  if (SPECIAL_ATTRS.has(name)) return special(o, name);
  if (o instanceof PyObject) {
    const ga = t.lookup('__getattr__');
    if (ga !== undefined) return callDescr(ga, o, [name]);
  }
  throw attrError(o, name);
}

function attrError(o: any, name: string): PyBaseException {
  const e = pyErr(AttributeError, `'${typeName(o)}' object has no attribute '${name}'`);
  return e;
}

/** The few dunder attributes guest code may read; none of them leads to host objects. */
function special(o: any, name: string): any {
  switch (name) {
    case '__class__': return typeOf(o);
    case '__name__':
      if (o instanceof PyType || o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyMethodDescriptor) return o.name;
      break;
    case '__qualname__':
      if (o instanceof PyFunction) return o.qualname;
      if (o instanceof PyType) return o.name;
      break;
    case '__module__':
      if (o instanceof PyFunction) return o.module;
      if (o instanceof PyType) return o.module;
      break;
    case '__doc__': return null;
    case '__mro__': if (o instanceof PyType) return new PyTuple(o.mro.slice()); break;
    case '__bases__': if (o instanceof PyType) return new PyTuple(o.bases.slice()); break;
    case '__self__': if (o instanceof PyBoundMethod) return o.self; break;
    case '__func__': if (o instanceof PyBoundMethod) return o.func; break;
    case '__dict__': {
      const src = o instanceof PyInstance || o instanceof PyBaseException ? o.dict : o instanceof PyType ? o.dict : null;
      if (src) {
        const d = new PyDict();
        for (const [k, v] of src) d.vals.set(k, v);
        return d;
      }
      break;
    }
  }
  if (o instanceof PyType) return pyErrThrow(`type object '${o.name}' has no attribute '${name}'`);
  throw attrError(o, name);
}
function pyErrThrow(msg: string): never {
  throw pyErr(AttributeError, msg);
}

export function setAttr(o: any, name: string, v: any): void {
  if (o instanceof PyInstance || o instanceof PyBaseException) {
    const ca = o.cls.lookup(name);
    if (ca instanceof PyProperty) {
      if (ca.fset === null) throw pyErr(AttributeError, `property '${propName(ca, name)}' of '${o.cls.name}' object has no setter`);
      call(ca.fset, [o, v]);
      return;
    }
    const sa = o.cls.lookup('__setattr__');
    if (sa instanceof PyFunction) {
      callDescr(sa, o, [name, v]);
      return;
    }
    noteInstanceAttr(o.cls, name);
    o.dict.set(name, v);
    return;
  }
  if (o instanceof PyType) {
    if (o.module === 'builtins') throw pyErr(TypeError, `cannot set '${name}' attribute of immutable type '${o.name}'`);
    o.dict.set(name, v);
    bumpTypeVersion();
    return;
  }
  if (o instanceof PyFunction) {
    (o.dict ??= new Map()).set(name, v);
    return;
  }
  if (o instanceof PyModule) {
    o.dict.set(name, v);
    return;
  }
  const t = typeOf(o);
  if (t.lookup(name) !== undefined) throw pyErr(AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  throw pyErr(AttributeError, `'${t.name}' object has no attribute '${name}'`);
}
function propName(p: PyProperty, name: string): string {
  return p.fget instanceof PyFunction ? p.fget.name : name;
}

export function delAttr(o: any, name: string): void {
  if (o instanceof PyInstance || o instanceof PyBaseException || o instanceof PyType || o instanceof PyModule) {
    if (!o.dict.delete(name)) throw attrError(o, name);
    bumpTypeVersion();
    return;
  }
  throw attrError(o, name);
}

export function hasAttr(o: any, name: string): boolean {
  try {
    getAttr(o, name);
    return true;
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(AttributeError)) return false;
    throw e;
  }
}

/** `o.name(*args)` without creating a bound method when possible. */
export function callMethod(o: any, name: string, args: any[], kw: Map<string, any> | null = null): any {
  if (o instanceof PyInstance) {
    const ca = o.cls.lookup(name);
    if (ca instanceof PyFunction && !o.dict.has(name)) return ca.impl([o, ...args], kw);
    return call(getAttr(o, name), args, kw);
  }
  if (!(o instanceof PyModule) && !(o instanceof PyType)) {
    const ca = typeOf(o).lookup(name);
    if (ca instanceof PyMethodDescriptor) return ca.fn(o, args, kw);
  }
  return call(getAttr(o, name), args, kw);
}

// ---------------------------------------------------------------- iteration

export interface Iter {
  next(): any;
}

export function getIter(v: any): Iter {
  const own = containerOverride(v, '__iter__');
  return own === undefined ? builtinIter(v) : iterOf(callDescr(own, v, []));
}

/** What `__iter__` returned, as an Iter (its `__next__` until StopIteration). */
function iterOf(it: any): Iter {
  if (it instanceof PyIter || it instanceof PyGenerator) return it;
  const nx = typeOf(it).lookup('__next__');
  if (nx === undefined) throw pyErr(TypeError, `iter() returned non-iterator of type '${typeName(it)}'`);
  return new PyIter(() => {
    try {
      return callDescr(nx, it, []);
    } catch (e) {
      if (e instanceof PyBaseException && e.cls.isSubtypeOf(StopIteration)) return undefined;
      throw e;
    }
  });
}

/** Iterators of the builtin types, and the protocol for everything else. */
export function builtinIter(v: any): Iter {
  if (v instanceof PyList) {
    let i = 0;
    const items = v;
    return new PyIter(() => (i < items.items.length ? items.items[i++] : undefined), 'list_iterator');
  }
  if (v instanceof PyTuple) {
    let i = 0;
    const items = v.items;
    return new PyIter(() => (i < items.length ? items[i++] : undefined), 'tuple_iterator');
  }
  if (typeof v === 'string') {
    let i = 0;
    return new PyIter(() => {
      if (i >= v.length) return undefined;
      const cp = v.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      i += s.length;
      return s;
    }, 'str_ascii_iterator');
  }
  if (v instanceof PyRange) {
    let cur = v.start;
    const { stop, step } = v;
    return new PyIter(() => {
      if (step > 0 ? cur >= stop : cur <= stop) return undefined;
      const r = cur;
      cur += step;
      return r;
    }, 'range_iterator');
  }
  if (v instanceof PyDict) return dictIter(v, 'keys');
  if (v instanceof PySet) {
    const order = cpythonIntSetOrder(v.items.keys(), v.items.size);
    const it = order ? order.map((k) => v.items.get(k))[Symbol.iterator]() : v.items.values();
    const size = v.items.size;
    return new PyIter(() => {
      if (v.items.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
      const r = it.next();
      return r.done ? undefined : r.value;
    }, 'set_iterator');
  }
  if (v instanceof PyIter || v instanceof PyGenerator) return v;
  if (v instanceof PyObject) {
    const t = v.cls;
    const f = t.lookup('__iter__');
    if (f !== undefined) return iterOf(callDescr(f, v, []));
    const gi = t.lookup('__getitem__');
    if (gi !== undefined) {
      let i = 0;
      return new PyIter(() => {
        try {
          return callDescr(gi, v, [i++]);
        } catch (e) {
          if (e instanceof PyBaseException && (e.cls.isSubtypeOf(IndexError) || e.cls.isSubtypeOf(StopIteration))) return undefined;
          throw e;
        }
      });
    }
  }
  throw pyErr(TypeError, `'${typeName(v)}' object is not iterable`);
}

export function dictIter(d: PyDict, what: 'keys' | 'values' | 'items'): PyIter {
  const it = d.vals.entries();
  const size = d.vals.size;
  const origs = d.origs;
  const name = what === 'keys' ? 'dict_keyiterator' : what === 'values' ? 'dict_valueiterator' : 'dict_itemiterator';
  return new PyIter(() => {
    if (d.vals.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
    const r = it.next();
    if (r.done) return undefined;
    const [k, val] = r.value;
    if (what === 'values') return val;
    const key = origs !== null && origs.has(k) ? origs.get(k) : d.origs?.get(k) ?? k;
    return what === 'keys' ? key : new PyTuple([key, val]);
  }, name);
}

/** The next item of an iterator, or undefined at the end. Generators re-entered raise ValueError. */
export function iterNext(it: Iter): any {
  try {
    return it.next();
  } catch (e) {
    if (e instanceof GeneratorRunning) throw pyErr(ValueError, 'generator already executing');
    throw e;
  }
}

/** Materialises an iterable into a fresh JS array. */
export function toArray(v: any): any[] {
  if ((v instanceof PyList || v instanceof PyTuple) && (v.cls === listType || v.cls === tupleType)) return v.items.slice();
  const out: any[] = [];
  const it = getIter(v);
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) {
    out.push(x);
    if ((out.length & 0xffff) === 0 && --rt.ticks < 0) checkLimits();
  }
  return out;
}

// ---------------------------------------------------------------- len and subscripts

export function len(v: any): number {
  if (typeof v === 'string') return v.length;
  const own = containerOverride(v, '__len__');
  if (own !== undefined) return checkedLen(callDescr(own, v, []));
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.vals.size;
  if (v instanceof PySet) return v.items.size;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyBytes) return v.data.length;
  if (v instanceof PyObject) {
    const f = v.cls.lookup('__len__');
    if (f !== undefined) return checkedLen(callDescr(f, v, []));
  }
  throw pyErr(TypeError, `object of type '${typeName(v)}' has no len()`);
}

function checkedLen(r: any): number {
  if (typeof r !== 'number') throw pyErr(TypeError, `'${typeName(r)}' object cannot be interpreted as an integer`);
  if (r < 0) throw pyErr(ValueError, '__len__() should return >= 0');
  return r;
}

/**
 * The Python method `name` that a subclass of list, tuple, dict or set defines, which len(), iter() and
 * `in` must call instead of their builtin fast paths; undefined for everything else, after two cheap
 * tests for the exact builtin types.
 */
export function containerOverride(v: any, name: string): any {
  if (!(v instanceof PyObject) || v.cls.module === 'builtins') return undefined;
  if (!(v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet)) return undefined;
  return subclassOverride(v, name);
}

/** Converts an index-like value (int, bool, __index__) to a JS number. */
export function toIndex(v: any, what?: () => string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyObject) {
    const f = v.cls.lookup('__index__');
    if (f !== undefined) return toIndex(callDescr(f, v, []));
  }
  throw pyErr(TypeError, what ? what() : `'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** PySlice_AdjustIndices: [start, stop, step, length] for a sequence of length n. */
export function sliceIndices(s: PySlice, n: number): [number, number, number, number] {
  const step = s.step === null ? 1 : toIndex(s.step, sliceErr);
  if (step === 0) throw pyErr(ValueError, 'slice step cannot be zero');
  const start = s.start === null ? (step < 0 ? n - 1 : 0) : adjustIndex(toIndex(s.start, sliceErr), n, step);
  const stop = s.stop === null ? (step < 0 ? -1 : n) : adjustIndex(toIndex(s.stop, sliceErr), n, step);
  return [start, stop, step, sliceLength(start, stop, step)];
}
/** `o[lo:hi:st]` for a str, list or tuple with int-or-None bounds, without building a slice object;
 * undefined when any of that does not hold (the caller then goes through getItem and a PySlice). */
export function sliceSeq(o: any, lo: any, hi: any, st: any): any {
  const isStr = typeof o === 'string';
  // Subclasses go the general way: their __getitem__ may take the slice object.
  if (!isStr && !((o instanceof PyList && o.cls === listType) || (o instanceof PyTuple && o.cls === tupleType))) return undefined;
  if ((lo !== null && typeof lo !== 'number') || (hi !== null && typeof hi !== 'number')) return undefined;
  if (st !== null && (typeof st !== 'number' || st === 0)) return undefined;
  const step: number = st ?? 1;
  const n: number = isStr ? o.length : o.items.length;
  const start = lo === null ? (step < 0 ? n - 1 : 0) : adjustIndex(lo, n, step);
  const stop = hi === null ? (step < 0 ? -1 : n) : adjustIndex(hi, n, step);
  const len = sliceLength(start, stop, step);
  if (isStr) return takeChars(o, start, step, len);
  const part = takeItems(o.items as any[], start, step, len);
  return o instanceof PyList ? new PyList(part) : new PyTuple(part);
}

function sliceLength(start: number, stop: number, step: number): number {
  if (step < 0) return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
}

function adjustIndex(i: number, n: number, step: number): number {
  if (i < 0) {
    i += n;
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= n) i = step < 0 ? n - 1 : n;
  return i;
}
function sliceErr(): string {
  return 'slice indices must be integers or None or have an __index__ method';
}

function sliceItems<T>(items: T[], s: PySlice): T[] {
  const [start, , step, n] = sliceIndices(s, items.length);
  return takeItems(items, start, step, n);
}

/** The n items from `start` every `step` (bounds already adjusted). */
function takeItems<T>(items: T[], start: number, step: number, n: number): T[] {
  if (step === 1) return items.slice(start, start + n);
  const out: T[] = new Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j];
  return out;
}

/** The same for a string's code units. */
function takeChars(s: string, start: number, step: number, n: number): string {
  if (step === 1) return s.slice(start, start + n);
  let out = '';
  for (let i = 0, j = start; i < n; i++, j += step) out += s[j];
  return out;
}

function seqIndex(v: any, n: number, kind: string): number {
  let i: number;
  if (typeof v === 'number') i = v;
  else if (typeof v === 'boolean') i = v ? 1 : 0;
  else i = toIndex(v, () => `${kind} indices must be integers or slices, not ${typeName(v)}`);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw pyErr(IndexError, `${kind} index out of range`);
  return i;
}

export function getItem(o: any, k: any): any {
  if (o instanceof PyList) {
    const f = o.cls === listType ? undefined : subclassOverride(o, '__getitem__');
    return f === undefined ? listGetItem(o, k) : callDescr(f, o, [k]);
  }
  if (o instanceof PyDict) {
    const f = o.cls === dictType ? undefined : subclassOverride(o, '__getitem__');
    return f === undefined ? dictGetItem(o, k) : callDescr(f, o, [k]);
  }
  if (o instanceof PyTuple && (o.cls === tupleType || subclassOverride(o, '__getitem__') === undefined)) {
    if (k instanceof PySlice) return new PyTuple(sliceItems(o.items, k));
    return o.items[seqIndex(k, o.items.length, 'tuple')];
  }
  if (typeof o === 'string') {
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, o.length);
      return takeChars(o, start, step, n);
    }
    if (typeof k !== 'number' && typeof k !== 'boolean' && !(k instanceof PyObject && k.cls.lookup('__index__'))) {
      throw pyErr(TypeError, `string indices must be integers, not '${typeName(k)}'`);
    }
    return o[seqIndex(k, o.length, 'string')];
  }
  if (o instanceof PyRange) {
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, o.length);
      const s = o.start + start * o.step;
      return new PyRange(s, s + n * step * o.step, step * o.step);
    }
    const i = seqIndex(k, o.length, 'range object');
    return o.start + i * o.step;
  }
  if (o instanceof PyType) {
    const cg = o.lookup('__class_getitem__');
    if (cg !== undefined) return callDescr(cg, o, [k]);
    return o; // list[int] and friends in annotations
  }
  if (o instanceof PyObject) {
    const f = o.cls.lookup('__getitem__');
    if (f !== undefined) return callDescr(f, o, [k]);
  }
  throw pyErr(TypeError, `'${typeName(o)}' object is not subscriptable`);
}

function dictMissing(d: PyDict, k: any): any {
  if (d.defaultFactory !== undefined && d.defaultFactory !== null) {
    const v = call(d.defaultFactory, []);
    dictSetItem(d, k, v);
    return v;
  }
  if (d.cls !== undefined && d.cls.module !== 'builtins') {
    const m = d.cls.lookup('__missing__');
    if (m !== undefined) return callDescr(m, d, [k]);
  }
  throw pyErrArgs(KeyError, [k]);
}

export function dictSetItem(d: PyDict, k: any, v: any): void {
  const h = hashKey(k);
  if (h !== k) {
    if (!d.vals.has(h)) (d.origs ??= new Map()).set(h, k);
  }
  d.vals.set(h, v);
}

export function setItem(o: any, k: any, v: any): void {
  if (o instanceof PyList) {
    const f = o.cls === listType ? undefined : subclassOverride(o, '__setitem__');
    if (f === undefined) listSetItem(o, k, v);
    else callDescr(f, o, [k, v]);
    return;
  }
  if (o instanceof PyDict) {
    const f = o.cls === dictType ? undefined : subclassOverride(o, '__setitem__');
    if (f === undefined) dictSetItem(o, k, v);
    else callDescr(f, o, [k, v]);
    return;
  }
  if (o instanceof PyObject) {
    const f = o.cls.lookup('__setitem__');
    if (f !== undefined) {
      callDescr(f, o, [k, v]);
      return;
    }
  }
  throw pyErr(TypeError, `'${typeName(o)}' object does not support item assignment`);
}

export function delItem(o: any, k: any): void {
  if (o instanceof PyList) {
    const f = o.cls === listType ? undefined : subclassOverride(o, '__delitem__');
    if (f === undefined) listDelItem(o, k);
    else callDescr(f, o, [k]);
    return;
  }
  if (o instanceof PyDict) {
    const f = o.cls === dictType ? undefined : subclassOverride(o, '__delitem__');
    if (f === undefined) dictDelItem(o, k);
    else callDescr(f, o, [k]);
    return;
  }
  if (o instanceof PyObject) {
    const f = o.cls.lookup('__delitem__');
    if (f !== undefined) {
      callDescr(f, o, [k]);
      return;
    }
  }
  throw pyErr(TypeError, `'${typeName(o)}' object doesn't support item deletion`);
}

export function checkRecursion(): void {
  throw pyErr(RecursionError, 'maximum recursion depth exceeded');
}

/**
 * A Python-level method that a subclass of a builtin container (list, dict, set, tuple) defines for a
 * protocol dunder, if any: the builtin types' fast paths must not hide it (CPython calls the
 * `__getitem__` of a dict subclass). Native methods (the builtin's own, inherited) do not count.
 */
export function subclassOverride(o: PyObject, name: string): any {
  const f = o.cls.lookup(name);
  return f !== undefined && !(f instanceof PyMethodDescriptor) ? f : undefined;
}

/** `list[k]` itself (also `list.__getitem__`, which super() reaches from a subclass). */
export function listGetItem(o: PyList, k: any): any {
  if (typeof k === 'number') {
    const items = o.items;
    const i = k < 0 ? k + items.length : k;
    if (i >= 0 && i < items.length) return items[i];
    throw pyErr(IndexError, 'list index out of range');
  }
  if (k instanceof PySlice) return new PyList(sliceItems(o.items, k));
  return o.items[seqIndex(k, o.items.length, 'list')];
}

/** `dict[k]` itself, `__missing__` included. */
export function dictGetItem(o: PyDict, k: any): any {
  const r = dictGet(o, k);
  if (r !== undefined) return r;
  return dictMissing(o, k);
}

export function listSetItem(o: PyList, k: any, v: any): void {
  if (k instanceof PySlice) {
    const items = toArray(v);
    const [start, stop, step, n] = sliceIndices(k, o.items.length);
    if (step === 1) {
      o.items.splice(start, Math.max(0, stop - start), ...items);
      return;
    }
    if (items.length !== n) throw pyErr(ValueError, `attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) o.items[j] = items[i];
    return;
  }
  o.items[seqIndex(k, o.items.length, 'list assignment')] = v;
}

export function listDelItem(o: PyList, k: any): void {
  if (k instanceof PySlice) {
    const [start, , step, n] = sliceIndices(k, o.items.length);
    const kill = new Set<number>();
    for (let i = 0, j = start; i < n; i++, j += step) kill.add(j);
    o.items = o.items.filter((_, i) => !kill.has(i));
    return;
  }
  o.items.splice(seqIndex(k, o.items.length, 'list assignment'), 1);
}

export function dictDelItem(o: PyDict, k: any): void {
  const h = hashKey(k);
  if (!o.vals.delete(h)) throw pyErrArgs(KeyError, [k]);
  o.origs?.delete(h);
}

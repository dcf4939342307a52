// Constructors of the builtin types (int(), list(), dict(), …) and the few methods of int, float,
// object, property and exceptions; installed once by installTypes().

import { pyErr, TypeError, ValueError } from '../errors';
import { floatFromValue, intFromValue } from '../numConvert';
import { boolType, classmethodType, dictType, EMPTY_TUPLE, floatType, frozensetType, intType, listType, noneType, objectType, PyBaseException, PyClassMethod, PyDict, PyFloat, PyInstance, PyList, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PyTuple, PyType, propertyType, rangeType, setType, sliceType, staticmethodType, strType, tupleType, typeType, typeName, iteratorType, generatorType, PyIter, PyFunction, PyBuiltin } from '../objects';
import { PyGenerator } from '../generatorObj';
import { repr, str } from '../repr';
import { call, toArray, toIndex, truthy, iterNext } from '../runtime';
import { method } from '../nativeUtil';
import { dictUpdate, installContainerMethods, setFrom } from './containerMethods';
import { installStrMethods } from './strMethods';
import { StopIteration } from '../errors';
import { BaseException } from '../errors';
import { OverflowError } from '../errors';
import { typeOf } from '../objects';

let installed = false;

function noKwFor(name: string, kw: Map<string, any> | null): void {
  if (kw && kw.size) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

/** Instances of user subclasses of builtin containers keep the subclass as their type. */
function withCls<T extends { cls: PyType }>(o: T, cls: PyType, base: PyType): T {
  if (cls !== base) o.cls = cls;
  return o;
}

export function installTypes(): void {
  if (installed) return;
  installed = true;
  installStrMethods();
  installContainerMethods();

  objectType.construct = (cls, args) => {
    if (cls === objectType && args.length) throw pyErr(TypeError, 'object() takes no arguments');
    if (cls !== objectType && args.length && !(cls.lookup('__init__') instanceof PyFunction)) {
      throw pyErr(TypeError, `${cls.name}() takes no arguments`);
    }
    return new PyInstance(cls);
  };
  intType.construct = (cls, args, kw) => {
    const v = intFromValue(args, kw);
    return cls === intType || cls === boolType ? v : v;
  };
  boolType.construct = (_c, args) => {
    if (args.length > 1) throw pyErr(TypeError, `bool expected at most 1 argument, got ${args.length}`);
    return args.length ? truthy(args[0]) : false;
  };
  floatType.construct = (_c, args, kw) => {
    noKwFor('float', kw);
    return new PyFloat(floatFromValue(args));
  };
  strType.construct = (_c, args, kw) => {
    noKwFor('str', kw);
    if (args.length > 1) throw pyErr(TypeError, `str() argument 'encoding' must be str, not ${typeName(args[1])}`);
    return args.length ? str(args[0]) : '';
  };
  listType.construct = (cls, args, kw) => {
    noKwFor('list', kw);
    if (args.length > 1) throw pyErr(TypeError, `list expected at most 1 argument, got ${args.length}`);
    return withCls(new PyList(args.length ? toArray(args[0]) : []), cls, listType);
  };
  tupleType.construct = (cls, args, kw) => {
    noKwFor('tuple', kw);
    if (args.length > 1) throw pyErr(TypeError, `tuple expected at most 1 argument, got ${args.length}`);
    if (!args.length) return cls === tupleType ? EMPTY_TUPLE : withCls(new PyTuple([]), cls, tupleType);
    if (args[0] instanceof PyTuple && args[0].cls === tupleType && cls === tupleType) return args[0];
    return withCls(new PyTuple(toArray(args[0])), cls, tupleType);
  };
  dictType.construct = (cls, args, kw) => {
    const d = new PyDict(cls === dictType ? undefined : cls);
    dictUpdate(d, args, kw, 'dict');
    return d;
  };
  setType.construct = (cls, args) => {
    if (args.length > 1) throw pyErr(TypeError, `set expected at most 1 argument, got ${args.length}`);
    return withCls(setFrom(args.length ? toArray(args[0]) : []), cls, setType);
  };
  frozensetType.construct = (_c, args) => setFrom(args.length ? toArray(args[0]) : [], true);
  rangeType.construct = (_c, args, kw) => {
    noKwFor('range', kw);
    if (args.length < 1 || args.length > 3) {
      throw pyErr(TypeError, args.length ? `range expected at most 3 arguments, got ${args.length}` : 'range expected at least 1 argument, got 0');
    }
    const n = args.map((a) => toIndex(a));
    if (n.length === 1) return new PyRange(0, n[0], 1);
    if (n.length === 3 && n[2] === 0) throw pyErr(ValueError, 'range() arg 3 must not be zero');
    return new PyRange(n[0], n[1], n.length === 3 ? n[2] : 1);
  };
  for (const k of ['start', 'stop', 'step'] as const) {
    sliceType.dict.set(k, new PyProperty(new PyBuiltin(k, (a) => (a[0] as PySlice)[k])));
  }
  sliceType.construct = (_c, args) => {
    if (args.length === 1) return new PySlice(null, args[0], null);
    return new PySlice(args[0], args[1], args.length > 2 ? args[2] : null);
  };
  typeType.construct = (_c, args) => {
    if (args.length === 1) return typeOf(args[0]);
    if (args.length !== 3) throw pyErr(TypeError, 'type() takes 1 or 3 arguments');
    const [name, bases, ns] = args;
    const dict = new Map<string, any>();
    if (ns instanceof PyDict) for (const [k, v] of ns.vals) if (typeof k === 'string') dict.set(k, v);
    const t = new PyType(name, (bases as PyTuple).items.length ? (bases as PyTuple).items : [objectType], dict, '__main__');
    t.isException = t.mro.some((x) => x.isException);
    return t;
  };
  propertyType.construct = (_c, args, kw) => new PyProperty(args[0] ?? kw?.get('fget') ?? null, args[1] ?? kw?.get('fset') ?? null, args[2] ?? null);
  method(propertyType, 'setter', (self: PyProperty, a) => new PyProperty(self.fget, a[0], self.fdel));
  method(propertyType, 'getter', (self: PyProperty, a) => new PyProperty(a[0], self.fset, self.fdel));
  method(propertyType, 'deleter', (self: PyProperty, a) => new PyProperty(self.fget, self.fset, a[0]));
  staticmethodType.construct = (_c, args) => new PyStaticMethod(args[0]);
  classmethodType.construct = (_c, args) => new PyClassMethod(args[0]);
  noneType.construct = () => null;

  // int / float methods.
  method(intType, 'bit_length', (self) => {
    const v = typeof self === 'boolean' ? +self : self;
    return v === 0 ? 0 : (v < 0 ? -BigInt(v) : BigInt(v)).toString(2).length;
  });
  method(intType, 'conjugate', (self) => self);
  method(intType, '__index__', (self) => (typeof self === 'boolean' ? +self : self));
  method(floatType, 'is_integer', (self: PyFloat) => Number.isInteger(self.v));
  method(floatType, 'conjugate', (self: PyFloat) => self);
  method(floatType, 'as_integer_ratio', (self: PyFloat) => {
    let x = self.v;
    if (!Number.isFinite(x)) throw pyErr(Number.isNaN(x) ? ValueError : OverflowError, `cannot convert ${Number.isNaN(x) ? 'NaN' : 'Infinity'} to integer ratio`);
    let d = 1n;
    while (!Number.isInteger(x)) {
      x *= 2;
      d *= 2n;
    }
    let n = BigInt(x);
    const g = gcd(n < 0n ? -n : n, d);
    n /= g;
    d /= g;
    const norm = (b: bigint) => (b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b);
    return new PyTuple([norm(n), norm(d)]);
  });

  // Exceptions: args and str/repr come from the instance.
  method(BaseException, '__str__', (self: PyBaseException) => {
    const a = self.args.items;
    if (a.length === 0) return '';
    if (a.length === 1) return self.cls.mro.some((c) => c.name === 'KeyError') ? repr(a[0]) : str(a[0]);
    return repr(self.args);
  });
  method(BaseException, '__repr__', (self: PyBaseException) => {
    const a = self.args.items;
    return `${self.cls.name}(${a.length === 1 ? repr(a[0]) : a.map(repr).join(', ')})`;
  });
  method(BaseException, '__init__', (self: PyBaseException, a) => {
    self.args = new PyTuple(a.slice());
    return null;
  });
  method(BaseException, 'with_traceback', (self: PyBaseException) => self);

  // Iterators and generators.
  method(iteratorType, '__next__', (self: PyIter) => {
    const v = iterNext(self);
    if (v === undefined) throw pyErr(StopIteration);
    return v;
  });
  method(iteratorType, '__iter__', (self) => self);
  method(generatorType, '__next__', (self: PyGenerator) => {
    const v = iterNext(self);
    if (v === undefined) throw pyErr(StopIteration);
    return v;
  });
  method(generatorType, '__iter__', (self) => self);
  method(generatorType, 'send', (self: PyGenerator, a) => {
    const v = self.send(a[0]);
    if (v === undefined) throw pyErr(StopIteration);
    return v;
  });
  method(generatorType, 'close', (self: PyGenerator) => {
    self.done = true;
    return null;
  });
  void call;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}


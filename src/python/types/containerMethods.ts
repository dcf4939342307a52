// Methods of list, tuple, dict (with keys/values/items views) and set/frozenset
// (Objects/listobject.c, dictobject.c, setobject.c), with CPython's messages.

import { IndexError, KeyError, pyErr, pyErrArgs, TypeError, ValueError } from '../errors';
import { hashKey } from '../keys';
import { eq } from '../ops';
import {
  dictType, frozensetType, listType, PyClassMethod, PyBuiltin, PyDict, PyList, PyObject, PySet, PyTuple, PyType, setType,
  tupleType, typeName,
} from '../objects';
import { repr } from '../repr';
import {
  builtinIter, call, dictDelItem, dictGetItem, dictIter, dictSetItem, getAttr, getItem, getIter, iterNext, listDelItem, listGetItem, listSetItem,
  toArray, toIndex, truthy,
} from '../runtime';
import { checkKw, kwArg, method } from '../nativeUtil';
import { sortList } from '../sorting';

function one(name: string, args: any[]): any {
  if (args.length !== 1) throw pyErr(TypeError, `${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

function indexIn(items: any[], args: any[], what: string): number {
  if (args.length < 1) throw pyErr(TypeError, `index expected at least 1 argument, got 0`);
  const x = args[0];
  const n = items.length;
  let lo = args.length > 1 ? toIndex(args[1]) : 0;
  let hi = args.length > 2 ? toIndex(args[2]) : n;
  if (lo < 0) lo = Math.max(0, lo + n);
  if (hi < 0) hi = Math.max(0, hi + n);
  for (let i = lo; i < Math.min(hi, n); i++) if (items[i] === x || eq(items[i], x)) return i;
  throw pyErr(ValueError, what === 'list' ? `${repr(x)} is not in list` : 'tuple.index(x): x not in tuple');
}

function countIn(items: any[], x: any): number {
  let c = 0;
  for (const y of items) if (y === x || eq(y, x)) c++;
  return c;
}

export const dictKeysType = new PyType('dict_keys', []);
export const dictValuesType = new PyType('dict_values', []);
export const dictItemsType = new PyType('dict_items', []);

export class PyDictView extends PyObject {
  constructor(readonly d: PyDict, readonly kind: 'keys' | 'values' | 'items') {
    super();
    this.cls = kind === 'keys' ? dictKeysType : kind === 'values' ? dictValuesType : dictItemsType;
  }
}

function viewItems(v: PyDictView): any[] {
  return toArray(dictIter(v.d, v.kind));
}

export function dictUpdate(d: PyDict, args: any[], kw: Map<string, any> | null, name = 'update'): void {
  if (args.length > 1) throw pyErr(TypeError, `${name} expected at most 1 argument, got ${args.length}`);
  if (args.length === 1) {
    const src = args[0];
    if (src instanceof PyDict) {
      for (const [k, v] of src.vals) {
        if (src.origs?.has(k) && !d.vals.has(k)) (d.origs ??= new Map()).set(k, src.origs.get(k));
        d.vals.set(k, v);
      }
    } else if (src instanceof PyObject && !(src instanceof PyList) && !(src instanceof PyTuple) && src.cls.lookup('keys') !== undefined) {
      for (const k of toArray(call(getAttr(src, 'keys'), []))) dictSetItem(d, k, getItem(src, k));
    } else {
      const it = getIter(src);
      let i = 0;
      for (let x = iterNext(it); x !== undefined; x = iterNext(it), i++) {
        const pair = x instanceof PyTuple || x instanceof PyList ? x.items : toArray(x);
        if (pair.length !== 2) {
          throw pyErr(ValueError, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
        }
        dictSetItem(d, pair[0], pair[1]);
      }
    }
  }
  if (kw) for (const [k, v] of kw) dictSetItem(d, k, v);
}

export function installContainerMethods(): void {
  // ---- list
  const L = listType;
  method(L, 'append', (self: PyList, a) => {
    self.items.push(one('list.append', a));
    return null;
  });
  method(L, 'extend', (self: PyList, a) => {
    const src = one('list.extend', a);
    const items = src instanceof PyList || src instanceof PyTuple ? src.items.slice() : toArray(src);
    for (const x of items) self.items.push(x);
    return null;
  });
  method(L, 'insert', (self: PyList, a) => {
    if (a.length !== 2) throw pyErr(TypeError, `insert expected 2 arguments, got ${a.length}`);
    let i = toIndex(a[0]);
    const n = self.items.length;
    if (i < 0) i = Math.max(0, i + n);
    self.items.splice(Math.min(i, n), 0, a[1]);
    return null;
  });
  method(L, 'pop', (self: PyList, a) => {
    if (self.items.length === 0) throw pyErr(IndexError, 'pop from empty list');
    let i = a.length ? toIndex(a[0]) : self.items.length - 1;
    if (i < 0) i += self.items.length;
    if (i < 0 || i >= self.items.length) throw pyErr(IndexError, 'pop index out of range');
    if (i === self.items.length - 1) return self.items.pop();
    if (i === 0) return self.items.shift();
    return self.items.splice(i, 1)[0];
  });
  method(L, 'remove', (self: PyList, a) => {
    const x = one('list.remove', a);
    for (let i = 0; i < self.items.length; i++) {
      if (self.items[i] === x || eq(self.items[i], x)) {
        self.items.splice(i, 1);
        return null;
      }
    }
    throw pyErr(ValueError, 'list.remove(x): x not in list');
  });
  method(L, 'index', (self: PyList, a) => indexIn(self.items, a, 'list'));
  method(L, 'count', (self: PyList, a) => countIn(self.items, one('list.count', a)));
  method(L, 'reverse', (self: PyList) => {
    self.items.reverse();
    return null;
  });
  method(L, 'sort', (self: PyList, a, kw) => {
    if (a.length) throw pyErr(TypeError, 'sort() takes no positional arguments');
    checkKw('sort', kw, ['key', 'reverse']);
    const items = self.items;
    self.items = [];
    try {
      sortList(items, kwArg(kw, 'key', null), truthy(kwArg(kw, 'reverse', false)));
    } finally {
      const added = self.items;
      self.items = items;
      if (added.length) throw pyErr(ValueError, 'list modified during sort');
    }
    return null;
  });
  method(L, 'copy', (self: PyList) => new PyList(self.items.slice()));
  method(L, 'clear', (self: PyList) => {
    self.items.length = 0;
    return null;
  });
  method(L, '__len__', (self: PyList) => self.items.length);
  // The protocol methods, for super() and `list.__getitem__(x, i)` from a subclass that overrides them.
  method(L, '__getitem__', (self: PyList, a) => listGetItem(self, one('list.__getitem__', a)));
  method(L, '__setitem__', (self: PyList, a) => {
    if (a.length !== 2) throw pyErr(TypeError, `expected 2 arguments, got ${a.length}`);
    listSetItem(self, a[0], a[1]);
    return null;
  });
  method(L, '__delitem__', (self: PyList, a) => {
    listDelItem(self, one('list.__delitem__', a));
    return null;
  });
  method(L, '__iter__', (self: PyList) => builtinIter(self));
  method(L, '__contains__', (self: PyList, a) => {
    const x = one('list.__contains__', a);
    return self.items.some((y) => y === x || eq(y, x));
  });

  // ---- tuple
  method(tupleType, 'index', (self: PyTuple, a) => indexIn(self.items, a, 'tuple'));
  method(tupleType, 'count', (self: PyTuple, a) => countIn(self.items, one('tuple.count', a)));

  // ---- dict
  const D = dictType;
  method(D, 'keys', (self: PyDict) => new PyDictView(self, 'keys'));
  method(D, 'values', (self: PyDict) => new PyDictView(self, 'values'));
  method(D, 'items', (self: PyDict) => new PyDictView(self, 'items'));
  method(D, 'get', (self: PyDict, a) => {
    if (a.length < 1 || a.length > 2) throw pyErr(TypeError, `get expected at least 1 argument, got ${a.length}`);
    const v = self.vals.get(hashKey(a[0]));
    return v === undefined ? (a.length > 1 ? a[1] : null) : v;
  });
  method(D, 'setdefault', (self: PyDict, a) => {
    const h = hashKey(a[0]);
    const v = self.vals.get(h);
    if (v !== undefined) return v;
    const d = a.length > 1 ? a[1] : null;
    dictSetItem(self, a[0], d);
    return d;
  });
  method(D, 'pop', (self: PyDict, a) => {
    if (a.length < 1 || a.length > 2) throw pyErr(TypeError, `pop expected at least 1 argument, got ${a.length}`);
    const h = hashKey(a[0]);
    const v = self.vals.get(h);
    if (v === undefined) {
      if (a.length > 1) return a[1];
      throw pyErrArgs(KeyError, [a[0]]);
    }
    self.vals.delete(h);
    self.origs?.delete(h);
    return v;
  });
  method(D, 'popitem', (self: PyDict) => {
    if (self.vals.size === 0) throw pyErr(KeyError, 'popitem(): dictionary is empty');
    const k = [...self.vals.keys()].pop();
    const v = self.vals.get(k);
    const orig = self.origs?.get(k) ?? k;
    self.vals.delete(k);
    self.origs?.delete(k);
    return new PyTuple([orig, v]);
  });
  method(D, 'update', (self: PyDict, a, kw) => {
    dictUpdate(self, a, kw);
    return null;
  });
  method(D, 'copy', (self: PyDict) => {
    const d = new PyDict();
    d.vals = new Map(self.vals);
    d.origs = self.origs ? new Map(self.origs) : null;
    return d;
  });
  method(D, 'clear', (self: PyDict) => {
    self.vals.clear();
    self.origs = null;
    return null;
  });
  D.dict.set('fromkeys', new PyClassMethod(new PyBuiltin('fromkeys', (a) => {
    const d = new PyDict();
    if (a[0] !== dictType) d.cls = a[0];
    for (const k of toArray(a[1])) dictSetItem(d, k, a.length > 2 ? a[2] : null);
    return d;
  })));
  method(D, '__len__', (self: PyDict) => self.vals.size);
  method(D, '__getitem__', (self: PyDict, a) => dictGetItem(self, one('dict.__getitem__', a)));
  method(D, '__setitem__', (self: PyDict, a) => {
    if (a.length !== 2) throw pyErr(TypeError, `expected 2 arguments, got ${a.length}`);
    dictSetItem(self, a[0], a[1]);
    return null;
  });
  method(D, '__delitem__', (self: PyDict, a) => {
    dictDelItem(self, one('dict.__delitem__', a));
    return null;
  });
  method(D, '__iter__', (self: PyDict) => dictIter(self, 'keys'));
  method(D, '__contains__', (self: PyDict, a) => self.vals.has(hashKey(one('dict.__contains__', a))));

  for (const vt of [dictKeysType, dictValuesType, dictItemsType]) {
    method(vt, '__iter__', (self: PyDictView) => dictIter(self.d, self.kind));
    method(vt, '__len__', (self: PyDictView) => self.d.vals.size);
    method(vt, '__repr__', (self: PyDictView) => `${self.cls.name}([${viewItems(self).map(repr).join(', ')}])`);
    method(vt, '__contains__', (self: PyDictView, a) => {
      if (self.kind === 'keys') return self.d.vals.has(hashKey(a[0]));
      return viewItems(self).some((x) => eq(x, a[0]));
    });
  }
  method(dictKeysType, '__eq__', (self: PyDictView, a) => {
    const o = a[0];
    if (!(o instanceof PyDictView) && !(o instanceof PySet)) return false;
    const ks = o instanceof PySet ? [...o.items.keys()] : [...o.d.vals.keys()];
    return ks.length === self.d.vals.size && ks.every((k) => self.d.vals.has(k));
  });

  // ---- set / frozenset
  for (const S of [setType, frozensetType]) {
    const mk = (self: PySet) => new PySet(self.frozen);
    const others = (a: any[]) => a.map((x) => (x instanceof PySet ? x : setFrom(toArray(x))));
    method(S, 'union', (self: PySet, a) => {
      const r = mk(self);
      for (const s of [self, ...others(a)]) for (const [k, v] of s.items) if (!r.items.has(k)) r.items.set(k, v);
      return r;
    });
    method(S, 'intersection', (self: PySet, a) => {
      const r = mk(self);
      const os = others(a);
      for (const [k, v] of self.items) if (os.every((o) => o.items.has(k))) r.items.set(k, v);
      return r;
    });
    method(S, 'difference', (self: PySet, a) => {
      const r = mk(self);
      const os = others(a);
      for (const [k, v] of self.items) if (!os.some((o) => o.items.has(k))) r.items.set(k, v);
      return r;
    });
    method(S, 'symmetric_difference', (self: PySet, a) => {
      const r = mk(self);
      const o = others(a)[0];
      for (const [k, v] of self.items) if (!o.items.has(k)) r.items.set(k, v);
      for (const [k, v] of o.items) if (!self.items.has(k)) r.items.set(k, v);
      return r;
    });
    method(S, 'issubset', (self: PySet, a) => {
      const o = others(a)[0];
      return [...self.items.keys()].every((k) => o.items.has(k));
    });
    method(S, 'issuperset', (self: PySet, a) => {
      const o = others(a)[0];
      return [...o.items.keys()].every((k) => self.items.has(k));
    });
    method(S, 'isdisjoint', (self: PySet, a) => {
      const o = others(a)[0];
      return ![...o.items.keys()].some((k) => self.items.has(k));
    });
    method(S, 'copy', (self: PySet) => {
      const r = mk(self);
      r.items = new Map(self.items);
      return r;
    });
    method(S, '__len__', (self: PySet) => self.items.size);
  }
  const S = setType;
  method(S, 'add', (self: PySet, a) => {
    const x = one('set.add', a);
    const h = hashKey(x);
    if (!self.items.has(h)) self.items.set(h, x);
    return null;
  });
  method(S, 'remove', (self: PySet, a) => {
    const x = one('set.remove', a);
    if (!self.items.delete(hashKey(x))) throw pyErrArgs(KeyError, [x]);
    return null;
  });
  method(S, 'discard', (self: PySet, a) => {
    self.items.delete(hashKey(one('set.discard', a)));
    return null;
  });
  method(S, 'pop', (self: PySet) => {
    const first = self.items.entries().next();
    if (first.done) throw pyErr(KeyError, 'pop from an empty set');
    self.items.delete(first.value[0]);
    return first.value[1];
  });
  method(S, 'clear', (self: PySet) => {
    self.items.clear();
    return null;
  });
  method(S, 'update', (self: PySet, a) => {
    for (const src of a) for (const x of toArray(src)) {
      const h = hashKey(x);
      if (!self.items.has(h)) self.items.set(h, x);
    }
    return null;
  });
  method(S, 'intersection_update', (self: PySet, a) => {
    const o = a.map((x) => setFrom(toArray(x)));
    for (const k of [...self.items.keys()]) if (!o.every((s) => s.items.has(k))) self.items.delete(k);
    return null;
  });
  method(S, 'difference_update', (self: PySet, a) => {
    for (const src of a) for (const x of toArray(src)) self.items.delete(hashKey(x));
    return null;
  });
}

export function setFrom(items: any[], frozen = false): PySet {
  const s = new PySet(frozen);
  for (const x of items) {
    const h = hashKey(x);
    if (!s.items.has(h)) s.items.set(h, x);
  }
  return s;
}


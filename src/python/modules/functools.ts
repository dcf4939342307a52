// The `functools` module: reduce, partial, lru_cache/cache (memoising by argument hash keys), wraps.

import { pyErr, TypeError } from '../errors';
import { hashKey } from '../keys';
import { PyBuiltin, PyFunction, PyModule, PyObject, PyTuple, PyType, PyDict } from '../objects';
import { repr } from '../repr';
import { call, getIter, iterNext, toArray } from '../runtime';
import { builtin, method } from '../nativeUtil';

const partialType = new PyType('partial', [], new Map(), 'functools');

class PyPartial extends PyObject {
  constructor(readonly func: any, readonly args: any[], readonly kw: Map<string, any>) {
    super();
    this.cls = partialType;
  }
}
method(partialType, '__call__', (self: PyPartial, a, kw) => {
  const merged = new Map(self.kw);
  if (kw) for (const [k, v] of kw) merged.set(k, v);
  return call(self.func, [...self.args, ...a], merged.size ? merged : null);
});
method(partialType, '__repr__', (self: PyPartial) => {
  const parts = [repr(self.func), ...self.args.map(repr), ...[...self.kw].map(([k, v]) => `${k}=${repr(v)}`)];
  return `functools.partial(${parts.join(', ')})`;
});
partialType.construct = (_c, a, kw) => {
  if (a.length < 1) throw pyErr(TypeError, 'type \'partial\' takes at least one argument');
  return new PyPartial(a[0], a.slice(1), new Map(kw ?? []));
};

function cached(fn: any, maxsize: number | null): PyBuiltin {
  const cache = new Map<any, any>();
  let hits = 0, misses = 0;
  const wrapper = new PyBuiltin(fn instanceof PyFunction ? fn.name : 'wrapper', (a, kw) => {
    const key = hashKey(new PyTuple(kw ? [...a, '\u0000kw', ...[...kw].flat()] : a));
    const v = cache.get(key);
    if (v !== undefined) {
      hits++;
      if (maxsize !== null) {
        cache.delete(key);
        cache.set(key, v);
      }
      return v;
    }
    misses++;
    const r = call(fn, a, kw);
    cache.set(key, r);
    if (maxsize !== null && cache.size > maxsize) cache.delete(cache.keys().next().value);
    return r;
  });
  void hits;
  void misses;
  return wrapper;
}

export function makeFunctools(): PyModule {
  const d = new Map<string, any>();
  d.set('reduce', builtin('reduce', (a) => {
    if (a.length < 2 || a.length > 3) throw pyErr(TypeError, `reduce expected at least 2 arguments, got ${a.length}`);
    const it = getIter(a[1]);
    let acc = a.length > 2 ? a[2] : iterNext(it);
    if (acc === undefined) throw pyErr(TypeError, 'reduce() of empty iterable with no initial value');
    for (let x = iterNext(it); x !== undefined; x = iterNext(it)) acc = call(a[0], [acc, x]);
    return acc;
  }));
  d.set('partial', partialType);
  d.set('lru_cache', builtin('lru_cache', (a, kw) => {
    if (a.length === 1 && (a[0] instanceof PyFunction || a[0] instanceof PyBuiltin)) return cached(a[0], 128);
    const maxsize = a.length ? a[0] : kw?.has('maxsize') ? kw.get('maxsize') : 128;
    return builtin('decorating_function', (b) => cached(b[0], maxsize === null ? null : Number(maxsize)));
  }));
  d.set('cache', builtin('cache', (a) => cached(a[0], null)));
  d.set('wraps', builtin('wraps', () => builtin('decorator', (b) => b[0])));
  d.set('cmp_to_key', builtin('cmp_to_key', (a) => makeCmpKey(a[0])));
  void toArray;
  void PyDict;
  return new PyModule('functools', d);
}

function makeCmpKey(cmp: any): PyType {
  const t = new PyType('K', [], new Map(), 'functools');
  class K extends PyObject {
    constructor(readonly obj: any) {
      super();
      this.cls = t;
    }
  }
  t.construct = (_c, a) => new K(a[0]);
  const rel = (op: (n: number) => boolean) => (self: K, a: any[]) => op(Number(call(cmp, [self.obj, (a[0] as K).obj])));
  method(t, '__lt__', rel((n) => n < 0));
  method(t, '__gt__', rel((n) => n > 0));
  method(t, '__eq__', rel((n) => n === 0));
  method(t, '__le__', rel((n) => n <= 0));
  method(t, '__ge__', rel((n) => n >= 0));
  return t;
}

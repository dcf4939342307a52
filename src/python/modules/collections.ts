// The `collections` module: defaultdict, Counter, OrderedDict (dict subclasses), namedtuple (a tuple
// subclass with field properties) and deque — the parts ML tutorials use (Lib/collections/__init__.py).

import { IndexError, KeyError, pyErr, pyErrArgs, TypeError, ValueError } from '../errors';
import { hashKey } from '../keys';
import { binop, compare } from '../ops';
import {
  bumpTypeVersion, dictType, listType, PyBuiltin, PyClassMethod, PyDict, PyList, PyModule, PyObject, PyProperty, PyTuple, PyType, tupleType,
} from '../objects';
import { repr } from '../repr';
import { call, dictSetItem, getIter, iterNext, toArray, toIndex, truthy } from '../runtime';
import { builtin, method } from '../nativeUtil';
import { dictUpdate } from '../types/containerMethods';
import { sortList } from '../sorting';

export function makeCollections(): PyModule {
  const d = new Map<string, any>();

  const defaultdict = new PyType('defaultdict', [dictType], new Map(), 'collections');
  defaultdict.construct = (cls, args, kw) => {
    const r = new PyDict(cls);
    const f = args.length ? args[0] : null;
    if (f !== null && !(f instanceof PyObject)) throw pyErr(TypeError, 'first argument must be callable or None');
    r.defaultFactory = f;
    dictUpdate(r, args.slice(1), kw, 'defaultdict');
    return r;
  };
  defaultdict.dict.set('default_factory', new PyProperty(new PyBuiltin('default_factory', (a) => (a[0] as PyDict).defaultFactory ?? null)));
  d.set('defaultdict', defaultdict);

  const ordered = new PyType('OrderedDict', [dictType], new Map(), 'collections');
  ordered.construct = (cls, args, kw) => {
    const r = new PyDict(cls);
    dictUpdate(r, args, kw, 'OrderedDict');
    return r;
  };
  method(ordered, 'move_to_end', (self: PyDict, a) => {
    const h = hashKey(a[0]);
    const v = self.vals.get(h);
    if (v === undefined) throw pyErrArgs(KeyError, [a[0]]);
    self.vals.delete(h);
    self.vals.set(h, v);
    return null;
  });
  d.set('OrderedDict', ordered);

  const counter = new PyType('Counter', [dictType], new Map(), 'collections');
  const counterUpdate = (self: PyDict, args: any[], kw: Map<string, any> | null, sign: number) => {
    if (args.length) {
      const src = args[0];
      if (src instanceof PyDict) {
        for (const [k, v] of src.vals) {
          const orig = src.origs?.get(k) ?? k;
          const cur = self.vals.get(k) ?? 0;
          dictSetItem(self, orig, binop(sign > 0 ? '+' : '-', cur, v));
        }
      } else {
        const it = getIter(src);
        for (let x = iterNext(it); x !== undefined; x = iterNext(it)) {
          const h = hashKey(x);
          const cur = self.vals.get(h) ?? 0;
          dictSetItem(self, x, binop(sign > 0 ? '+' : '-', cur, 1));
        }
      }
    }
    if (kw) for (const [k, v] of kw) dictSetItem(self, k, binop(sign > 0 ? '+' : '-', self.vals.get(k) ?? 0, v));
  };
  counter.construct = (cls, args, kw) => {
    const r = new PyDict(cls);
    counterUpdate(r, args, kw, 1);
    return r;
  };
  counter.dict.set('__missing__', new PyBuiltin('__missing__', () => 0));
  method(counter, '__missing__', () => 0);
  method(counter, 'update', (self: PyDict, a, kw) => {
    counterUpdate(self, a, kw, 1);
    return null;
  });
  method(counter, 'subtract', (self: PyDict, a, kw) => {
    counterUpdate(self, a, kw, -1);
    return null;
  });
  const sortedItems = (self: PyDict): PyTuple[] => {
    const items = [...self.vals].map(([k, v]) => new PyTuple([self.origs?.get(k) ?? k, v]));
    sortList(items, new PyBuiltin('key', (a) => (a[0] as PyTuple).items[1]), true);
    return items;
  };
  method(counter, 'most_common', (self: PyDict, a) => {
    const items = sortedItems(self);
    const n = a.length && a[0] !== null ? toIndex(a[0]) : items.length;
    return new PyList(items.slice(0, Math.max(0, n)));
  });
  method(counter, 'elements', (self: PyDict) => {
    const out: any[] = [];
    for (const [k, v] of self.vals) for (let i = 0; i < (typeof v === 'number' ? v : 0); i++) out.push(self.origs?.get(k) ?? k);
    return getIter(new PyList(out));
  });
  method(counter, 'total', (self: PyDict) => [...self.vals.values()].reduce((acc, v) => binop('+', acc, v), 0));
  method(counter, '__add__', (self: PyDict, a) => {
    const r = new PyDict(counter);
    counterUpdate(r, [self], null, 1);
    counterUpdate(r, [a[0]], null, 1);
    for (const [k, v] of [...r.vals]) if (!truthy(compare('>', v, 0))) r.vals.delete(k);
    return r;
  });
  method(counter, '__repr__', (self: PyDict) => {
    if (self.vals.size === 0) return 'Counter()';
    return 'Counter({' + sortedItems(self).map((t) => repr(t.items[0]) + ': ' + repr(t.items[1])).join(', ') + '})';
  });
  d.set('Counter', counter);

  d.set('namedtuple', builtin('namedtuple', (a, kw) => makeNamedTuple(a, kw)));
  d.set('deque', makeDeque());
  return new PyModule('collections', d);
}

function makeNamedTuple(a: any[], kw: Map<string, any> | null): PyType {
  const name = a[0] as string;
  let fieldsArg = a.length > 1 ? a[1] : kw?.get('field_names');
  const fields: string[] = typeof fieldsArg === 'string' ? fieldsArg.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : toArray(fieldsArg);
  for (const f of fields) {
    if (typeof f !== 'string' || !/^[A-Za-z]\w*$/.test(f)) throw pyErr(ValueError, `Type names and field names must be valid identifiers: ${repr(f)}`);
  }
  const defaults = kw?.get('defaults') ? toArray(kw.get('defaults')) : [];
  const t = new PyType(name, [tupleType], new Map(), '__main__');
  t.construct = (cls, args, kwa) => {
    const vals: any[] = args.slice();
    if (vals.length > fields.length) throw pyErr(TypeError, `${name}.__new__() takes ${fields.length + 1} positional arguments but ${vals.length + 1} were given`);
    for (let i = vals.length; i < fields.length; i++) {
      const k = fields[i];
      if (kwa?.has(k)) vals.push(kwa.get(k));
      else if (i >= fields.length - defaults.length) vals.push(defaults[i - (fields.length - defaults.length)]);
      else {
        const missing = fields.slice(i).filter((f) => !kwa?.has(f));
        throw pyErr(TypeError, `${name}.__new__() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${missing.map((m) => `'${m}'`).join(missing.length === 2 ? ' and ' : ', ')}`);
      }
    }
    const tup = new PyTuple(vals);
    tup.cls = cls;
    return tup;
  };
  fields.forEach((f, i) => t.dict.set(f, new PyProperty(new PyBuiltin(f, (x) => (x[0] as PyTuple).items[i]))));
  t.dict.set('_fields', new PyTuple(fields));
  method(t, '__repr__', (self: PyTuple) => `${name}(${fields.map((f, i) => `${f}=${repr(self.items[i])}`).join(', ')})`);
  method(t, '_asdict', (self: PyTuple) => {
    const r = new PyDict();
    fields.forEach((f, i) => dictSetItem(r, f, self.items[i]));
    return r;
  });
  method(t, '_replace', (self: PyTuple, _a, kwa) => {
    const vals = self.items.slice();
    if (kwa) for (const [k, v] of kwa) vals[fields.indexOf(k)] = v;
    const r = new PyTuple(vals);
    r.cls = t;
    return r;
  });
  t.dict.set('_make', new PyClassMethod(new PyBuiltin('_make', (x) => call(x[0], toArray(x[1])))));
  bumpTypeVersion();
  return t;
}

class PyDeque extends PyList {
  maxlen: number | null = null;
}

function makeDeque(): PyType {
  const t = new PyType('deque', [], new Map(), 'collections');
  t.construct = (_cls, args, kw) => {
    const dq = new PyDeque(args.length ? toArray(args[0]) : []);
    dq.cls = t;
    const ml = args.length > 1 ? args[1] : kw?.get('maxlen') ?? null;
    dq.maxlen = ml === null ? null : toIndex(ml);
    if (dq.maxlen !== null && dq.items.length > dq.maxlen) dq.items.splice(0, dq.items.length - dq.maxlen);
    return dq;
  };
  const trimLeft = (d: PyDeque) => {
    if (d.maxlen !== null && d.items.length > d.maxlen) d.items.splice(0, d.items.length - d.maxlen);
  };
  const trimRight = (d: PyDeque) => {
    if (d.maxlen !== null && d.items.length > d.maxlen) d.items.length = d.maxlen;
  };
  method(t, 'append', (self: PyDeque, a) => {
    self.items.push(a[0]);
    trimLeft(self);
    return null;
  });
  method(t, 'appendleft', (self: PyDeque, a) => {
    self.items.unshift(a[0]);
    trimRight(self);
    return null;
  });
  method(t, 'extend', (self: PyDeque, a) => {
    self.items.push(...toArray(a[0]));
    trimLeft(self);
    return null;
  });
  method(t, 'extendleft', (self: PyDeque, a) => {
    for (const x of toArray(a[0])) self.items.unshift(x);
    trimRight(self);
    return null;
  });
  method(t, 'pop', (self: PyDeque) => {
    if (!self.items.length) throw pyErr(IndexError, 'pop from an empty deque');
    return self.items.pop();
  });
  method(t, 'popleft', (self: PyDeque) => {
    if (!self.items.length) throw pyErr(IndexError, 'pop from an empty deque');
    return self.items.shift();
  });
  method(t, 'rotate', (self: PyDeque, a) => {
    const n = self.items.length;
    if (!n) return null;
    const k = (((a.length ? toIndex(a[0]) : 1) % n) + n) % n;
    self.items.unshift(...self.items.splice(n - k, k));
    return null;
  });
  method(t, 'clear', (self: PyDeque) => {
    self.items.length = 0;
    return null;
  });
  method(t, '__len__', (self: PyDeque) => self.items.length);
  method(t, '__iter__', (self: PyDeque) => getIter(new PyList(self.items)));
  method(t, '__getitem__', (self: PyDeque, a) => {
    const n = self.items.length;
    let i = toIndex(a[0]);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw pyErr(IndexError, 'deque index out of range');
    return self.items[i];
  });
  method(t, '__repr__', (self: PyDeque) => `deque([${self.items.map(repr).join(', ')}]${self.maxlen !== null ? `, maxlen=${self.maxlen}` : ''})`);
  method(t, '__contains__', (self: PyDeque, a) => self.items.some((x) => x === a[0] || truthy(compare('==', x, a[0]))));
  void listType;
  return t;
}

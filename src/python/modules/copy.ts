// The `copy` module: copy() and deepcopy() (Lib/copy.py) for the values articles copy — lists, dicts,
// sets, tuples, instances of their classes (saving the best weights of a model), and numpy arrays, which
// provide __copy__/__deepcopy__ like any class may. deepcopy keeps shared references shared and
// survives cycles through its memo, as CPython's does.

import { pyErr, TypeError } from '../errors';
import {
  PyBuiltin, PyBytes, PyDict, PyFloat, PyFunction, PyInstance, PyList, PyModule, PyObject, PyRange, PySet, PyTuple, PyType, typeName,
} from '../objects';
import { builtin } from '../nativeUtil';
import { callDescr } from '../runtime';

/** Values that are their own copy (copy.py's _deepcopy_atomic): numbers, strings, bytes, None, bools,
 * ranges, functions, classes, modules; frozensets as well. */
function atomic(v: any): boolean {
  return !(v instanceof PyObject) || v instanceof PyFloat || v instanceof PyBytes || v instanceof PyRange || v instanceof PyFunction ||
    v instanceof PyBuiltin || v instanceof PyType || v instanceof PyModule || (v instanceof PySet && v.frozen);
}

function shallow(v: any): any {
  if (atomic(v) || v instanceof PyTuple) return v;
  const own = v.cls.lookup('__copy__');
  if (own !== undefined) return callDescr(own, v, []);
  if (v instanceof PyList) return new PyList(v.items.slice());
  if (v instanceof PyDict) {
    const d = new PyDict(v.cls);
    for (const [k, x] of v.vals) d.vals.set(k, x);
    if (v.origs) d.origs = new Map(v.origs);
    d.defaultFactory = v.defaultFactory;
    return d;
  }
  if (v instanceof PySet) {
    const s = new PySet();
    for (const [k, x] of v.items) s.items.set(k, x);
    return s;
  }
  if (v instanceof PyInstance) {
    const o = new PyInstance(v.cls);
    for (const [k, x] of v.dict) o.dict.set(k, x);
    return o;
  }
  throw pyErr(TypeError, `cannot pickle '${typeName(v)}' object`);
}

function deep(v: any, memo: Map<object, any>, memoDict: PyDict): any {
  if (atomic(v)) return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  const own = v.cls.lookup('__deepcopy__');
  if (own !== undefined) {
    const r = callDescr(own, v, [memoDict]);
    memo.set(v, r);
    return r;
  }
  if (v instanceof PyList) {
    const out = new PyList([]);
    memo.set(v, out);
    for (const x of v.items) out.items.push(deep(x, memo, memoDict));
    return out;
  }
  if (v instanceof PyTuple) {
    const items = v.items.map((x) => deep(x, memo, memoDict));
    // A tuple of atoms is returned as is (copy.py _deepcopy_tuple).
    const r = items.every((x, i) => x === v.items[i]) ? v : new PyTuple(items);
    memo.set(v, r);
    return r;
  }
  if (v instanceof PyDict) {
    const d = new PyDict(v.cls);
    memo.set(v, d);
    d.defaultFactory = v.defaultFactory;
    for (const [k, x] of v.vals) d.vals.set(k, deep(x, memo, memoDict));
    if (v.origs) d.origs = new Map(v.origs);
    return d;
  }
  if (v instanceof PySet) {
    const s = new PySet();
    memo.set(v, s);
    for (const [k, x] of v.items) s.items.set(k, x);
    return s;
  }
  if (v instanceof PyInstance) {
    const o = new PyInstance(v.cls);
    memo.set(v, o);
    for (const [k, x] of v.dict) o.dict.set(k, deep(x, memo, memoDict));
    return o;
  }
  throw pyErr(TypeError, `cannot pickle '${typeName(v)}' object`);
}

export function makeCopy(): PyModule {
  const d = new Map<string, any>();
  d.set('copy', builtin('copy', (a) => {
    if (a.length !== 1) throw pyErr(TypeError, `copy() takes 1 positional argument but ${a.length} were given`);
    return shallow(a[0]);
  }));
  d.set('deepcopy', builtin('deepcopy', (a) => {
    if (a.length < 1 || a.length > 2) throw pyErr(TypeError, `deepcopy() takes from 1 to 2 positional arguments but ${a.length} were given`);
    return deep(a[0], new Map(), a[1] instanceof PyDict ? a[1] : new PyDict());
  }));
  return new PyModule('copy', d);
}

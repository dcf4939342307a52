// Hash keys for dict/set storage: values that compare equal in Python map to the same JS Map key
// (1 == 1.0 == True, equal tuples, strings), unhashable types raise CPython's TypeError.

import { pyErr, TypeError } from './errors';
import { PyDict, PyFloat, PyInstance, PyList, PyMethodDescriptor, PyObject, PySet, PyTuple, typeName } from './objects';
import { callDescr } from './runtime';

const TUPLE_TAG = '\u0000\u0001T';
const HASH_TAG = '\u0000\u0001H';
let nextId = 1;
const ids = new WeakMap<object, number>();

/** A stable small integer per object (used for `id()` and identity hashes). */
export function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

export function hashKey(v: any): any {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
  }
  if (v === null) return null;
  if (v instanceof PyFloat) {
    const x = v.v;
    return Number.isInteger(x) && !Number.isSafeInteger(x) ? BigInt(x) : x;
  }
  if (v instanceof PyTuple) return TUPLE_TAG + v.items.map(keyText).join(',');
  if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && !v.frozen)) {
    throw pyErr(TypeError, `unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PySet) return TUPLE_TAG + 'fs' + [...v.items.keys()].map(keyText).sort().join(',');
  if (v instanceof PyInstance) {
    const h = v.cls.lookup('__hash__');
    if (h === null) throw pyErr(TypeError, `unhashable type: '${typeName(v)}'`);
    if (h !== undefined) return HASH_TAG + String(callDescr(h, v, []));
    if (v.cls.lookup('__eq__') !== undefined) throw pyErr(TypeError, `unhashable type: '${typeName(v)}'`);
    return v;
  }
  if (v instanceof PyObject) {
    const h = v.cls.lookup('__hash__');
    if (h === null) throw pyErr(TypeError, `unhashable type: '${typeName(v)}'`);
    // Native value types (numpy scalars) hash like the Python number they equal.
    if (h instanceof PyMethodDescriptor) return hashKey(callDescr(h, v, []));
  }
  return v;
}

function keyText(v: any): string {
  const k = hashKey(v);
  switch (typeof k) {
    case 'string': return 's' + k.length + ':' + k;
    case 'number': return 'n' + k;
    case 'bigint': return 'n' + k;
  }
  if (k === null) return 'N';
  return 'o' + objectId(k);
}

export function dictGet(d: PyDict, k: any): any {
  return d.vals.get(typeof k === 'string' ? k : hashKey(k));
}

/** The original key object for a stored hash key. */
export function origKey(d: PyDict, h: any): any {
  return d.origs !== null && d.origs.has(h) ? d.origs.get(h) : h;
}

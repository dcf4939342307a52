// repr() and str() with CPython's output: float repr (shortest round-trip, '1e-05'), string quoting
// (Objects/unicodeobject.c unicode_repr), containers with '[...]' for self-reference.

import { floatRepr } from '../common/floatRepr';
import { TypeError, pyErr } from './errors';
import { PyBaseException, PyBoundMethod, PyBuiltin, PyBytes, PyDict, PyEllipsis, PyFloat, PyFunction, PyInstance, PyIter, PyList, PyMethodDescriptor, PyModule, PyNotImplemented, PyObject, PyProperty, PyRange, PySet, PySlice, PyTuple, PyType, typeName } from './objects';
import { PyGenerator } from './generatorObj';
import { objectId } from './keys';
import { callDescr } from './runtime';
import { cpythonIntSetOrder } from './setOrder';

const active = new Set<object>();

export function pyFloatRepr(x: number): string {
  return floatRepr(x);
}

// What Py_UNICODE_ISPRINTABLE rejects (Objects/unicodectype.c): other (control, format, surrogate,
// private use, unassigned) and separators except the ASCII space; repr() escapes them.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (NON_PRINTABLE.test(ch)) {
      const h = c.toString(16);
      out += c < 0x100 ? '\\x' + h.padStart(2, '0') : c < 0x10000 ? '\\u' + h.padStart(4, '0') : '\\U' + h.padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** ascii(): repr with every non-ASCII code point escaped as \\xNN, \\uNNNN or \\UNNNNNNNN. */
export function asciiOf(v: any): string {
  let out = '';
  for (const ch of repr(v)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else {
      const h = c.toString(16);
      out += c < 0x100 ? '\\x' + h.padStart(2, '0') : c < 0x10000 ? '\\u' + h.padStart(4, '0') : '\\U' + h.padStart(8, '0');
    }
  }
  return out;
}

export function addr(o: object): string {
  return '0x' + (0x7f0000000000 + objectId(o) * 16).toString(16);
}

export function repr(v: any): string {
  switch (typeof v) {
    case 'string': return strRepr(v);
    case 'number': return String(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'True' : 'False';
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (v instanceof PyObject && v.cls.module !== 'builtins' && !(v instanceof PyType)) {
    const r = v.cls.lookup('__repr__');
    if (r !== undefined) {
      const s = callDescr(r, v, []);
      if (typeof s !== 'string') throw pyErr(TypeError, `__repr__ returned non-string (type ${typeName(s)})`);
      return s;
    }
  }
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet) {
    if (active.has(v)) return v instanceof PyList ? '[...]' : v instanceof PyDict ? '{...}' : '(...)';
    active.add(v);
    try {
      return containerRepr(v);
    } finally {
      active.delete(v);
    }
  }
  if (v instanceof PyObject) {
    const t = v.cls;
    const r = t.lookup('__repr__');
    if (r !== undefined) {
      const s = callDescr(r, v, []);
      if (typeof s !== 'string') throw pyErr(TypeError, `__repr__ returned non-string (type ${typeName(s)})`);
      return s;
    }
    return defaultRepr(v);
  }
  return String(v);
}

function containerRepr(v: PyList | PyTuple | PyDict | PySet): string {
  if (v instanceof PyList) return '[' + v.items.map(repr).join(', ') + ']';
  if (v instanceof PyTuple) {
    if (v.items.length === 1) return '(' + repr(v.items[0]) + ',)';
    const body = '(' + v.items.map(repr).join(', ') + ')';
    return v.cls === PyTuple.prototype.cls ? body : v.cls.name + body;
  }
  if (v instanceof PyDict) {
    const parts: string[] = [];
    for (const [k, val] of v.vals) parts.push(repr(v.origs !== null && v.origs.has(k) ? v.origs.get(k) : k) + ': ' + repr(val));
    const body = '{' + parts.join(', ') + '}';
    if (v.defaultFactory !== undefined) return `defaultdict(${repr(v.defaultFactory)}, ${body})`;
    if (v.cls.name === 'Counter') return parts.length ? `Counter(${body})` : 'Counter()';
    if (v.cls.name === 'OrderedDict') {
      const items: string[] = [];
      for (const [k, val] of v.vals) items.push(`(${repr(v.origs !== null && v.origs.has(k) ? v.origs.get(k) : k)}, ${repr(val)})`);
      return items.length ? `OrderedDict([${items.join(', ')}])` : 'OrderedDict()';
    }
    return body;
  }
  const order = cpythonIntSetOrder(v.items.keys(), v.items.size);
  const items = (order ? order.map((k) => v.items.get(k)) : [...v.items.values()]).map(repr);
  if (v.frozen) return items.length ? 'frozenset({' + items.join(', ') + '})' : 'frozenset()';
  return items.length ? '{' + items.join(', ') + '}' : 'set()';
}

function defaultRepr(v: PyObject): string {
  if (v instanceof PyType) return `<class '${v.module === 'builtins' ? '' : v.module + '.'}${v.name}'>`;
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${addr(v)}>`;
  if (v instanceof PyBuiltin) return v.self !== undefined ? `<built-in method ${v.name} of ${typeName(v.self)} object at ${addr(v.self)}>` : `<built-in function ${v.name}>`;
  if (v instanceof PyMethodDescriptor) return `<method '${v.name}' of '${v.owner.name}' objects>`;
  if (v instanceof PyBoundMethod) {
    const f = v.func;
    if (f instanceof PyMethodDescriptor) return `<built-in method ${f.name} of ${typeName(v.self)} object at ${addr(v.self)}>`;
    return `<bound method ${f instanceof PyFunction ? f.qualname : '?'} of ${repr(v.self)}>`;
  }
  if (v instanceof PyModule) return `<module '${v.name}'${v.name === 'builtins' ? " (built-in)" : ''}>`;
  if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`;
  if (v instanceof PyEllipsis) return 'Ellipsis';
  if (v instanceof PyNotImplemented) return 'NotImplemented';
  if (v instanceof PyBaseException) {
    const a = v.args.items;
    return `${v.cls.name}(${a.map(repr).join(', ')})`;
  }
  if (v instanceof PyGenerator) return `<generator object ${v.name} at ${addr(v)}>`;
  if (v instanceof PyProperty) return `<property object at ${addr(v)}>`;
  if (v instanceof PyBytes) return bytesRepr(v);
  if (v instanceof PyIter) return `<${v.cls.name} object at ${addr(v)}>`;
  const t = v.cls;
  return `<${t.module === 'builtins' ? '' : t.module + '.'}${t.name} object at ${addr(v)}>`;
}

function bytesRepr(b: PyBytes): string {
  let s = "b'";
  for (const c of b.data) {
    if (c === 0x27 || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c === 10) s += '\\n';
    else if (c === 13) s += '\\r';
    else if (c === 9) s += '\\t';
    else if (c < 0x20 || c >= 0x7f) s += '\\x' + c.toString(16).padStart(2, '0');
    else s += String.fromCharCode(c);
  }
  return s + "'";
}

export function str(v: any): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (v instanceof PyObject && !(v instanceof PyList) && !(v instanceof PyTuple) && !(v instanceof PyDict)) {
    const t = v.cls;
    const s = t.lookup('__str__');
    if (s !== undefined) {
      const r = callDescr(s, v, []);
      if (typeof r !== 'string') throw pyErr(TypeError, `__str__ returned non-string (type ${typeName(r)})`);
      return r;
    }
    if (v instanceof PyBaseException) {
      const a = v.args.items;
      if (a.length === 0) return '';
      if (a.length === 1) return v.cls.name === 'KeyError' || v.cls.mro.some((c) => c.name === 'KeyError') ? repr(a[0]) : str(a[0]);
      return repr(v.args);
    }
    if (v instanceof PyInstance) return repr(v);
  }
  return repr(v);
}

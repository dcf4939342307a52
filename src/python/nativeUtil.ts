// Helpers for writing builtins natively: argument-count checks with CPython's wording, keyword
// lookup, defining methods on builtin types, and converting guest values to JS numbers.

import { pyErr, TypeError } from './errors';
import { bumpTypeVersion, PyBuiltin, PyFloat, PyMethodDescriptor, PyObject, type Native, type NativeMethod, type PyType, typeName } from './objects';
import { callDescr } from './runtime';

export function builtin(name: string, fn: Native): PyBuiltin {
  return new PyBuiltin(name, fn);
}

export function method(t: PyType, name: string, fn: NativeMethod): void {
  t.dict.set(name, new PyMethodDescriptor(name, fn, t));
  bumpTypeVersion();
}

export function exactArgs(name: string, args: any[], n: number): void {
  if (args.length !== n) {
    const what = n === 0 ? 'no arguments' : n === 1 ? 'exactly one argument' : `exactly ${n} arguments`;
    throw pyErr(TypeError, `${name}() takes ${what} (${args.length} given)`);
  }
}

export function rangeArgs(name: string, args: any[], min: number, max: number): void {
  if (args.length < min) {
    throw pyErr(TypeError, `${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
  }
  if (args.length > max) {
    throw pyErr(TypeError, `${name} expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}

export function noKw(name: string, kw: Map<string, any> | null): void {
  if (kw && kw.size) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

/** Reads keyword `name`, checking for unknown keywords against `allowed`. */
export function kwArg(kw: Map<string, any> | null, name: string, def: any): any {
  if (!kw) return def;
  const v = kw.get(name);
  return v === undefined ? def : v;
}

export function checkKw(fname: string, kw: Map<string, any> | null, allowed: string[]): void {
  if (!kw) return;
  for (const k of kw.keys()) {
    if (!allowed.includes(k)) throw pyErr(TypeError, `${fname}() got an unexpected keyword argument '${k}'`);
  }
}

/** A real number as a JS double (int, bool, float, __float__). */
export function toNumber(v: any, what = 'must be real number'): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyObject) {
    const f = v.cls.lookup('__float__');
    if (f !== undefined) {
      const r = callDescr(f, v, []);
      if (r instanceof PyFloat) return r.v;
    }
    const i = v.cls.lookup('__index__');
    if (i !== undefined) return Number(callDescr(i, v, []));
  }
  throw pyErr(TypeError, what.includes('{}') ? what.replace('{}', typeName(v)) : `${what}, not ${typeName(v)}`);
}

export function f64(x: number): PyFloat {
  return new PyFloat(x);
}

// Call expressions compiled to closures: `f(...)` with an inline cache of the callee (functions,
// builtins, exact builtin types), plain-class instantiation that builds `[self, ...args]` directly,
// `obj.m(...)` through a MethodSite, zero-argument super(), star and keyword arguments.

import type { ExprOf } from './ast';
import type { Compiler } from './compiler';
import { pyErr, TypeError } from './errors';
import { at, type ErrPos, type Frame, type Globals, posOf, type X } from './frame';
import { type Native, PyBuiltin, PyCell, PyDict, PyFunction, PyInstance, PyType, currentTypeVersion, typeOf } from './objects';
import { builtinConstructor, call, construct, initReturned, len, plainInit, toArray } from './runtime';
import { builtinMethodSite, lenSite } from './builtinSites';
import type { Scope } from './scope';
import { makeSuper } from './superObj';
import { MethodSite } from './methodCall';

export function callExpr(c: Compiler, e: ExprOf<'Call'>, sc: Scope): X {
  const p = posOf(e);
  // Zero-argument super(): uses the __class__ cell and the first argument of the enclosing function.
  if (e.func.type === 'Name' && e.func.id === 'super' && e.args.length === 0 && e.keywords.length === 0) {
    let fs: Scope | null = sc;
    while (fs && fs.kind === 'comp') fs = fs.parent;
    if (fs && fs.kind === 'function') {
      const cls = c.load('__class__', sc, p);
      const firstSlot = 0;
      return (f) => {
        try {
          const first = f.l[firstSlot];
          return makeSuper(cls(f), first instanceof PyCell ? first.v : first);
        } catch (err) {
          throw at(err, p);
        }
      };
    }
  }
  const simple = e.keywords.length === 0 && !e.args.some((a) => a.type === 'Starred');
  const argXs = e.args.map((a) => c.expr(a.type === 'Starred' ? a.value : a, sc));
  let args: (f: Frame) => any[];
  if (simple) {
    const n = argXs.length;
    // Plain-local arguments (`v.dot(acc)`, `Vec(i, i + 1)`) are read from their frame slots in place;
    // the closure then only raises the unbound error.
    const [s0, s1] = e.args.map((a) => c.localSlot(a, sc));
    if (n === 0) args = () => [];
    else if (n === 1) {
      const a0 = argXs[0];
      args = (f) => {
        let x = s0 >= 0 ? f.l[s0] : undefined;
        if (x === undefined) x = a0(f);
        return [x];
      };
    } else if (n === 2) {
      const [a0, a1] = argXs;
      args = (f) => {
        let x = s0 >= 0 ? f.l[s0] : undefined;
        if (x === undefined) x = a0(f);
        let y = s1 >= 0 ? f.l[s1] : undefined;
        if (y === undefined) y = a1(f);
        return [x, y];
      };
    } else if (n === 3) {
      const [a0, a1, a2] = argXs;
      args = (f) => [a0(f), a1(f), a2(f)];
    } else args = (f) => argXs.map((a) => a(f));
  } else {
    const stars = e.args.map((a) => a.type === 'Starred');
    args = (f) => {
      const out: any[] = [];
      for (let i = 0; i < argXs.length; i++) {
        const v = argXs[i](f);
        if (stars[i]) {
          try {
            for (const x of toArray(v)) out.push(x);
          } catch (err) {
            if (err instanceof Object && (err as { cls?: { name: string } }).cls?.name === 'TypeError') {
              throw at(pyErr(TypeError, `Value after * must be an iterable, not ${typeOf(v).name}`), p);
            }
            throw at(err, p);
          }
        } else out.push(v);
      }
      return out;
    };
  }
  // The same arguments with the receiver prepended (method calls on instances).
  let argsSelf: (f: Frame, self: any) => any[];
  if (simple && argXs.length <= 3) {
    const [a0, a1, a2] = argXs;
    const [s0, s1] = e.args.map((a) => c.localSlot(a, sc));
    if (argXs.length === 0) argsSelf = (_f, s) => [s];
    else if (argXs.length === 1) argsSelf = (f, s) => {
      let x = s0 >= 0 ? f.l[s0] : undefined;
      if (x === undefined) x = a0(f);
      return [s, x];
    };
    else if (argXs.length === 2) argsSelf = (f, s) => {
      let x = s0 >= 0 ? f.l[s0] : undefined;
      if (x === undefined) x = a0(f);
      let y = s1 >= 0 ? f.l[s1] : undefined;
      if (y === undefined) y = a1(f);
      return [s, x, y];
    };
    else argsSelf = (f, s) => [s, a0(f), a1(f), a2(f)];
  } else {
    argsSelf = (f, s) => {
      const a = args(f);
      a.unshift(s);
      return a;
    };
  }
  const kwParts = e.keywords.map((k) => ({ name: k.arg, x: c.expr(k.value, sc) }));
  const kwargs = kwParts.length === 0 ? null : (f: Frame): Map<string, any> => {
    const m = new Map<string, any>();
    for (const k of kwParts) {
      const v = k.x(f);
      if (k.name !== null) {
        if (m.has(k.name)) throw at(pyErr(TypeError, `keyword argument repeated: ${k.name}`), p);
        m.set(k.name, v);
      } else {
        if (!(v instanceof PyDict)) throw at(pyErr(TypeError, `argument after ** must be a mapping, not ${typeOf(v).name}`), p);
        for (const [hk, val] of v.vals) {
          if (typeof hk !== 'string') throw at(pyErr(TypeError, 'keywords must be strings'), p);
          m.set(hk, val);
        }
      }
    }
    return m;
  };
  if (e.func.type === 'Attribute') {
    // Method call without materialising a bound method; a local receiver is read in place.
    const site = new MethodSite(e.func.attr, args, argsSelf, kwargs, p, posOf(e.func));
    const slot = c.localSlot(e.func.value, sc);
    if (simple && kwParts.length === 0) {
      const special = builtinMethodSite(e.func.attr, argXs, c.expr(e.func.value, sc), slot, site, p);
      if (special !== null) return special;
    }
    if (slot >= 0) {
      const unbound = c.expr(e.func.value, sc);
      return (f) => {
        const o = f.l[slot];
        return site.call(o === undefined ? unbound(f) : o, f);
      };
    }
    const obj = c.expr(e.func.value, sc);
    return (f) => site.call(obj(f), f);
  }
  const fx = c.expr(e.func, sc);
  // Inline cache: the function or builtin last called here and its native entry point, so a repeat
  // call is one identity test instead of a chain of instanceof checks.
  let lastFn: unknown = null;
  let lastImpl: Native | null = null;
  // Everything but a cache hit (the site closure below tests that first).
  const general = (f: Frame, fn: any): any => {
    if (fn instanceof PyType) {
      const init = plainInit(fn);
      if (init !== null) return constructPlain(fn, init, f, argsSelf, kwargs, p);
    }
    if (fn instanceof PyFunction) {
      lastFn = fn;
      lastImpl = fn.impl;
    } else if (fn instanceof PyBuiltin) {
      lastFn = fn;
      lastImpl = fn.fn;
    } else if (fn instanceof PyType) {
      const ctor = builtinConstructor(fn);
      if (ctor !== null) {
        lastFn = fn;
        lastImpl = ctor;
      }
    }
    const a = args(f);
    const kw = kwargs ? kwargs(f) : null;
    try {
      if (fn instanceof PyFunction) return fn.impl(a, kw);
      return call(fn, a, kw);
    } catch (err) {
      throw at(err, p);
    }
  };
  if (simple && argXs.length === 1 && e.func.type === 'Name' && e.func.id === 'len') {
    return lenSite(fx, argXs[0], general, len, p);
  }
  // `fib(n - 1)`, `Vec(x, y)`: a module-level callee is read from its globals cell here, one closure
  // call fewer per call; an unbound cell (a builtin, or a NameError) goes through the name's loader.
  const globalName = e.func.type === 'Name' && c.ctx.analyzer.resolve(sc, e.func.id).kind === 'global' ? e.func.id : null;
  let owner: Globals | null = null;
  let cell: PyCell = new PyCell(undefined);
  return (f) => {
    let fn;
    if (globalName !== null) {
      if (f.g !== owner) {
        owner = f.g;
        cell = owner.cell(globalName);
      }
      fn = cell.v;
      if (fn === undefined) fn = fx(f);
    } else fn = fx(f);
    if (fn === lastFn) {
      const a = args(f);
      const kw = kwargs ? kwargs(f) : null;
      try {
        return lastImpl!(a, kw);
      } catch (err) {
        throw at(err, p);
      }
    }
    if (fn instanceof PyType) {
      const init = plainInit(fn);
      if (init !== null) return constructPlain(fn, init, f, argsSelf, kwargs, p);
    }
    return general(f, fn);
  };
}

/** Instantiating a plain class (Python __init__, no __new__): the receiver goes straight into the
 * argument array, which becomes __init__'s locals. A module-level function, inlined into call sites. */
function constructPlain(cls: PyType, init: PyFunction, f: Frame, argsSelf: (f: Frame, self: any) => any[], kwargs: ((f: Frame) => Map<string, any>) | null, p: ErrPos): any {
  const obj = new PyInstance(cls);
  const a = argsSelf(f, obj);
  const kw = kwargs ? kwargs(f) : null;
  try {
    // Arguments that redefined a class attribute: construct afresh, as CPython looks up after evaluating them.
    if (cls.ctorVersion !== currentTypeVersion()) return construct(cls, a.slice(1), kw);
    const r = init.impl(a, kw);
    if (r !== null) initReturned(r);
    return obj;
  } catch (err) {
    throw at(err, p);
  }
}

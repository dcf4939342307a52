// Loop and exception statements compiled to closures: `for` (range, list and iterator fast paths,
// `else`), `try/except/else/finally` with CPython's implicit exception chaining, `raise [from]`, `with`.

import type { StmtOf } from './ast';
import { BaseException, pyErr, RuntimeError, TypeError } from './errors';
import { at, BREAK, Frame, NORMAL, posOf, record, RETURN, type S } from './frame';
import { PyBaseException, PyList, PyRange, PyTuple, PyType, typeName, listType } from './objects';
import { call, callMethod, checkLimits, getAttr, getIter, iterNext, rt, truthy } from './runtime';
import { type Scope } from './scope';
import type { Compiler } from './compiler';

export function forStmt(c: Compiler, s: StmtOf<'For'>, sc: Scope, q: string): S {
  const line = s.line;
  const iterX = c.expr(s.iter, sc);
  const body = c.block(s.body, sc, q);
  const orelse = s.orelse.length ? c.block(s.orelse, sc, q) : null;
  let slot = -1;
  if (s.target.type === 'Name') {
    const r = c.ctx.analyzer.resolve(sc, s.target.id);
    if (r.kind === 'local' && !r.cell) slot = r.slot;
  }
  const store = c.target(s.target, sc);
  const p = posOf(s.iter);
  return (f) => {
    f.line = line;
    const it = iterX(f);
    if (it instanceof PyRange && slot >= 0) {
      const { start, stop, step } = it;
      const l = f.l;
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
        l[slot] = i;
        const r = body(f);
        if (r !== NORMAL) {
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
        if (--rt.ticks < 0) checkLimits();
      }
    } else if (it instanceof PyList && it.cls === listType) {
      const items = it.items;
      for (let i = 0; i < items.length; i++) {
        if (slot >= 0) f.l[slot] = items[i];
        else store(f, items[i]);
        const r = body(f);
        if (r !== NORMAL) {
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
        if (--rt.ticks < 0) checkLimits();
      }
    } else {
      let iter;
      try {
        iter = getIter(it);
      } catch (e) {
        throw at(e, { ...p, line });
      }
      for (;;) {
        f.line = line;
        const x = iterNext(iter);
        if (x === undefined) break;
        store(f, x);
        const r = body(f);
        if (r !== NORMAL) {
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
        if (--rt.ticks < 0) checkLimits();
      }
    }
    return orelse ? orelse(f) : NORMAL;
  };
}

export function tryStmt(c: Compiler, s: StmtOf<'Try'>, sc: Scope, q: string): S {
  const body = c.block(s.body, sc, q);
  const handlers = s.handlers.map((h) => ({
    type: h.excType ? c.expr(h.excType, sc) : null,
    store: h.name ? c.storeName(h.name, sc) : null,
    body: c.block(h.body, sc, q),
    line: h.line,
  }));
  const orelse = s.orelse.length ? c.block(s.orelse, sc, q) : null;
  const finalbody = s.finalbody.length ? c.block(s.finalbody, sc, q) : null;
  const runHandlers = (f: Frame, e0: unknown): number => {
    const e = record(e0, f);
    if ((e as { uncatchable?: boolean }).uncatchable) throw e;
    for (const h of handlers) {
      f.line = h.line;
      if (h.type !== null && !exceptionMatches(e, h.type(f))) continue;
      const saved = rt.handling;
      rt.handling = e;
      if (h.store) h.store(f, e);
      try {
        return h.body(f);
      } catch (e2) {
        if (e2 instanceof PyBaseException && e2 !== e && e2.context === null && !chainHas(e, e2)) e2.context = e;
        throw e2;
      } finally {
        rt.handling = saved;
        if (h.store) h.store(f, undefined);
      }
    }
    throw e;
  };
  if (!finalbody) {
    return (f) => {
      let r: number;
      try {
        r = body(f);
      } catch (e0) {
        return runHandlers(f, e0);
      }
      if (r === NORMAL && orelse) return orelse(f);
      return r;
    };
  }
  return (f) => {
    let r = NORMAL;
    let pending: unknown = null;
    let threw = false;
    const retSaved = () => f.ret;
    try {
      try {
        r = body(f);
      } catch (e0) {
        if (handlers.length === 0) throw e0;
        r = runHandlers(f, e0);
        return r;
      }
      if (r === NORMAL && orelse) r = orelse(f);
      return r;
    } catch (e) {
      threw = true;
      pending = e;
      throw e;
    } finally {
      const savedRet = retSaved();
      const saved = rt.handling;
      if (threw && pending instanceof PyBaseException) rt.handling = pending;
      let r2: number;
      try {
        r2 = finalbody(f);
      } catch (e2) {
        if (threw && e2 instanceof PyBaseException && e2 !== pending && e2.context === null) e2.context = pending as PyBaseException;
        throw e2;
      } finally {
        rt.handling = saved;
      }
      if (r2 !== NORMAL) {
        // break/continue/return in finally override the pending outcome.
        // eslint-disable-next-line no-unsafe-finally
        return r2;
      }
      if (!threw && r === RETURN) f.ret = savedRet;
    }
  };
}

export function raise(c: Compiler, s: StmtOf<'Raise'>, sc: Scope): S {
  const line = s.line;
  const exc = s.exc ? c.expr(s.exc, sc) : null;
  const cause = s.cause ? c.expr(s.cause, sc) : null;
  const p = posOf(s);
  return (f) => {
    f.line = line;
    if (!exc) {
      if (!rt.handling) throw at(pyErr(RuntimeError, 'No active exception to reraise'), p);
      throw rt.handling;
    }
    const e = toException(exc(f));
    if (cause) {
      const c = cause(f);
      e.cause = c === null ? null : toException(c);
      e.suppressContext = true;
    }
    if (rt.handling && rt.handling !== e && e.context === null) e.context = rt.handling;
    e.pendingPos = p;
    if (e.recordedFrame === f) e.recordedFrame = null;
    throw e;
  };
}

export function withStmt(c: Compiler, s: StmtOf<'With'>, sc: Scope, q: string): S {
  let body = c.block(s.body, sc, q);
  for (let i = s.items.length - 1; i >= 0; i--) {
    const item = s.items[i];
    const ctx = c.expr(item.ctx, sc);
    const store = item.vars ? c.target(item.vars, sc) : null;
    const inner = body;
    const line = s.line;
    const p = posOf(item.ctx);
    body = (f) => {
      f.line = line;
      const m = ctx(f);
      let exit, val;
      try {
        exit = getAttr(m, '__exit__');
        val = callMethod(m, '__enter__', []);
      } catch (e) {
        if (e instanceof PyBaseException && e.cls.name === 'AttributeError') {
          throw at(pyErr(TypeError, `'${typeName(m)}' object does not support the context manager protocol`), p);
        }
        throw at(e, p);
      }
      if (store) store(f, val);
      let r: number;
      try {
        r = inner(f);
      } catch (e0) {
        const e = record(e0, f);
        if (truthy(call(exit, [e.cls, e, null]))) return NORMAL;
        throw e;
      }
      call(exit, [null, null, null]);
      return r;
    };
  }
  return body;
}

function chainHas(e: PyBaseException, target: PyBaseException): boolean {
  for (let c: PyBaseException | null = e; c; c = c.context) if (c === target) return true;
  return false;
}

export function toException(v: any): PyBaseException {
  if (v instanceof PyBaseException) return v;
  if (v instanceof PyType && v.isException) {
    const e = call(v, []);
    if (e instanceof PyBaseException) return e;
  }
  throw pyErr(TypeError, 'exceptions must derive from BaseException');
}

const EXC_MATCH_ERR = 'catching classes that do not inherit from BaseException is not allowed';

/** Exception-class matching for `except T:` (tuple of classes allowed). */
export function exceptionMatches(e: PyBaseException, t: any): boolean {
  if (t instanceof PyType) {
    if (!t.isException && !t.isSubtypeOf(BaseException)) throw pyErr(TypeError, EXC_MATCH_ERR);
    return e.cls.isSubtypeOf(t);
  }
  if (t instanceof PyTuple) return t.items.some((x) => exceptionMatches(e, x));
  throw pyErr(TypeError, EXC_MATCH_ERR);
}

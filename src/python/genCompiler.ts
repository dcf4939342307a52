// Generator mode: statements that contain `yield` compile to JS generator functions so a Python
// generator can suspend mid-body; statements without `yield` reuse the ordinary closures. Generator
// expressions compile to a JS generator over their inlined comprehension scope.

import type { Comprehension, Expr, Stmt, StmtOf } from './ast';
import type { Compiler } from './compiler';
import { exceptionMatches } from './compileFlow';
import { compFrame, compileExpr } from './compileExpr';
import { pyErr, TypeError } from './errors';
import { at, BREAK, type Frame, NORMAL, posOf, record, RETURN } from './frame';
import { PyList } from './objects';
import { PyGenerator } from './generatorObj';
import { call, checkLimits, getAttr, getIter, iterNext, rt, truthy } from './runtime';
import type { Scope } from './scope';

type GS = (f: Frame) => Generator<any, number, any>;

function containsYield(n: unknown): boolean {
  if (n === null || typeof n !== 'object') return false;
  if (Array.isArray(n)) return n.some(containsYield);
  const t = (n as { type?: string }).type;
  if (t === 'Yield' || t === 'YieldFrom') return true;
  if (t === 'FunctionDef' || t === 'Lambda' || t === 'ClassDef') return false;
  for (const v of Object.values(n)) if (v !== null && typeof v === 'object' && containsYield(v)) return true;
  return false;
}

export function compileGenerator(c: Compiler, body: Stmt[], sc: Scope, q: string): (f: Frame) => Generator<any, any, any> {
  const b = genBlock(c, body, sc, q);
  return function* (f) {
    yield* b(f);
    return f.ret;
  };
}

function genBlock(c: Compiler, stmts: Stmt[], sc: Scope, q: string): GS {
  const parts = stmts.map((s) => genStmt(c, s, sc, q));
  return function* (f) {
    for (let i = 0; i < parts.length; i++) {
      const r = yield* parts[i](f);
      if (r !== NORMAL) return r;
    }
    return NORMAL;
  };
}

function* yieldFrom(v: any): Generator<any, any, any> {
  if (v instanceof PyGenerator) {
    for (;;) {
      const x = v.next();
      if (x === undefined) return v.returnValue;
      yield x;
    }
  }
  const it = getIter(v);
  for (let x = iterNext(it); x !== undefined; x = iterNext(it)) yield x;
  return null;
}

function genYieldExpr(c: Compiler, e: Expr, sc: Scope): ((f: Frame) => Generator<any, any, any>) | null {
  if (e.type === 'Yield') {
    const v = e.value ? compileExpr(c, e.value, sc) : null;
    return function* (f) {
      const sent = yield v ? v(f) : null;
      return sent;
    };
  }
  if (e.type === 'YieldFrom') {
    const v = compileExpr(c, e.value, sc);
    return function* (f) {
      return yield* yieldFrom(v(f));
    };
  }
  return null;
}

function genStmt(c: Compiler, s: Stmt, sc: Scope, q: string): GS {
  if (!containsYield(s)) {
    const x = c.stmt(s, sc, q);
    // eslint-disable-next-line require-yield
    return function* (f) {
      return x(f);
    };
  }
  const line = s.line;
  switch (s.type) {
    case 'Expr': {
      const y = genYieldExpr(c, s.value, sc);
      if (y) return function* (f) {
        f.line = line;
        yield* y(f);
        return NORMAL;
      };
      break;
    }
    case 'Assign': {
      const y = genYieldExpr(c, s.value, sc);
      if (y) {
        const ts = s.targets.map((t) => c.target(t, sc));
        return function* (f) {
          f.line = line;
          const v = yield* y(f);
          for (const t of ts) t(f, v);
          return NORMAL;
        };
      }
      break;
    }
    case 'Return': {
      const y = s.value ? genYieldExpr(c, s.value, sc) : null;
      if (y) return function* (f) {
        f.ret = yield* y(f);
        return RETURN;
      };
      break;
    }
    case 'If': {
      const test = c.cond(s.test, sc);
      const body = genBlock(c, s.body, sc, q), orelse = genBlock(c, s.orelse, sc, q);
      return function* (f) {
        f.line = line;
        return test(f) ? yield* body(f) : yield* orelse(f);
      };
    }
    case 'While': {
      const test = c.cond(s.test, sc);
      const body = genBlock(c, s.body, sc, q), orelse = genBlock(c, s.orelse, sc, q);
      return function* (f) {
        for (;;) {
          f.line = line;
          if (!test(f)) break;
          const r = yield* body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
          if (--rt.ticks < 0) checkLimits();
        }
        return yield* orelse(f);
      };
    }
    case 'For': {
      const iterX = compileExpr(c, s.iter, sc);
      const store = c.target(s.target, sc);
      const body = genBlock(c, s.body, sc, q), orelse = genBlock(c, s.orelse, sc, q);
      const p = posOf(s.iter);
      return function* (f) {
        f.line = line;
        const v = iterX(f);
        let it;
        try {
          it = getIter(v);
        } catch (e) {
          throw at(e, p);
        }
        for (let x = iterNext(it); x !== undefined; x = iterNext(it)) {
          store(f, x);
          const r = yield* body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
          if (--rt.ticks < 0) checkLimits();
        }
        return yield* orelse(f);
      };
    }
    case 'Try': return genTry(c, s, sc, q);
    case 'With': {
      if (s.items.length !== 1) break;
      const ctx = compileExpr(c, s.items[0].ctx, sc);
      const store = s.items[0].vars ? c.target(s.items[0].vars, sc) : null;
      const body = genBlock(c, s.body, sc, q);
      return function* (f) {
        f.line = line;
        const m = ctx(f);
        const exit = getAttr(m, '__exit__');
        const v = call(getAttr(m, '__enter__'), []);
        if (store) store(f, v);
        let r: number;
        try {
          r = yield* body(f);
        } catch (e0) {
          const e = record(e0, f);
          if (truthy(call(exit, [e.cls, e, null]))) return NORMAL;
          throw e;
        }
        call(exit, [null, null, null]);
        return r;
      };
    }
  }
  const p = posOf(s);
  return function* () {
    throw at(pyErr(TypeError, "'yield' in this position is not supported by Pizarra"), p);
  };
}

function genTry(c: Compiler, s: StmtOf<'Try'>, sc: Scope, q: string): GS {
  const body = genBlock(c, s.body, sc, q);
  const handlers = s.handlers.map((h) => ({
    type: h.excType ? compileExpr(c, h.excType, sc) : null,
    store: h.name ? c.storeName(h.name, sc) : null,
    body: genBlock(c, h.body, sc, q),
  }));
  const orelse = genBlock(c, s.orelse, sc, q);
  const finalbody = genBlock(c, s.finalbody, sc, q);
  const hasFinal = s.finalbody.length > 0;
  return function* (f) {
    let r = NORMAL;
    try {
      try {
        r = yield* body(f);
      } catch (e0) {
        const e = record(e0, f);
        for (const h of handlers) {
          if (h.type !== null && !exceptionMatches(e, h.type(f))) continue;
          const saved = rt.handling;
          rt.handling = e;
          if (h.store) h.store(f, e);
          try {
            return yield* h.body(f);
          } finally {
            rt.handling = saved;
          }
        }
        throw e;
      }
      if (r === NORMAL) r = yield* orelse(f);
      return r;
    } finally {
      if (hasFinal) {
        const r2 = yield* finalbody(f);
        // eslint-disable-next-line no-unsafe-finally
        if (r2 !== NORMAL) return r2;
      }
    }
  };
}

/** `(elt for x in it if cond)`: the first iterable is evaluated eagerly, the rest lazily. */
export function compileGenExp(c: Compiler, e: { elt: Expr; generators: Comprehension[] }, sc: Scope): (f: Frame) => any {
  const inner = c.scopeOf(e);
  const gens = e.generators;
  const first = compileExpr(c, gens[0].iter, sc);
  const iters = gens.map((g, i) => (i === 0 ? null : compileExpr(c, g.iter, inner)));
  const stores = gens.map((g) => c.target(g.target, inner));
  const conds = gens.map((g) => g.ifs.map((x) => c.cond(x, inner)));
  const elt = compileExpr(c, e.elt, inner);
  const p = posOf(gens[0].iter);
  function* level(f: Frame, i: number, src: any): Generator<any, any, any> {
    const it = src instanceof PyList ? getIter(src) : getIter(src);
    outer: for (let x = iterNext(it); x !== undefined; x = iterNext(it)) {
      stores[i](f, x);
      for (const cnd of conds[i]) if (!cnd(f)) continue outer;
      if (i + 1 < gens.length) yield* level(f, i + 1, iters[i + 1]!(f));
      else yield elt(f);
    }
  }
  function* framed(f: Frame, src: any): Generator<any, any, any> {
    try {
      yield* level(f, 0, src);
    } catch (err) {
      throw compFrame(err, f, '<genexpr>', null);
    }
  }
  return (f) => {
    const src = first(f);
    try {
      getIter(src);
    } catch (err) {
      throw at(err, p);
    }
    // The generator shares the enclosing frame (its loop variables use hidden slots).
    return new PyGenerator(framed(f, src), '<genexpr>');
  };
}

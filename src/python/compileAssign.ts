// Assignment statements compiled to closures: targets (names, attributes with per-class and per-shape
// inline caches, subscripts, unpacking with a starred target), `del`, `=` chains and augmented
// assignment with Python's in-place protocol (`w -= lr * g` mutates an array, rebinds a float).

import type { Expr, StmtOf } from './ast';
import { pyErr, TypeError, ValueError } from './errors';
import { at, type ErrPos, Frame, NORMAL, posOf, type S } from './frame';
import type { Shape } from './instanceDict';
import { PyBaseException, PyDict, PyFloat, PyFunction, PyInstance, PyList, PyObject, PyTuple, PyType, typeName, PyProperty, listType, dictType, currentTypeVersion, noteInstanceAttr } from './objects';
import { inplace } from './ops';
import { delAttr, delItem, getAttr, getItem, setAttr, setItem, toArray } from './runtime';
import { type Scope } from './scope';
import type { Compiler } from './compiler';

export function target(c: Compiler, t: Expr, sc: Scope): (f: Frame, v: any) => void {
  switch (t.type) {
    case 'Name': return c.storeName(t.id, sc);
    case 'Attribute': {
      const obj = c.expr(t.value, sc);
      // `self.x = ...`: a plain local receiver is read in place (obj then only raises the unbound error).
      const slot = c.localSlot(t.value, sc);
      const site = new AttrStore(t.attr, posOf(t));
      return (f, v) => {
        let o = slot >= 0 ? f.l[slot] : undefined;
        if (o === undefined) o = obj(f);
        site.store(o, v);
      };
    }
    case 'Subscript': {
      const obj = c.expr(t.value, sc);
      const key = c.expr(t.slice, sc);
      const p: ErrPos = posOf(t);
      if (t.line === t.endLine && t.value.endLine === t.line) p.anchors = [t.value.endCol, t.endCol];
      return (f, v) => {
        const o = obj(f);
        const k = key(f);
        if (o instanceof PyList && typeof k === 'number' && o.cls === listType) {
          const i = k < 0 ? k + o.items.length : k;
          if (i >= 0 && i < o.items.length) {
            o.items[i] = v;
            return;
          }
        } else if (o instanceof PyDict && (typeof k === 'string' || typeof k === 'number') && o.cls === dictType) {
          // What setItem does for these keys: they are their own hash keys, no original to keep.
          o.vals.set(k, v);
          return;
        }
        try {
          setItem(o, k, v);
        } catch (e) {
          throw at(e, p);
        }
      };
    }
    case 'Tuple':
    case 'List': {
      const starIdx = t.elts.findIndex((e) => e.type === 'Starred');
      const subs = t.elts.map((e) => c.target(e.type === 'Starred' ? e.value : e, sc));
      const n = subs.length;
      const p = posOf(t);
      return (f, v) => {
        let items: any[];
        if (v instanceof PyTuple || v instanceof PyList) items = v.items;
        else {
          try {
            items = toArray(v);
          } catch (e) {
            if (e instanceof PyBaseException && e.cls === TypeError && !(v instanceof PyObject && v.cls.lookup('__iter__'))) {
              throw at(pyErr(TypeError, `cannot unpack non-iterable ${typeName(v)} object`), p);
            }
            throw e;
          }
        }
        if (starIdx < 0) {
          if (items.length !== n) {
            throw at(pyErr(ValueError, items.length > n ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${n}, got ${items.length})`), p);
          }
          if (n === 2) {
            const a = items[0], b = items[1];
            subs[0](f, a);
            subs[1](f, b);
            return;
          }
          const copy = items.slice();
          for (let i = 0; i < n; i++) subs[i](f, copy[i]);
          return;
        }
        if (items.length < n - 1) throw at(pyErr(ValueError, `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`), p);
        const copy = items.slice();
        const after = n - starIdx - 1;
        for (let i = 0; i < starIdx; i++) subs[i](f, copy[i]);
        subs[starIdx](f, new PyList(copy.slice(starIdx, copy.length - after)));
        for (let i = 0; i < after; i++) subs[starIdx + 1 + i](f, copy[copy.length - after + i]);
      };
    }
    case 'Starred':
      return c.target(t.value, sc);
    default:
      throw new Error('bad target');
  }
}

/** One `obj.name = v` site: inline caches for plain instance stores. A class method, so every compiled
 * store calls the same function and V8 inlines it into the closure. */
class AttrStore {
  // The class (at a type version) for which a plain dict store is what setattr does.
  private icCls: PyType | null = null;
  private icVer = -1;
  // The instance shape last stored into: the slot of `name`, or the shape that adding it leads to.
  private shFrom: Shape | null = null;
  private shIdx = -1;
  private shTo: Shape | null = null;

  constructor(private readonly name: string, private readonly p: ErrPos) {}

  store(o: any, v: any): void {
    const name = this.name;
    if (o instanceof PyInstance) {
      if (o.cls === this.icCls && this.icVer === currentTypeVersion()) {
        let shFrom = this.shFrom;
        if (o.shape !== shFrom) {
          shFrom = this.shFrom = o.shape;
          this.shIdx = shFrom.indexOf(name);
          this.shTo = this.shIdx < 0 ? shFrom.with(name) : null;
        }
        if (this.shIdx >= 0) o.vals[this.shIdx] = v;
        else {
          const n = shFrom!.keys.length;
          o.shape = this.shTo!;
          o.vals[n] = v;
          if (n >= o.cls.instSize && n < 64) o.cls.instSize = n + 1;
        }
        return;
      }
      const cls = o.cls;
      if (!(cls.lookup(name) instanceof PyProperty) && !(cls.lookup('__setattr__') instanceof PyFunction)) {
        noteInstanceAttr(cls, name);
        this.icCls = cls;
        this.icVer = currentTypeVersion();
        o.dict.set(name, v);
        return;
      }
    }
    try {
      setAttr(o, name, v);
    } catch (e) {
      throw at(e, this.p);
    }
  }
}

export function delTarget(c: Compiler, t: Expr, sc: Scope): (f: Frame) => void {
  const p = posOf(t);
  switch (t.type) {
    case 'Name': return c.deleteName(t.id, sc, p);
    case 'Subscript': {
      const o = c.expr(t.value, sc), k = c.expr(t.slice, sc);
      return (f) => {
        const ov = o(f), kv = k(f);
        try {
          delItem(ov, kv);
        } catch (e) {
          throw at(e, p);
        }
      };
    }
    case 'Attribute': {
      const o = c.expr(t.value, sc);
      return (f) => {
        const ov = o(f);
        try {
          delAttr(ov, t.attr);
        } catch (e) {
          throw at(e, p);
        }
      };
    }
    case 'Tuple': case 'List': {
      const parts = t.elts.map((e) => delTarget(c, e, sc));
      return (f) => {
        for (const part of parts) part(f);
      };
    }
    default: throw new Error('bad del target');
  }
}

export function assign(c: Compiler, s: StmtOf<'Assign'>, sc: Scope): S {
  const line = s.line;
  const v = c.expr(s.value, sc);
  if (s.targets.length === 1) {
    const t0 = s.targets[0];
    if (t0.type === 'Name') {
      const r = c.ctx.analyzer.resolve(sc, t0.id);
      if (r.kind === 'local' && !r.cell) {
        const slot = r.slot;
        return (f) => {
          f.line = line;
          f.l[slot] = v(f);
          return NORMAL;
        };
      }
      if (r.kind === 'global') {
        const store = c.storeName(t0.id, sc);
        return (f) => {
          f.line = line;
          store(f, v(f));
          return NORMAL;
        };
      }
    }
    if (t0.type === 'Attribute') {
      // `self.x = x`: value and receiver read in place when they are plain locals, store inlined.
      const obj = c.expr(t0.value, sc);
      const slot = c.localSlot(t0.value, sc);
      const vslot = c.localSlot(s.value, sc);
      const site = new AttrStore(t0.attr, posOf(t0));
      return (f) => {
        f.line = line;
        let val = vslot >= 0 ? f.l[vslot] : undefined;
        if (val === undefined) val = v(f);
        let o = slot >= 0 ? f.l[slot] : undefined;
        if (o === undefined) o = obj(f);
        site.store(o, val);
        return NORMAL;
      };
    }
    const t = c.target(t0, sc);
    return (f) => {
      f.line = line;
      t(f, v(f));
      return NORMAL;
    };
  }
  const ts = s.targets.map((t) => c.target(t, sc));
  return (f) => {
    f.line = line;
    const val = v(f);
    for (const t of ts) t(f, val);
    return NORMAL;
  };
}

export function augAssign(c: Compiler, s: StmtOf<'AugAssign'>, sc: Scope): S {
  const line = s.line;
  const op = s.op;
  const v = c.expr(s.value, sc);
  const p: ErrPos = posOf(s);
  const doOp = (a: any, b: any): any => {
    if (typeof a === 'number' && typeof b === 'number') {
      if (op === '+') {
        const r = a + b;
        if (Number.isSafeInteger(r)) return r;
      } else if (op === '-') {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
      }
    } else if (a instanceof PyFloat && b instanceof PyFloat) {
      if (op === '+') return new PyFloat(a.v + b.v);
      if (op === '-') return new PyFloat(a.v - b.v);
      if (op === '*') return new PyFloat(a.v * b.v);
    }
    try {
      return inplace(op, a, b);
    } catch (e) {
      throw at(e, p);
    }
  };
  const t = s.target;
  if (t.type === 'Name') {
    const r = c.ctx.analyzer.resolve(sc, t.id);
    if (r.kind === 'local' && !r.cell && (op === '+' || op === '-')) {
      // `i += 1` on a local: one closure, int fast path inline.
      const slot = r.slot;
      const load = c.load(t.id, sc, posOf(t));
      const add = op === '+';
      return (f) => {
        f.line = line;
        const a = f.l[slot];
        if (a === undefined) load(f);
        const b = v(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const x = add ? a + b : a - b;
          if (Number.isSafeInteger(x)) {
            f.l[slot] = x;
            return NORMAL;
          }
        }
        f.l[slot] = doOp(a, b);
        return NORMAL;
      };
    }
    const load = c.load(t.id, sc, posOf(t));
    const store = c.storeName(t.id, sc);
    return (f) => {
      f.line = line;
      store(f, doOp(load(f), v(f)));
      return NORMAL;
    };
  }
  if (t.type === 'Attribute') {
    const obj = c.expr(t.value, sc);
    const name = t.attr;
    return (f) => {
      f.line = line;
      const o = obj(f);
      let cur;
      try {
        cur = getAttr(o, name);
      } catch (e) {
        throw at(e, posOf(t));
      }
      const r = doOp(cur, v(f));
      try {
        setAttr(o, name, r);
      } catch (e) {
        throw at(e, p);
      }
      return NORMAL;
    };
  }
  if (t.type === 'Subscript') {
    const obj = c.expr(t.value, sc);
    const key = c.expr(t.slice, sc);
    return (f) => {
      f.line = line;
      const o = obj(f);
      const k = key(f);
      let cur;
      try {
        cur = getItem(o, k);
      } catch (e) {
        throw at(e, posOf(t));
      }
      const r = doOp(cur, v(f));
      try {
        setItem(o, k, r);
      } catch (e) {
        throw at(e, p);
      }
      return NORMAL;
    };
  }
  throw new Error('bad augassign target');
}

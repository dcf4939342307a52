// Compiles the AST to JS closures: each expression becomes `(frame) => value`, each statement
// `(frame) => signal` (0 normal, 1 break, 2 continue, 3 return). Names are resolved at compile time
// (scope.ts) to frame slots, closure cells, class namespaces or the globals Map — no tree walk at run
// time, no eval. Generator functions use a second mode (genCompiler.ts) built on JS generators.

import type { Arguments, Comprehension, Expr, ExprOf, Stmt, StmtOf } from './ast';
import { compileExpr } from './compileExpr';
import {
  ImportError, RecursionError, AssertionError, NameError, pyErr, pyErrArgs, RuntimeError, TypeError, UnboundLocalError, ValueError, BaseException,
  KeyError,
} from './errors';
import { at, BREAK, CONTINUE, type CodeInfo, type ErrPos, Frame, Globals, NORMAL, posOf, record, RETURN, type S, type X } from './frame';
import { convert, formatValue } from './format';
import { dictGet, hashKey } from './keys';
import type { Shape } from './instanceDict';
import {
  objectType, PyBaseException, PyCell, PyDict, PyFloat, PyFunction, PyGenerator, PyInstance, PyList, PyObject,
  PyRange, PySet, PySlice, PyTuple, PyType, typeName, typeOf, PyBytes, PyModule, PyMethodDescriptor, PyProperty, currentTypeVersion, noteInstanceAttr,
} from './objects';
import { binop, compare, contains, eq, inplace, invert, neg, pos as unaryPos } from './ops';
import {
  call, callMethod, checkLimits, delAttr, delItem, dictSetItem, getAttr, getItem, getIter, iterNext, rt, setAttr, setItem,
  toArray, truthy, callDescr,
} from './runtime';
import { Analyzer, type Scope } from './scope';
import { intAdd, intSub, intMul } from './numbers';
import { str } from './repr';
import { makeSuper } from './superObj';
import { compileGenerator } from './genCompiler';
import { bindArguments, type ArgSpec } from './args';

export interface CompileContext {
  file: string;
  lines: string[];
  lineOffset: number;
  builtins: Map<string, any>;
  importModule: (name: string) => any;
  analyzer: Analyzer;
  moduleName: string;
}

const EXC_MATCH_ERR = 'catching classes that do not inherit from BaseException is not allowed';

export class Compiler {
  constructor(readonly ctx: CompileContext) {}

  code(name: string, qualname: string): CodeInfo {
    return { name, qualname, file: this.ctx.file, lines: this.ctx.lines, lineOffset: this.ctx.lineOffset };
  }

  scopeOf(node: object): Scope {
    return this.ctx.analyzer.scopes.get(node)!;
  }

  // ------------------------------------------------------------ blocks

  block(stmts: Stmt[], sc: Scope, q: string): S {
    const parts = stmts.map((s) => this.stmt(s, sc, q));
    const n = parts.length;
    if (n === 0) return () => NORMAL;
    if (n === 1) return parts[0];
    if (n === 2) {
      const [a, b] = parts;
      return (f) => a(f) || b(f);
    }
    if (n === 3) {
      const [a, b, c] = parts;
      return (f) => a(f) || b(f) || c(f);
    }
    return (f) => {
      for (let i = 0; i < n; i++) {
        const r = parts[i](f);
        if (r !== NORMAL) return r;
      }
      return NORMAL;
    };
  }

  // ------------------------------------------------------------ names

  /** The frame slot of `e` when it is a plain (non-cell) local variable, else -1: parents may read it in place. */
  localSlot(e: Expr, sc: Scope): number {
    if (e.type !== 'Name') return -1;
    const r = this.ctx.analyzer.resolve(sc, e.id);
    return r.kind === 'local' && !r.cell ? r.slot : -1;
  }

  load(name: string, sc: Scope, p: ErrPos): X {
    const r = this.ctx.analyzer.resolve(sc, name);
    const builtins = this.ctx.builtins;
    switch (r.kind) {
      case 'local': {
        const slot = r.slot;
        const unbound = () => pyErr(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
        if (r.cell) return (f) => {
          const v = f.l[slot].v;
          if (v === undefined) throw at(unbound(), p);
          return v;
        };
        return (f) => {
          const v = f.l[slot];
          if (v === undefined) throw at(unbound(), p);
          return v;
        };
      }
      case 'free': {
        const i = r.index;
        return (f) => {
          const v = f.c![i].v;
          if (v === undefined) throw at(pyErr(NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`), p);
          return v;
        };
      }
      case 'classname':
        return (f) => {
          let v = f.ns!.get(name);
          if (v !== undefined) return v;
          v = f.g.get(name);
          if (v !== undefined) return v;
          v = builtins.get(name);
          if (v !== undefined) return v;
          throw at(pyErr(NameError, `name '${name}' is not defined`), p);
        };
      default: {
        let owner: Globals | null = null;
        let cell: PyCell = new PyCell(undefined);
        // The session's builtins never change after creation: remember the one found.
        let builtin: any = undefined;
        return (f) => {
          if (f.g !== owner) {
            owner = f.g;
            cell = owner.cell(name);
          }
          let v = cell.v;
          if (v !== undefined) return v;
          if (builtin !== undefined) return builtin;
          v = builtin = builtins.get(name);
          if (v !== undefined) return v;
          throw at(pyErr(NameError, `name '${name}' is not defined`), p);
        };
      }
    }
  }

  storeName(name: string, sc: Scope): (f: Frame, v: any) => void {
    const r = this.ctx.analyzer.resolve(sc, name);
    switch (r.kind) {
      case 'local': {
        const slot = r.slot;
        if (r.cell) return (f, v) => {
          f.l[slot].v = v;
        };
        return (f, v) => {
          f.l[slot] = v;
        };
      }
      case 'free': {
        const i = r.index;
        return (f, v) => {
          f.c![i].v = v;
        };
      }
      case 'classname':
        return (f, v) => {
          f.ns!.set(name, v);
        };
      default: {
        let owner: Globals | null = null;
        let cell: PyCell = new PyCell(undefined);
        return (f, v) => {
          if (f.g !== owner) {
            owner = f.g;
            cell = owner.cell(name);
          }
          cell.v = v;
        };
      }
    }
  }

  deleteName(name: string, sc: Scope, p: ErrPos): S {
    const r = this.ctx.analyzer.resolve(sc, name);
    const load = this.load(name, sc, p);
    const store = this.storeName(name, sc);
    if (r.kind === 'global' || r.kind === 'classname') {
      return (f) => {
        if (!(r.kind === 'classname' ? f.ns!.delete(name) : f.g.delete(name))) throw at(pyErr(NameError, `name '${name}' is not defined`), p);
        return NORMAL;
      };
    }
    return (f) => {
      load(f);
      store(f, undefined);
      return NORMAL;
    };
  }

  // ------------------------------------------------------------ assignment targets

  target(t: Expr, sc: Scope): (f: Frame, v: any) => void {
    switch (t.type) {
      case 'Name': return this.storeName(t.id, sc);
      case 'Attribute': {
        const obj = this.expr(t.value, sc);
        const name = t.attr;
        const p = posOf(t);
        // Inline cache: the class (at a type version) for which a plain dict store is what setattr does.
        let icCls: PyType | null = null;
        let icVer = -1;
        // And the instance shape last stored into: the slot of `name`, or the shape that adding it leads to.
        let shFrom: Shape | null = null;
        let shIdx = -1;
        let shTo: Shape | null = null;
        return (f, v) => {
          const o = obj(f);
          if (o instanceof PyInstance) {
            if (o.cls === icCls && icVer === currentTypeVersion()) {
              const d = o.dict;
              if (d.shape !== shFrom) {
                shFrom = d.shape;
                shIdx = shFrom.indexOf(name);
                shTo = shIdx < 0 ? shFrom.with(name) : null;
              }
              if (shIdx >= 0) d.vals[shIdx] = v;
              else {
                d.shape = shTo!;
                d.vals.push(v);
              }
              return;
            }
            const cls = o.cls;
            if (!(cls.lookup(name) instanceof PyProperty) && !(cls.lookup('__setattr__') instanceof PyFunction)) {
              noteInstanceAttr(cls, name);
              icCls = cls;
              icVer = currentTypeVersion();
              o.dict.set(name, v);
              return;
            }
          }
          try {
            setAttr(o, name, v);
          } catch (e) {
            throw at(e, p);
          }
        };
      }
      case 'Subscript': {
        const obj = this.expr(t.value, sc);
        const key = this.expr(t.slice, sc);
        const p: ErrPos = posOf(t);
        if (t.line === t.endLine && t.value.endLine === t.line) p.anchors = [t.value.endCol, t.endCol];
        return (f, v) => {
          const o = obj(f);
          const k = key(f);
          if (o instanceof PyList && typeof k === 'number') {
            const i = k < 0 ? k + o.items.length : k;
            if (i >= 0 && i < o.items.length) {
              o.items[i] = v;
              return;
            }
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
        const subs = t.elts.map((e) => this.target(e.type === 'Starred' ? e.value : e, sc));
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
        return this.target(t.value, sc);
      default:
        throw new Error('bad target');
    }
  }

  // ------------------------------------------------------------ statements

  stmt(s: Stmt, sc: Scope, q: string): S {
    const line = s.line;
    switch (s.type) {
      case 'Expr': {
        const e = this.expr(s.value, sc);
        return (f) => {
          f.line = line;
          e(f);
          return NORMAL;
        };
      }
      case 'Assign': return this.assign(s, sc);
      case 'AugAssign': return this.augAssign(s, sc);
      case 'AnnAssign': {
        if (!s.value) return () => NORMAL;
        const v = this.expr(s.value, sc);
        const t = this.target(s.target, sc);
        return (f) => {
          f.line = line;
          t(f, v(f));
          return NORMAL;
        };
      }
      case 'Pass': return () => NORMAL;
      case 'Break': return () => BREAK;
      case 'Continue': return () => CONTINUE;
      case 'Return': {
        if (!s.value) return (f) => {
          f.line = line;
          f.ret = null;
          return RETURN;
        };
        const v = this.expr(s.value, sc);
        return (f) => {
          f.line = line;
          f.ret = v(f);
          return RETURN;
        };
      }
      case 'If': {
        const test = this.cond(s.test, sc);
        const body = this.block(s.body, sc, q);
        if (s.orelse.length === 0) return (f) => {
          f.line = line;
          return test(f) ? body(f) : NORMAL;
        };
        const orelse = this.block(s.orelse, sc, q);
        return (f) => {
          f.line = line;
          return test(f) ? body(f) : orelse(f);
        };
      }
      case 'While': {
        const test = this.cond(s.test, sc);
        const body = this.block(s.body, sc, q);
        const orelse = s.orelse.length ? this.block(s.orelse, sc, q) : null;
        return (f) => {
          for (;;) {
            f.line = line;
            if (!test(f)) break;
            const r = body(f);
            if (r !== NORMAL) {
              if (r === BREAK) return NORMAL;
              if (r === RETURN) return r;
            }
            if (--rt.ticks < 0) checkLimits();
          }
          return orelse ? orelse(f) : NORMAL;
        };
      }
      case 'For': return this.forStmt(s, sc, q);
      case 'FunctionDef': {
        const mk = this.functionDef(s, sc, q);
        const store = this.storeName(s.name, sc);
        return (f) => {
          f.line = line;
          store(f, mk(f));
          return NORMAL;
        };
      }
      case 'ClassDef': return this.classDef(s, sc, q);
      case 'Try': return this.tryStmt(s, sc, q);
      case 'Raise': return this.raise(s, sc);
      case 'Assert': {
        const test = this.cond(s.test, sc);
        const msg = s.msg ? this.expr(s.msg, sc) : null;
        const simpleTest = s.test.type === 'Name' || s.test.type === 'Const' || s.test.type === 'Attribute';
        const p = simpleTest ? posOf(s) : posOf(s.test);
        return (f) => {
          f.line = line;
          if (!test(f)) throw at(msg ? pyErrArgs(AssertionError, [msg(f)]) : pyErr(AssertionError), p);
          return NORMAL;
        };
      }
      case 'With': return this.withStmt(s, sc, q);
      case 'Delete': {
        const parts = s.targets.map((t) => this.delTarget(t, sc));
        return (f) => {
          f.line = line;
          for (const p of parts) p(f);
          return NORMAL;
        };
      }
      case 'Global':
      case 'Nonlocal':
        return () => NORMAL;
      case 'Import': {
        const parts = s.names.map((n) => {
          const top = n.name.split('.')[0];
          const store = this.storeName(n.asname ?? top, sc);
          return (f: Frame) => {
            const m = this.ctx.importModule(n.name);
            store(f, n.asname ? m : n.name.includes('.') ? this.ctx.importModule(top) : m);
          };
        });
        const p = posOf(s);
        return (f) => {
          f.line = line;
          try {
            for (const part of parts) part(f);
          } catch (e) {
            throw at(e, p);
          }
          return NORMAL;
        };
      }
      case 'ImportFrom': {
        const p = posOf(s);
        const parts = s.names.map((n) => {
          if (n.name === '*') {
            return (f: Frame) => {
              const m = this.ctx.importModule(s.module) as PyModule;
              for (const [k, v] of m.dict) if (!k.startsWith('_')) {
                if (f.ns) f.ns.set(k, v);
                else f.g.set(k, v);
              }
            };
          }
          const store = this.storeName(n.asname ?? n.name, sc);
          return (f: Frame) => {
            const m = this.ctx.importModule(s.module) as PyModule;
            const v = m.dict.get(n.name);
            if (v === undefined) {
              try {
                store(f, this.ctx.importModule(s.module + '.' + n.name));
                return;
              } catch {
                /* fall through to ImportError */
              }
              throw pyErr(ImportError, `cannot import name '${n.name}' from '${s.module}' (unknown location)`);
            }
            store(f, v);
          };
        });
        return (f) => {
          f.line = line;
          try {
            for (const part of parts) part(f);
          } catch (e) {
            throw at(e, p);
          }
          return NORMAL;
        };
      }
    }
  }

  private delTarget(t: Expr, sc: Scope): (f: Frame) => void {
    const p = posOf(t);
    switch (t.type) {
      case 'Name': return this.deleteName(t.id, sc, p);
      case 'Subscript': {
        const o = this.expr(t.value, sc), k = this.expr(t.slice, sc);
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
        const o = this.expr(t.value, sc);
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
        const parts = t.elts.map((e) => this.delTarget(e, sc));
        return (f) => {
          for (const part of parts) part(f);
        };
      }
      default: throw new Error('bad del target');
    }
  }

  private assign(s: StmtOf<'Assign'>, sc: Scope): S {
    const line = s.line;
    const v = this.expr(s.value, sc);
    if (s.targets.length === 1) {
      const t0 = s.targets[0];
      if (t0.type === 'Name') {
        const r = this.ctx.analyzer.resolve(sc, t0.id);
        if (r.kind === 'local' && !r.cell) {
          const slot = r.slot;
          return (f) => {
            f.line = line;
            f.l[slot] = v(f);
            return NORMAL;
          };
        }
        if (r.kind === 'global') {
          const store = this.storeName(t0.id, sc);
          return (f) => {
            f.line = line;
            store(f, v(f));
            return NORMAL;
          };
        }
      }
      const t = this.target(t0, sc);
      return (f) => {
        f.line = line;
        t(f, v(f));
        return NORMAL;
      };
    }
    const ts = s.targets.map((t) => this.target(t, sc));
    return (f) => {
      f.line = line;
      const val = v(f);
      for (const t of ts) t(f, val);
      return NORMAL;
    };
  }

  private augAssign(s: StmtOf<'AugAssign'>, sc: Scope): S {
    const line = s.line;
    const op = s.op;
    const v = this.expr(s.value, sc);
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
      const r = this.ctx.analyzer.resolve(sc, t.id);
      if (r.kind === 'local' && !r.cell && (op === '+' || op === '-')) {
        // `i += 1` on a local: one closure, int fast path inline.
        const slot = r.slot;
        const load = this.load(t.id, sc, posOf(t));
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
      const load = this.load(t.id, sc, posOf(t));
      const store = this.storeName(t.id, sc);
      return (f) => {
        f.line = line;
        store(f, doOp(load(f), v(f)));
        return NORMAL;
      };
    }
    if (t.type === 'Attribute') {
      const obj = this.expr(t.value, sc);
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
      const obj = this.expr(t.value, sc);
      const key = this.expr(t.slice, sc);
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

  private forStmt(s: StmtOf<'For'>, sc: Scope, q: string): S {
    const line = s.line;
    const iterX = this.expr(s.iter, sc);
    const body = this.block(s.body, sc, q);
    const orelse = s.orelse.length ? this.block(s.orelse, sc, q) : null;
    let slot = -1;
    if (s.target.type === 'Name') {
      const r = this.ctx.analyzer.resolve(sc, s.target.id);
      if (r.kind === 'local' && !r.cell) slot = r.slot;
    }
    const store = this.target(s.target, sc);
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
      } else if (it instanceof PyList) {
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

  /** Exception-class matching for `except T:` (tuple of classes allowed). */
  static matches(e: PyBaseException, t: any): boolean {
    if (t instanceof PyType) {
      if (!t.isException && !t.isSubtypeOf(BaseException)) throw pyErr(TypeError, EXC_MATCH_ERR);
      return e.cls.isSubtypeOf(t);
    }
    if (t instanceof PyTuple) return t.items.some((x) => Compiler.matches(e, x));
    throw pyErr(TypeError, EXC_MATCH_ERR);
  }

  private tryStmt(s: StmtOf<'Try'>, sc: Scope, q: string): S {
    const body = this.block(s.body, sc, q);
    const handlers = s.handlers.map((h) => ({
      type: h.excType ? this.expr(h.excType, sc) : null,
      store: h.name ? this.storeName(h.name, sc) : null,
      body: this.block(h.body, sc, q),
      line: h.line,
    }));
    const orelse = s.orelse.length ? this.block(s.orelse, sc, q) : null;
    const finalbody = s.finalbody.length ? this.block(s.finalbody, sc, q) : null;
    const runHandlers = (f: Frame, e0: unknown): number => {
      const e = record(e0, f);
      if ((e as { uncatchable?: boolean }).uncatchable) throw e;
      for (const h of handlers) {
        f.line = h.line;
        if (h.type !== null && !Compiler.matches(e, h.type(f))) continue;
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

  private raise(s: StmtOf<'Raise'>, sc: Scope): S {
    const line = s.line;
    const exc = s.exc ? this.expr(s.exc, sc) : null;
    const cause = s.cause ? this.expr(s.cause, sc) : null;
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

  private withStmt(s: StmtOf<'With'>, sc: Scope, q: string): S {
    let body = this.block(s.body, sc, q);
    for (let i = s.items.length - 1; i >= 0; i--) {
      const item = s.items[i];
      const ctx = this.expr(item.ctx, sc);
      const store = item.vars ? this.target(item.vars, sc) : null;
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

  // ------------------------------------------------------------ functions and classes

  argSpec(a: Arguments, name: string, qualname: string, inner: Scope): ArgSpec {
    const params = [...a.posonly, ...a.args].map((x) => x.name);
    const slots = params.map((n) => inner.slotOf(n));
    const kwonly = a.kwonly.map((x) => x.name);
    const kwSlots = kwonly.map((n) => inner.slotOf(n));
    return {
      qualname,
      params,
      slots,
      nposonly: a.posonly.length,
      kwonly,
      kwSlots,
      varargSlot: a.vararg ? inner.slotOf(a.vararg) : -1,
      kwargSlot: a.kwarg ? inner.slotOf(a.kwarg) : -1,
      nrequired: 0,
      defaults: [],
      kwdefaults: new Map(),
    };
  }

  /** Returns a closure that creates the function object at `def` time. */
  functionDef(s: StmtOf<'FunctionDef'> | ExprOf<'Lambda'>, sc: Scope, q: string): X {
    const isLambda = s.type === 'Lambda';
    const name = isLambda ? '<lambda>' : s.name;
    const inner = this.scopeOf(s);
    const qualname = q ? `${q}.${name}` : name;
    const innerQ = `${qualname}.<locals>`;
    const spec = this.argSpec(s.args, name, qualname, inner);
    const code = this.code(name, qualname);
    const allArgs = [...s.args.posonly, ...s.args.args];
    const defaults = allArgs.filter((x) => x.default).map((x) => this.expr(x.default!, sc));
    const kwdefaults = s.args.kwonly.filter((x) => x.default).map((x) => [x.name, this.expr(x.default!, sc)] as const);
    const nreq = allArgs.length - defaults.length;
    // Cells: parameters that are captured get wrapped after binding; other cell locals start empty.
    const cellSlots: number[] = [];
    const paramCellSlots: number[] = [];
    const paramSet = new Set([...allArgs.map((x) => x.name), ...s.args.kwonly.map((x) => x.name), s.args.vararg, s.args.kwarg].filter(Boolean) as string[]);
    for (const c of inner.cells) {
      const slot = inner.slotOf(c.split('#')[0] === c ? c : c);
      if (!c.includes('#') && paramSet.has(c)) paramCellSlots.push(slot);
      else if (!c.includes('#')) cellSlots.push(slot);
    }
    const freeSources = this.closureSources(inner.free, sc);
    const decorators = isLambda ? [] : s.decorators.map((d) => this.expr(d, sc));
    const isGen = inner.hasYield;
    let bodyS: S | null = null;
    let bodyGen: ((f: Frame) => Generator<any, any, any>) | null = null;
    if (isLambda) {
      const e = this.expr(s.body, inner);
      bodyS = (f) => {
        f.ret = e(f);
        return RETURN;
      };
    } else if (isGen) {
      bodyGen = compileGenerator(this, s.body, inner, innerQ);
    } else bodyS = this.block(s.body, inner, innerQ);
    const nslotsRef = inner;
    const moduleName = this.ctx.moduleName;
    return (f) => {
      const defs = defaults.map((d) => d(f));
      const kwd = new Map<string, any>();
      for (const [k, d] of kwdefaults) kwd.set(k, d(f));
      const closure = freeSources.map((src) => src(f));
      const fspec: ArgSpec = { ...spec, nrequired: nreq, defaults: defs, kwdefaults: kwd };
      const g = f.g;
      const nslots = nslotsRef.nslots;
      const simple = spec.varargSlot < 0 && spec.kwargSlot < 0 && spec.kwonly.length === 0 && defs.length === 0 && paramCellSlots.length === 0 && cellSlots.length === 0;
      const nparams = spec.params.length;
      let fn: PyFunction;
      const prepare = (args: any[], kw: Map<string, any> | null): Frame => {
        const l = new Array(nslots);
        const fr = new Frame(code, l, closure, g, null);
        if (kw === null && args.length === nparams && simple) {
          for (let i = 0; i < nparams; i++) l[i] = args[i];
        } else {
          bindArguments(fspec, args, kw, l);
          for (const c of paramCellSlots) l[c] = new PyCell(l[c]);
          for (const c of cellSlots) l[c] = new PyCell(undefined);
        }
        return fr;
      };
      let impl: (args: any[], kw: Map<string, any> | null) => any;
      if (bodyGen) {
        const bg = bodyGen;
        impl = (args, kw) => {
          const fr = prepare(args, kw);
          return new PyGenerator(wrapGen(bg, fr), name);
        };
      } else {
        const body = bodyS!;
        if (simple) {
          impl = (args, kw) => {
            if (++rt.depth > rt.recursionLimit) {
              rt.depth--;
              throw recursionError();
            }
            // Call sites always pass a fresh argument array: it becomes the locals array.
            let l: any[];
            if (kw === null && args.length === nparams) {
              l = args;
              for (let i = nparams; i < nslots; i++) l.push(undefined);
            } else {
              l = new Array(nslots);
              try {
                bindArguments(fspec, args, kw, l);
              } catch (e) {
                rt.depth--;
                throw e;
              }
            }
            const fr = new Frame(code, l, closure, g, null);
            const prevFrame = rt.frame;
            rt.frame = fr;
            // Restores on both paths by hand: cheaper in V8 than a `finally` on this hottest path.
            try {
              if (--rt.ticks < 0) checkLimits();
              body(fr);
            } catch (e) {
              rt.depth--;
              rt.frame = prevFrame;
              throw record(e, fr);
            }
            rt.depth--;
            rt.frame = prevFrame;
            return fr.ret;
          };
        } else {
          impl = (args, kw) => {
            if (++rt.depth > rt.recursionLimit) {
              rt.depth--;
              throw recursionError();
            }
            let fr: Frame;
            try {
              fr = prepare(args, kw);
            } catch (e) {
              rt.depth--;
              throw e;
            }
            const prevFrame = rt.frame;
            rt.frame = fr;
            try {
              if (--rt.ticks < 0) checkLimits();
              body(fr);
              return fr.ret;
            } catch (e) {
              throw record(e, fr);
            } finally {
              rt.depth--;
              rt.frame = prevFrame;
            }
          };
        }
      }
      fn = new PyFunction(name, qualname, impl, moduleName, isGen);
      let result: any = fn;
      for (let i = decorators.length - 1; i >= 0; i--) result = call(decorators[i](f), [result]);
      return result;
    };
  }

  closureSources(free: string[], sc: Scope): ((f: Frame) => PyCell)[] {
    return free.map((name) => {
      const r = this.ctx.analyzer.resolve(sc, name);
      if (r.kind === 'local' && r.cell) {
        const slot = r.slot;
        return (f: Frame) => f.l[slot];
      }
      if (r.kind === 'free') {
        const i = r.index;
        return (f: Frame) => f.c![i];
      }
      // Not found (shouldn't happen): an empty cell.
      return () => new PyCell(undefined);
    });
  }

  private classDef(s: StmtOf<'ClassDef'>, sc: Scope, q: string): S {
    const inner = this.scopeOf(s);
    const qualname = q ? `${q}.${s.name}` : s.name;
    const bases = s.bases.map((b) => this.expr(b, sc));
    const decorators = s.decorators.map((d) => this.expr(d, sc));
    const body = this.block(s.body, inner, qualname);
    const freeSources = this.closureSources(inner.free, sc);
    const store = this.storeName(s.name, sc);
    const code = this.code(s.name, qualname);
    const classCellSlot = inner.cells.has('__class__') ? inner.slotOf('__class__') : -1;
    const line = s.line;
    const moduleName = this.ctx.moduleName;
    const p = posOf(s);
    return (f) => {
      f.line = line;
      const bs = bases.map((b) => b(f));
      for (const b of bs) if (!(b instanceof PyType)) throw at(pyErr(TypeError, `bases must be types`), p);
      const ns = new Map<string, any>();
      ns.set('__module__', moduleName);
      ns.set('__qualname__', qualname);
      const cf = new Frame(code, new Array(inner.nslots), freeSources.map((src) => src(f)), f.g, ns);
      if (classCellSlot >= 0) cf.l[classCellSlot] = new PyCell(undefined);
      try {
        body(cf);
      } catch (e) {
        throw record(e, cf);
      }
      ns.delete('__module__');
      ns.delete('__qualname__');
      let cls: PyType;
      try {
        cls = new PyType(s.name, bs.length ? (bs as PyType[]) : [objectType], ns, moduleName);
      } catch {
        throw at(pyErr(TypeError, 'Cannot create a consistent method resolution order (MRO)'), p);
      }
      cls.isException = cls.mro.some((t) => t.isException);
      if (classCellSlot >= 0) cf.l[classCellSlot].v = cls;
      let result: any = cls;
      for (let i = decorators.length - 1; i >= 0; i--) result = call(decorators[i](f), [result]);
      store(f, result);
      return NORMAL;
    };
  }

  // ------------------------------------------------------------ expressions

  cond(e: Expr, sc: Scope): (f: Frame) => boolean {
    if (e.type === 'Compare' && e.ops.length === 1) {
      const c = this.expr(e, sc);
      return (f) => {
        const r = c(f);
        return r === true ? true : r === false ? false : truthy(r);
      };
    }
    if (e.type === 'UnaryOp' && e.op === 'not') {
      const inner = this.cond(e.operand, sc);
      return (f) => !inner(f);
    }
    const x = this.expr(e, sc);
    return (f) => {
      const v = x(f);
      return v === true ? true : v === false ? false : truthy(v);
    };
  }

  expr(e: Expr, sc: Scope): X {
    return compileExpr(this, e, sc);
  }
}

function chainHas(e: PyBaseException, target: PyBaseException): boolean {
  for (let c: PyBaseException | null = e; c; c = c.context) if (c === target) return true;
  return false;
}

function recursionError(): PyBaseException {
  return pyErr(RecursionError, 'maximum recursion depth exceeded');
}

/** Runs a compiled generator body with traceback recording for its frame. */
function* wrapGen(body: (f: Frame) => Generator<any, any, any>, fr: Frame): Generator<any, any, any> {
  try {
    yield* body(fr);
    return fr.ret;
  } catch (e) {
    throw record(e, fr);
  }
}

export function toException(v: any): PyBaseException {
  if (v instanceof PyBaseException) return v;
  if (v instanceof PyType && v.isException) {
    const e = call(v, []);
    if (e instanceof PyBaseException) return e;
  }
  throw pyErr(TypeError, 'exceptions must derive from BaseException');
}


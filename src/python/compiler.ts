// Compiles the AST to JS closures: each expression becomes `(frame) => value`, each statement
// `(frame) => signal` (0 normal, 1 break, 2 continue, 3 return). Names are resolved at compile time
// (scope.ts) to frame slots, closure cells, class namespaces or the globals Map — no tree walk at run
// time, no eval. Generator functions use a second mode (genCompiler.ts) built on JS generators. This
// file holds the statement dispatch and names; assignments, loops/exceptions and def/class live in
// compileAssign.ts, compileFlow.ts and compileFunction.ts.

import type { Arguments, Expr, ExprOf, Stmt, StmtOf } from './ast';
import { compileExpr } from './compileExpr';
import { compareExpr } from './compileArith';
import { ImportError, AssertionError, NameError, pyErr, pyErrArgs, UnboundLocalError } from './errors';
import { at, BREAK, CONTINUE, type CodeInfo, type ErrPos, Frame, Globals, NORMAL, posOf, RETURN, type S, type X } from './frame';
import { PyCell, PyModule } from './objects';
import { checkLimits, rt, truthy } from './runtime';
import { Analyzer, type Scope } from './scope';
import type { ArgSpec } from './args';
import { target as targetImpl, delTarget, assign, augAssign } from './compileAssign';
import { forStmt, tryStmt, raise, withStmt } from './compileFlow';
import { argSpec as argSpecImpl, functionDef as functionDefImpl, closureSources as closureSourcesImpl, classDef } from './compileFunction';

export interface CompileContext {
  file: string;
  lines: string[];
  lineOffset: number;
  analyzer: Analyzer;
  moduleName: string;
}

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
          v = f.g.host.builtins.get(name);
          if (v !== undefined) return v;
          throw at(pyErr(NameError, `name '${name}' is not defined`), p);
        };
      default: {
        let owner: Globals | null = null;
        let cell: PyCell = new PyCell(undefined);
        // A session's builtins never change after creation: remember the one found, per session (the
        // globals' owner), since sessions running the same source share this closure.
        let builtin: any = undefined;
        return (f) => {
          if (f.g !== owner) {
            owner = f.g;
            cell = owner.cell(name);
            builtin = undefined;
          }
          let v = cell.v;
          if (v !== undefined) return v;
          if (builtin !== undefined) return builtin;
          v = builtin = owner.host.builtins.get(name);
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
      case 'Assign': return assign(this, s, sc);
      case 'AugAssign': return augAssign(this, s, sc);
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
      case 'For': return forStmt(this, s, sc, q);
      case 'FunctionDef': {
        const mk = this.functionDef(s, sc, q);
        const store = this.storeName(s.name, sc);
        return (f) => {
          f.line = line;
          store(f, mk(f));
          return NORMAL;
        };
      }
      case 'ClassDef': return classDef(this, s, sc, q);
      case 'Try': return tryStmt(this, s, sc, q);
      case 'Raise': return raise(this, s, sc);
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
      case 'With': return withStmt(this, s, sc, q);
      case 'Delete': {
        const parts = s.targets.map((t) => delTarget(this, t, sc));
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
            const m = f.g.host.importModule(n.name);
            store(f, n.asname ? m : n.name.includes('.') ? f.g.host.importModule(top) : m);
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
              const m = f.g.host.importModule(s.module) as PyModule;
              for (const [k, v] of m.dict) if (!k.startsWith('_')) {
                if (f.ns) f.ns.set(k, v);
                else f.g.set(k, v);
              }
            };
          }
          const store = this.storeName(n.asname ?? n.name, sc);
          return (f: Frame) => {
            const m = f.g.host.importModule(s.module) as PyModule;
            const v = m.dict.get(n.name);
            if (v === undefined) {
              try {
                store(f, f.g.host.importModule(s.module + '.' + n.name));
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









  // ------------------------------------------------------------ functions and classes





  // ------------------------------------------------------------ expressions

  target(t: Expr, sc: Scope): (f: Frame, v: any) => void {
    return targetImpl(this, t, sc);
  }

  argSpec(a: Arguments, name: string, qualname: string, inner: Scope): ArgSpec {
    return argSpecImpl(this, a, name, qualname, inner);
  }

  functionDef(s: StmtOf<'FunctionDef'> | ExprOf<'Lambda'>, sc: Scope, q: string): X {
    return functionDefImpl(this, s, sc, q);
  }

  closureSources(free: string[], sc: Scope): ((f: Frame) => PyCell)[] {
    return closureSourcesImpl(this, free, sc);
  }

  cond(e: Expr, sc: Scope): (f: Frame) => boolean {
    if (e.type === 'Compare' && e.ops.length === 1) return compareExpr(this, e, sc, true);
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

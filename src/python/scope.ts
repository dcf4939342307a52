// Symbol-table pass (CPython Python/symtable.c in miniature): decides for every name whether it is a
// local slot, a cell (captured by an inner function), a free variable, a class-namespace name or a
// global. Comprehensions are inlined into their enclosing frame (as in CPython 3.12, PEP 709) with
// hidden slots for their loop variables.

import type { Arguments, Comprehension, Expr, Stmt } from './ast';
import { PySyntaxError } from './syntaxError';

export type ScopeKind = 'module' | 'function' | 'class' | 'comp';

export class Scope {
  assigned = new Set<string>();
  used = new Set<string>();
  globals = new Set<string>();
  nonlocals = new Set<string>();
  /** For frame owners: slot per local name (comp locals are keyed `name#compId`). */
  slots = new Map<string, number>();
  nslots = 0;
  cells = new Set<string>();
  /** Free variables of this frame owner, in closure order. */
  free: string[] = [];
  children: Scope[] = [];
  hasYield = false;
  usesSuper = false;
  readonly id: number;
  private static nextId = 0;
  constructor(readonly kind: ScopeKind, readonly parent: Scope | null, readonly name: string) {
    this.id = Scope.nextId++;
    parent?.children.push(this);
  }
  /** The scope whose frame holds this scope's slots. */
  owner(): Scope {
    let s: Scope = this;
    while (s.kind === 'comp') s = s.parent!;
    return s;
  }
  slotKey(name: string): string {
    return this.kind === 'comp' ? `${name}#${this.id}` : name;
  }
  isLocal(name: string): boolean {
    if (this.kind === 'module') return false;
    return this.assigned.has(name) && !this.globals.has(name) && !this.nonlocals.has(name);
  }
  slotOf(name: string): number {
    const o = this.owner();
    const key = this.slotKey(name);
    let s = o.slots.get(key);
    if (s === undefined) {
      s = o.nslots++;
      o.slots.set(key, s);
    }
    return s;
  }
}

export type Resolution =
  | { kind: 'local'; slot: number; cell: boolean }
  | { kind: 'free'; index: number }
  | { kind: 'global' }
  | { kind: 'classname' };

/** Builds the scope tree; `scopes` maps function/class/lambda/comprehension nodes to their Scope. */
export class Analyzer {
  readonly scopes = new Map<object, Scope>();
  readonly module: Scope;
  constructor(body: Stmt[]) {
    this.module = new Scope('module', null, '<module>');
    this.scopes.set(body, this.module);
    for (const s of body) this.stmt(s, this.module);
    this.resolveAll(this.module);
  }

  private fail(msg: string, line: number): never {
    throw new PySyntaxError('SyntaxError', msg, line, 0, '');
  }

  private bindTarget(e: Expr, sc: Scope): void {
    switch (e.type) {
      case 'Name': sc.assigned.add(e.id); break;
      case 'Tuple': case 'List': for (const x of e.elts) this.bindTarget(x, sc); break;
      case 'Starred': this.bindTarget(e.value, sc); break;
      default: this.expr(e, sc);
    }
  }

  private args(a: Arguments, outer: Scope, inner: Scope): void {
    for (const p of [...a.posonly, ...a.args, ...a.kwonly]) {
      if (p.default) this.expr(p.default, outer);
      inner.assigned.add(p.name);
    }
    if (a.vararg) inner.assigned.add(a.vararg);
    if (a.kwarg) inner.assigned.add(a.kwarg);
  }

  private body(stmts: Stmt[], sc: Scope): void {
    for (const s of stmts) this.stmt(s, sc);
  }

  private stmt(s: Stmt, sc: Scope): void {
    switch (s.type) {
      case 'Expr': this.expr(s.value, sc); break;
      case 'Assign': this.expr(s.value, sc); for (const t of s.targets) this.bindTarget(t, sc); break;
      case 'AugAssign':
        this.expr(s.value, sc);
        if (s.target.type === 'Name') {
          sc.used.add(s.target.id);
          sc.assigned.add(s.target.id);
        } else this.expr(s.target, sc);
        break;
      case 'AnnAssign': if (s.value) { this.expr(s.value, sc); this.bindTarget(s.target, sc); } break;
      case 'If': case 'While': this.expr(s.test, sc); this.body(s.body, sc); this.body(s.orelse, sc); break;
      case 'For': this.expr(s.iter, sc); this.bindTarget(s.target, sc); this.body(s.body, sc); this.body(s.orelse, sc); break;
      case 'Return': if (s.value) this.expr(s.value, sc); break;
      case 'FunctionDef': {
        for (const d of s.decorators) this.expr(d, sc);
        sc.assigned.add(s.name);
        const inner = new Scope('function', sc, s.name);
        this.scopes.set(s, inner);
        this.args(s.args, sc, inner);
        this.body(s.body, inner);
        break;
      }
      case 'ClassDef': {
        for (const d of s.decorators) this.expr(d, sc);
        for (const b of s.bases) this.expr(b, sc);
        for (const k of s.keywords) this.expr(k.value, sc);
        sc.assigned.add(s.name);
        const inner = new Scope('class', sc, s.name);
        this.scopes.set(s, inner);
        this.body(s.body, inner);
        break;
      }
      case 'Try':
        this.body(s.body, sc);
        for (const h of s.handlers) {
          if (h.excType) this.expr(h.excType, sc);
          if (h.name) sc.assigned.add(h.name);
          this.body(h.body, sc);
        }
        this.body(s.orelse, sc);
        this.body(s.finalbody, sc);
        break;
      case 'Raise': if (s.exc) this.expr(s.exc, sc); if (s.cause) this.expr(s.cause, sc); break;
      case 'Assert': this.expr(s.test, sc); if (s.msg) this.expr(s.msg, sc); break;
      case 'With':
        for (const it of s.items) {
          this.expr(it.ctx, sc);
          if (it.vars) this.bindTarget(it.vars, sc);
        }
        this.body(s.body, sc);
        break;
      case 'Delete': for (const t of s.targets) this.bindTarget(t, sc); break;
      case 'Global':
        for (const n of s.names) {
          if (sc.assigned.has(n) || sc.used.has(n)) this.fail(`name '${n}' is ${sc.assigned.has(n) ? 'assigned to' : 'used'} before global declaration`, s.line);
          sc.globals.add(n);
        }
        break;
      case 'Nonlocal':
        if (sc.kind === 'module') this.fail('nonlocal declaration not allowed at module level', s.line);
        for (const n of s.names) sc.nonlocals.add(n);
        break;
      case 'Import': for (const n of s.names) sc.assigned.add(n.asname ?? n.name.split('.')[0]); break;
      case 'ImportFrom': for (const n of s.names) if (n.name !== '*') sc.assigned.add(n.asname ?? n.name); break;
    }
  }

  private comp(node: object, gens: Comprehension[], elts: Expr[], sc: Scope): void {
    // The first iterable is evaluated in the enclosing scope.
    this.expr(gens[0].iter, sc);
    const inner = new Scope('comp', sc, '<comp>');
    this.scopes.set(node, inner);
    gens.forEach((g, i) => {
      if (i > 0) this.expr(g.iter, inner);
      this.bindTarget(g.target, inner);
      for (const c of g.ifs) this.expr(c, inner);
    });
    for (const e of elts) this.expr(e, inner);
  }

  expr(e: Expr, sc: Scope): void {
    switch (e.type) {
      case 'Name': sc.used.add(e.id); break;
      case 'Const': break;
      case 'JoinedStr':
        for (const p of e.parts) if (typeof p !== 'string') {
          this.expr(p.expr, sc);
          if (p.spec) for (const q of p.spec) if (typeof q !== 'string') this.expr(q.expr, sc);
        }
        break;
      case 'BinOp': this.expr(e.left, sc); this.expr(e.right, sc); break;
      case 'UnaryOp': this.expr(e.operand, sc); break;
      case 'BoolOp': for (const v of e.values) this.expr(v, sc); break;
      case 'Compare': this.expr(e.left, sc); for (const c of e.comparators) this.expr(c, sc); break;
      case 'Call':
        if (e.func.type === 'Name' && e.func.id === 'super' && e.args.length === 0) {
          let f: Scope | null = sc;
          while (f && f.kind === 'comp') f = f.parent;
          if (f) f.usesSuper = true;
        }
        this.expr(e.func, sc);
        for (const a of e.args) this.expr(a, sc);
        for (const k of e.keywords) this.expr(k.value, sc);
        break;
      case 'Attribute': this.expr(e.value, sc); break;
      case 'Subscript': this.expr(e.value, sc); this.expr(e.slice, sc); break;
      case 'Slice': for (const x of [e.lower, e.upper, e.step]) if (x) this.expr(x, sc); break;
      case 'Starred': this.expr(e.value, sc); break;
      case 'List': case 'Tuple': case 'Set': for (const x of e.elts) this.expr(x, sc); break;
      case 'Dict':
        for (const k of e.keys) if (k) this.expr(k, sc);
        for (const v of e.values) this.expr(v, sc);
        break;
      case 'IfExp': this.expr(e.test, sc); this.expr(e.body, sc); this.expr(e.orelse, sc); break;
      case 'Lambda': {
        const inner = new Scope('function', sc, '<lambda>');
        this.scopes.set(e, inner);
        this.args(e.args, sc, inner);
        this.expr(e.body, inner);
        break;
      }
      case 'ListComp': case 'SetComp': case 'GeneratorExp': this.comp(e, e.generators, [e.elt], sc); break;
      case 'DictComp': this.comp(e, e.generators, [e.key, e.value], sc); break;
      case 'Yield': case 'YieldFrom': {
        if (e.value) this.expr(e.value, sc);
        if (sc.kind !== 'function') this.fail("'yield' outside function", e.line);
        sc.hasYield = true;
        break;
      }
      case 'NamedExpr': {
        // The target binds in the enclosing non-comprehension scope.
        let t: Scope = sc;
        while (t.kind === 'comp') t = t.parent!;
        this.expr(e.value, sc);
        if (e.target.type === 'Name') t.assigned.add(e.target.id);
        if (t !== sc && e.target.type === 'Name') sc.used.add(e.target.id);
        break;
      }
      case 'Await': this.expr(e.value, sc); break;
    }
  }

  // ---- resolution
  private resolveAll(sc: Scope): void {
    for (const c of sc.children) this.resolveAll(c);
    if (sc.usesSuper && sc.kind === 'function') this.capture(sc, '__class__');
    for (const n of sc.used) this.lookupFree(sc, n);
    for (const n of sc.nonlocals) {
      if (!this.capture(sc, n)) this.fail(`no binding for nonlocal '${n}' found`, 0);
    }
  }

  /** If `name` used in `sc` is a variable of an enclosing function, make it a cell there. */
  private lookupFree(sc: Scope, name: string): void {
    if (sc.kind === 'module' || sc.globals.has(name)) return;
    if (sc.isLocal(name) && !sc.nonlocals.has(name)) return;
    this.capture(sc, name);
  }

  /** Finds `name` in an enclosing function (or class for __class__); returns false if global. */
  private capture(sc: Scope, name: string): boolean {
    // Walk outwards; comp scopes share their owner's frame.
    const chain: Scope[] = [];
    let s: Scope | null = sc.parent;
    let from: Scope = sc;
    while (s) {
      if (s.kind === 'class') {
        if (name === '__class__') {
          s.cells.add('__class__');
          s.assigned.add('__class__');
          this.addFree(sc, from, chain, name);
          return true;
        }
        chain.push(s);
        s = s.parent;
        continue;
      }
      if (s.kind === 'module') return false;
      if (s.isLocal(name) && !s.nonlocals.has(name)) {
        if (s.owner() === from.owner()) return true; // same frame (comprehension)
        s.cells.add(s.slotKey(name));
        this.addFree(sc, from, chain, name);
        return true;
      }
      if (s.globals.has(name)) return false;
      chain.push(s);
      s = s.parent;
    }
    return false;
  }

  private addFree(sc: Scope, _from: Scope, chain: Scope[], name: string): void {
    // Every frame owner between the definer and the user carries the cell in its closure.
    const owners = new Set<Scope>([sc.owner(), ...chain.map((c) => c.owner())]);
    for (const o of owners) if (!o.free.includes(name)) o.free.push(name);
  }

  resolve(sc: Scope, name: string): Resolution {
    if (sc.kind === 'module') return { kind: 'global' };
    if (sc.globals.has(name)) return { kind: 'global' };
    if (sc.kind === 'class') {
      if (name === '__class__' && sc.cells.has('__class__')) return { kind: 'local', slot: sc.slotOf('__class__'), cell: true };
      if (sc.assigned.has(name)) return { kind: 'classname' };
      const i = sc.free.indexOf(name);
      if (i >= 0 && !sc.assigned.has(name)) return { kind: 'free', index: i };
      return { kind: 'classname' };
    }
    if (sc.isLocal(name) && !sc.nonlocals.has(name)) {
      return { kind: 'local', slot: sc.slotOf(name), cell: sc.cells.has(sc.slotKey(name)) };
    }
    if (sc.kind === 'comp') {
      // Names not bound by the comprehension resolve as in the enclosing scope (skipping class bodies).
      let p = sc.parent!;
      if (p.kind === 'class') {
        const o = sc.owner();
        const i = o.free.indexOf(name);
        return i >= 0 ? { kind: 'free', index: i } : { kind: 'global' };
      }
      return this.resolve(p, name);
    }
    const i = sc.owner().free.indexOf(name);
    if (i >= 0) return { kind: 'free', index: i };
    return { kind: 'global' };
  }
}

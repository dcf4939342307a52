// `def`, `lambda` and `class` compiled to closures: argument specs, the per-call path (the argument
// array becomes the locals array; recursion and step limits; traceback recording), generators,
// closures over cells, decorators, and class bodies run in their own namespace.

import type { Arguments, ExprOf, StmtOf } from './ast';
import { pyErr, RecursionError, TypeError } from './errors';
import { at, Frame, NORMAL, posOf, record, RETURN, type S, type X } from './frame';
import { objectType, PyBaseException, PyCell, PyFunction, PyType } from './objects';
import { PyGenerator } from './generatorObj';
import { call, checkLimits, rt } from './runtime';
import { type Scope } from './scope';
import { compileGenerator } from './genCompiler';
import { bindArguments, type ArgSpec } from './args';
import type { Compiler } from './compiler';

export function argSpec(c: Compiler, a: Arguments, name: string, qualname: string, inner: Scope): ArgSpec {
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
export function functionDef(c: Compiler, s: StmtOf<'FunctionDef'> | ExprOf<'Lambda'>, sc: Scope, q: string): X {
  const isLambda = s.type === 'Lambda';
  const name = isLambda ? '<lambda>' : s.name;
  const inner = c.scopeOf(s);
  const qualname = q ? `${q}.${name}` : name;
  const innerQ = `${qualname}.<locals>`;
  const spec = c.argSpec(s.args, name, qualname, inner);
  const code = c.code(name, qualname);
  const allArgs = [...s.args.posonly, ...s.args.args];
  const defaults = allArgs.filter((x) => x.default).map((x) => c.expr(x.default!, sc));
  const kwdefaults = s.args.kwonly.filter((x) => x.default).map((x) => [x.name, c.expr(x.default!, sc)] as const);
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
  const freeSources = c.closureSources(inner.free, sc);
  const decorators = isLambda ? [] : s.decorators.map((d) => c.expr(d, sc));
  const isGen = inner.hasYield;
  let bodyS: S | null = null;
  let bodyGen: ((f: Frame) => Generator<any, any, any>) | null = null;
  // A body that is one `return <expr>` (lambdas, `def dot(self, o): return ...`): simple calls evaluate
  // the expression directly, without the statement closure and the f.ret round trip.
  let retX: X | null = null;
  let retLine = 0;
  if (isLambda) {
    const e = c.expr(s.body, inner);
    retX = e;
    bodyS = (f) => {
      f.ret = e(f);
      return RETURN;
    };
  } else if (!isGen && s.body.length === 1 && s.body[0].type === 'Return' && s.body[0].value) {
    retX = c.expr(s.body[0].value, inner);
    retLine = s.body[0].line;
    bodyS = c.block(s.body, inner, innerQ);
  } else if (isGen) {
    bodyGen = compileGenerator(c, s.body, inner, innerQ);
  } else bodyS = c.block(s.body, inner, innerQ);
  const nslotsRef = inner;
  const moduleName = c.ctx.moduleName;
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
      const rx = retX;
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
          let r: any;
          try {
            if (--rt.ticks < 0) checkLimits();
            if (rx !== null) {
              fr.line = retLine;
              r = rx(fr);
            } else {
              body(fr);
              r = fr.ret;
            }
          } catch (e) {
            rt.depth--;
            rt.frame = prevFrame;
            throw record(e, fr);
          }
          rt.depth--;
          rt.frame = prevFrame;
          return r;
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

export function closureSources(c: Compiler, free: string[], sc: Scope): ((f: Frame) => PyCell)[] {
  return free.map((name) => {
    const r = c.ctx.analyzer.resolve(sc, name);
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

export function classDef(c: Compiler, s: StmtOf<'ClassDef'>, sc: Scope, q: string): S {
  const inner = c.scopeOf(s);
  const qualname = q ? `${q}.${s.name}` : s.name;
  const bases = s.bases.map((b) => c.expr(b, sc));
  const decorators = s.decorators.map((d) => c.expr(d, sc));
  const body = c.block(s.body, inner, qualname);
  const freeSources = c.closureSources(inner.free, sc);
  const store = c.storeName(s.name, sc);
  const code = c.code(s.name, qualname);
  const classCellSlot = inner.cells.has('__class__') ? inner.slotOf('__class__') : -1;
  const line = s.line;
  const moduleName = c.ctx.moduleName;
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

// Expression compilation to closures, with fast paths for list and dict indexing, attribute loads
// (shape caches), slices, comprehensions over lists and ranges, and caret positions (CPython 3.11
// traceback anchors) on failure. Calls are in compileCall.ts, operators in compileArith.ts.

import type { Comprehension, Expr, ExprOf, FormattedValue } from './ast';
import type { Compiler } from './compiler';
import { fromHostError, pyErr, TypeError } from './errors';
import { at, type ErrPos, type Frame, posOf, type X } from './frame';
import { convert, formatValue } from './format';
import { hashKey } from './keys';
import { Ellipsis, EMPTY_TUPLE, PyBaseException, PyBytes, PyCell, PyDict, PyFloat, PyList, PyRange, PySet, PySlice, PyTuple, typeOf, listType, dictType } from './objects';
import { invert, neg, pos as unaryPos } from './ops';
import { checkLimits, dictSetItem, getItem, sliceSeq, getIter, iterNext, rt, toArray, truthy } from './runtime';
import type { Scope } from './scope';
import { str } from './repr';
import { callExpr } from './compileCall';
import { AttrLoad } from './attrLoad';
import { compileGenExp } from './genCompiler';
import { binOp, compareExpr } from './compileArith';

function subAnchors(e: ExprOf<'Subscript'>): ErrPos {
  const p: ErrPos = posOf(e);
  if (e.line === e.endLine && e.value.endLine === e.line) p.anchors = [e.value.endCol, e.endCol];
  return p;
}

export function compileExpr(c: Compiler, e: Expr, sc: Scope): X {
  switch (e.type) {
    case 'Name': return c.load(e.id, sc, posOf(e));
    case 'Const': {
      let v: any = e.value;
      if (e.kind === 'float') v = new PyFloat(e.value as number);
      else if (e.kind === 'ellipsis') v = Ellipsis;
      else if (e.kind === 'bytes') v = new PyBytes(Uint8Array.from(e.value as string, (ch) => ch.charCodeAt(0) & 255));
      else if (e.kind === 'complex') {
        const p = posOf(e);
        return () => {
          throw at(pyErr(TypeError, 'complex numbers are not supported in Pizarra'), p);
        };
      }
      const k = v;
      return () => k;
    }
    case 'JoinedStr': return joined(c, e.parts, sc);
    case 'BinOp': return binOp(c, e, sc);
    case 'UnaryOp': {
      if (e.op === 'not') {
        const x = c.cond(e.operand, sc);
        return (f) => !x(f);
      }
      // Fold negative literals.
      if (e.op === '-' && e.operand.type === 'Const' && (e.operand.kind === 'int' || e.operand.kind === 'float')) {
        const v = e.operand.value as number | bigint;
        const k = e.operand.kind === 'float' ? new PyFloat(-(v as number)) : typeof v === 'bigint' ? (-v === -9007199254740992n ? -v : -v) : 0 - v;
        const kk = typeof k === 'bigint' && k >= -9007199254740991n ? Number(k) : k;
        return () => kk;
      }
      const x = compileExpr(c, e.operand, sc);
      const p = posOf(e);
      const fn = e.op === '-' ? neg : e.op === '+' ? unaryPos : invert;
      return (f) => {
        const v = x(f);
        try {
          return fn(v);
        } catch (err) {
          throw at(err, p);
        }
      };
    }
    case 'BoolOp': {
      const parts = e.values.map((v) => compileExpr(c, v, sc));
      if (e.op === 'and') return (f) => {
        let v: any;
        for (let i = 0; i < parts.length; i++) {
          v = parts[i](f);
          if (!truthy(v)) return v;
        }
        return v;
      };
      return (f) => {
        let v: any;
        for (let i = 0; i < parts.length; i++) {
          v = parts[i](f);
          if (truthy(v)) return v;
        }
        return v;
      };
    }
    case 'Compare': return compareExpr(c, e, sc);
    case 'Call': return callExpr(c, e, sc);
    case 'Attribute': {
      const site = new AttrLoad(e.attr, posOf(e));
      // `self.x`, `layer.W`: the receiver is read from its frame slot here, one closure call fewer.
      const slot = c.localSlot(e.value, sc);
      if (slot >= 0) {
        const unbound = compileExpr(c, e.value, sc);
        return (f) => {
          const o = f.l[slot];
          return o === undefined ? unbound(f) : site.load(o);
        };
      }
      const obj = compileExpr(c, e.value, sc);
      return (f) => site.load(obj(f));
    }
    case 'Subscript': {
      const obj = compileExpr(c, e.value, sc);
      const p = subAnchors(e);
      const sl = e.slice;
      if (sl.type === 'Slice') {
        // `s[a:b]`, `xs[::-1]`: sequences slice without a slice object; anything else gets one.
        const lo = sl.lower ? compileExpr(c, sl.lower, sc) : null;
        const hi = sl.upper ? compileExpr(c, sl.upper, sc) : null;
        const st = sl.step ? compileExpr(c, sl.step, sc) : null;
        return (f) => {
          const o = obj(f);
          const a = lo ? lo(f) : null, b = hi ? hi(f) : null, s = st ? st(f) : null;
          const r = sliceSeq(o, a, b, s);
          if (r !== undefined) return r;
          try {
            return getItem(o, new PySlice(a, b, s));
          } catch (err) {
            throw at(err, p);
          }
        };
      }
      const key = compileExpr(c, sl, sc);
      return (f) => {
        const o = obj(f);
        const k = key(f);
        if (o instanceof PyList && typeof k === 'number' && o.cls === listType) {
          const items = o.items;
          const i = k < 0 ? k + items.length : k;
          if (i >= 0 && i < items.length) return items[i];
        } else if (o instanceof PyDict && (typeof k === 'string' || typeof k === 'number') && o.cls === dictType) {
          // Strings and safe ints are their own hash keys (keys.ts); a miss goes the general way.
          const v = o.vals.get(k);
          if (v !== undefined) return v;
        }
        try {
          return getItem(o, k);
        } catch (err) {
          throw at(err, p);
        }
      };
    }
    case 'Slice': {
      const lo = e.lower ? compileExpr(c, e.lower, sc) : null;
      const hi = e.upper ? compileExpr(c, e.upper, sc) : null;
      const st = e.step ? compileExpr(c, e.step, sc) : null;
      return (f) => new PySlice(lo ? lo(f) : null, hi ? hi(f) : null, st ? st(f) : null);
    }
    case 'Starred': {
      const p = posOf(e);
      return () => {
        throw at(pyErr(TypeError, "can't use starred expression here"), p);
      };
    }
    case 'List': {
      const items = seqBuilder(c, e.elts, sc);
      return (f) => new PyList(items(f));
    }
    case 'Tuple': {
      if (e.elts.length === 0) return () => EMPTY_TUPLE;
      const items = seqBuilder(c, e.elts, sc);
      return (f) => new PyTuple(items(f));
    }
    case 'Set': {
      const items = seqBuilder(c, e.elts, sc);
      const p = posOf(e);
      return (f) => {
        const s = new PySet();
        try {
          for (const v of items(f)) {
            const h = hashKey(v);
            if (!s.items.has(h)) s.items.set(h, v);
          }
        } catch (err) {
          throw at(err, p);
        }
        return s;
      };
    }
    case 'Dict': {
      const keys = e.keys.map((k) => (k ? compileExpr(c, k, sc) : null));
      const vals = e.values.map((v) => compileExpr(c, v, sc));
      const p = posOf(e);
      return (f) => {
        const d = new PyDict();
        try {
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (k === null) {
              const src = vals[i](f);
              if (!(src instanceof PyDict)) throw pyErr(TypeError, `'${typeOf(src).name}' object is not a mapping`);
              for (const [hk, v] of src.vals) {
                d.vals.set(hk, v);
                if (src.origs?.has(hk)) (d.origs ??= new Map()).set(hk, src.origs.get(hk));
              }
              continue;
            }
            const kv = k(f);
            dictSetItem(d, kv, vals[i](f));
          }
        } catch (err) {
          throw at(err, p);
        }
        return d;
      };
    }
    case 'IfExp': {
      const t = c.cond(e.test, sc), b = compileExpr(c, e.body, sc), o = compileExpr(c, e.orelse, sc);
      return (f) => (t(f) ? b(f) : o(f));
    }
    case 'Lambda': return c.functionDef(e, sc, qualPrefix(sc));
    case 'ListComp': {
      const run = comprehension(c, e, e.generators, sc, (inner) => {
        const elt = compileExpr(c, e.elt, inner);
        return (f, acc: any[]) => {
          acc.push(elt(f));
        };
      });
      return (f) => {
        const acc: any[] = [];
        run(f, acc);
        return new PyList(acc);
      };
    }
    case 'SetComp': {
      const run = comprehension(c, e, e.generators, sc, (inner) => {
        const elt = compileExpr(c, e.elt, inner);
        return (f, acc: PySet) => {
          const v = elt(f);
          const h = hashKey(v);
          if (!acc.items.has(h)) acc.items.set(h, v);
        };
      });
      return (f) => {
        const s = new PySet();
        run(f, s);
        return s;
      };
    }
    case 'DictComp': {
      const run = comprehension(c, e, e.generators, sc, (inner) => {
        const k = compileExpr(c, e.key, inner), v = compileExpr(c, e.value, inner);
        return (f, acc: PyDict) => {
          const kv = k(f);
          dictSetItem(acc, kv, v(f));
        };
      });
      return (f) => {
        const d = new PyDict();
        run(f, d);
        return d;
      };
    }
    case 'GeneratorExp': return compileGenExp(c, e, sc);
    case 'NamedExpr': {
      const v = compileExpr(c, e.value, sc);
      let s: Scope = sc;
      while (s.kind === 'comp') s = s.parent!;
      const store = c.storeName((e.target as ExprOf<'Name'>).id, sc.kind === 'comp' ? sc : s);
      return (f) => {
        const x = v(f);
        store(f, x);
        return x;
      };
    }
    case 'Yield':
    case 'YieldFrom': {
      const p = posOf(e);
      return () => {
        throw at(pyErr(TypeError, "'yield' in this position is not supported by Pizarra"), p);
      };
    }
    case 'Await': {
      const p = posOf(e);
      return () => {
        throw at(pyErr(TypeError, "'await' is not supported by Pizarra"), p);
      };
    }
  }
}

/** CPython 3.11 runs comprehensions in their own frame: add that traceback entry. */
export function compFrame(e: unknown, f: Frame, name: string, pos: ErrPos | null): unknown {
  const p = e instanceof PyBaseException ? e : fromHostError(e);
  const at0 = p.pendingPos;
  const line = at0 ? at0.line : f.line;
  p.tb.push({ file: f.code.file, line: line + f.code.lineOffset, name, pos: at0, source: f.code.lines[line - 1] ?? null });
  p.pendingPos = pos;
  return p;
}

function qualPrefix(sc: Scope): string {
  // Lambdas get their qualname from the enclosing function/class name chain.
  const parts: string[] = [];
  for (let s: Scope | null = sc; s && s.kind !== 'module'; s = s.parent) {
    if (s.kind === 'comp') continue;
    parts.unshift(s.kind === 'function' ? `${s.name}.<locals>` : s.name);
  }
  return parts.join('.');
}

/** Evaluates a list/tuple display with `*iterable` items into a JS array. */
function seqBuilder(c: Compiler, elts: Expr[], sc: Scope): (f: Frame) => any[] {
  const parts = elts.map((x) => (x.type === 'Starred' ? { star: true, x: compileExpr(c, x.value, sc), p: posOf(x) } : { star: false, x: compileExpr(c, x, sc), p: posOf(x) }));
  if (!parts.some((p) => p.star)) {
    const xs = parts.map((p) => p.x);
    const n = xs.length;
    if (n === 1) return (f) => [xs[0](f)];
    if (n === 2) return (f) => [xs[0](f), xs[1](f)];
    if (n === 3) return (f) => [xs[0](f), xs[1](f), xs[2](f)];
    return (f) => {
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = xs[i](f);
      return out;
    };
  }
  return (f) => {
    const out: any[] = [];
    for (const p of parts) {
      if (p.star) {
        const v = p.x(f);
        try {
          for (const y of toArray(v)) out.push(y);
        } catch (err) {
          throw at(err, p.p);
        }
      } else out.push(p.x(f));
    }
    return out;
  };
}

function joined(c: Compiler, parts: (string | FormattedValue)[], sc: Scope): X {
  const fs = parts.map((p) => {
    if (typeof p === 'string') return () => p;
    const x = compileExpr(c, p.expr, sc);
    const spec = p.spec ? joined(c, p.spec, sc) : null;
    const conv = p.conversion;
    const pre = p.selfDoc ?? '';
    const pp = posOf(p.expr);
    return (f: Frame) => {
      const v = x(f);
      try {
        const cv = convert(v, conv);
        if (spec === null) return pre + (typeof cv === 'string' ? cv : str(cv));
        return pre + formatValue(cv, spec(f));
      } catch (err) {
        throw at(err, pp);
      }
    };
  });
  if (fs.length === 1) return fs[0];
  return (f) => {
    let s = '';
    for (let i = 0; i < fs.length; i++) s += fs[i](f);
    return s;
  };
}

/** Inlined comprehension: loops over the generators, running `leaf` for each element. */
export function comprehension<A>(
  c: Compiler,
  node: object,
  gens: Comprehension[],
  sc: Scope,
  mkLeaf: (inner: Scope) => (f: Frame, acc: A) => void,
): (f: Frame, acc: A) => void {
  const inner = c.scopeOf(node);
  const cellSlots: number[] = [];
  for (const k of inner.cells) if (k.endsWith('#' + inner.id)) cellSlots.push(inner.slotOf(k.split('#')[0]));
  let step = mkLeaf(inner);
  for (let i = gens.length - 1; i >= 0; i--) {
    const g = gens[i];
    const iterX = compileExpr(c, g.iter, i === 0 ? sc : inner);
    const store = c.target(g.target, inner);
    // A plain-local loop variable (`for i in ...`) is written to its slot in place.
    const slot = c.localSlot(g.target, inner);
    const conds = g.ifs.map((x) => c.cond(x, inner));
    const next = step;
    const p = posOf(g.iter);
    step = (f, acc) => {
      const src = iterX(f);
      const body = (x: any) => {
        if (slot >= 0) f.l[slot] = x;
        else store(f, x);
        for (let k = 0; k < conds.length; k++) if (!conds[k](f)) return;
        next(f, acc);
      };
      if (src instanceof PyList && src.cls === listType) {
        const items = src.items;
        for (let j = 0; j < items.length; j++) {
          body(items[j]);
          if (--rt.ticks < 0) checkLimits();
        }
        return;
      }
      if (src instanceof PyRange) {
        // What range's iterator yields, without the iterator object (as the `for` statement does).
        const { start, stop, step } = src;
        for (let j = start; step > 0 ? j < stop : j > stop; j += step) {
          body(j);
          if (--rt.ticks < 0) checkLimits();
        }
        return;
      }
      let it;
      try {
        it = getIter(src);
      } catch (err) {
        throw at(err, p);
      }
      for (let x = iterNext(it); x !== undefined; x = iterNext(it)) {
        body(x);
        if (--rt.ticks < 0) checkLimits();
      }
    };
  }
  const run = step;
  const kind = (node as Expr).type;
  const name = kind === 'ListComp' ? '<listcomp>' : kind === 'SetComp' ? '<setcomp>' : '<dictcomp>';
  const cp = posOf(node as Expr);
  return (f, acc) => {
    for (const s of cellSlots) f.l[s] = new PyCell(undefined);
    try {
      run(f, acc);
    } catch (e) {
      throw compFrame(e, f, name, cp);
    }
  };
}

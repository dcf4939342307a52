// Arithmetic and comparison expressions compiled to closures: int/float/str fast paths, CPython 3.11
// caret anchors for a failing operator, comparisons with an int literal (`n < 2`, the literal a
// closure constant, a plain local read in place), comparisons as conditions; the operand forms of
// binary operators (`i * 7`, `a + b`, `self.x * o.x`) are in arithForms.ts.

import type { ExprOf } from './ast';
import type { Compiler } from './compiler';
import { at, type ErrPos, posOf, type X } from './frame';
import { PyFloat } from './objects';
import { AttrLoad } from './attrLoad';
import { binOpAttrs, binOpIntConst, binOpLocals } from './arithForms';
import { binop, compare, contains } from './ops';
import { truthy } from './runtime';
import type { Scope } from './scope';

function binAnchors(e: ExprOf<'BinOp'>, lines: string[]): ErrPos {
  const p: ErrPos = posOf(e);
  if (e.line !== e.endLine || e.left.endLine !== e.line || e.right.line !== e.line) return p;
  const text = lines[e.line - 1] ?? '';
  for (let i = e.left.endCol; i < e.right.col; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\f') continue;
    if (c === ')' ) continue;
    let end = i + 1;
    if (end < e.right.col && !/\s/.test(text[end])) end++;
    p.anchors = [i, end];
    break;
  }
  return p;
}

export function binOp(c: Compiler, e: ExprOf<'BinOp'>, sc: Scope): X {
  const l = c.expr(e.left, sc);
  const r = c.expr(e.right, sc);
  const op = e.op;
  const p = binAnchors(e, c.ctx.lines);
  const slow = (a: any, b: any) => {
    try {
      return binop(op, a, b);
    } catch (err) {
      throw at(err, p);
    }
  };
  const rv = e.right;
  if (rv.type === 'Const' && rv.kind === 'int' && typeof rv.value === 'number') {
    const sp = binOpIntConst(op, rv.value, l, c.localSlot(e.left, sc), slow);
    if (sp !== null) return sp;
  }
  const ls = c.localSlot(e.left, sc), rs = c.localSlot(e.right, sc);
  if (ls >= 0 && rs >= 0) {
    const sp = binOpLocals(op, ls, rs, l, r, slow);
    if (sp !== null) return sp;
  }
  const el = e.left, er = e.right;
  if (el.type === 'Attribute' && er.type === 'Attribute') {
    // `self.x + o.x`, `self.x * o.x`: both attributes of plain locals, loaded here (two closure calls fewer).
    const lrs = c.localSlot(el.value, sc), rrs = c.localSlot(er.value, sc);
    if (lrs >= 0 && rrs >= 0) {
      const sp = binOpAttrs(op, lrs, new AttrLoad(el.attr, posOf(el)), c.expr(el.value, sc), rrs, new AttrLoad(er.attr, posOf(er)), c.expr(er.value, sc), slow);
      if (sp !== null) return sp;
    }
  }
  switch (op) {
    case '+':
      return (f) => {
        const a = l(f), b = r(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const s = a + b;
          if (Number.isSafeInteger(s)) return s;
        } else if (a instanceof PyFloat) {
          if (b instanceof PyFloat) return new PyFloat(a.v + b.v);
          if (typeof b === 'number') return new PyFloat(a.v + b);
        } else if (typeof a === 'string' && typeof b === 'string') return a + b;
        return slow(a, b);
      };
    case '-':
      return (f) => {
        const a = l(f), b = r(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const s = a - b;
          if (Number.isSafeInteger(s)) return s;
        } else if (a instanceof PyFloat) {
          if (b instanceof PyFloat) return new PyFloat(a.v - b.v);
          if (typeof b === 'number') return new PyFloat(a.v - b);
        }
        return slow(a, b);
      };
    case '*':
      return (f) => {
        const a = l(f), b = r(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const s = a * b;
          if (Number.isSafeInteger(s)) return s === 0 ? 0 : s;
        } else if (a instanceof PyFloat) {
          if (b instanceof PyFloat) return new PyFloat(a.v * b.v);
          if (typeof b === 'number') return new PyFloat(a.v * b);
        } else if (b instanceof PyFloat && typeof a === 'number') return new PyFloat(a * b.v);
        return slow(a, b);
      };
    case '%':
      return (f) => {
        const a = l(f), b = r(f);
        if (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0) return a % b;
        return slow(a, b);
      };
    case '//':
      return (f) => {
        const a = l(f), b = r(f);
        if (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0) return Math.floor(a / b);
        return slow(a, b);
      };
    case '/':
      return (f) => {
        const a = l(f), b = r(f);
        if (a instanceof PyFloat && b instanceof PyFloat && b.v !== 0) return new PyFloat(a.v / b.v);
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) return new PyFloat(a / b);
        return slow(a, b);
      };
    default:
      return (f) => slow(l(f), r(f));
  }
}

/**
 * `asCond`: the comparison is an `if`/`while`/conditional test (single operator only): its closure
 * returns the truth value itself (rich comparisons' results go through truthy), so the statement
 * needs no wrapper closure around it.
 */
export function compareExpr(c: Compiler, e: ExprOf<'Compare'>, sc: Scope, asCond = false): X {
  const left = c.expr(e.left, sc);
  const rights = e.comparators.map((x) => c.expr(x, sc));
  const p = posOf(e);
  const one0 = (op: string, a: any, b: any): any => {
    if (typeof a === 'number' && typeof b === 'number') {
      switch (op) {
        case '<': return a < b;
        case '>': return a > b;
        case '<=': return a <= b;
        case '>=': return a >= b;
        case '==': return a === b;
        case '!=': return a !== b;
      }
    }
    try {
      switch (op) {
        case 'is': return a === b || (a instanceof PyFloat && b instanceof PyFloat && false);
        case 'is not': return a !== b;
        case 'in': return contains(b, a);
        case 'not in': return !contains(b, a);
        default: return compare(op, a, b);
      }
    } catch (err) {
      throw at(err, p);
    }
  };
  const one = asCond ? (op: string, a: any, b: any): boolean => {
    const r = one0(op, a, b);
    if (r === true || r === false) return r;
    try {
      return truthy(r);
    } catch (err) {
      // CPython points at the comparison when the truth test of its result fails.
      throw at(err, p);
    }
  } : one0;
  if (rights.length === 1) {
    const op = e.ops[0];
    const r = rights[0];
    const rv = e.comparators[0];
    if (rv.type === 'Const' && rv.kind === 'int' && typeof rv.value === 'number') {
      // `n < 2`, `len(xs) > 50`: an int literal is a closure constant, a plain local is read in place.
      const k = rv.value;
      const slot = c.localSlot(e.left, sc);
      switch (op) {
        case '<':
          if (slot >= 0) return (f) => {
            const a = f.l[slot];
            return typeof a === 'number' ? a < k : one(op, a === undefined ? left(f) : a, k);
          };
          return (f) => {
            const a = left(f);
            return typeof a === 'number' ? a < k : one(op, a, k);
          };
        case '>': return (f) => {
          const a = left(f);
          return typeof a === 'number' ? a > k : one(op, a, k);
        };
        case '<=': return (f) => {
          const a = left(f);
          return typeof a === 'number' ? a <= k : one(op, a, k);
        };
        case '>=': return (f) => {
          const a = left(f);
          return typeof a === 'number' ? a >= k : one(op, a, k);
        };
        case '==': return (f) => {
          const a = left(f);
          return typeof a === 'number' ? a === k : one(op, a, k);
        };
        case '!=': return (f) => {
          const a = left(f);
          return typeof a === 'number' ? a !== k : one(op, a, k);
        };
      }
    }
    if (op === '<') return (f) => {
      const a = left(f), b = r(f);
      return typeof a === 'number' && typeof b === 'number' ? a < b : one(op, a, b);
    };
    if (op === '==') return (f) => {
      const a = left(f), b = r(f);
      return typeof a === 'number' && typeof b === 'number' ? a === b : typeof a === 'string' && typeof b === 'string' ? a === b : one(op, a, b);
    };
    return (f) => one(op, left(f), r(f));
  }
  return (f) => {
    let a = left(f);
    let res: any = true;
    for (let i = 0; i < rights.length; i++) {
      const b = rights[i](f);
      res = one0(e.ops[i], a, b);
      if (!truthy(res)) return res;
      a = b;
    }
    return res;
  };
}

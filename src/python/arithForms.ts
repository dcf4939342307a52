// Binary operators specialised by the form of their operands, the commonest in loops: an int literal
// on the right (`i * 7`, `n - 1`, `i % 100`) is a closure constant instead of a closure call, plain
// locals (`a + b`, `i * i`) are read from their frame slots in place, attributes of plain locals
// (`self.x * o.x`) are loaded inside the operator's closure: one to two megamorphic calls fewer per
// operation. Each (operator, operand form) pair is its own closure so V8's type feedback, shared by
// every site of one closure literal, stays specific. Anything but a safe int (or, where handled, two
// floats) goes to `slow`: the general binop with CPython's errors, exactly as compileArith.ts's closures.

import type { AttrLoad } from './attrLoad';
import type { X } from './frame';
import { PyFloat } from './objects';

type Slow = (a: any, b: any) => any;

/**
 * The specialised closure for `left op k`, or null when `op`/`k` has none. `slot` >= 0: the left operand
 * is that plain local (`l` then only raises its unbound error); otherwise `l` computes it.
 */
export function binOpIntConst(op: string, k: number, l: X, slot: number, slow: Slow): X | null {
  const local = slot >= 0;
  switch (op) {
    case '+':
      if (local) return (f) => {
        const a = f.l[slot];
        if (typeof a === 'number') {
          const s = a + k;
          if (Number.isSafeInteger(s)) return s;
        }
        return slow(a === undefined ? l(f) : a, k);
      };
      return (f) => {
        const a = l(f);
        if (typeof a === 'number') {
          const s = a + k;
          if (Number.isSafeInteger(s)) return s;
        }
        return slow(a, k);
      };
    case '-':
      if (local) return (f) => {
        const a = f.l[slot];
        if (typeof a === 'number') {
          const s = a - k;
          if (Number.isSafeInteger(s)) return s;
        }
        return slow(a === undefined ? l(f) : a, k);
      };
      return (f) => {
        const a = l(f);
        if (typeof a === 'number') {
          const s = a - k;
          if (Number.isSafeInteger(s)) return s;
        }
        return slow(a, k);
      };
    case '*':
      if (local) return (f) => {
        const a = f.l[slot];
        if (typeof a === 'number') {
          const s = a * k;
          if (Number.isSafeInteger(s)) return s === 0 ? 0 : s;
        }
        return slow(a === undefined ? l(f) : a, k);
      };
      return (f) => {
        const a = l(f);
        if (typeof a === 'number') {
          const s = a * k;
          if (Number.isSafeInteger(s)) return s === 0 ? 0 : s;
        }
        return slow(a, k);
      };
    case '%':
      // Python's modulo takes the divisor's sign: with k > 0 a negative JS remainder moves up by k.
      // Int32 operands use V8's integer modulus: one site's larger operand would otherwise make the
      // shared feedback "double" and every `%` a call to fmod (measured 20% faster per operation).
      if (!(k > 0) || (k | 0) !== k) return null;
      if (local) return (f) => {
        const a = f.l[slot];
        if (typeof a === 'number') {
          const r = (a | 0) === a ? (a | 0) % (k | 0) : a % k;
          return r < 0 ? r + k : r === 0 ? 0 : r;
        }
        return slow(a === undefined ? l(f) : a, k);
      };
      return (f) => {
        const a = l(f);
        if (typeof a === 'number') {
          const r = (a | 0) === a ? (a | 0) % (k | 0) : a % k;
          return r < 0 ? r + k : r === 0 ? 0 : r;
        }
        return slow(a, k);
      };
    case '//':
      if (!(k > 0)) return null;
      if (local) return (f) => {
        const a = f.l[slot];
        if (typeof a === 'number' && a >= 0) return Math.floor(a / k);
        return slow(a === undefined ? l(f) : a, k);
      };
      return (f) => {
        const a = l(f);
        if (typeof a === 'number' && a >= 0) return Math.floor(a / k);
        return slow(a, k);
      };
  }
  return null;
}

/**
 * `a + b`, `i * i`, `x - y` on two plain locals, read from their frame slots in place (`l`/`r` then
 * only raise their unbound errors, left first); int and float fast paths as in binOp.
 */
export function binOpLocals(op: string, ls: number, rs: number, l: X, r: X, slow: Slow): X | null {
  switch (op) {
    case '+': return (f) => {
      const a = f.l[ls], b = f.l[rs];
      if (typeof a === 'number' && typeof b === 'number') {
        const s = a + b;
        if (Number.isSafeInteger(s)) return s;
      } else if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v + b.v);
      return slow(a === undefined ? l(f) : a, b === undefined ? r(f) : b);
    };
    case '-': return (f) => {
      const a = f.l[ls], b = f.l[rs];
      if (typeof a === 'number' && typeof b === 'number') {
        const s = a - b;
        if (Number.isSafeInteger(s)) return s;
      } else if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v - b.v);
      return slow(a === undefined ? l(f) : a, b === undefined ? r(f) : b);
    };
    case '*': return (f) => {
      const a = f.l[ls], b = f.l[rs];
      if (typeof a === 'number' && typeof b === 'number') {
        const s = a * b;
        if (Number.isSafeInteger(s)) return s === 0 ? 0 : s;
      } else if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v * b.v);
      return slow(a === undefined ? l(f) : a, b === undefined ? r(f) : b);
    };
  }
  return null;
}

/**
 * `self.x + o.x` (+ - *): both operands attributes of plain locals, each receiver read in place (its
 * closure then only raises the unbound error) and loaded through its own AttrLoad, left then right.
 */
export function binOpAttrs(op: string, ls: number, la: AttrLoad, lrecv: X, rs: number, ra: AttrLoad, rrecv: X, slow: Slow): X | null {
  switch (op) {
    case '+': return (f) => {
      const o = f.l[ls];
      const a = la.load(o === undefined ? lrecv(f) : o);
      const q = f.l[rs];
      const b = ra.load(q === undefined ? rrecv(f) : q);
      if (typeof a === 'number' && typeof b === 'number') {
        const s = a + b;
        if (Number.isSafeInteger(s)) return s;
      } else if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v + b.v);
      return slow(a, b);
    };
    case '-': return (f) => {
      const o = f.l[ls];
      const a = la.load(o === undefined ? lrecv(f) : o);
      const q = f.l[rs];
      const b = ra.load(q === undefined ? rrecv(f) : q);
      if (typeof a === 'number' && typeof b === 'number') {
        const s = a - b;
        if (Number.isSafeInteger(s)) return s;
      } else if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v - b.v);
      return slow(a, b);
    };
    case '*': return (f) => {
      const o = f.l[ls];
      const a = la.load(o === undefined ? lrecv(f) : o);
      const q = f.l[rs];
      const b = ra.load(q === undefined ? rrecv(f) : q);
      if (typeof a === 'number' && typeof b === 'number') {
        const s = a * b;
        if (Number.isSafeInteger(s)) return s === 0 ? 0 : s;
      } else if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v * b.v);
      return slow(a, b);
    };
  }
  return null;
}

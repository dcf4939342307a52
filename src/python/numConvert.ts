// int(), float(), round(), pow(), divmod() with CPython's parsing rules and messages
// (Objects/longobject.c PyLong_FromString, Objects/floatobject.c float_from_string, bltinmodule.c).

import { OverflowError, pyErr, TypeError, ValueError, ZeroDivisionError } from './errors';
import { binop } from './ops';
import { big, floatFloorDiv, floatMod, intFloorDiv, intMod, normBig, roundHalfEven, type PyInt } from './numbers';
import { PyFloat, PyObject, PyTuple, typeName } from './objects';
import { strRepr } from './repr';
import { callDescr, toIndex } from './runtime';

export function intFromString(s: string, base: number): PyInt {
  const orig = s;
  const bad = () => pyErr(ValueError, `invalid literal for int() with base ${base}: ${strRepr(orig)}`);
  let t = s.trim().replace(/_(?=[0-9a-zA-Z])/g, (m, off, str: string) => (off > 0 && /[0-9a-zA-Z]/.test(str[off - 1]) ? '' : m));
  let neg = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let b = base;
  const pm = /^0([xob])/i.exec(t);
  if (pm && (b === 0 || b === { x: 16, o: 8, b: 2 }[pm[1].toLowerCase() as 'x' | 'o' | 'b'])) {
    b = { x: 16, o: 8, b: 2 }[pm[1].toLowerCase() as 'x' | 'o' | 'b'];
    t = t.slice(2).replace(/^_/, '');
  } else if (b === 0) {
    if (/^0+$/.test(t)) return 0;
    if (/^0/.test(t)) throw bad();
    b = 10;
  }
  if (!t) throw bad();
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  let r = 0n;
  const B = BigInt(b);
  for (const ch of t.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) throw bad();
    r = r * B + BigInt(d);
  }
  if (t.length > 4300 && b === 10) throw pyErr(ValueError, 'Exceeds the limit (4300 digits) for integer string conversion: value has ' + t.length + ' digits; use sys.set_int_max_str_digits() to increase the limit');
  return normBig(neg ? -r : r);
}

export function floatToInt(x: number): PyInt {
  if (Number.isNaN(x)) throw pyErr(ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : BigInt(t);
}

export function intFromValue(args: any[], kw: Map<string, any> | null): PyInt {
  if (kw && kw.size) {
    const b = kw.get('base');
    if (b !== undefined) args = [args[0], b];
  }
  if (args.length === 0) return 0;
  const v = args[0];
  if (args.length > 1) {
    const base = toIndex(args[1]);
    if (base !== 0 && (base < 2 || base > 36)) throw pyErr(ValueError, 'int() base must be >= 2 and <= 36, or 0');
    if (typeof v !== 'string') throw pyErr(TypeError, "int() can't convert non-string with explicit base");
    return intFromString(v, base);
  }
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return floatToInt(v.v);
  if (typeof v === 'string') return intFromString(v, 10);
  if (v instanceof PyObject) {
    for (const name of ['__int__', '__index__', '__trunc__']) {
      const f = v.cls.lookup(name);
      if (f !== undefined) {
        const r = callDescr(f, v, []);
        if (r instanceof PyFloat) return floatToInt(r.v);
        return r;
      }
    }
  }
  throw pyErr(TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

export function floatFromValue(args: any[]): number {
  if (args.length === 0) return 0;
  if (args.length > 1) throw pyErr(TypeError, `float expected at most 1 argument, got ${args.length}`);
  const v = args[0];
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    const f = Number(v);
    if (!Number.isFinite(f)) throw pyErr(OverflowError, 'int too large to convert to float');
    return f;
  }
  if (typeof v === 'string') {
    const t = v.trim().replace(/(\d)_(?=\d)/g, '$1').toLowerCase();
    if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(t)) return NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return parseFloat(t);
    throw pyErr(ValueError, `could not convert string to float: ${strRepr(v)}`);
  }
  if (v instanceof PyObject) {
    const f = v.cls.lookup('__float__');
    if (f !== undefined) {
      const r = callDescr(f, v, []);
      if (r instanceof PyFloat) return r.v;
      throw pyErr(TypeError, `${typeName(v)}.__float__ returned non-float (type ${typeName(r)})`);
    }
    const i = v.cls.lookup('__index__');
    if (i !== undefined) return Number(callDescr(i, v, []));
  }
  throw pyErr(TypeError, `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

export function roundBuiltin(args: any[], kw: Map<string, any> | null): any {
  const nd = args.length > 1 ? args[1] : kw?.get('ndigits') ?? null;
  if (args.length < 1 || args.length > 2) throw pyErr(TypeError, `round() takes at most 2 arguments (${args.length} given)`);
  const v = args[0];
  if (v instanceof PyFloat) {
    if (nd === null) {
      if (!Number.isFinite(v.v)) throw pyErr(Number.isNaN(v.v) ? ValueError : OverflowError, Number.isNaN(v.v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      return floatToInt(roundHalfEven(v.v, 0));
    }
    return new PyFloat(roundHalfEven(v.v, toIndex(nd)));
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (nd === null) return n;
    const d = toIndex(nd);
    if (d >= 0) return n;
    const p = 10n ** BigInt(-d);
    const B = big(n);
    let q = B / p;
    let r = B % p;
    if (r < 0n) {
      r += p;
      q -= 1n;
    }
    if (r * 2n > p || (r * 2n === p && q % 2n !== 0n)) q += 1n;
    return normBig(q * p);
  }
  if (v instanceof PyObject) {
    const f = v.cls.lookup('__round__');
    if (f !== undefined) return callDescr(f, v, nd === null ? [] : [nd]);
  }
  throw pyErr(TypeError, `type ${typeName(v)} doesn't define __round__ method`);
}

export function powBuiltin(args: any[], kw: Map<string, any> | null): any {
  const mod = args.length > 2 ? args[2] : kw?.get('mod') ?? null;
  if (args.length < 2) throw pyErr(TypeError, `pow() missing required argument 'exp' (pos 2)`);
  const [a, b] = args;
  if (mod === null) return binop('**', a, b);
  if (typeof a === 'number' || typeof a === 'bigint') {
    const M = big(mod);
    if (M === 0n) throw pyErr(ValueError, 'pow() 3rd argument cannot be 0');
    let e = big(b);
    if (e < 0n) throw pyErr(ValueError, 'base is not invertible for the given modulus');
    let base = ((big(a) % M) + M) % M;
    let r = 1n;
    while (e > 0n) {
      if (e & 1n) r = (r * base) % M;
      base = (base * base) % M;
      e >>= 1n;
    }
    if (M < 0n && r > 0n) r += M;
    return normBig(r);
  }
  throw pyErr(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
}

export function divmodBuiltin(a: any, b: any): PyTuple {
  const isI = (v: any) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  if (isI(a) && isI(b)) {
    const x = typeof a === 'boolean' ? +a : a, y = typeof b === 'boolean' ? +b : b;
    return new PyTuple([intFloorDiv(x, y), intMod(x, y)]);
  }
  if ((isI(a) || a instanceof PyFloat) && (isI(b) || b instanceof PyFloat)) {
    const x = a instanceof PyFloat ? a.v : Number(a), y = b instanceof PyFloat ? b.v : Number(b);
    if (y === 0) throw pyErr(ZeroDivisionError, 'float divmod()');
    return new PyTuple([new PyFloat(floatFloorDiv(x, y)), new PyFloat(floatMod(x, y))]);
  }
  if (a instanceof PyObject) {
    const f = a.cls.lookup('__divmod__');
    if (f !== undefined) return callDescr(f, a, [b]);
  }
  throw pyErr(TypeError, `unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
}

// int and float arithmetic with Python semantics: ints are JS safe integers that overflow into BigInt
// (arbitrary precision), floor division and modulo round towards -inf, `/` is true division, and the
// ZeroDivisionError/OverflowError messages are CPython 3.11's (Objects/longobject.c, floatobject.c).

import { pow as cPow } from '../common/pow';
import { OverflowError, pyErr, ValueError, ZeroDivisionError } from './errors';
import { PyFloat } from './objects';

export type PyInt = number | bigint;

export function normBig(b: bigint): PyInt {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}
export function big(a: PyInt | boolean): bigint {
  return typeof a === 'bigint' ? a : BigInt(typeof a === 'boolean' ? (a ? 1 : 0) : a);
}
export function intToFloat(a: PyInt | boolean): number {
  if (typeof a === 'bigint') {
    const f = Number(a);
    if (!Number.isFinite(f)) throw pyErr(OverflowError, 'int too large to convert to float');
    return f;
  }
  return +a;
}

export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) + big(b));
}
export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) - big(b));
}
export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normBig(big(a) * big(b));
}
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr(ZeroDivisionError, 'integer division or modulo by zero');
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q === 0 ? 0 : q;
  }
  const A = big(a), B = big(b);
  if (B === 0n) throw pyErr(ZeroDivisionError, 'integer division or modulo by zero');
  let q = A / B;
  if (A % B !== 0n && (A < 0n) !== (B < 0n)) q -= 1n;
  return normBig(q);
}
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr(ZeroDivisionError, 'integer modulo by zero');
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  const A = big(a), B = big(b);
  if (B === 0n) throw pyErr(ZeroDivisionError, 'integer modulo by zero');
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return normBig(r);
}
export function intTrueDiv(a: PyInt, b: PyInt): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr(ZeroDivisionError, 'division by zero');
    return a / b;
  }
  const A = big(a), B = big(b);
  if (B === 0n) throw pyErr(ZeroDivisionError, 'division by zero');
  // Exact-enough for big ints: scale so the quotient keeps 64 significant bits.
  const r = Number(A) / Number(B);
  if (Number.isFinite(r)) return r;
  throw pyErr(OverflowError, 'integer division result too large for a float');
}
export function intPow(a: PyInt, b: PyInt): PyInt | PyFloat {
  if ((typeof b === 'number' ? b : Number(b)) < 0) {
    const fa = intToFloat(a);
    if (fa === 0) throw pyErr(ZeroDivisionError, '0.0 cannot be raised to a negative power');
    return new PyFloat(cPow(fa, intToFloat(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = Math.pow(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) ** big(b));
}
export function intNeg(a: PyInt): PyInt {
  return typeof a === 'number' ? 0 - a : normBig(-a);
}
export function intCmp(a: PyInt, b: PyInt): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function intBitop(op: string, a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number' && op !== '<<' && Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) {
    switch (op) {
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '>>': return b >= 32 ? (a < 0 ? -1 : 0) : b < 0 ? negShift() : a >> b;
    }
  }
  const A = big(a), B = big(b);
  switch (op) {
    case '&': return normBig(A & B);
    case '|': return normBig(A | B);
    case '^': return normBig(A ^ B);
    case '<<':
      if (B < 0n) negShift();
      if (B > 100000n) throw pyErr(OverflowError, 'too many digits in integer');
      return normBig(A << B);
    default:
      if (B < 0n) negShift();
      return normBig(A >> B);
  }
}
function negShift(): never {
  throw pyErr(ValueError, 'negative shift count');
}

// ---- floats
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw pyErr(ZeroDivisionError, 'float floor division by zero');
  return Math.floor(a / b) === a / b ? pyFloorDivExact(a, b) : pyFloorDivExact(a, b);
}
/** CPython float_floor_div: uses fmod to get the exact remainder, then corrects (Objects/floatobject.c _float_div_mod). */
function pyFloorDivExact(vx: number, wx: number): number {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = Math.sign(vx / wx) * 0.0;
  }
  return floordiv;
}
export function floatMod(vx: number, wx: number): number {
  if (wx === 0) throw pyErr(ZeroDivisionError, 'float modulo');
  let mod = vx % wx;
  if (mod) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = wx < 0 ? -0.0 : 0.0;
  }
  return mod;
}
export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw pyErr(ZeroDivisionError, 'float division by zero');
  return a / b;
}
export function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw pyErr(ZeroDivisionError, '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) {
    throw pyErr(ValueError, 'math domain error');
  }
  if (a === 1 || b === 0) return 1;
  // C's pow (glibc's, bit for bit), as CPython's float_pow calls it: V8's Math.pow is not (10.0 ** -4 gave
  // 9.999999999999999e-05 where CPython prints 0.0001).
  const r = cPow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw pyErr(OverflowError, "(34, 'Numerical result out of range')");
  return r;
}

/** Python's round-half-even for round(x) and round(x, n) (CPython uses correctly rounded dtoa; we use the
 * exact decimal expansion to decide ties). */
export function roundHalfEven(x: number, nd: number): number {
  if (!Number.isFinite(x)) return x;
  if (nd > 22) return x;
  if (nd === 0) {
    const r = Math.round(x);
    if (Math.abs(x - Math.trunc(x)) === 0.5) return 2 * Math.round(x / 2);
    return r;
  }
  // Decide using the exact decimal value of x (toPrecision with enough digits is exact for binary64 up to ~770 digits).
  const s = exactDecimal(x);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [ip, fp = ''] = body.split('.');
  if (nd < 0) {
    const p = 10 ** -nd;
    const q = x / p;
    const rq = Math.abs(q - Math.trunc(q)) === 0.5 ? 2 * Math.round(q / 2) : Math.round(q);
    return rq * p;
  }
  if (fp.length <= nd) return x;
  let digits = ip + fp.slice(0, nd);
  const rest = fp.slice(nd);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  let up = first > 5 || (first === 5 && (tail || (digits.charCodeAt(digits.length - 1) - 48) % 2 === 1));
  let n = BigInt(digits);
  if (up) n += 1n;
  const str = n.toString().padStart(nd + 1, '0');
  const res = Number(str.slice(0, str.length - nd) + '.' + str.slice(str.length - nd));
  return neg ? -res : res;
}

/** The exact decimal expansion of a double. */
export function exactDecimal(x: number): string {
  if (Number.isInteger(x)) return BigInt(x).toString();
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const neg = hi >>> 31 === 1;
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  // value = mant * 2^e, e < 0 here since x is not an integer.
  const scale = BigInt(-e);
  const digits = (mant * 5n ** scale).toString().padStart(Number(scale) + 1, '0');
  const ip = digits.slice(0, digits.length - Number(scale));
  const fp = digits.slice(digits.length - Number(scale)).replace(/0+$/, '');
  return (neg ? '-' : '') + ip + (fp ? '.' + fp : '');
}

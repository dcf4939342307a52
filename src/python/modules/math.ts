// The `math` module (Modules/mathmodule.c): domain/range errors as ValueError/OverflowError
// "math domain error"/"math range error"; floor/ceil/trunc return ints. exp, exp2, expm1, the hyperbolic
// functions and their inverses, log1p, log, log2, log10, erf and erfc are glibc's, pow correctly
// rounded, gamma/lgamma CPython's own (src/common: bit for bit with CPython on Linux), where V8's Math
// functions differ in the last bit on 0.05-14% of inputs; sin and cos are glibc's too (V8's differ on
// 3.5-8%); tan and the inverse trigonometric functions are V8's.

import { OverflowError, pyErr, TypeError, ValueError } from '../errors';
import { floatToInt } from '../numConvert';
import { PyFloat, PyModule, typeName } from '../objects';
import { getIter, iterNext, toIndex, callDescr } from '../runtime';
import { builtin, toNumber } from '../nativeUtil';
import { binop } from '../ops';
import { big, normBig } from '../numbers';
import { PyObject } from '../objects';
import { PyTuple } from '../objects';
import { toArray } from '../runtime';
import { ZeroDivisionError } from '../errors';
import { cpythonGamma, cpythonLgamma } from '../../common/libm/cpythonGamma';
import { pow } from '../../common/pow';
import { fdlibmErf, fdlibmErfc } from '../../common/libm/fdlibmErf';
import { fdlibmExpm1 } from '../../common/libm/fdlibmExpm1';
import { fdlibmCosh, fdlibmSinh, fdlibmTanh } from '../../common/libm/fdlibmHyperbolic';
import { fdlibmAcosh, fdlibmAsinh, fdlibmAtanh } from '../../common/libm/fdlibmInverseHyperbolic';
import { fdlibmLog1p } from '../../common/libm/fdlibmLog1p';
import { glibcExp } from '../../common/libm/glibcExp';
import { glibcExp2 } from '../../common/libm/glibcExp2';
import { glibcLog } from '../../common/libm/glibcLog';
import { glibcLog10 } from '../../common/libm/glibcLog10';
import { glibcLog2 } from '../../common/libm/glibcLog2';
import { glibcCos, glibcSin } from '../../common/libm/glibcSin';

const F = (x: number) => new PyFloat(x);

function num(v: any): number {
  return toNumber(v, 'must be real number, not {}');
}

function domain(): never {
  throw pyErr(ValueError, 'math domain error');
}

function range(x: number): number {
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'math range error');
  return x;
}

function f1(name: string, fn: (x: number) => number, check?: (x: number) => boolean, overflow = false) {
  return builtin(name, (args) => {
    if (args.length !== 1) throw pyErr(TypeError, `math.${name}() takes exactly one argument (${args.length} given)`);
    const x = num(args[0]);
    if (check && !check(x)) domain();
    const r = fn(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) domain();
    if (overflow && !Number.isFinite(r) && Number.isFinite(x)) throw pyErr(OverflowError, 'math range error');
    return F(r);
  });
}

function logOf(name: string, args: any[], fn: (x: number) => number): number {
  if (args.length !== 1) throw pyErr(TypeError, `math.${name}() takes exactly one argument (${args.length} given)`);
  return logHelper(args[0], fn);
}

/**
 * CPython's loghelper: an int is converted to float (correctly rounded) when it fits; a larger one is
 * m·2^e with m in [0.5, 1) rounded to 53 bits (_PyLong_Frexp) and its log is fn(m) + fn(2)·e (plain
 * double arithmetic, as CPython's build does it). Floats go to the C function: zero, negatives and -inf
 * are a domain error, inf and NaN pass through.
 */
function logHelper(v: any, fn: (x: number) => number): number {
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (v <= 0) domain();
    const x = Number(v);
    if (x !== Infinity) return fn(x);
    const [m, e] = frexpInt(v as bigint);
    return fn(m) + fn(2) * e;
  }
  const x = num(v);
  if (x <= 0) domain();
  return fn(x);
}

/** _PyLong_Frexp for v >= 2^1023: v ≈ m·2^e, m in [0.5, 1) the 53-bit round-half-even of v's top bits. */
function frexpInt(v: bigint): [number, number] {
  let e = v.toString(2).length;
  const shift = BigInt(e - 55);
  let q = v >> shift;
  if (q << shift !== v) q |= 1n; // sticky bit: Number() then rounds the 55-bit q once, correctly
  let m = Number(q) / 2 ** 55;
  if (m === 1) { // rounded up to the next power of two: CPython returns 0.5 and e + 1
    m = 0.5;
    e += 1;
  }
  return [m, e];
}

function intOrCall(v: any, dunder: string, fn: (x: number) => number): any {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return floatToInt(fn(v.v));
  if (v instanceof PyObject) {
    const f = v.cls.lookup(dunder);
    if (f !== undefined) return callDescr(f, v, []);
  }
  return floatToInt(fn(num(v)));
}

function factorial(n: number): any {
  let r = 1n;
  for (let i = 2n; i <= BigInt(n); i++) r *= i;
  return normBig(r);
}

function gcd2(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Shewchuk's exact summation as in math.fsum (msum). */
function fsum(xs: number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

export function makeMath(): PyModule {
  const d = new Map<string, any>();
  d.set('pi', F(Math.PI));
  d.set('e', F(Math.E));
  d.set('tau', F(2 * Math.PI));
  d.set('inf', F(Infinity));
  d.set('nan', F(NaN));
  d.set('sqrt', f1('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x)));
  d.set('exp', f1('exp', glibcExp, undefined, true));
  d.set('exp2', f1('exp2', glibcExp2, undefined, true));
  d.set('expm1', f1('expm1', fdlibmExpm1, undefined, true));
  d.set('log2', builtin('log2', (args) => F(logOf('log2', args, glibcLog2))));
  d.set('log10', builtin('log10', (args) => F(logOf('log10', args, glibcLog10))));
  d.set('log1p', f1('log1p', fdlibmLog1p, (x) => x > -1 || Number.isNaN(x)));
  d.set('log', builtin('log', (args) => {
    if (args.length < 1 || args.length > 2) throw pyErr(TypeError, 'math.log requires 1 to 2 arguments');
    const a = logHelper(args[0], glibcLog);
    if (args.length === 1) return F(a);
    const b = logHelper(args[1], glibcLog);
    if (b === 0) throw pyErr(ZeroDivisionError, 'float division by zero');
    return F(a / b);
  }));
  for (const [n, fn] of [['sin', glibcSin], ['cos', glibcCos], ['tan', Math.tan], ['atan', Math.atan], ['sinh', fdlibmSinh], ['cosh', fdlibmCosh], ['tanh', fdlibmTanh], ['asinh', fdlibmAsinh]] as const) {
    d.set(n, f1(n, fn, (x) => Number.isFinite(x) || Number.isNaN(x) || n === 'atan' || n === 'tanh' || n === 'asinh' || n === 'sinh' || n === 'cosh', n === 'sinh' || n === 'cosh'));
  }
  d.set('asin', f1('asin', Math.asin, (x) => Math.abs(x) <= 1 || Number.isNaN(x)));
  d.set('acos', f1('acos', Math.acos, (x) => Math.abs(x) <= 1 || Number.isNaN(x)));
  d.set('acosh', f1('acosh', fdlibmAcosh, (x) => x >= 1 || Number.isNaN(x)));
  d.set('atanh', f1('atanh', fdlibmAtanh, (x) => Math.abs(x) < 1 || Number.isNaN(x)));
  d.set('atan2', builtin('atan2', (a) => F(Math.atan2(num(a[0]), num(a[1])))));
  d.set('hypot', builtin('hypot', (a) => F(Math.hypot(...a.map(num)))));
  d.set('fabs', f1('fabs', Math.abs));
  d.set('floor', builtin('floor', (a) => intOrCall(a[0], '__floor__', Math.floor)));
  d.set('ceil', builtin('ceil', (a) => intOrCall(a[0], '__ceil__', Math.ceil)));
  d.set('trunc', builtin('trunc', (a) => intOrCall(a[0], '__trunc__', Math.trunc)));
  d.set('pow', builtin('pow', (a) => {
    // math_pow_impl: infinities and NaN by C99's table (which common/pow follows, unlike Math.pow:
    // 1**nan and (-1)**inf are 1), finite**finite by the C library's pow (common/pow = glibc's, bit for
    // bit; Math.pow differed on 7-8%); NaN -> ValueError, inf from 0**negative ->
    // ValueError, from overflow -> OverflowError.
    const x = num(a[0]), y = num(a[1]);
    const r = pow(x, y);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Number.isFinite(r)) return F(r);
    if (Number.isNaN(r) || x === 0) domain();
    throw pyErr(OverflowError, 'math range error');
  }));
  d.set('fmod', builtin('fmod', (a) => {
    const x = num(a[0]), y = num(a[1]);
    if (y === 0 || !Number.isFinite(x)) domain();
    return F(x % y);
  }));
  d.set('copysign', builtin('copysign', (a) => {
    const x = num(a[0]), y = num(a[1]);
    return F(Math.sign(y) === -1 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x));
  }));
  d.set('degrees', f1('degrees', (x) => x * (180 / Math.PI)));
  d.set('radians', f1('radians', (x) => x * (Math.PI / 180)));
  d.set('isnan', builtin('isnan', (a) => Number.isNaN(num(a[0]))));
  d.set('isinf', builtin('isinf', (a) => {
    const x = num(a[0]);
    return !Number.isFinite(x) && !Number.isNaN(x);
  }));
  d.set('isfinite', builtin('isfinite', (a) => Number.isFinite(num(a[0]))));
  d.set('isclose', builtin('isclose', (a, kw) => {
    const x = num(a[0]), y = num(a[1]);
    const rel = kw?.has('rel_tol') ? num(kw.get('rel_tol')) : 1e-9;
    const abs = kw?.has('abs_tol') ? num(kw.get('abs_tol')) : 0;
    if (x === y) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    const diff = Math.abs(y - x);
    return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
  }));
  d.set('factorial', builtin('factorial', (a) => {
    const v = a[0];
    if (v instanceof PyFloat) throw pyErr(TypeError, "'float' object cannot be interpreted as an integer");
    const n = toIndex(v);
    if (n < 0) throw pyErr(ValueError, 'factorial() not defined for negative values');
    return factorial(n);
  }));
  d.set('gcd', builtin('gcd', (a) => normBig(a.reduce((acc: bigint, v: any) => gcd2(acc, big(toIndexBig(v))), 0n))));
  d.set('lcm', builtin('lcm', (a) => normBig(a.reduce((acc: bigint, v: any) => {
    const b = big(toIndexBig(v));
    if (acc === 0n || b === 0n) return 0n;
    const r = (acc * b) / gcd2(acc, b);
    return r < 0n ? -r : r;
  }, 1n))));
  d.set('comb', builtin('comb', (a) => {
    const n = BigInt(toIndex(a[0])), k = BigInt(toIndex(a[1]));
    if (n < 0n || k < 0n) throw pyErr(ValueError, `${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
    if (k > n) return 0;
    let r = 1n;
    for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
    return normBig(r);
  }));
  d.set('perm', builtin('perm', (a) => {
    const n = BigInt(toIndex(a[0]));
    const k = a.length > 1 && a[1] !== null ? BigInt(toIndex(a[1])) : n;
    if (k > n) return 0;
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return normBig(r);
  }));
  d.set('prod', builtin('prod', (a, kw) => {
    let acc: any = kw?.get('start') ?? 1;
    const it = getIter(a[0]);
    for (let x = iterNext(it); x !== undefined; x = iterNext(it)) acc = binop('*', acc, x);
    return acc;
  }));
  d.set('fsum', builtin('fsum', (a) => {
    const xs: number[] = [];
    const it = getIter(a[0]);
    for (let x = iterNext(it); x !== undefined; x = iterNext(it)) xs.push(num(x));
    return F(range(fsum(xs)));
  }));
  d.set('modf', builtin('modf', (a) => {
    const x = num(a[0]);
    const ip = Math.trunc(x);
    return new PyTuple([F(x - ip), F(ip)]);
  }));
  d.set('frexp', builtin('frexp', (a) => {
    const x = num(a[0]);
    if (x === 0 || !Number.isFinite(x)) return new PyTuple([F(x), 0]);
    let e = Math.ceil(Math.log2(Math.abs(x)));
    let m = x / 2 ** e;
    if (Math.abs(m) >= 1) {
      m /= 2;
      e += 1;
    }
    if (Math.abs(m) < 0.5) {
      m *= 2;
      e -= 1;
    }
    return new PyTuple([F(m), e]);
  }));
  d.set('ldexp', builtin('ldexp', (a) => F(range(num(a[0]) * 2 ** toIndex(a[1])))));
  d.set('dist', builtin('dist', (a) => {
    const p = toArray(a[0]).map(num), q = toArray(a[1]).map(num);
    return F(Math.hypot(...p.map((x, i) => x - q[i])));
  }));
  d.set('erf', f1('erf', fdlibmErf));
  d.set('erfc', f1('erfc', fdlibmErfc));
  // CPython's own Lanczos gamma/lgamma (cpythonGamma.ts), not the C library's: ValueError at the poles,
  // OverflowError where the result is infinite for a finite x.
  d.set('lgamma', f1('lgamma', cpythonLgamma, (x) => !(Number.isInteger(x) && x <= 0), true));
  d.set('gamma', f1('gamma', cpythonGamma, (x) => !(Number.isInteger(x) && x <= 0), true));
  return new PyModule('math', d);
}

function toIndexBig(v: any): any {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyErr(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

// glibc's double sin and cos (2.28 and later: IBM Accurate Mathematical Library, sysdeps/ieee754/dbl-64/
// s_sin.c, with its slow paths removed) as built for x86-64 CPUs with FMA (s_sin-fma.c), reproduced bit
// for bit: CPython's math.sin/math.cos are those functions, and V8's Math.sin/Math.cos (fdlibm) differ
// from them in the last bit on about 8% / 3.5% of inputs. Method (glibc's): |x| < 2^-26 (sin) or 2^-27
// (cos) trivially; up to 0.855469 directly; up to 2.426265 as cos/sin of π/2 - |x| (π/2 double-double);
// below 105414350 a four-part Cody-Waite reduction by π/2 into a + da (reduce_sincos); beyond, Payne-Hanek
// (glibcSinBranred.ts). Then sin(a + da) is a Taylor polynomial for |a| < 0.126, else with a = k/128 + x,
// sin/cos(k/128) from a double-double table (glibcSinData.ts) combined with short polynomials in x.
// Every `a·b ± c` GCC contracts in that build is one exactly emulated fused multiply-add: each product
// whose uses are all additions in one block (also the twice-used xn·pp3 and xn·pp4 of the reduction); in
// `x·dx + xx·(...)` and `P·a - 0.5·da` the first product in source order. Checked on 1.5M random inputs
// per function besides the golden: fusing nothing differs on ~1050, leaving do_sin's or do_cos's `cor`
// unfused on ~800 / ~200, fusing 0.5·da instead of P·a on 23-36; this on none. Three choices no input
// has separated (the x·dx order, the reduction's second uses, x·hpinv + toint) follow GCC's rule.
// Golden: test/fixtures/common/libm-trig.json (scripts/golden/common_libm_trig.py).

import * as libmFma from './fma';
import * as data from './glibcSinData';
import { branred } from './glibcSinBranred';

// Module-local copies (an imported binding compiled to CommonJS is a getter call per use).
const { S1, S2, S3, S4, S5, SN3, SN5, CS2, CS4, CS6, HP0, HP1, MP1, MP2, PP3, PP4, HPINV, SINCOS } = data;
/** fmaFinite's preconditions hold: operands finite and below 2^30, products zero or above 2^-400. */
const fma = libmFma.fmaFinite;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** 1.5·2^45: big + |x| rounds |x| to a multiple of 1/128 (glibc's `big`). */
const BIG = 52776558133248;
/** 1.5·2^52: rounds to an integer (glibc's `toint`). */
const TOINT = 6755399441055744;

/** Where the reductions leave a + da = x - n·π/2 (they return n mod 4). */
const RED = new Float64Array(2);

/** sin(a + da) by the Taylor polynomial (|a| < 0.126): glibc's TAYLOR_SIN, its multiply-adds fused. */
function taylorSin(a: number, da: number): number {
  const xx = a * a;
  const q = fma(fma(fma(S5, xx, S4), xx, S3), xx, S2);
  const poly = fma(q, xx, S1);
  const t = fma(fma(poly, a, -0.5 * da), xx, da);
  return a + t;
}

/** sin(x + dx), |x| + |dx| < π/4 + ε: glibc's do_sin. */
function doSin(x: number, dx: number): number {
  const ax = Math.abs(x);
  if (ax < 0.126) return taylorSin(x, dx);
  if (x <= 0) dx = -dx;
  const u = BIG + ax;
  const xr = ax - (u - BIG);
  const k = (u - BIG) * 512; // 4·(128·(u - big)): the table row
  const xx = xr * xr;
  const s = xr + fma(xr * xx, fma(xx, SN5, SN3), dx);
  const c = fma(xr, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const sn = SINCOS[k], ssn = SINCOS[k + 1], cs = SINCOS[k + 2], ccs = SINCOS[k + 3];
  const cor = fma(cs, s, fma(-sn, c, fma(s, ccs, ssn)));
  const r = sn + cor;
  return x < 0 ? -r : r; // copysign: x is not 0 here (|x| >= 0.126)
}

/** cos(x + dx), |x| + |dx| < 0.86: glibc's do_cos. */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const ax = Math.abs(x);
  const u = BIG + ax;
  const xr = ax - (u - BIG) + dx;
  const k = (u - BIG) * 512;
  const xx = xr * xr;
  const s = fma(xr * xx, fma(xx, SN5, SN3), xr);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const sn = SINCOS[k], ssn = SINCOS[k + 1], cs = SINCOS[k + 2], ccs = SINCOS[k + 3];
  const cor = fma(-sn, s, fma(-cs, c, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** x - n·π/2 into RED for |x| < 105414350, returning n mod 4: glibc's reduce_sincos. */
function reduce(x: number): number {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  let db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  db += fma(-xn, PP4, t2 - b);
  RED[0] = b;
  RED[1] = db;
  return xn & 3;
}

/** sin (n even) or cos (n odd) of a + da, negated for n & 2: glibc's do_sincos. */
function doSinCos(a: number, da: number, n: number): number {
  const r = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -r : r;
}

function highWord(x: number): number {
  F64[0] = x;
  return U32[1] & 0x7fffffff;
}

export function glibcSin(x: number): number {
  const k = highWord(x);
  if (k < 0x3e500000) return x; // |x| < 2^-26
  if (k < 0x3feb6000) return doSin(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) {
    // |x| < 2.426265: cos(π/2 - |x|) with the sign of x
    const r = doCos(HP0 - Math.abs(x), HP1);
    return x < 0 ? -r : r;
  }
  if (k < 0x7ff00000) {
    const n = k < 0x419921fb ? reduce(x) : branred(x, RED);
    return doSinCos(RED[0], RED[1], n);
  }
  return x - x; // inf, NaN: NaN
}

export function glibcCos(x: number): number {
  const k = highWord(x);
  if (k < 0x3e400000) return 1; // |x| < 2^-27
  if (k < 0x3feb6000) return doCos(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) {
    // |x| < 2.426265: sin(π/2 - |x|), π/2 - |x| as a double-double
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    return doSin(a, y - a + HP1);
  }
  if (k < 0x7ff00000) {
    const n = k < 0x419921fb ? reduce(x) : branred(x, RED);
    return doSinCos(RED[0], RED[1], n + 1);
  }
  return x - x;
}

// glibc's sinh, cosh and tanh (sysdeps/ieee754/dbl-64/e_sinh.c, e_cosh.c, s_tanh.c: fdlibm's methods),
// which CPython's math.sinh/cosh/tanh call: formulas in expm1 (fdlibmExpm1.ts) for small |x| and exp
// (glibcExp.ts) above, both bit for bit with this machine's glibc, so these are too. Their own products
// are by 0.5 or 2 (exact) or stand alone, so fusion changes nothing here. V8's Math.sinh/cosh/tanh
// differ from them on a few percent of inputs. Golden: test/fixtures/common/libm.json.

import { fdlibmExpm1 } from './fdlibmExpm1';
import { glibcExp } from './glibcExp';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

/** |x| up to which exp(|x|/2)²/2 stays finite: high word 0x408633ce, low word up to 0x8fb9f87d. */
function belowOverflow(ix: number, lx: number): boolean {
  return ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d);
}

export function fdlibmSinh(x: number): number {
  F64[0] = x;
  const ix = U32[1] & 0x7fffffff, lx = U32[0];
  if (ix >= 0x7ff00000) return x + x; // inf, NaN
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    // |x| < 22: sign(x)·(E + E/(E + 1))/2 with E = expm1(|x|)
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    const t = fdlibmExpm1(ax);
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * glibcExp(ax); // |x| < log(DBL_MAX)
  if (belowOverflow(ix, lx)) {
    const w = glibcExp(0.5 * ax);
    return h * w * w;
  }
  return x * 1e307; // overflow
}

export function fdlibmCosh(x: number): number {
  F64[0] = x;
  const ix = U32[1] & 0x7fffffff, lx = U32[0];
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      // |x| < ln2/2: 1 + expm1(|x|)²/(2·exp(|x|))
      if (ix < 0x3c800000) return 1; // |x| < 2^-55
      const t = fdlibmExpm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = glibcExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * glibcExp(ax);
  if (belowOverflow(ix, lx)) {
    const w = glibcExp(0.5 * ax);
    return 0.5 * w * w;
  }
  if (ix >= 0x7ff00000) return x * x; // inf, NaN
  return Infinity; // overflow
}

export function fdlibmTanh(x: number): number {
  F64[0] = x;
  const jx = U32[1] | 0, ix = jx & 0x7fffffff, lx = U32[0];
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // ±1, NaN
  let z: number;
  if (ix < 0x40360000) {
    if ((ix | lx) === 0) return x; // ±0
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2^-55
    if (ix >= 0x3ff00000) {
      const t = fdlibmExpm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = fdlibmExpm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| >= 22 (glibc's 1 - tiny rounds to 1)
  }
  return jx >= 0 ? z : -z;
}

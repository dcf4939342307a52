// glibc's erf and erfc as of 2.36 (sysdeps/ieee754/dbl-64/s_erf.c, fdlibm's method), which CPython's
// math.erf/math.erfc call on Linux (CPython's own series is only a fallback for C libraries without
// them): a rational approximation on [0, 0.84375), one around 1 in [0.84375, 1.25), and above it
// exp(-z² - 0.5625)·exp((z - x)(z + x) + R/S)/x with z = x cut to 21 significant bits, through glibc's
// exp (glibcExp.ts, bit for bit). Evaluation order is the C source's (pairs of terms for pipelining).
// x86-64 glibc builds this file without FMA: unfused it matched CPython on 200k inputs each, with every
// multiply-add fused it differed on 2-3%. V8 has no erf. Golden: test/fixtures/common/libm.json.

import { glibcExp } from './glibcExp';

/** c + a·b, two roundings (the C library's build does not fuse here). */
function ma(a: number, b: number, c: number): number {
  return c + a * b;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

const ERX = 8.45062911510467529297e-01; // erf(1) rounded to float precision
const EFX = 1.28379167095512586316e-01; // 2/sqrt(pi) - 1
/** erf on [0, 0.84375): x + x·(pp(z)/qq(z)), z = x². */
const PP = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
const QQ = [0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
/** erf on [0.84375, 1.25): ERX + pa(s)/qa(s), s = |x| - 1. */
const PA = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
const QA = [0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
/** erfc on [1.25, 1/0.35): R/S in s = 1/x². */
const RA = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00];
const SA = [0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02];
/** erfc on [1/0.35, 28). */
const RB = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02];
const SB = [0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01];

/** y = pp(z)/qq(z) for |x| < 0.84375. */
function small(x: number): number {
  const z = x * x, z2 = z * z, z4 = z2 * z2;
  const r = ma(z4, PP[4], ma(z2, ma(z, PP[3], PP[2]), ma(z, PP[1], PP[0])));
  const s = ma(z4, ma(z, QQ[5], QQ[4]), ma(z2, ma(z, QQ[3], QQ[2]), ma(z, QQ[1], 1)));
  return r / s;
}

/** P/Q for 0.84375 <= |x| < 1.25. */
function nearOne(ax: number): number {
  const s = ax - 1, s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  const p = ma(s6, PA[6], ma(s4, ma(s, PA[5], PA[4]), ma(s2, ma(s, PA[3], PA[2]), ma(s, PA[1], PA[0]))));
  const q = ma(s6, QA[6], ma(s4, ma(s, QA[5], QA[4]), ma(s2, ma(s, QA[3], QA[2]), ma(s, QA[1], 1))));
  return p / q;
}

/** exp(-x² - 0.5625 + R/S) for 1.25 <= x < 28 (x = |x|), as glibc forms it: the tail of erfc times x. */
function tail(x: number, hx: number): number {
  const s = 1 / (x * x);
  const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  let r: number, q: number;
  if ((hx & 0x7fffffff) < 0x4006db6e) {
    const s8 = s4 * s4;
    r = ma(s6, ma(s, RA[7], RA[6]), ma(s4, ma(s, RA[5], RA[4]), ma(s2, ma(s, RA[3], RA[2]), ma(s, RA[1], RA[0]))));
    q = ma(s8, SA[8], ma(s6, ma(s, SA[7], SA[6]), ma(s4, ma(s, SA[5], SA[4]), ma(s2, ma(s, SA[3], SA[2]), ma(s, SA[1], 1)))));
  } else {
    r = ma(s6, RB[6], ma(s4, ma(s, RB[5], RB[4]), ma(s2, ma(s, RB[3], RB[2]), ma(s, RB[1], RB[0]))));
    q = ma(s6, ma(s, SB[7], SB[6]), ma(s4, ma(s, SB[5], SB[4]), ma(s2, ma(s, SB[3], SB[2]), ma(s, SB[1], 1))));
  }
  F64[0] = x;
  U32[0] = 0;
  const z = F64[0];
  return glibcExp(ma(-z, z, -0.5625)) * glibcExp(ma(z - x, z + x, r / q));
}

export function fdlibmErf(x: number): number {
  F64[0] = x;
  const hx = U32[1] | 0, ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return (hx < 0 ? -1 : 1) + 1 / x; // ±1, NaN
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      // |x| < 2^-28
      if (ix < 0x00800000) return 0.0625 * ma(16 * EFX, x, 16 * x); // avoids spurious underflow
      return ma(EFX, x, x);
    }
    return ma(x, small(x), x);
  }
  if (ix < 0x3ff40000) return hx >= 0 ? ERX + nearOne(Math.abs(x)) : -ERX - nearOne(Math.abs(x));
  if (ix >= 0x40180000) return hx >= 0 ? 1 : -1; // |x| >= 6: 1 - tiny rounds to 1
  const ax = Math.abs(x);
  const r = tail(ax, hx);
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}

export function fdlibmErfc(x: number): number {
  F64[0] = x;
  const hx = U32[1] | 0, ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return (hx < 0 ? 2 : 0) + 1 / x; // 0, 2, NaN
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1 - x; // |x| < 2^-56
    const y = small(x);
    if (hx < 0x3fd00000) return 1 - ma(x, y, x); // x < 1/4
    return 0.5 - ma(x, y, x - 0.5);
  }
  if (ix < 0x3ff40000) {
    const pq = nearOne(Math.abs(x));
    return hx >= 0 ? 1 - ERX - pq : 1 + (ERX + pq);
  }
  if (ix < 0x403c0000) {
    // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return 2; // x < -6: 2 - tiny rounds to 2
    const ax = Math.abs(x);
    const r = tail(ax, hx);
    return hx > 0 ? r / ax : 2 - r / ax;
  }
  return hx > 0 ? 0 : 2;
}

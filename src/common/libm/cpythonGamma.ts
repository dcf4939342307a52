// CPython's own gamma and lgamma (Modules/mathmodule.c: m_tgamma, m_lgamma), which math.gamma and
// math.lgamma run instead of the C library's: the Lanczos approximation with N = 13, g = 6.0246800407...
// as a rational function (Boost's parameters), a correction for the rounding of x + g - 1/2, exact
// factorials up to 23, and the reflection formula through sin(pi·x) for x < 0. Written here in the
// same operation order over glibc's exp, log, pow, sin and cos (glibcExp.ts, glibcLog.ts, ../pow.ts =
// glibcPow.ts, glibcSin.ts: all bit for bit), so the results are CPython's. CPython is built without
// FMA: nothing fused.

import { pow } from '../pow';
import { glibcExp } from './glibcExp';
import { glibcLog } from './glibcLog';
import { glibcCos, glibcSin } from './glibcSin';

const PI = 3.141592653589793;
const LOG_PI = 1.1447298858494002;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
/** Numerator coefficients of the Lanczos sum as a rational function (CPython's, from MPFR). */
const NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
/** Denominator x·(x+1)·…·(x+11) expanded. */
const DEN = [0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1];

/** (n-1)! for n = 1..23, exact doubles. */
const FACTORIAL: number[] = [1];
for (let n = 1; n < 23; n++) FACTORIAL.push(FACTORIAL[n - 1] * n);

/** The Lanczos sum for x > 0: Horner in x below 5, in 1/x above (no overflow, better accuracy). */
function lanczosSum(x: number): number {
  let num = 0, den = 0;
  if (x < 5) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + NUM[i];
      den = den * x + DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + NUM[i];
      den = den / x + DEN[i];
    }
  }
  return num / den;
}

/** sin(pi·x) exact at integers and halves (m_sinpi), for finite x. */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2; // C fmod: exact
  const n = Math.round(2 * y); // C round of a non-negative value
  let r: number;
  if (n === 0) r = glibcSin(PI * y);
  else if (n === 1) r = glibcCos(PI * (y - 0.5));
  else if (n === 2) r = glibcSin(PI * (1 - y));
  else if (n === 3) r = -glibcCos(PI * (y - 1.5));
  else r = glibcSin(PI * (y - 2));
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** m_tgamma without its errno: the caller raises for -inf, zeros and negative integers. */
export function cpythonGamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x || x > 0 ? x : NaN;
  if (x === 0) return Object.is(x, -0) ? -Infinity : Infinity;
  if (x === Math.floor(x)) {
    if (x < 0) return NaN;
    if (x <= 23) return FACTORIAL[x - 1];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1 / x;
  if (absx > 200) return x < 0 ? 0 / sinpi(x) : Infinity;
  const y = absx + LANCZOS_G_MINUS_HALF;
  // The rounding error of y, scaled: pow(y, ·)/exp(y) is then corrected by the factor (1 + z).
  let z = absx > LANCZOS_G_MINUS_HALF ? y - absx - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - absx;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = ((-PI / sinpi(absx) / absx) * glibcExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) {
      r /= pow(y, absx - 0.5);
    } else {
      const sqrtpow = pow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / glibcExp(y);
    r += z * r;
    if (absx < 140) {
      r *= pow(y, absx - 0.5);
    } else {
      const sqrtpow = pow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return r;
}

/** m_lgamma without its errno: the caller raises for integers <= 0. */
export function cpythonLgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) return x <= 0 ? Infinity : 0;
  const absx = Math.abs(x);
  if (absx < 1e-20) return -glibcLog(absx);
  let r = glibcLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (glibcLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - glibcLog(Math.abs(sinpi(absx))) - glibcLog(absx) - r;
  return r;
}

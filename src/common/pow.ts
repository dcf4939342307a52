// C's pow for doubles, where V8's Math.pow is not: Math.pow(10, -4) is 9.999999999999999e-05 where C
// prints 0.0001, and 7% of the pow golden's finite nonzero results differ from the C library's.
// CPython's float ** and math.pow and NumPy's power (scalars; arrays on CPUs without SIMD pow) call the
// C library's pow, so this is glibc's (2.28+ algorithm, x86-64 FMA build) bit for bit:
// src/common/libm/glibcPow.ts, golden test/fixtures/common/libm-pow.json (120,817 pairs from CPython's
// glibc 2.36) and test/fixtures/common/pow.json. It follows C99 for the special values where Math.pow
// does not: pow(1, NaN) = 1, pow(-1, ±inf) = 1, pow(NaN, 0) = 1. About 2-2.5x Math.pow's time
// (`npm run bench:pow`); the double-double it replaces (correctly rounded, where glibc is not in rare
// near-ties, exact ties such as 3.5**19 and huge exponents of x near 1; Math.pow for subnormal results)
// took 20x and differed from glibc on 598 of those 85,969 results.

import { glibcPow } from './libm/glibcPow';

/** C99 pow(x, y), bit for bit glibc's. */
export function pow(x: number, y: number): number {
  return glibcPow(x, y);
}

// The Generator's standard normal and standard exponential draws: Marsaglia & Tsang's 256-level
// ziggurat as NumPy runs it (numpy/random/src/distributions/distributions.c, random_standard_normal and
// random_standard_exponential_zig). One 64-bit draw gives the level (low byte), for normals a sign bit
// and 52 bits of rabs, for exponentials 53 bits after dropping 3; 99% of draws end at rabs * w[idx].
// The tails call log1p(-U) (NumPy 2's form; 1 - U avoids log(0), gh-13361), and the wedge test exp: both
// the C library's, here glibc's bit for bit (src/common/libm; log(1 - U) would differ on 4 in about 400
// tail values). exp only decides a wedge comparison, where a last-bit difference would matter only if
// the uniform landed within an ulp of the curve.

import { fdlibmLog1p as log1p } from '../common/libm/fdlibmLog1p';
import { glibcExp as exp } from '../common/libm/glibcExp';
import type { PCG64 } from './pcg64';
import { FE, FI, KE, KI, WE, WI } from './zigguratTables';

/** Start of the normal tail (= WI[255] * 2^52) and its reciprocal. */
const NOR_R = 3.654152885361009, NOR_INV_R = 0.2736612373297583;
/** Start of the exponential tail (= WE[255] * 2^53). */
const EXP_R = 7.69711747013105;

export function standardNormal(g: PCG64): number {
  for (;;) {
    g.next64();
    const lo = g.lo;
    const idx = lo & 0xff;
    const rabs = (g.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI[idx];
    if (lo & 0x100) x = -x;
    if (rabs < KI[idx]) return x;
    if (idx === 0) {
      for (;;) {
        // 1 - U avoids log(0) (NumPy gh-13361)
        const xx = -NOR_INV_R * log1p(-g.nextDouble());
        const yy = -log1p(-g.nextDouble());
        if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
      }
    }
    if ((FI[idx - 1] - FI[idx]) * g.nextDouble() + FI[idx] < exp(-0.5 * x * x)) return x;
  }
}

export function standardExponential(g: PCG64): number {
  for (;;) {
    g.next64();
    const idx = (g.lo >>> 3) & 0xff;
    const ri = g.hi * 2097152 + (g.lo >>> 11);
    const x = ri * WE[idx];
    if (ri < KE[idx]) return x;
    if (idx === 0) return EXP_R - log1p(-g.nextDouble());
    if ((FE[idx - 1] - FE[idx]) * g.nextDouble() + FE[idx] < exp(-x)) return x;
    // NumPy recurses into a fresh draw here; the loop does the same
  }
}

// glibc's double-precision exp2 (2.28 and later, sysdeps/ieee754/dbl-64/e_exp2.c, Arm's algorithm),
// which CPython 3.11's math.exp2 calls: x = k/128 + r exactly (|r| <= 1/256), 2^x = 2^(k/128)·2^r with
// exp's table (glibcExpData.ts) and a degree-5 polynomial for 2^r - 1. x86-64 glibc has no FMA variant
// of exp2 (only exp, log, pow, sin... are multiarch), so nothing is fused: the same code with every
// multiply-add fused differed on 4% of 300k inputs, unfused on none. V8's 2 ** x differs on ~7%.
// Golden: test/fixtures/common/libm.json.

import * as data from './glibcExpData';
import { scaleSpecial } from './glibcExp';

const { EXP2_POLY, EXP2_SHIFT, H_HI, H_LO, TAIL } = data;
const [E1, E2, E3, E4, E5] = EXP2_POLY;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

export function glibcExp2(x: number): number {
  F64[0] = x;
  const abstop = (U32[1] >>> 20) & 0x7ff;
  let special = false;
  if (abstop - 0x3c9 >>> 0 >= 0x408 - 0x3c9) {
    if (abstop < 0x3c9) return 1 + x; // |x| < 2^-54
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop === 0x7ff) return 1 + x; // +inf, NaN
      if (x > 0) return Infinity;
      if (x <= -1075) return 0;
    }
    special = Math.abs(x) > 928; // below, 2^(k/128)'s exponent stays in range
  }
  // x + SHIFT rounds x to a multiple of 1/128 (ties to even); r = x - k/128 is exact.
  const kd = (x + EXP2_SHIFT - EXP2_SHIFT) * 128;
  const r = x - kd / 128;
  const i = kd & 127;
  const r2 = r * r;
  const tmp = TAIL[i] + r * E1 + r2 * (E2 + r * E3) + r2 * r2 * (E4 + r * E5);
  if (special) return scaleSpecial(tmp, kd, 1, false);
  U32[0] = H_LO[i];
  U32[1] = H_HI[i] + ((kd >> 7) << 20);
  const scale = F64[0];
  return scale + scale * tmp;
}

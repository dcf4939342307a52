// The seeded (x, y) pairs of the pow golden, generated exactly as scripts/golden/common_libm_pow.py does
// (mulberry32 draws, doubles from bits, IEEE arithmetic only), so the fixture needs only the sha256 of
// the outputs. Changing anything here means regenerating test/fixtures/common/libm-pow.json.

import { Mulberry32 } from './libmInputs';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]
const LN2 = 0.6931471805599453;

export const SPECIAL_X = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, -2, 10, 5e-324, -5e-324,
  2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1 + 2 ** -52, 1 - 2 ** -53];
export const SPECIAL_Y = [0, -0, Infinity, -Infinity, NaN, 1, -1, 2, -2, 3, -3, 0.5, -0.5, 2 ** -70,
  -(2 ** -70), 2 ** 64, -(2 ** 64), 2 ** 53 + 2, 2 ** 53 - 1, -(2 ** 53 - 1), 1e300, 1075, -1075];

/** log2 of a positive normal x to ~0.2%: its exponent plus an odd series in (m-1)/(m+1). */
function log2Approx(x: number): number {
  F64[0] = x;
  const e = (U32[1] >>> 20) - 1023;
  U32[1] = (U32[1] & 0xfffff) | 0x3ff00000;
  const m = F64[0];
  const s = (m - 1) / (m + 1);
  return e + (2 * s + (2 * s * s * s) / 3) / LN2;
}

/** x any positive normal in 2^-1000..2^1000, y so that x**y is about 2^(lo + width·u). */
function near(g: Mulberry32, lo: number, width: number): [number, number] {
  let x = g.bits(0, 23 + (g.draw() % 2001));
  if (x === 1) x = 3;
  return [x, (lo + width * g.u53()) / log2Approx(x)];
}

export function powPair(g: Mulberry32): [number, number] {
  const s = g.draw() % 14;
  if (s === 0) {
    const x = 1 + (2 * g.u53() - 1) * 2 ** -(1 + (g.draw() % 50));
    return [x, (2 * g.u53() - 1) * 2 ** (g.draw() % 64)];
  }
  if (s === 1) return [10 * g.u53(), -300 + 600 * g.u53()];
  if (s === 2) return near(g, -1074, 2098);
  if (s === 3) return [-g.bits(0, 1013 + (g.draw() % 21)), (g.draw() % 401) - 200];
  if (s === 4) return [20 * g.u53(), ((g.draw() % 401) - 200) / 2];
  if (s === 5) return near(g, 1015, 12);
  if (s === 6) return near(g, -1080, 60);
  if (s === 7) return [g.bits(0, g.draw() % 2047), (2 * g.u53() - 1) * 4];
  if (s === 8) {
    const x = g.bits(g.draw() & 1, 0);
    return [x, g.draw() & 1 ? (2 * g.u53() - 1) * 1.2 : (g.draw() % 5) - 2];
  }
  if (s === 9) return [((g.draw() % 20) + 1) * (1 - 2 * (g.draw() & 1)), (g.draw() % 121) - 60];
  if (s === 10) return [SPECIAL_X[g.draw() % SPECIAL_X.length], SPECIAL_Y[g.draw() % SPECIAL_Y.length]];
  if (s === 11) return [g.bits(g.draw() & 1, g.draw() % 2048), g.bits(g.draw() & 1, g.draw() % 2048)];
  if (s === 12) return [g.bits(0, 1013 + (g.draw() % 21)), g.bits(g.draw() & 1, 0x3b6 + (g.draw() % 16))];
  return [1 + (2 * g.u53() - 1) * 2 ** -(40 + (g.draw() % 13)), g.bits(g.draw() & 1, 0x436 + (g.draw() % 16))];
}

// The seeded inputs of the sin/cos goldens, generated exactly as scripts/golden/common_libm_trig.py does
// (mulberry32 draws, doubles from bits, IEEE arithmetic only). Changing anything here means regenerating
// test/fixtures/common/libm-trig.json.

import { Mulberry32 } from './libmInputs';

const HP = 1.5707963267948966;
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]
const fromHigh = (hi: number) => ((U32[1] = hi), (U32[0] = 0), F64[0]);
/** s_sin.c's thresholds: 2^-27, 2^-26, do_sin's 0.126, and its high-word tests as doubles. */
export const TRIG_EDGES = [2 ** -27, 2 ** -26, 0.126, fromHigh(0x3feb6000), fromHigh(0x400368fd), fromHigh(0x419921fb)];

/** x moved by a few half-ulps (x·(1 + d·2^-53) for d in -6..6). */
const nudge = (g: Mulberry32, x: number) => x * (1 + ((g.draw() % 13) - 6) * 2 ** -53);

export function trigInput(g: Mulberry32): number {
  const s = g.draw() % 12;
  const sign = 1 - 2 * (g.draw() & 1);
  if (s === 0) return -10 + 20 * g.u53();
  if (s === 1) return g.bits(g.draw() & 1, 1023 - 30 + (g.draw() % 32));
  if (s === 2) return sign * TRIG_EDGES[g.draw() % 6] * (1 + (g.u53() - 0.5) * 2 ** -(10 + (g.draw() % 40)));
  if (s === 3) return sign * 2 ** 20 * g.u53();
  if (s === 4) return g.bits(g.draw() & 1, 1023 + (g.draw() % 27));
  if (s === 5) return sign * 1e22 * g.u53();
  if (s === 6) return g.bits(g.draw() & 1, 1023 + (g.draw() % 1024));
  if (s === 7) return nudge(g, sign * (g.draw() % 2000) * HP);
  if (s === 8) return nudge(g, sign * (g.draw() % 67108864) * HP);
  if (s === 9) return -2.5 + 5 * g.u53();
  if (s === 10) return nudge(g, (sign * ((g.draw() % 110) + 0.5)) / 128);
  return g.bits(g.draw() & 1, g.draw() % 1000);
}

// The seeded inputs of the libm goldens, generated exactly as scripts/golden/common_libm.py does
// (mulberry32 draws, doubles from bits, IEEE arithmetic only), so the fixture needs only the sha256 of
// the outputs. Changing anything here means regenerating test/fixtures/common/libm.json.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: [low word, high word]

export class Mulberry32 {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  draw(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a) >>> 0;
    t = ((t + Math.imul(t ^ (t >>> 7), 61 | t)) >>> 0) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }
  u53(): number {
    const a = this.draw() >>> 5, b = this.draw() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
  /** A double with this sign and biased exponent and a random 52-bit mantissa. */
  bits(sign: number, biasedExp: number): number {
    U32[1] = ((sign << 31) | (biasedExp << 20) | (this.draw() & 0xfffff)) >>> 0;
    U32[0] = this.draw();
    return F64[0];
  }
}

/** x moved by d units in the last place of its bit pattern (x positive or negative, d small). */
function stepBits(x: number, d: number): number {
  F64[0] = x;
  const lo = U32[0] + d;
  U32[0] = lo >>> 0;
  if (lo < 0) U32[1] -= 1;
  else if (lo > 0xffffffff) U32[1] += 1;
  return F64[0];
}

export function expInput(g: Mulberry32): number {
  const s = g.draw() % 10;
  if (s === 0) return -745.2 + 1455.0 * g.u53();
  if (s === 1) return -20 + 40 * g.u53();
  if (s === 2) return -1 + 2 * g.u53();
  if (s === 3) return g.bits(g.draw() & 1, 1023 - 60 + (g.draw() % 70));
  if (s === 4) return 709.7 + 0.1 * g.u53();
  if (s === 5) return -745.2 + 36.9 * g.u53();
  if (s === 6) return (1 - 2 * (g.draw() & 1)) * (512 + 518 * g.u53());
  if (s === 7) return (g.draw() % 1456) - 746;
  if (s === 8) {
    const j = (g.draw() % 192001) - 96000;
    return stepBits((j + 0.5) / 184.6649652337873, (g.draw() % 7) - 3);
  }
  return g.bits(g.draw() & 1, g.draw() % 969);
}

export function exp2Input(g: Mulberry32): number {
  const s = g.draw() % 8;
  if (s === 0) return -1080 + 2105 * g.u53();
  if (s === 1) return -10 + 20 * g.u53();
  if (s === 2) return -1075 + 155 * g.u53();
  if (s === 3) return g.bits(g.draw() & 1, 1023 - 60 + (g.draw() % 70));
  if (s === 4) return 900 + 124 * g.u53();
  if (s === 5) return (g.draw() % 2100) - 1076;
  if (s === 6) return stepBits((2 * (g.draw() % 200000) - 199999) / 256, (g.draw() % 7) - 3);
  return g.bits(g.draw() & 1, g.draw() % 969);
}

const EDGES = [0.34657359027997264, 1.0397207708399179, 1.0, 22.0, 709.782712893384, 710.4758600739439];

/** For expm1, sinh, cosh, tanh: their ranges and the thresholds where their formulas change. */
export function hypInput(g: Mulberry32): number {
  const s = g.draw() % 7;
  if (s === 0) return -50 + 100 * g.u53();
  if (s === 1) return -3 + 6 * g.u53();
  if (s === 2) return -712 + 1424 * g.u53();
  if (s === 3) return g.bits(g.draw() & 1, 1023 - 60 + (g.draw() % 70));
  if (s === 4) return -25 + 50 * g.u53();
  if (s === 5) return (1 - 2 * (g.draw() & 1)) * EDGES[g.draw() % 6] * (1 + (g.u53() - 0.5) * 2 ** -20);
  return g.bits(g.draw() & 1, g.draw() % 990);
}

export function log1pInput(g: Mulberry32): number {
  const s = g.draw() % 7;
  if (s === 0) return -1 + 2 * g.u53();
  if (s === 1) return -0.3 + 0.72 * g.u53();
  if (s === 2) return g.bits(0, 1023 - 60 + (g.draw() % 1083));
  if (s === 3) return g.bits(g.draw() & 1, 1023 - 35 + (g.draw() % 36));
  if (s === 4) return 100 * g.u53();
  if (s === 5) return 2 ** ((g.draw() % 72) - 1) * (1 + (g.u53() - 0.5) * 2 ** -(20 + (g.draw() % 33))) - 1;
  return -1 + g.bits(0, 1022 - (g.draw() % 52));
}

/** Positive x for CPython's gamma/lgamma: small, every binade below 4, half-integers, to overflow. */
export function gammaInput(g: Mulberry32): number {
  const s = g.draw() % 6;
  if (s === 0) return 30 * g.u53();
  if (s === 1) return 171 * g.u53();
  if (s === 2) return g.bits(0, 1023 - 70 + (g.draw() % 72));
  if (s === 3) return 0.5 + (g.draw() % 60);
  if (s === 4) return 160 + 50 * g.u53();
  return g.bits(0, 1023 + (g.draw() % 1023));
}

export function erfInput(g: Mulberry32): number {
  const s = g.draw() % 6;
  if (s === 0) return -6 + 12 * g.u53();
  if (s === 1) return -1.3 + 2.6 * g.u53();
  if (s === 2) return -30 + 60 * g.u53();
  if (s === 3) return g.bits(g.draw() & 1, 1023 - 60 + (g.draw() % 70));
  if (s === 4) return 1.2 + 1.8 * g.u53();
  return g.bits(g.draw() & 1, g.draw() % 1000);
}

export function atanhInput(g: Mulberry32): number {
  const s = g.draw() % 3;
  if (s === 0) return -1 + 2 * g.u53();
  if (s === 1) return (1 - 2 * (g.draw() & 1)) * (1 - g.bits(0, 1022 - (g.draw() % 52)));
  return g.bits(g.draw() & 1, g.draw() % 1023);
}

export function logInput(g: Mulberry32): number {
  const s = g.draw() % 7;
  if (s === 0) return g.bits(0, 1 + (g.draw() % 2046));
  if (s === 1) return 1 + (g.u53() - 0.5) * 0.25;
  if (s === 2) return 1 + (g.u53() - 0.5) * 2 ** -30;
  if (s === 3) return g.u53();
  if (s === 4) return g.bits(0, 0);
  if (s === 5) return 1 + (g.draw() % 1000000);
  return 100 * g.u53();
}

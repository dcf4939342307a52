// Bounded integers as NumPy's Generator draws them (numpy/random/src/distributions/distributions.c):
// Lemire's multiply-and-reject (arXiv:1805.10941) on 32-bit draws when the range fits 32 bits (so two
// values come out of one 64-bit PCG64 output, through next_uint32's kept half), on 64-bit draws
// otherwise; random_interval's masked rejection for shuffles. Ranges are inclusive: [0, rng].

import type { PCG64 } from './pcg64';

const M64 = (1n << 64n) - 1n;

/** High 32 bits of the 64-bit product of two uint32 values, exact in doubles. */
function mulHi32(x: number, r: number): number {
  const p1 = (x & 0xffff) * r, p2 = (x >>> 16) * r; // each < 2^48
  const lowP2 = p2 % 65536;
  return (p2 - lowP2) / 65536 + Math.floor((lowP2 * 65536 + p1) / 4294967296);
}

/** buffered_bounded_lemire_uint32: a value in [0, rng], rng < 2^32 - 1. */
export function lemire32(g: PCG64, rng: number): number {
  const excl = rng + 1;
  let x = g.next32();
  let leftover = Math.imul(x, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (leftover < threshold) {
      x = g.next32();
      leftover = Math.imul(x, excl) >>> 0;
    }
  }
  return mulHi32(x, excl);
}

/** bounded_lemire_uint64: a value in [0, rng], 2^32 <= rng < 2^64 - 1. */
function lemire64(g: PCG64, rng: bigint): bigint {
  const excl = rng + 1n;
  let m = g.next64Big() * excl;
  let leftover = m & M64;
  if (leftover < excl) {
    const threshold = (M64 - rng) % excl;
    while (leftover < threshold) {
      m = g.next64Big() * excl;
      leftover = m & M64;
    }
  }
  return m >> 64n;
}

/** random_bounded_uint64 for rng < 2^32 as a number (the common case, no BigInt). */
export function boundedSmall(g: PCG64, rng: number): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return g.next32();
  return lemire32(g, rng);
}

/** random_bounded_uint64: a value in [0, rng] for any 0 <= rng < 2^64. */
export function bounded(g: PCG64, rng: bigint): bigint {
  if (rng <= 0xffffffffn) return BigInt(boundedSmall(g, Number(rng)));
  if (rng === M64) return g.next64Big();
  return lemire64(g, rng);
}

/** random_interval: masked rejection in [0, max] (Generator.shuffle's index draw). */
export function interval(g: PCG64, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = 0xffffffff >>> Math.clz32(max); // smallest all-ones >= max
    let v: number;
    while ((v = (g.next32() & mask) >>> 0) > max);
    return v;
  }
  let mask = BigInt(max);
  for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> s;
  let v: bigint;
  while ((v = g.next64Big() & mask) > BigInt(max));
  return Number(v);
}

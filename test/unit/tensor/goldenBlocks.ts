// Shared by the block-hashed float64 golden tests (simdExpLog.test.ts, numpySinCos.test.ts): the
// TypeScript side of scripts/golden/golden_blocks.py — hex bit patterns, the generator's MT19937 words
// and uniform draws, and sha256 hashes of blocks of results (every NaN as the canonical one).

import { createHash } from 'node:crypto';
import { MT19937 } from '../../../src/tensor/mt19937';

const view = new DataView(new ArrayBuffer(8));
export const fromHex = (h: string): number => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));
export const fromWords = (hi: number, lo: number): number => (view.setUint32(0, hi), view.setUint32(4, lo), view.getFloat64(0));

/** The generator's Words(seed): 32-bit words and NumPy's random_sample from two of them. */
export function mtWords(seed: number): { word: () => number; unit: () => number } {
  const g = new MT19937();
  g.seed(seed);
  const word = () => g.next32();
  return { word, unit: () => ((word() >>> 5) * 67108864 + (word() >>> 6)) / 9007199254740992 };
}

/** Hashes of blocks of `block` results, as the generator hashes NumPy's. */
export function blockHashes(ys: Float64Array, block: number): string[] {
  const out: string[] = [];
  for (let b = 0; b < ys.length; b += block) {
    const blk = Float64Array.from(ys.subarray(b, b + block), (v) => (v !== v ? NaN : v));
    out.push(createHash('sha256').update(new Uint8Array(blk.buffer)).digest('hex').slice(0, 16));
  }
  return out;
}

// NumPy's SeedSequence (numpy/random/bit_generator.pyx; O'Neill's seed_seq_fe design): entropy (a
// non-negative int of any size, or a sequence of them) becomes 32-bit words, least significant first,
// each int on its own; they are hashed into a pool of four words, and generate_state draws words
// from the pool with a second hash. Only the default pool size and no spawn key: default_rng's needs.

import { TensorError, valueError } from './errors';

const INIT_A = 0x43b0d7e5, MULT_A = 0x931e8875, INIT_B = 0x8b51f9dd, MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd, MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

export type Entropy = bigint | readonly bigint[];

/** _int_to_uint32_array: 32-bit words, least significant first; 0 is one word. */
function intWords(n: bigint, out: number[]): void {
  if (n < 0n) throw valueError('expected non-negative integer');
  if (n === 0n) out.push(0);
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
}

export function assembleEntropy(e: Entropy): number[] {
  const words: number[] = [];
  if (typeof e === 'bigint') intWords(e, words);
  else for (const v of e) intWords(v, words);
  return words;
}

/** The mixed pool for this entropy (SeedSequence.mix_entropy). */
export function seedPool(entropy: Entropy): Uint32Array {
  const words = assembleEntropy(entropy);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Uint32Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i] : 0);
  for (let src = 0; src < POOL_SIZE; src++)
    for (let dst = 0; dst < POOL_SIZE; dst++) if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
  for (let src = POOL_SIZE; src < words.length; src++)
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(words[src]));
  return pool;
}

/** generate_state(n, uint32): n words cycling over the pool. */
export function generateState(pool: Uint32Array, nWords: number): Uint32Array {
  let hashConst = INIT_B;
  const out = new Uint32Array(nWords);
  for (let i = 0; i < nWords; i++) {
    let v = (pool[i % pool.length] ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}

/** generate_state(n, uint64): pairs of words, the first the low half. */
export function generateState64(pool: Uint32Array, n: number): bigint[] {
  const w = generateState(pool, 2 * n);
  return Array.from({ length: n }, (_, i) => (BigInt(w[2 * i + 1]) << 32n) | BigInt(w[2 * i]));
}

/** 128 bits from the platform's CSPRNG, as SeedSequence(None) takes them (randbits(128)). */
export function freshEntropy(): bigint {
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): Uint32Array } }).crypto;
  if (!c) throw new TensorError('NotImplementedError', 'no entropy source available for a seedless generator');
  const w = c.getRandomValues(new Uint32Array(4));
  return w.reduce((acc, x) => (acc << 32n) | BigInt(x), 0n);
}

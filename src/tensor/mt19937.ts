// MT19937 as NumPy's legacy RandomState uses it (numpy/random/src/mt19937/mt19937.c, randomkit):
// init_genrand for integer seeds, init_by_array for sequences, 32-bit tempered draws, 53-bit doubles.

const N = 624, M = 397;
const MATRIX_A = 0x9908b0df, UPPER = 0x80000000, LOWER = 0x7fffffff;

export class MT19937 {
  readonly mt = new Uint32Array(N);
  pos = N;

  /** init_genrand(s) for 0 <= s < 2**32. */
  seed(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
    this.pos = N;
  }

  /** init_by_array(key) for sequence seeds. */
  seedArray(key: readonly number[]): void {
    this.seed(19650218);
    const mt = this.mt;
    let i = 1, j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) (mt[0] = mt[N - 1]), (i = 1);
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) (mt[0] = mt[N - 1]), (i = 1);
    }
    mt[0] = 0x80000000;
    this.pos = N;
  }

  private generate(): void {
    const mt = this.mt;
    let kk = 0, y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  next32(): number {
    if (this.pos >= N) this.generate();
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** 64-bit draw, high word first (legacy next_uint64). */
  next64(): bigint {
    const hi = this.next32();
    const lo = this.next32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** A double in [0, 1) from 53 random bits. */
  nextDouble(): number {
    const a = this.next32() >>> 5, b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

// PCG64 as NumPy's default BitGenerator runs it (numpy/random/_pcg64.pyx, src/pcg64: O'Neill's
// pcg_setseq_128_xsl_rr_64): a 128-bit LCG stepped *before* each output, output rotr64(hi ^ lo, hi >> 58).
// The 128-bit state lives in six 24-bit limbs (plain numbers) so the multiply needs no BigInt: every
// partial product is below 2^48 and a column of up to six of them plus the carry stays below 2^51.
// next_uint32 hands out the low half of a 64-bit draw and keeps the high half for the next call
// (NumPy's has_uint32 / uinteger), which bounded integers rely on.

// The multiplier is PCG_DEFAULT_MULTIPLIER_128 = 0x2360ED051FC65DA44385DF649FCCF645; its 24-bit limbs,
// low first (0xccf645 0xdf649f 0xa44385 0x1fc65d 0x60ed05 0x23), are the constants in step().

/** Six 24-bit limbs, least significant first (the sixth holds the top 8 bits). */
function limbs(v: bigint): number[] {
  return Array.from({ length: 6 }, (_, i) => Number((v >> BigInt(24 * i)) & 0xffffffn));
}

function toBig(l: readonly number[]): bigint {
  let v = 0n;
  for (let i = 5; i >= 0; i--) v = (v << 24n) | BigInt(l[i]);
  return v;
}

export interface Pcg64State {
  state: bigint;
  inc: bigint;
  hasUint32: boolean;
  uinteger: number;
}

export class PCG64 {
  // state and increment limbs, s0/i0 least significant (fields, not arrays: the step is the hot path)
  private s0 = 0; private s1 = 0; private s2 = 0; private s3 = 0; private s4 = 0; private s5 = 0;
  private i0 = 0; private i1 = 0; private i2 = 0; private i3 = 0; private i4 = 0; private i5 = 0;
  /** The last 64-bit output, high and low 32-bit words (set by next64). */
  hi = 0;
  lo = 0;
  private hasUint32 = false;
  private uinteger = 0;

  /** pcg64_set_seed: state 0, inc = initseq << 1 | 1, step, state += initstate, step. */
  constructor(initstate: bigint, initseq: bigint) {
    const M = (1n << 128n) - 1n;
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5] = limbs(((initseq << 1n) | 1n) & M);
    this.step();
    this.setState((this.stateBig() + initstate) & M);
    this.step();
  }

  private setState(v: bigint): void {
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5] = limbs(v);
  }

  private stateBig(): bigint {
    return toBig([this.s0, this.s1, this.s2, this.s3, this.s4, this.s5]);
  }

  /**
   * state = state * multiplier + inc (mod 2^128): schoolbook columns on 24-bit limbs (the top one 8
   * bits), unrolled with the multiplier's limbs as constants. A column is at most six products below
   * 2^48 plus a carry, under 2^51: exact in a double, and `a & 0xffffff` takes its low bits exactly
   * (ToInt32 reduces mod 2^32).
   */
  private step(): void {
    const { s0, s1, s2, s3, s4, s5 } = this;
    let a = this.i0 + s0 * 0xccf645;
    const t0 = a & 0xffffff;
    let c = (a - t0) / 16777216;
    a = c + this.i1 + s0 * 0xdf649f + s1 * 0xccf645;
    const t1 = a & 0xffffff;
    c = (a - t1) / 16777216;
    a = c + this.i2 + s0 * 0xa44385 + s1 * 0xdf649f + s2 * 0xccf645;
    const t2 = a & 0xffffff;
    c = (a - t2) / 16777216;
    a = c + this.i3 + s0 * 0x1fc65d + s1 * 0xa44385 + s2 * 0xdf649f + s3 * 0xccf645;
    const t3 = a & 0xffffff;
    c = (a - t3) / 16777216;
    a = c + this.i4 + s0 * 0x60ed05 + s1 * 0x1fc65d + s2 * 0xa44385 + s3 * 0xdf649f + s4 * 0xccf645;
    const t4 = a & 0xffffff;
    c = (a - t4) / 16777216;
    a = c + this.i5 + s0 * 0x23 + s1 * 0x60ed05 + s2 * 0x1fc65d + s3 * 0xa44385 + s4 * 0xdf649f + s5 * 0xccf645;
    this.s0 = t0; this.s1 = t1; this.s2 = t2; this.s3 = t3; this.s4 = t4; this.s5 = a & 0xff;
  }

  /** next_uint64: step, then XSL-RR output into (hi, lo). */
  next64(): void {
    this.step();
    const { s0, s1, s2, s3, s4, s5 } = this;
    // the four 32-bit words of the state, from the 24-bit limbs (bits 0-23, 24-47, 48-71, 72-95, 96-119, 120-127)
    const w0 = s0 | (s1 << 24), w1 = (s1 >>> 8) | (s2 << 16), w2 = (s2 >>> 16) | (s3 << 8), w3 = s4 | (s5 << 24);
    const xhi = w3 ^ w1, xlo = w2 ^ w0;
    const rot = s5 >>> 2; // top 6 bits of the state
    if (rot === 0) {
      this.hi = xhi >>> 0;
      this.lo = xlo >>> 0;
    } else if (rot < 32) {
      this.hi = ((xhi >>> rot) | (xlo << (32 - rot))) >>> 0;
      this.lo = ((xlo >>> rot) | (xhi << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      this.hi = xlo >>> 0;
      this.lo = xhi >>> 0;
    } else {
      const r = rot - 32;
      this.hi = ((xlo >>> r) | (xhi << (32 - r))) >>> 0;
      this.lo = ((xhi >>> r) | (xlo << (32 - r))) >>> 0;
    }
  }

  /** next_uint32: the low word of a fresh draw, then the kept high word. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** next_double: (next_uint64 >> 11) * 2^-53. */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * 1.1102230246251565e-16;
  }

  /** next_uint64 as a BigInt (rare paths: ranges above 2^32). */
  next64Big(): bigint {
    this.next64();
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  get state(): Pcg64State {
    const inc = toBig([this.i0, this.i1, this.i2, this.i3, this.i4, this.i5]);
    return { state: this.stateBig(), inc, hasUint32: this.hasUint32, uinteger: this.uinteger };
  }
}

// PCG64 as NumPy's default BitGenerator runs it (numpy/random/_pcg64.pyx, src/pcg64: O'Neill's
// pcg_setseq_128_xsl_rr_64): a 128-bit LCG stepped *before* each output, output rotr64(hi ^ lo, hi >> 58).
// The 128-bit state lives in eight 16-bit limbs (plain numbers) so the multiply needs no BigInt: every
// partial product is below 2^32 and a column of eight of them plus the carry stays below 2^37.
// next_uint32 hands out the low half of a 64-bit draw and keeps the high half for the next call
// (NumPy's has_uint32 / uinteger), which bounded integers rely on.

// The multiplier is PCG_DEFAULT_MULTIPLIER_128 = 0x2360ED051FC65DA44385DF649FCCF645; its 16-bit limbs,
// low first (0xf645 0x9fcc 0xdf64 0x4385 0x5da4 0x1fc6 0xed05 0x2360), are the constants in step().

function limbs(v: bigint): number[] {
  return Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(16 * i)) & 0xffffn));
}

function toBig(l: ArrayLike<number>): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 16n) | BigInt(l[i]);
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
  private s0 = 0; private s1 = 0; private s2 = 0; private s3 = 0; private s4 = 0; private s5 = 0; private s6 = 0; private s7 = 0;
  private i0 = 0; private i1 = 0; private i2 = 0; private i3 = 0; private i4 = 0; private i5 = 0; private i6 = 0; private i7 = 0;
  /** The last 64-bit output, high and low 32-bit words (set by next64). */
  hi = 0;
  lo = 0;
  private hasUint32 = false;
  private uinteger = 0;

  /** pcg64_set_seed: state 0, inc = initseq << 1 | 1, step, state += initstate, step. */
  constructor(initstate: bigint, initseq: bigint) {
    const M = (1n << 128n) - 1n;
    const inc = limbs(((initseq << 1n) | 1n) & M);
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7] = inc;
    this.step();
    this.setState((this.stateBig() + initstate) & M);
    this.step();
  }

  private setState(v: bigint): void {
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = limbs(v);
  }

  private stateBig(): bigint {
    return toBig([this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7]);
  }

  /**
   * state = state * multiplier + inc (mod 2^128): schoolbook columns on 16-bit limbs, unrolled with the
   * multiplier's limbs as constants. `a & 0xffff` takes the low bits of a column sum below 2^37 exactly
   * (ToInt32 is reduction mod 2^32).
   */
  private step(): void {
    const { s0, s1, s2, s3, s4, s5, s6, s7 } = this;
    let a = this.i0 + s0 * 0xf645;
    const t0 = a & 0xffff;
    let c = (a - t0) / 65536;
    a = c + this.i1 + s0 * 0x9fcc + s1 * 0xf645;
    const t1 = a & 0xffff;
    c = (a - t1) / 65536;
    a = c + this.i2 + s0 * 0xdf64 + s1 * 0x9fcc + s2 * 0xf645;
    const t2 = a & 0xffff;
    c = (a - t2) / 65536;
    a = c + this.i3 + s0 * 0x4385 + s1 * 0xdf64 + s2 * 0x9fcc + s3 * 0xf645;
    const t3 = a & 0xffff;
    c = (a - t3) / 65536;
    a = c + this.i4 + s0 * 0x5da4 + s1 * 0x4385 + s2 * 0xdf64 + s3 * 0x9fcc + s4 * 0xf645;
    const t4 = a & 0xffff;
    c = (a - t4) / 65536;
    a = c + this.i5 + s0 * 0x1fc6 + s1 * 0x5da4 + s2 * 0x4385 + s3 * 0xdf64 + s4 * 0x9fcc + s5 * 0xf645;
    const t5 = a & 0xffff;
    c = (a - t5) / 65536;
    a = c + this.i6 + s0 * 0xed05 + s1 * 0x1fc6 + s2 * 0x5da4 + s3 * 0x4385 + s4 * 0xdf64 + s5 * 0x9fcc + s6 * 0xf645;
    const t6 = a & 0xffff;
    c = (a - t6) / 65536;
    a = c + this.i7 + s0 * 0x2360 + s1 * 0xed05 + s2 * 0x1fc6 + s3 * 0x5da4 + s4 * 0x4385 + s5 * 0xdf64 + s6 * 0x9fcc + s7 * 0xf645;
    this.s0 = t0; this.s1 = t1; this.s2 = t2; this.s3 = t3; this.s4 = t4; this.s5 = t5; this.s6 = t6; this.s7 = a & 0xffff;
  }

  /** next_uint64: step, then XSL-RR output into (hi, lo). */
  next64(): void {
    this.step();
    const xhi = ((this.s7 << 16) | this.s6) ^ ((this.s3 << 16) | this.s2);
    const xlo = ((this.s5 << 16) | this.s4) ^ ((this.s1 << 16) | this.s0);
    const rot = this.s7 >>> 10; // top 6 bits of the high word
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
    const inc = toBig([this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7]);
    return { state: this.stateBig(), inc, hasUint32: this.hasUint32, uinteger: this.uinteger };
  }
}

// The test oracle for fused multiply-add: a·b + c computed exactly in BigInt integers and rounded once
// to the nearest double (ties to even), with IEEE 754's overflow, subnormals and signed zeros. Slow;
// it checks the kernel that runs on the CPU's own FMA, which the Dekker emulation (gemm.ts `fma`)
// matches except for rare ties that a tiny c should break (it loses c below the error term).

const view = new DataView(new ArrayBuffer(8));

/** Finite x as m·2^e with an integer m. */
function decompose(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (expBits !== 0) m |= 1n << 52n;
  const e = expBits === 0 ? -1074 : expBits - 1075;
  return [hi >>> 31 ? -m : m, e];
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** The double nearest to n·2^e (n nonzero), ties to even. */
function round(n: bigint, e: number): number {
  const neg = n < 0n;
  let mag = neg ? -n : n;
  const lead = e + bitLength(mag) - 1;
  let q = Math.max(lead - 52, -1074); // exponent of the last kept bit
  if (q > e) {
    const shift = BigInt(q - e);
    let kept = mag >> shift;
    const rem = mag - (kept << shift), half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (kept & 1n) === 1n)) kept += 1n;
    if (kept === 1n << 53n) {
      kept >>= 1n;
      q += 1;
    }
    mag = kept;
  } else {
    mag <<= BigInt(e - q);
  }
  if (q + bitLength(mag) - 1 > 1023) return neg ? -Infinity : Infinity;
  const v = Number(mag) * 2 ** q; // exact: mag < 2^53 and the value is representable
  return neg ? -v : v;
}

export function exactFma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c; // the product is exactly inf or NaN
  if (!Number.isFinite(c)) return c; // a finite product cannot cancel an infinity (a·b + c may overflow to one)
  const [ma, ea] = decompose(a), [mb, eb] = decompose(b), [mc, ec] = decompose(c);
  const mp = ma * mb, ep = ea + eb;
  if (mp === 0n && mc === 0n) return a * b + c; // signed zeros: -0 only for (-0) + (-0)
  const e = Math.min(ep, ec);
  const sum = (mp << BigInt(ep - e)) + (mc << BigInt(ec - e));
  return sum === 0n ? 0 : round(sum, e);
}

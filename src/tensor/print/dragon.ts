// Float → digits as NumPy's Dragon4 prints them (numpy/_core/src/multiarray/dragon4.c) in "unique" mode
// with a cutoff: the shortest round-trip digits when they fit, otherwise the *exact* binary value
// rounded at the cutoff with ties to even (so 0.001953125 at 8 decimals is 0.00195312, which
// `toFixed` gets wrong).

import { shortestDigits, type ShortestDigits } from '../../common/floatRepr';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** All digits of the exact decimal value of a finite |x| > 0 (x = 0.d1d2... × 10^decpt). */
export function exactDigits(x: number): ShortestDigits {
  f64[0] = Math.abs(x);
  const lo = u32[0], hi = u32[1];
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  let s: string;
  let decpt: number;
  if (e >= 0) {
    s = (m << BigInt(e)).toString();
    decpt = s.length;
  } else {
    s = (m * 5n ** BigInt(-e)).toString();
    decpt = s.length + e;
  }
  const t = s.replace(/0+$/, '');
  return { digits: t || '0', decpt };
}

/** Keeps `keep` leading digits of an exact expansion, rounding half to even (may carry into decpt). */
function roundExact(d: ShortestDigits, keep: number): ShortestDigits {
  if (keep < 0) return { digits: '0', decpt: d.decpt };
  if (d.digits.length <= keep) return d;
  const head = d.digits.slice(0, keep);
  const next = d.digits.charCodeAt(keep) - 48;
  const restNonZero = /[1-9]/.test(d.digits.slice(keep + 1));
  const lastOdd = keep > 0 && (head.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (restNonZero || lastOdd));
  if (!up) {
    const t = head.replace(/0+$/, '');
    return t ? { digits: t, decpt: d.decpt } : { digits: '0', decpt: d.decpt };
  }
  // increment the decimal string head
  const arr = head.split('').map(Number);
  let i = arr.length - 1;
  while (i >= 0 && arr[i] === 9) arr[i--] = 0;
  if (i < 0) return { digits: '1', decpt: d.decpt + 1 };
  arr[i]++;
  return { digits: arr.join('').replace(/0+$/, '') || '0', decpt: d.decpt };
}

/**
 * Digits for positional printing with at most `precision` fractional digits (`unique=True`).
 * A value that rounds to zero gives digits '0'.
 */
export function positionalDigits(x: number, precision: number): ShortestDigits {
  const s = shortestDigits(x);
  if (s.digits.length - s.decpt <= precision) return s;
  const keep = s.decpt + precision;
  if (keep < 0) return { digits: '0', decpt: 1 };
  const r = roundExact(exactDigits(x), keep);
  return r.digits === '0' ? { digits: '0', decpt: 1 } : r;
}

/** Digits for scientific printing with at most `precision` digits after the point. */
export function scientificDigits(x: number, precision: number): ShortestDigits {
  const s = shortestDigits(x);
  if (s.digits.length <= precision + 1) return s;
  return roundExact(exactDigits(x), precision + 1);
}

/** `format_float_positional`-like: digits → "int.frac" with the fraction trimmed of zeros ('.' kept). */
export function positionalString(x: number, precision: number): { int: string; frac: string } {
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) return { int: neg ? '-0' : '0', frac: '' };
  const { digits, decpt } = positionalDigits(x, precision);
  let int: string, frac: string;
  if (digits === '0') {
    int = '0';
    frac = '';
  } else if (decpt <= 0) {
    int = '0';
    frac = '0'.repeat(-decpt) + digits;
  } else if (decpt >= digits.length) {
    int = digits + '0'.repeat(decpt - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, decpt);
    frac = digits.slice(decpt);
  }
  return { int: (neg ? '-' : '') + int, frac };
}

/** Scientific pieces: mantissa int digit (with sign), fractional digits, exponent (number). */
export function scientificParts(x: number, precision: number): { int: string; frac: string; exp: number } {
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) return { int: neg ? '-0' : '0', frac: '', exp: 0 };
  const { digits, decpt } = scientificDigits(x, precision);
  return { int: (neg ? '-' : '') + digits[0], frac: digits.slice(1), exp: decpt - 1 };
}

export function expString(exp: number, minDigits: number): string {
  const a = String(Math.abs(exp));
  return (exp < 0 ? 'e-' : 'e+') + a.padStart(Math.max(minDigits, 2), '0');
}

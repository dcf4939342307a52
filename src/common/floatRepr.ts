// Python's float repr (CPython 3.11 `float_repr`, Python/pystrtod.c with mode 'r'): the shortest digit
// string that round-trips, positional when the decimal point position is in (-4, 16], else scientific
// with at least two exponent digits. Used by tensor printing and by the Python interpreter.

/** Shortest round-trip decimal digits of a finite |x| > 0: x = 0.d1d2d3... × 10^decpt. */
export interface ShortestDigits {
  readonly digits: string; // no leading/trailing zeros, at least one digit
  readonly decpt: number;
}

/**
 * Shortest round-trip digits. ECMAScript's `toExponential()` without an argument returns as many
 * digits as necessary to uniquely identify the double, picking the closest such string — the same
 * contract as David Gay's dtoa mode 0 that CPython uses.
 */
export function shortestDigits(x: number): ShortestDigits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', decpt: 1 };
  const s = ax.toExponential();
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  return { digits: mant.replace(/0+$/, '') || '0', decpt: exp + 1 };
}

/** Python's `repr(float)` (== `str(float)`). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0.0';
  const { digits, decpt } = shortestDigits(x);
  // pystrtod.c format_float_short: use exponent if decpt <= -4 or decpt > 16.
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const es = Math.abs(exp) < 10 ? '0' + Math.abs(exp) : String(Math.abs(exp));
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${es}`;
  }
  return sign + positional(digits, decpt, true);
}

/** Digits placed around the decimal point; `forceDot` appends ".0" for integers as Python does. */
export function positional(digits: string, decpt: number, forceDot: boolean): string {
  if (decpt <= 0) return '0.' + '0'.repeat(-decpt) + digits;
  if (decpt >= digits.length) {
    const int = digits + '0'.repeat(decpt - digits.length);
    return forceDot ? int + '.0' : int;
  }
  return digits.slice(0, decpt) + '.' + digits.slice(decpt);
}

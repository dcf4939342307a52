// Elementwise kernels whose exact semantics come from NumPy's C code rather than JavaScript operators:
// floor division and remainder (numpy/_core/src/npymath/npy_math_internal.h.src npy_divmod), integer
// power, round-half-even (rint).

import { TensorError } from './errors';

/** npy_divmod's quotient: fmod-based, snapped to an integer, Python's sign convention. */
export function floatFloorDivide(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

/** npy_remainder: the result has the sign of the divisor; b == 0 gives fmod's NaN. */
export function floatRemainder(a: number, b: number): number {
  if (b === 0) return a % b;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}

/** Integer floor division; division by zero gives 0 (NumPy warns separately). */
export function intFloorDivide(a: number, b: number): number {
  if (b === 0) return 0;
  const q = Math.floor(a / b);
  return q + 0;
}

export function intRemainder(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return (r !== 0 && b < 0 !== r < 0 ? r + b : r) + 0;
}

export function intPower(a: number, b: number): number {
  if (b < 0) throw new TensorError('ValueError', 'Integers to negative integer powers are not allowed.');
  let r = 1;
  let base = a;
  let e = b;
  while (e > 0) {
    if (e & 1) r *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return r;
}

/** C `rint` in the default rounding mode: nearest, ties to even. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x); // ties toward +inf
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

// Dtypes and promotion. The core supports float64, int64 and bool; every array stores its elements in
// a Float64Array (int64 values are exact integers up to 2**53, bool is 0/1). With only these three
// dtypes NEP 50 weak Python scalars promote exactly like strong ones except that a Python scalar never
// *upgrades* its kind below the array's: bool array + 1 -> int64, int array + 1.5 -> float64.

import { TensorError } from './errors';

export type DType = 'float64' | 'int64' | 'bool';

/** Python scalars as the interpreter passes them: number = float, bigint = int, boolean = bool. */
export type PyScalar = number | bigint | boolean;

const rank: Record<DType, number> = { bool: 0, int64: 1, float64: 2 };

export function promote(a: DType, b: DType): DType {
  return rank[a] >= rank[b] ? a : b;
}

/** The dtype a Python scalar stands for (used both weakly and for array creation). */
export function scalarDType(s: PyScalar): DType {
  if (typeof s === 'boolean') return 'bool';
  if (typeof s === 'bigint') return 'int64';
  return 'float64';
}

export function scalarValue(s: PyScalar): number {
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (typeof s === 'bigint') {
    if (s > 9223372036854775807n || s < -9223372036854775808n)
      throw new TensorError('OverflowError', `Python int too large to convert to C long`);
    return Number(s);
  }
  return s;
}

/** numpy's `can_cast(from, to, 'same_kind')` restricted to our dtypes. */
export function canCastSameKind(from: DType, to: DType): boolean {
  return rank[from] <= rank[to];
}

/** Converts a value to be stored in an array of `dtype` (setitem/astype: unsafe casting). */
export function castValue(v: number, dtype: DType): number {
  if (dtype === 'float64') return v;
  if (dtype === 'bool') return v !== 0 ? 1 : 0; // NaN != 0 -> True, like C
  if (Number.isNaN(v)) throw new TensorError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(v)) throw new TensorError('OverflowError', 'cannot convert float infinity to integer');
  return Math.trunc(v) + 0; // + 0 turns -0 into 0
}

/** `dtype('float64')` as NumPy prints it in messages. */
export const dtypeRepr = (d: DType) => `dtype('${d}')`;

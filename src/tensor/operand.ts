// Operands of ufuncs: an NDArray (strong dtype, numpy scalars included) or a Python scalar (weak,
// NEP 50). Converts either into an array plus the dtype it contributes to promotion.

import { scalarDType, scalarValue, type DType, type PyScalar } from './dtype';
import { NDArray } from './ndarray';

export type Operand = NDArray | PyScalar;

/** A 0-d array over a fresh one-element buffer (does not count as an allocation). */
export function scalarToArray(s: PyScalar, dtype: DType = scalarDType(s)): NDArray {
  const d = new Float64Array(1);
  d[0] = scalarValue(s);
  return new NDArray(d, [], [], 0, dtype);
}

export function toArray(x: Operand): NDArray {
  return x instanceof NDArray ? x : scalarToArray(x);
}

export function dtypeOf(x: Operand): DType {
  return x instanceof NDArray ? x.dtype : scalarDType(x);
}

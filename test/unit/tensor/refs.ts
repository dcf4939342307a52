// Slow reference helpers shared by the tensor property tests: C-order multi-indices, element reads by
// offset + Σ index·stride, and a fast-check generator of two shapes that broadcast together.

import fc from 'fast-check';
import * as T from '../../../src/tensor';

/** The multi-index of flat position k in C order. */
export function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = k % shape[d];
    k = Math.floor(k / shape[d]);
  }
  return idx;
}

/** Element of `a` at a multi-index, read the slow way (offset + Σ idx·stride). */
export const at = (a: T.NDArray, idx: readonly number[]) => a.data[a.offset + idx.reduce((s, i, d) => s + i * a.strides[d], 0)];

/** Two shapes that broadcast: start from a result shape and knock dims down to 1 or drop leading ones. */
export const broadcastPair = (maxDims: number) =>
  fc
    .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: maxDims })
    .chain((out) =>
      fc.tuple(
        fc.constant(out),
        fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
        fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
        fc.nat(out.length),
        fc.nat(out.length),
      ),
    )
    .map(([out, oneA, oneB, dropA, dropB]) => [
      out.map((d, i) => (oneA[i] ? 1 : d)).slice(dropA),
      out.map((d, i) => (oneB[i] ? 1 : d)).slice(dropB),
    ]);

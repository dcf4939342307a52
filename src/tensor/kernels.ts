// Monomorphic inner loops for the commonest elementwise operations. The generic engine calls a ufunc's
// `(x, y) => number` per element; V8 cannot inline those calls at a call site shared by every ufunc, so
// each element costs a call and a boxed result (garbage). Here each operation is its own loop, chosen
// once per run; every loop computes exactly what the ufunc's function computes (same bits).

/** Binary operations with a dedicated loop ('square', 'sqrt', 'recip' ignore the second operand:
 * NumPy's fast_scalar_power runs those ufuncs for `a ** 2`, `a ** 0.5`, `a ** -1`). */
export type FastOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'max' | 'min'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'square' | 'sqrt' | 'recip';

/** Unary operations with a dedicated loop (`copy` is the identity, used by casts to float and copies). */
export type FastUnary = 'copy' | 'neg' | 'abs' | 'square' | 'sqrt' | 'exp' | 'log' | 'tanh';

// NaN wins; on ties (including -0 vs 0) the second operand is returned, as NumPy's loops do.
export const maximum = (x: number, y: number): number => (x !== x ? x : y !== y ? y : x > y ? x : y);
export const minimum = (x: number, y: number): number => (x !== x ? x : y !== y ? y : x < y ? x : y);

/** O[io + i·dO] = op(A[ia + i·da], B[ib + i·db]) for i < n. */
export function binaryRun(
  op: FastOp, n: number,
  A: Float64Array, ia: number, da: number,
  B: Float64Array, ib: number, db: number,
  O: Float64Array, io: number, dO: number,
): void {
  if (da === 1 && db === 1 && dO === 1) return flatRun(op, n, A, ia, B, ib, O, io);
  switch (op) {
    case 'add': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] + B[ib]; return;
    case 'sub': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] - B[ib]; return;
    case 'mul': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] * B[ib]; return;
    case 'div': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] / B[ib]; return;
    case 'max': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = maximum(A[ia], B[ib]); return;
    case 'min': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = minimum(A[ia], B[ib]); return;
    case 'eq': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] === B[ib] ? 1 : 0; return;
    case 'ne': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] !== B[ib] ? 1 : 0; return;
    case 'lt': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] < B[ib] ? 1 : 0; return;
    case 'le': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] <= B[ib] ? 1 : 0; return;
    case 'gt': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] > B[ib] ? 1 : 0; return;
    case 'ge': for (let i = 0; i < n; i++, ia += da, ib += db, io += dO) O[io] = A[ia] >= B[ib] ? 1 : 0; return;
    case 'square': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = A[ia] * A[ia]; return;
    case 'sqrt': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = Math.sqrt(A[ia]); return;
    case 'recip': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = 1 / A[ia]; return;
  }
}

/** The unit-stride case of `binaryRun` (plain indexed loops unroll and vectorise better). */
function flatRun(op: FastOp, n: number, A: Float64Array, ia: number, B: Float64Array, ib: number, O: Float64Array, io: number): void {
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] + B[ib + i]; return;
    case 'sub': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] - B[ib + i]; return;
    case 'mul': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] * B[ib + i]; return;
    case 'div': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] / B[ib + i]; return;
    case 'max': for (let i = 0; i < n; i++) O[io + i] = maximum(A[ia + i], B[ib + i]); return;
    case 'min': for (let i = 0; i < n; i++) O[io + i] = minimum(A[ia + i], B[ib + i]); return;
    case 'eq': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] === B[ib + i] ? 1 : 0; return;
    case 'ne': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] !== B[ib + i] ? 1 : 0; return;
    case 'lt': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] < B[ib + i] ? 1 : 0; return;
    case 'le': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] <= B[ib + i] ? 1 : 0; return;
    case 'gt': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] > B[ib + i] ? 1 : 0; return;
    case 'ge': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] >= B[ib + i] ? 1 : 0; return;
    case 'square': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] * A[ia + i]; return;
    case 'sqrt': for (let i = 0; i < n; i++) O[io + i] = Math.sqrt(A[ia + i]); return;
    case 'recip': for (let i = 0; i < n; i++) O[io + i] = 1 / A[ia + i]; return;
  }
}

/** O[io + i·dO] = op(A[ia + i·da]) for i < n. */
export function unaryRun(op: FastUnary, n: number, A: Float64Array, ia: number, da: number, O: Float64Array, io: number, dO: number): void {
  if (da === 1 && dO === 1) {
    if (op === 'copy' && n >= 64) {
      if (A !== O || ia !== io) O.set(A.subarray(ia, ia + n), io);
      return;
    }
    switch (op) {
      case 'copy': for (let i = 0; i < n; i++) O[io + i] = A[ia + i]; return;
      case 'neg': for (let i = 0; i < n; i++) O[io + i] = -A[ia + i]; return;
      case 'abs': for (let i = 0; i < n; i++) O[io + i] = Math.abs(A[ia + i]); return;
      case 'square': for (let i = 0; i < n; i++) O[io + i] = A[ia + i] * A[ia + i]; return;
      case 'sqrt': for (let i = 0; i < n; i++) O[io + i] = Math.sqrt(A[ia + i]); return;
      case 'exp': for (let i = 0; i < n; i++) O[io + i] = Math.exp(A[ia + i]); return;
      case 'log': for (let i = 0; i < n; i++) O[io + i] = Math.log(A[ia + i]); return;
      case 'tanh': for (let i = 0; i < n; i++) O[io + i] = Math.tanh(A[ia + i]); return;
    }
  }
  switch (op) {
    case 'copy': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = A[ia]; return;
    case 'neg': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = -A[ia]; return;
    case 'abs': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = Math.abs(A[ia]); return;
    case 'square': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = A[ia] * A[ia]; return;
    case 'sqrt': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = Math.sqrt(A[ia]); return;
    case 'exp': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = Math.exp(A[ia]); return;
    case 'log': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = Math.log(A[ia]); return;
    case 'tanh': for (let i = 0; i < n; i++, ia += da, io += dO) O[io] = Math.tanh(A[ia]); return;
  }
}

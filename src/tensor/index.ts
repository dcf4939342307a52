// The tensor core's public API: a float64/int64/bool numpy in pure TypeScript. The Python interpreter
// (src/sandbox/numpy*) binds the `numpy` module to these functions; tests call them directly.
//
// API overview
// - NDArray: `data` (shared Float64Array; int64 values are exact integers up to 2**53, bool is 0/1),
//   `shape`, `strides` (in elements; `byteStrides` as NumPy), `offset`, `dtype` ('float64' | 'int64' |
//   'bool'), `base` (the owner when a view), `isScalar` (a 0-d result NumPy returns as a numpy scalar:
//   ufunc/reduction results, integer indexing). Methods: item(), toFlat(), toList().
// - Python scalars cross the boundary as PyScalar: number = Python float, bigint = Python int,
//   boolean = Python bool. They are weak (NEP 50); NDArrays (numpy scalars included) are strong.
// - Creation: array(nested, dtype?), asarray, zeros/ones/empty/full (+Like), arange, linspace, eye,
//   identity, diag, copy, astype.
// - Ufuncs: binary(name, x, y, out?) and unary(name, x, out?) over the explicit registries BINARY/UNARY
//   (NumPy names: add subtract multiply divide floor_divide remainder power maximum minimum equal ...
//   logical_and ... bitwise_and ...; exp log ... isnan ... invert). `out` gives in-place semantics
//   (`a += b` is binary('add', a, b, a)) with same_kind casting errors; powerOperator(x, y, out?) is `**`
//   (NumPy's fast_scalar_power: `a ** 2` runs square, `** -1` reciprocal, `** 0.5` sqrt);
//   scalarOperator(name, x, y) is an operator on numpy scalars (scalarmath: warnings say "scalar multiply";
//   isScalarMath(x, y) tells when it applies). Also where, clip, round,
//   isclose, allclose, arrayEqual.
// - Indexing: getItem(a, index) / setItem(a, index, value) with index = one IndexItem or an array of
//   them: number (int), slice(start, stop, step), null (None/newaxis), '...' (Ellipsis), or an int/bool
//   NDArray (fancy/boolean; lists are converted by the caller with array()). Basic indices give views,
//   advanced ones copies, all-int indices numpy scalars.
// - Reductions (axis: number | number[] | null, keepdims): sum (NumPy's pairwise order, bit-exact),
//   prod, max, min, any, all, mean, variance, std (ddof), argmax, argmin, cumsum, cumprod.
// - Shapes: reshape, ravel, flatten, transpose, swapaxes, squeeze, expandDims, broadcastTo,
//   concatenate, stack, vstack, hstack, split (strict=false: array_split), tile, repeat.
// - Linear algebra: dot, matmul, outer, inner, det, inv, solve, norm. Large products run a WebAssembly
//   SIMD kernel (src/tensor/wasm) with a JavaScript fallback; both accumulate each element in ascending
//   k. Small matrix products emulate OpenBLAS's FMA and small inv/solve follow its LU order, so they
//   usually match NumPy bit for bit.
// - Sorting and sets: sort, argsort (stable), unique (+index/inverse/counts), searchsorted, nonzero.
// - Statistics and products written as NumPy writes them: quantile/percentile and their nan variants
//   (all 13 methods), cov/corrcoef (X·Xᵀ in OpenBLAS dsyrk's order, blasSyrk.ts), tensordot, vdot,
//   kron, cross, moveaxis, take, pad (constant, edge, reflect, symmetric, wrap), interp, bincount,
//   nanToNum, logspace, sinc.
// - Random: RandomState (legacy MT19937, bit-exact) and the module-level `globalRandom`; scalar draws
//   return Python scalars (number/bigint). glibcLog is the C library's log (bit for bit) its normals use.
//   Generator / defaultRng: NumPy's modern PCG64 generator (SeedSequence seeding, ziggurat, Lemire).
// - Errors: TensorError(pyType, message) with NumPy's wording (pyType e.g. 'ValueError',
//   'numpy.exceptions.AxisError'); `pyLine` is the traceback's last line. RuntimeWarnings go to the
//   callback installed by setWarningSink. setAllocationCap(bytes) makes allocations beyond the cap
//   raise NumPy's MemoryError before allocating; allocatedBytes() reports the running total.
// - Printing: arrayStr (print/str), arrayRepr (repr; numpy scalars as `np.float64(1.5)`), scalarStr,
//   scalarRepr, array2string, set/get/reset/withPrintOptions (np.printoptions), floatRepr.

export { TensorError, setWarningSink, setAllocationCap, allocatedBytes, normAxis, type PyErrorType, type WarningSink } from './errors';
export { type DType, type PyScalar, promote, dtypeRepr } from './dtype';
export { NDArray, copy, shapeSize, cStrides } from './ndarray';
export { type Operand } from './operand';
export { broadcastShapes, broadcastTo, shapeStr } from './broadcast';
export {
  array, asarray, zeros, ones, empty, full, zerosLike, onesLike, emptyLike, fullLike, arange, linspace, eye,
  identity, diag, tupleStr, type Nested, type ShapeArg,
} from './create';
export { binary, unary, powerOperator, scalarOperator, isScalarMath, BINARY, UNARY } from './ufuncs';
export { arrayStr, arrayRepr, scalarStr, scalarRepr, array2string } from './print/arrayPrint';
export { getPrintOptions, setPrintOptions, resetPrintOptions, withPrintOptions, type PrintOptions } from './print/options';
export { floatRepr } from '../common/floatRepr';
export { reshape, ravel, flatten, transpose, swapaxes, squeeze, expandDims, resolveShape } from './shape';
export { concatenate, stack, vstack, hstack, split, tile, repeat } from './join';
export { diff, trace, flip, roll, tril, triu, ptp } from './arrayOps';
export { median, average, nansum, nanmean, columnStack, atleast2d, meshgrid } from './stats';
export { quantile, percentile, nanquantile, nanpercentile } from './quantile';
export { cov, corrcoef } from './covariance';
export { tensordot, vdot, kron, cross, type TensordotAxes } from './contract';
export { moveaxis, take, pad, type PadMode } from './rearrange';
export { sinc, nanToNum, logspace, interp, bincount } from './special';
export { getItem, setItem, slice, nonzero, type IndexItem, type Slice } from './indexing';
export { sum, prod, max, min, any, all, mean, variance, std, argmax, argmin, cumsum, cumprod } from './reductions';
export { type AxisArg } from './reduceAxes';
export { where, clip, round, astype, isclose, allclose, arrayEqual } from './misc';
export { setWasmEnabled } from './wasm/gemmKernel';
export { dot, matmul, outer, inner, det, inv, solve, norm } from './linalg';
export { sort, argsort, unique, searchsorted, type UniqueResult } from './sort';
export { RandomState, globalRandom, type Size } from './random';
export { Generator, defaultRng, int64Scalar, type GenSize, type Param } from './generator';
export { choiceIndices } from './generatorChoice';
export { glibcLog } from '../common/libm/glibcLog';

// The tensor core's public API: a float64/int64/bool numpy in pure TypeScript. The Python interpreter
// (src/sandbox/numpy*) binds the `numpy` module to these functions; tests call them directly.
//
// API overview
// - NDArray: `data` (shared Float64Array), `shape`, `strides` (in elements; `byteStrides` as NumPy),
//   `offset`, `dtype` ('float64' | 'int64' | 'bool'), `base` (the owner when a view), `isScalar`
//   (a 0-d result NumPy returns as a numpy scalar: ufunc/reduction results, integer indexing).
//   Methods: item(), toFlat(), toList().
// - Python scalars cross the boundary as PyScalar: number = Python float, bigint = Python int,
//   boolean = Python bool. They are weak (NEP 50); NDArrays (numpy scalars included) are strong.
// - Creation: array(nested, dtype?), asarray, zeros/ones/empty/full (+Like), arange, linspace, eye,
//   identity, diag.
// - Ufuncs: binary(name, x, y, out?) and unary(name, x, out?) over explicit registries BINARY/UNARY
//   (names as NumPy's: add subtract multiply divide floor_divide remainder power maximum minimum
//   equal ... logical_and ... bitwise_and ...; exp log ... isnan ...). `out` gives in-place semantics
//   (`a += b` is binary('add', a, b, a)) with same_kind casting errors. Also where, clip, round.
// - Errors: TensorError(pyType, message) with NumPy's wording (pyType e.g. 'ValueError',
//   'numpy.exceptions.AxisError'); `pyLine` is the traceback's last line. RuntimeWarnings go to the
//   callback installed by setWarningSink. setAllocationCap(bytes) makes larger allocations raise
//   MemoryError before allocating.
// - Printing: arrayStr (print/str), arrayRepr (repr; numpy scalars as `np.float64(1.5)`), scalarStr,
//   scalarRepr, array2string, set/get/withPrintOptions.

export { TensorError, setWarningSink, setAllocationCap, allocatedBytes, normAxis, type PyErrorType, type WarningSink } from './errors';
export { type DType, type PyScalar, promote, dtypeRepr } from './dtype';
export { NDArray, copy, shapeSize, cStrides } from './ndarray';
export { type Operand } from './operand';
export { broadcastShapes, broadcastTo, shapeStr } from './broadcast';
export {
  array, asarray, zeros, ones, empty, full, zerosLike, onesLike, emptyLike, fullLike, arange, linspace, eye,
  identity, diag, tupleStr, type Nested, type ShapeArg,
} from './create';
export { binary, unary, BINARY, UNARY } from './ufuncs';
export { arrayStr, arrayRepr, scalarStr, scalarRepr, array2string } from './print/arrayPrint';
export { getPrintOptions, setPrintOptions, resetPrintOptions, withPrintOptions, type PrintOptions } from './print/options';
export { floatRepr } from '../common/floatRepr';
export { reshape, ravel, flatten, transpose, swapaxes, squeeze, expandDims, resolveShape } from './shape';
export { concatenate, stack, vstack, hstack, split, tile, repeat } from './join';
export { getItem, setItem, slice, nonzero, type IndexItem, type Slice } from './indexing';
export { sum, prod, max, min, any, all, mean, variance, std, argmax, argmin, cumsum, cumprod } from './reductions';
export { type AxisArg } from './reduceAxes';
export { where, clip, round, astype, isclose, allclose, arrayEqual } from './misc';
export { dot, matmul, outer, inner, det, inv, solve, norm } from './linalg';
export { sort, argsort, unique, searchsorted, type UniqueResult } from './sort';
export { RandomState, globalRandom, type Size } from './random';
export { crlog } from './crlog';

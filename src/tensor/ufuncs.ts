// Binary and unary ufuncs: dtype resolution (numpy/_core/code_generators/generate_umath.py loops,
// restricted to bool/int64/float64), `out=` with same_kind casting (in-place operators), and the
// RuntimeWarnings NumPy's floating-point error checks emit (order: divide, overflow, invalid).

import { fdlibmLog1p } from '../common/libm/fdlibmLog1p';
import { glibcExp } from '../common/libm/glibcExp';
import { glibcCos, glibcSin } from '../common/libm/glibcSin';
import { pow } from '../common/pow';
import { canCastSameKind, dtypeRepr, type DType, type PyScalar } from './dtype';
import { binaryInto, copyInto, identity, resultShape, scan2, scratchArray, unaryInto, type FastOp, type FastUnary, type Fn1, type Fn2 } from './elementwise';
import { binaryWarnings, unaryWarnings } from './fpErrors';
import { maximum, minimum } from './kernels';
import { TensorError, warn } from './errors';
import { shapeStr } from './broadcast';
import { newArray, NDArray, shapeSize } from './ndarray';
import { dtypeOf, toArray, type Operand } from './operand';
import { floatFloorDivide, floatRemainder, intFloorDivide, intPower, intRemainder, roundHalfEven } from './scalarMath';
import { numpyTanh } from './simdTanh';
import { svmlExp } from './svmlExp';
import { svmlLog } from './svmlLog';

type Kind = 'arith' | 'sub' | 'truediv' | 'intarith' | 'cmp' | 'logical' | 'bitwise';

interface Binary {
  readonly name: string;
  readonly kind: Kind;
  readonly f: Fn2; // float loop (also used for bool/int when `i` is absent)
  readonly i?: Fn2; // int64 loop
  /** The kernels.ts loop computing `f` (any dtype: the int and bool loops use `f` too unless `i` is set). */
  readonly fast?: FastOp;
  /** What an infinite result from finite inputs is reported as. */
  readonly inf: 'divide' | 'overflow';
  /** A NaN input raises "invalid" too (the C loop compares it with < or >, which signals on NaN). */
  readonly nanInvalid?: boolean;
}

const bool = (c: boolean) => (c ? 1 : 0);

const SIGN_F64 = new Float64Array(1), SIGN_U32 = new Uint32Array(SIGN_F64.buffer);
/** The IEEE sign bit (set for -0 and for a NaN carrying it). */
function signBit(x: number): boolean {
  SIGN_F64[0] = x;
  return SIGN_U32[1] >>> 31 === 1;
}

/** The explicit registry of binary ufuncs (the interpreter maps Python operators onto these names). */
export const BINARY: ReadonlyMap<string, Binary> = new Map<string, Binary>(
  (
    [
      { name: 'add', kind: 'arith', f: (x, y) => x + y, fast: 'add', inf: 'overflow' },
      { name: 'subtract', kind: 'sub', f: (x, y) => x - y, fast: 'sub', inf: 'overflow' },
      { name: 'multiply', kind: 'arith', f: (x, y) => x * y, fast: 'mul', inf: 'overflow' },
      { name: 'divide', kind: 'truediv', f: (x, y) => x / y, fast: 'div', inf: 'divide' },
      { name: 'floor_divide', kind: 'intarith', f: floatFloorDivide, i: intFloorDivide, inf: 'divide' },
      { name: 'remainder', kind: 'intarith', f: floatRemainder, i: intRemainder, inf: 'divide' },
      // C's pow (glibc's, bit for bit), as NumPy's scalar math and non-SIMD loops call it: not Math.pow.
      { name: 'power', kind: 'intarith', f: pow, i: intPower, inf: 'overflow' },
      { name: 'maximum', kind: 'arith', f: maximum, fast: 'max', inf: 'overflow' },
      { name: 'minimum', kind: 'arith', f: minimum, fast: 'min', inf: 'overflow' },
      { name: 'equal', kind: 'cmp', f: (x, y) => bool(x === y), fast: 'eq', inf: 'overflow' },
      { name: 'not_equal', kind: 'cmp', f: (x, y) => bool(x !== y), fast: 'ne', inf: 'overflow' },
      { name: 'less', kind: 'cmp', f: (x, y) => bool(x < y), fast: 'lt', inf: 'overflow' },
      { name: 'less_equal', kind: 'cmp', f: (x, y) => bool(x <= y), fast: 'le', inf: 'overflow' },
      { name: 'greater', kind: 'cmp', f: (x, y) => bool(x > y), fast: 'gt', inf: 'overflow' },
      { name: 'greater_equal', kind: 'cmp', f: (x, y) => bool(x >= y), fast: 'ge', inf: 'overflow' },
      // Always-float binary ufuncs ('truediv' promotion), as numpy/_core/src/npymath defines them.
      { name: 'arctan2', kind: 'truediv', f: Math.atan2, inf: 'overflow' },
      { name: 'hypot', kind: 'truediv', f: Math.hypot, inf: 'overflow' },
      { name: 'copysign', kind: 'truediv', f: (x, y) => (signBit(y) ? -Math.abs(x) : Math.abs(x)), inf: 'overflow' },
      { name: 'logaddexp', kind: 'truediv', f: logaddexp, inf: 'overflow', nanInvalid: true },
      { name: 'heaviside', kind: 'truediv', f: (x, h) => (x < 0 ? 0 : x === 0 ? h : x > 0 ? 1 : x), inf: 'overflow' },
      // NaN-ignoring maximum/minimum (a NaN only when both are NaN; ties give the first).
      { name: 'fmax', kind: 'arith', f: (x, y) => (x >= y || y !== y ? x : y), inf: 'overflow' },
      { name: 'fmin', kind: 'arith', f: (x, y) => (x <= y || y !== y ? x : y), inf: 'overflow' },
      // C's fmod (JavaScript's % is the same operation); ints: truncated remainder, 0 for a zero divisor.
      { name: 'fmod', kind: 'intarith', f: (x, y) => x % y, i: (x, y) => (y === 0 ? 0 : (x % y) + 0), inf: 'divide' },
      // npy_logaddexp2: log2(2^x + 2^y) as x + log2(1 + 2^-(x-y)), log2_1p(v) = LOG2E * log1p(v).
      { name: 'logaddexp2', kind: 'truediv', f: logaddexp2, inf: 'overflow', nanInvalid: true },
      { name: 'logical_and', kind: 'logical', f: (x, y) => bool(x !== 0 && y !== 0), inf: 'overflow' },
      { name: 'logical_or', kind: 'logical', f: (x, y) => bool(x !== 0 || y !== 0), inf: 'overflow' },
      { name: 'logical_xor', kind: 'logical', f: (x, y) => bool((x !== 0) !== (y !== 0)), inf: 'overflow' },
      { name: 'bitwise_and', kind: 'bitwise', f: (x, y) => Number(BigInt(x) & BigInt(y)), inf: 'overflow' },
      { name: 'bitwise_or', kind: 'bitwise', f: (x, y) => Number(BigInt(x) | BigInt(y)), inf: 'overflow' },
      { name: 'bitwise_xor', kind: 'bitwise', f: (x, y) => Number(BigInt(x) ^ BigInt(y)), inf: 'overflow' },
    ] as Binary[]
  ).map((u) => [u.name, u]),
);

const MAXIMUM = BINARY.get('maximum')!, MINIMUM = BINARY.get('minimum')!;

function noLoop(name: string, types: string): TensorError {
  return new TensorError('numpy._core._exceptions._UFuncNoLoopError', `ufunc '${name}' did not contain a loop with signature matching types ${types}`);
}

/** The dtype a binary ufunc's loop computes in (or NumPy's TypeError); the output is `binaryResult`. */
function binaryLoop(u: Binary, a: DType, b: DType): DType {
  const p = a === 'float64' || b === 'float64' ? 'float64' : a === 'int64' || b === 'int64' ? 'int64' : 'bool';
  switch (u.kind) {
    case 'sub':
      if (p === 'bool')
        throw new TensorError('TypeError', 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
      return p;
    case 'truediv':
      return 'float64';
    case 'intarith':
      return p === 'bool' ? 'int64' : p;
    case 'bitwise':
      if (p === 'float64')
        throw new TensorError('TypeError', `ufunc '${u.name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
      return p;
    default:
      return p;
  }
}

const binaryResult = (u: Binary, loop: DType): DType => (u.kind === 'cmp' || u.kind === 'logical' ? 'bool' : loop);

function checkOut(name: string, res: DType, out: NDArray, shape: readonly number[]): void {
  if (!canCastSameKind(res, out.dtype))
    throw new TensorError(
      'numpy._core._exceptions._UFuncOutputCastingError',
      `Cannot cast ufunc '${name}' output from ${dtypeRepr(res)} to ${dtypeRepr(out.dtype)} with casting rule 'same_kind'`,
    );
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i]))
    throw new TensorError('ValueError', `non-broadcastable output operand with shape ${shapeStr(out.shape)} doesn't match the broadcast shape ${shapeStr(shape)}`);
}

/** Applies a binary ufunc by name: `binary('add', a, 1n)`; `out` makes it in-place (`a += 1`). */
export function binary(name: string, x: Operand, y: Operand, out?: NDArray): NDArray {
  const u = BINARY.get(name);
  if (!u) throw new TensorError('NotImplementedError', `ufunc '${name}' is not supported`);
  return apply(u, x, y, out, false, false);
}

/**
 * A Python operator whose operands are both scalars, at least one a numpy scalar (`np.float64(x) * 2`,
 * `np.int64(5) // np.int64(0)`): NumPy computes it in scalarmath.c, whose warnings name the operation
 * "scalar multiply", "scalar floor_divide", ... An operand that is an array, even 0-d, takes the ufunc.
 */
export function scalarOperator(name: string, x: Operand, y: Operand): NDArray {
  const u = BINARY.get(name);
  if (!u) throw new TensorError('NotImplementedError', `ufunc '${name}' is not supported`);
  return apply(u, x, y, undefined, false, true);
}

/** True when x and y make a scalarmath operation (see scalarOperator). */
export function isScalarMath(x: Operand, y: Operand): boolean {
  const sx = x instanceof NDArray ? x.isScalar : true, sy = y instanceof NDArray ? y.isScalar : true;
  return sx && sy && (x instanceof NDArray || y instanceof NDArray);
}

/**
 * The `**` operator on an ndarray (`a ** y`, `a **= y`): NumPy's fast_scalar_power
 * (numpy/_core/src/multiarray/number.c) runs the square ufunc for a Python int exponent 2, reciprocal
 * for -1 and sqrt for a Python float 0.5 when the base is a float array (not a numpy scalar), so the
 * warnings name those ufuncs. Every other case is the power ufunc.
 */
export function powerOperator(x: Operand, y: Operand, out?: NDArray): NDArray {
  return apply(BINARY.get('power')!, x, y, out, x instanceof NDArray && !x.isScalar && x.dtype === 'float64', false);
}

const FAST_SCALAR_POWER: ReadonlyMap<PyScalar, string> = new Map<PyScalar, string>([[2n, 'square'], [-1n, 'reciprocal'], [0.5, 'sqrt']]);

/**
 * The float power loop's own fast path (loops_umath_fp.dispatch.c.src POWER_FAST_PATH): when the
 * exponent is the same for the whole inner loop (stride 0: a scalar broadcast), 2 is x*x, 0.5 sqrt
 * and -1 1/x (0 and 1 agree with pow anyway). An exponent array of one element that is not broadcast
 * keeps its stride, so it goes through pow.
 */
function powerFastOp(b: NDArray, outSize: number): FastOp | undefined {
  if (b.size !== 1 || (b.ndim !== 0 && outSize <= 1)) return undefined;
  const e = b.data[b.offset];
  return e === 2 ? 'square' : e === 0.5 ? 'sqrt' : e === -1 ? 'recip' : undefined;
}

function apply(u: Binary, x: Operand, y: Operand, out: NDArray | undefined, powerOp: boolean, scalarMath: boolean): NDArray {
  const loop = binaryLoop(u, dtypeOf(x), dtypeOf(y)), res = binaryResult(u, loop);
  let name = u.name;
  if (powerOp && (typeof y === 'bigint' || typeof y === 'number')) name = FAST_SCALAR_POWER.get(y) ?? name;
  if (scalarMath) name = `scalar ${name}`;
  const a = toArray(x), b = toArray(y);
  const shape = resultShape(a, b);
  if (out) checkOut(name, res, out, shape);
  const f = loop === 'int64' && u.i ? u.i : u.f;
  let fast = f === u.f ? u.fast : undefined;
  // Scalar math (np.float64(x) ** y) calls npy_pow itself, without the loop's fast paths: 0.9999999999999999
  // ** -1 is pow's 1.0 there, the loop's 1/x 1.0000000000000002.
  if (u.name === 'power' && loop === 'float64' && !scalarMath) fast = powerFastOp(b, shapeSize(shape));
  // The result goes straight into `out` unless `out` has another dtype (ints into a float `out` still
  // use the int loop) or shares a buffer with an input (the warnings need the inputs intact).
  const direct = out && out.dtype === res && out.data !== a.data && out.data !== b.data;
  const target = direct ? out : out ? scratchArray(shape, res) : newArray(shape, res);
  binaryInto(a, b, target, f, fast);
  // maximum/minimum return one of their inputs: no NaN or inf of their own, so nothing to report.
  if (loop === 'float64' && u.kind !== 'cmp' && u !== MAXIMUM && u !== MINIMUM) binaryWarnings(name, u.inf, a, b, target, u.nanInvalid);
  else if ((u.name === 'floor_divide' || u.name === 'remainder' || u.name === 'fmod') && hasZero(b)) warn(`divide by zero encountered in ${name}`);
  if (out && target !== out) copyInto(target, out);
  const r = out ?? target;
  if (!out && r.ndim === 0) r.isScalar = true;
  return r;
}

function hasZero(b: NDArray): boolean {
  let z = false;
  scan2(b, b, (v) => (z ||= v === 0));
  return z;
}

// ---- unary -----------------------------------------------------------------------------------------

type UKind = 'float' | 'same' | 'int-identity' | 'pred' | 'neg' | 'not' | 'sign' | 'invert';

interface Unary {
  readonly name: string;
  readonly kind: UKind;
  readonly f: Fn1;
  /** The kernels.ts loop computing `f` (Math functions are recognised without it). */
  readonly fast?: FastUnary;
  /** Infinite results from finite inputs count as divide-by-zero (logs) rather than overflow. */
  readonly div?: boolean;
  /** The int64 loop, when it differs from `f`; a zero input then warns of divide by zero and invalid. */
  readonly i?: Fn1;
}

const log1p = fdlibmLog1p;

/** npy_logaddexp: log(e^x + e^y) without overflow; equal arguments (infinities too) give x + ln 2. Its
 * exp and log1p are the C library's (glibc's, bit for bit: src/common/libm), not V8's. */
function logaddexp(x: number, y: number): number {
  if (x === y) return x + Math.LN2;
  const d = x - y;
  if (d > 0) return x + log1p(glibcExp(-d));
  if (d <= 0) return y + log1p(glibcExp(d));
  return d; // a NaN
}
/** npy_logaddexp2, the base-2 twin of logaddexp (2 ** d and Math.log1p for C's exp2 and log1p: ~0.1% of
 * random inputs differ from NumPy's in the last bit). */
function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const d = x - y;
  if (d > 0) return x + Math.LOG2E * log1p(2 ** -d);
  if (d <= 0) return y + Math.LOG2E * log1p(2 ** d);
  return d; // a NaN
}

/** 1/x in int64 as NumPy's loop computes it: truncated, and INT64_MIN for 0 (with its warnings). */
const intReciprocal = (x: number) => (x === 0 ? -9223372036854775808 : Math.trunc(1 / x) + 0);

/** The explicit registry of unary ufuncs. */
export const UNARY: ReadonlyMap<string, Unary> = new Map<string, Unary>(
  (
    [
      // SVML's exp and log, as NumPy calls them for float64 here (0-d scalars too: same loop).
      { name: 'exp', kind: 'float', f: svmlExp, fast: 'exp' },
      { name: 'expm1', kind: 'float', f: Math.expm1 },
      { name: 'log', kind: 'float', f: svmlLog, fast: 'log', div: true },
      { name: 'log2', kind: 'float', f: Math.log2, div: true },
      { name: 'log10', kind: 'float', f: Math.log10, div: true },
      { name: 'log1p', kind: 'float', f: log1p, div: true },
      { name: 'sqrt', kind: 'float', f: Math.sqrt },
      // NumPy 2.4.6's wheel computes float64 sin/cos with the C library per element, not SVML (its loop
      // calls sin@plt/cos@plt; nothing calls __svml_sin8*/__svml_cos8*): glibc's, bit for bit in
      // src/common/libm/glibcSin.ts. V8's Math.sin/cos differed from it on ~3.6% / ~3.9%.
      { name: 'sin', kind: 'float', f: glibcSin, fast: 'sin' },
      { name: 'cos', kind: 'float', f: glibcCos, fast: 'cos' },
      { name: 'tan', kind: 'float', f: Math.tan },
      { name: 'arcsin', kind: 'float', f: Math.asin },
      { name: 'arccos', kind: 'float', f: Math.acos },
      { name: 'arctan', kind: 'float', f: Math.atan },
      { name: 'sinh', kind: 'float', f: Math.sinh },
      { name: 'cosh', kind: 'float', f: Math.cosh },
      { name: 'tanh', kind: 'float', f: numpyTanh, fast: 'tanh' }, // NumPy's own SIMD tanh (simdTanh.ts)
      { name: 'cbrt', kind: 'float', f: Math.cbrt },
      { name: 'exp2', kind: 'float', f: (x) => 2 ** x },
      // NumPy multiplies by the constant pi/180 (180/pi), so these are exact twins.
      { name: 'deg2rad', kind: 'float', f: (x) => x * (Math.PI / 180) },
      { name: 'radians', kind: 'float', f: (x) => x * (Math.PI / 180) },
      { name: 'rad2deg', kind: 'float', f: (x) => x * (180 / Math.PI) },
      { name: 'degrees', kind: 'float', f: (x) => x * (180 / Math.PI) },
      { name: 'signbit', kind: 'pred', f: (x) => bool(signBit(x)) },
      { name: 'rint', kind: 'float', f: roundHalfEven },
      { name: 'floor', kind: 'int-identity', f: Math.floor },
      { name: 'ceil', kind: 'int-identity', f: Math.ceil },
      { name: 'trunc', kind: 'int-identity', f: Math.trunc },
      { name: 'negative', kind: 'neg', f: (x) => -x, fast: 'neg' },
      { name: 'positive', kind: 'same', f: identity },
      { name: 'absolute', kind: 'same', f: Math.abs },
      { name: 'square', kind: 'same', f: (x) => x * x, fast: 'square' },
      { name: 'reciprocal', kind: 'same', f: (x) => 1 / x, i: intReciprocal, div: true },
      { name: 'sign', kind: 'sign', f: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN) },
      { name: 'isnan', kind: 'pred', f: (x) => bool(x !== x) },
      { name: 'isinf', kind: 'pred', f: (x) => bool(x === Infinity || x === -Infinity) },
      { name: 'isfinite', kind: 'pred', f: (x) => bool(Number.isFinite(x)) },
      { name: 'logical_not', kind: 'not', f: (x) => bool(x === 0) },
      { name: 'invert', kind: 'invert', f: (x) => -x - 1 },
    ] as Unary[]
  ).map((u) => [u.name, u]),
);

function resolveUnary(u: Unary, d: DType): DType {
  switch (u.kind) {
    case 'float':
      return 'float64';
    case 'same':
    case 'int-identity':
      return d === 'bool' && (u.name === 'square' || u.name === 'reciprocal') ? 'int64' : d;
    case 'pred':
    case 'not':
      return 'bool';
    case 'neg':
      if (d === 'bool')
        throw new TensorError('TypeError', 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.');
      return d;
    case 'sign':
      if (d === 'bool') throw noLoop('sign', "<class 'numpy.dtypes.BoolDType'> -> None");
      return d;
    case 'invert':
      if (d === 'float64') throw new TensorError('TypeError', "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
      return d;
  }
}

/** Applies a unary ufunc by name: `unary('exp', a)`. */
export function unary(name: string, x: Operand, out?: NDArray): NDArray {
  const u = UNARY.get(name);
  if (!u) throw new TensorError('NotImplementedError', `ufunc '${name}' is not supported`);
  const a = toArray(x);
  const res = resolveUnary(u, dtypeOf(x));
  if (out) checkOut(name, res, out, a.shape);
  let f = u.f;
  if (u.kind === 'invert' && a.dtype === 'bool') f = (v) => bool(v === 0);
  if (u.kind === 'int-identity' && a.dtype !== 'float64') f = identity;
  if (u.i && a.dtype !== 'float64') {
    f = u.i;
    if (hasZero(a)) (warn(`divide by zero encountered in ${name}`), warn(`invalid value encountered in ${name}`));
  }
  const direct = out && out.dtype === res && out.data !== a.data;
  const target = direct ? out : out ? scratchArray(a.shape, res) : newArray(a.shape, res);
  unaryInto(a, target, f, f === u.f ? u.fast : undefined);
  if (res === 'float64') unaryWarnings(name, u.div === true, a, target);
  if (out && target !== out) copyInto(target, out);
  const r = out ?? target;
  if (!out && r.ndim === 0) r.isScalar = true;
  return r;
}

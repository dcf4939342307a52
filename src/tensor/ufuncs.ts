// Binary and unary ufuncs: dtype resolution (numpy/_core/code_generators/generate_umath.py loops,
// restricted to bool/int64/float64), `out=` with same_kind casting (in-place operators), and the
// RuntimeWarnings NumPy's floating-point error checks emit (order: divide, overflow, invalid).

import { canCastSameKind, dtypeRepr, type DType } from './dtype';
import { binaryInto, resultShape, unaryInto, type FastOp, type Fn1, type Fn2 } from './elementwise';
import { TensorError, warn } from './errors';
import { shapeStr } from './broadcast';
import { newArray, NDArray } from './ndarray';
import { dtypeOf, toArray, type Operand } from './operand';
import { floatFloorDivide, floatRemainder, intFloorDivide, intPower, intRemainder, roundHalfEven } from './scalarMath';

type Kind = 'arith' | 'sub' | 'truediv' | 'intarith' | 'cmp' | 'logical' | 'bitwise';

interface Binary {
  readonly name: string;
  readonly kind: Kind;
  readonly f: Fn2; // float loop (also used for bool/int when `i` is absent)
  readonly i?: Fn2; // int64 loop
  readonly fast?: FastOp;
  /** What an infinite result from finite inputs is reported as. */
  readonly inf: 'divide' | 'overflow';
}

const bool = (c: boolean) => (c ? 1 : 0);
// NaN wins; on ties (including -0 vs 0) the second operand is returned, as NumPy's loops do.
const maximum: Fn2 = (x, y) => (x !== x ? x : y !== y ? y : x > y ? x : y);
const minimum: Fn2 = (x, y) => (x !== x ? x : y !== y ? y : x < y ? x : y);

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
      { name: 'power', kind: 'intarith', f: Math.pow, i: intPower, inf: 'overflow' },
      { name: 'maximum', kind: 'arith', f: maximum, inf: 'overflow' },
      { name: 'minimum', kind: 'arith', f: minimum, inf: 'overflow' },
      { name: 'equal', kind: 'cmp', f: (x, y) => bool(x === y), inf: 'overflow' },
      { name: 'not_equal', kind: 'cmp', f: (x, y) => bool(x !== y), inf: 'overflow' },
      { name: 'less', kind: 'cmp', f: (x, y) => bool(x < y), inf: 'overflow' },
      { name: 'less_equal', kind: 'cmp', f: (x, y) => bool(x <= y), inf: 'overflow' },
      { name: 'greater', kind: 'cmp', f: (x, y) => bool(x > y), inf: 'overflow' },
      { name: 'greater_equal', kind: 'cmp', f: (x, y) => bool(x >= y), inf: 'overflow' },
      { name: 'logical_and', kind: 'logical', f: (x, y) => bool(x !== 0 && y !== 0), inf: 'overflow' },
      { name: 'logical_or', kind: 'logical', f: (x, y) => bool(x !== 0 || y !== 0), inf: 'overflow' },
      { name: 'logical_xor', kind: 'logical', f: (x, y) => bool((x !== 0) !== (y !== 0)), inf: 'overflow' },
      { name: 'bitwise_and', kind: 'bitwise', f: (x, y) => Number(BigInt(x) & BigInt(y)), inf: 'overflow' },
      { name: 'bitwise_or', kind: 'bitwise', f: (x, y) => Number(BigInt(x) | BigInt(y)), inf: 'overflow' },
      { name: 'bitwise_xor', kind: 'bitwise', f: (x, y) => Number(BigInt(x) ^ BigInt(y)), inf: 'overflow' },
    ] as Binary[]
  ).map((u) => [u.name, u]),
);

function noLoop(name: string, types: string): TensorError {
  return new TensorError('numpy._core._exceptions._UFuncNoLoopError', `ufunc '${name}' did not contain a loop with signature matching types ${types}`);
}

/** [loop dtype, output dtype] for a binary ufunc, or NumPy's TypeError. */
function resolveBinary(u: Binary, a: DType, b: DType): [DType, DType] {
  const p = a === 'float64' || b === 'float64' ? 'float64' : a === 'int64' || b === 'int64' ? 'int64' : 'bool';
  switch (u.kind) {
    case 'arith':
      return [p, p];
    case 'sub':
      if (p === 'bool')
        throw new TensorError('TypeError', 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
      return [p, p];
    case 'truediv':
      return ['float64', 'float64'];
    case 'intarith':
      return p === 'bool' ? ['int64', 'int64'] : [p, p];
    case 'cmp':
      return [p, 'bool'];
    case 'logical':
      return [p, 'bool'];
    case 'bitwise':
      if (p === 'float64')
        throw new TensorError('TypeError', `ufunc '${u.name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
      return [p, p];
  }
}

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
  const [loop, res] = resolveBinary(u, dtypeOf(x), dtypeOf(y));
  const a = toArray(x), b = toArray(y);
  const shape = resultShape(a, b);
  if (out) checkOut(name, res, out, shape);
  let f = loop === 'int64' && u.i ? u.i : u.f;
  const fp = name === 'power' && loop === 'float64' ? fastPower(b) : null;
  if (fp) [f, name] = fp;
  // Ints into a float `out` must still use the int loop, so compute first when dtypes differ.
  const target = out && out.dtype === res ? out : newArray(shape, res);
  binaryInto(a, b, target, f, loop === 'float64' ? u.fast : undefined);
  if (loop === 'float64') checkFloatErrors(name, u.inf, a, b, target, f);
  else if ((u.name === 'floor_divide' || u.name === 'remainder') && hasZero(b)) warn(`divide by zero encountered in ${name}`);
  if (out && target !== out) unaryInto(target, out, (v) => v);
  const r = out ?? target;
  if (!out && r.ndim === 0) r.isScalar = true;
  return r;
}

// NumPy 2 fast_scalar_power: a scalar exponent of 0.5 runs the sqrt ufunc, 2 square, -1 reciprocal
// (so warnings name those ufuncs).
function fastPower(b: NDArray): [Fn2, string] | null {
  if (b.size !== 1 || b.ndim !== 0) return null;
  const e = b.data[b.offset];
  if (e === 0.5) return [(x) => Math.sqrt(x), 'sqrt'];
  if (e === 2) return [(x) => x * x, 'square'];
  if (e === -1) return [(x) => 1 / x, 'reciprocal'];
  return null;
}

function hasZero(b: NDArray): boolean {
  let z = false;
  unaryInto(b, newArray(b.shape, 'float64'), (v) => ((z ||= v === 0), v));
  return z;
}

/** Re-walks the inputs only when the output holds NaN/inf, to report NumPy's FP warnings. */
function checkFloatErrors(name: string, infKind: 'divide' | 'overflow', a: NDArray, b: NDArray, out: NDArray, f: Fn2): void {
  if (out.dtype !== 'float64' || allFinite(out)) return;
  let div = false, over = false, inv = false;
  const probe = newArray(out.shape, 'float64');
  binaryInto(a, b, probe, (x, y) => {
    const r = f(x, y);
    if (r !== r) { if (x === x && y === y) inv = true; }
    else if ((r === Infinity || r === -Infinity) && Number.isFinite(x) && Number.isFinite(y)) {
      if (infKind === 'divide' || ((name === 'power' || name === 'reciprocal') && x === 0)) div = true;
      else over = true;
    }
    return r;
  });
  if (div) warn(`divide by zero encountered in ${name}`);
  if (over) warn(`overflow encountered in ${name}`);
  if (inv) warn(`invalid value encountered in ${name}`);
}

function allFinite(a: NDArray): boolean {
  const d = a.data;
  if (a.isContiguous) {
    for (let i = a.offset, e = a.offset + a.size; i < e; i++) if (!Number.isFinite(d[i])) return false;
    return true;
  }
  let ok = true;
  unaryInto(a, newArray(a.shape, 'float64'), (v) => ((ok &&= Number.isFinite(v)), v));
  return ok;
}

// ---- unary -----------------------------------------------------------------------------------------

type UKind = 'float' | 'same' | 'int-identity' | 'pred' | 'neg' | 'not' | 'sign' | 'invert';

interface Unary {
  readonly name: string;
  readonly kind: UKind;
  readonly f: Fn1;
  /** Infinite results from finite inputs count as divide-by-zero (logs) rather than overflow. */
  readonly div?: boolean;
}

const log1p = Math.log1p;
/** The explicit registry of unary ufuncs. */
export const UNARY: ReadonlyMap<string, Unary> = new Map<string, Unary>(
  (
    [
      { name: 'exp', kind: 'float', f: Math.exp },
      { name: 'expm1', kind: 'float', f: Math.expm1 },
      { name: 'log', kind: 'float', f: Math.log, div: true },
      { name: 'log2', kind: 'float', f: Math.log2, div: true },
      { name: 'log10', kind: 'float', f: Math.log10, div: true },
      { name: 'log1p', kind: 'float', f: log1p, div: true },
      { name: 'sqrt', kind: 'float', f: Math.sqrt },
      { name: 'sin', kind: 'float', f: Math.sin },
      { name: 'cos', kind: 'float', f: Math.cos },
      { name: 'tan', kind: 'float', f: Math.tan },
      { name: 'arcsin', kind: 'float', f: Math.asin },
      { name: 'arccos', kind: 'float', f: Math.acos },
      { name: 'arctan', kind: 'float', f: Math.atan },
      { name: 'sinh', kind: 'float', f: Math.sinh },
      { name: 'cosh', kind: 'float', f: Math.cosh },
      { name: 'tanh', kind: 'float', f: Math.tanh },
      { name: 'rint', kind: 'float', f: roundHalfEven },
      { name: 'floor', kind: 'int-identity', f: Math.floor },
      { name: 'ceil', kind: 'int-identity', f: Math.ceil },
      { name: 'trunc', kind: 'int-identity', f: Math.trunc },
      { name: 'negative', kind: 'neg', f: (x) => -x },
      { name: 'positive', kind: 'same', f: (x) => x },
      { name: 'absolute', kind: 'same', f: Math.abs },
      { name: 'square', kind: 'same', f: (x) => x * x },
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
      return d === 'bool' && u.name === 'square' ? 'int64' : d;
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
  if (u.kind === 'int-identity' && a.dtype !== 'float64') f = (v) => v;
  const target = out && out.dtype === res ? out : newArray(a.shape, res);
  unaryInto(a, target, f);
  if (res === 'float64' && !allFinite(target)) {
    let div = false, over = false, inv = false;
    unaryInto(a, newArray(a.shape, 'float64'), (v) => {
      const r = f(v);
      if (r !== r && v === v) inv = true;
      else if ((r === Infinity || r === -Infinity) && Number.isFinite(v)) (u.div ? (div = true) : (over = true));
      return r;
    });
    if (div) warn(`divide by zero encountered in ${name}`);
    if (over) warn(`overflow encountered in ${name}`);
    if (inv) warn(`invalid value encountered in ${name}`);
  }
  if (out && target !== out) unaryInto(target, out, (v) => v);
  const r = out ?? target;
  if (!out && r.ndim === 0) r.isScalar = true;
  return r;
}

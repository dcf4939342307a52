// Where guest values meet the tensor core: the guest-visible numpy types (ndarray, float64, int64,
// bool_, dtype), conversions between Python values and tensor operands (Python int → bigint,
// float → number: NEP 50 weak scalars) and TensorError → Python exception (numpy's wording/classes).

import {
  type DType, type IndexItem, type Nested, NDArray, type Operand, type PyScalar, array, slice as mkSlice, TensorError,
} from '../tensor';
import {
  EXCEPTION_TYPES, IndexError, MemoryError, pyErr, TypeError, ValueError,
} from '../python/errors';
import {
  boolType, Ellipsis, floatType, intType, objectType, PyBaseException, PyFloat, PyList, PyObject, PySlice, PyTuple, PyType,
  strType, typeName,
} from '../python/objects';
import { toIndex } from '../python/runtime';

function npType(name: string, bases: PyType[] = [objectType]): PyType {
  const t = new PyType(name, bases, new Map(), 'numpy');
  t.tpName = `numpy.${name}`;
  return t;
}

export const ndarrayType = npType('ndarray');
export const genericType = npType('generic');
export const float64Type = npType('float64', [genericType, floatType]);
export const int64Type = npType('int64', [genericType]);
export const boolScalarType = npType('bool', [genericType]);
export const dtypeType = npType('dtype');
dtypeType.tpName = 'numpy.dtype';

/** An ndarray or a numpy scalar (a 0-d NDArray flagged isScalar) seen from guest code. */
export class PyNd extends PyObject {
  constructor(readonly a: NDArray) {
    super();
    this.cls = a.isScalar ? scalarTypeOf(a.dtype) : ndarrayType;
  }
}

export function scalarTypeOf(d: DType): PyType {
  return d === 'float64' ? float64Type : d === 'int64' ? int64Type : boolScalarType;
}

export class PyDtype extends PyObject {
  constructor(readonly name: DType) {
    super();
    this.cls = dtypeType;
  }
}

export function wrap(a: NDArray): PyNd {
  return new PyNd(a);
}

/** Python value of a single element (float64 → float, int64 → int, bool → bool). */
export function elemToPy(v: number, d: DType): any {
  if (d === 'float64') return new PyFloat(v);
  if (d === 'bool') return v !== 0;
  return Number.isSafeInteger(v) ? v : BigInt(v);
}

export function isPyScalarValue(v: any): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat;
}

export function toScalar(v: any): PyScalar {
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (v instanceof PyFloat) return v.v;
  throw pyErr(TypeError, `unsupported operand type: '${typeName(v)}'`);
}

export function nested(v: any): Nested {
  if (v instanceof PyNd) return v.a;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map(nested);
  if (isPyScalarValue(v)) return toScalar(v);
  // NumPy would make a '<U' string array; the tensor core holds numbers only, so say that plainly
  // instead of float()'s complaint about a string not being a string.
  if (typeof v === 'string') throw pyErr(TypeError, "string arrays are not available in Pizarra's sandbox (its arrays hold numbers and booleans)");
  throw pyErr(TypeError, `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

/** A guest value as a tensor operand; undefined when it is not array-like (→ NotImplemented). */
export function operand(v: any): Operand | undefined {
  if (v instanceof PyNd) return v.a;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (v instanceof PyFloat) return v.v;
  if (v instanceof PyList || v instanceof PyTuple) return guard(() => array(nested(v)));
  return undefined;
}

export function toNDArray(v: any): NDArray {
  if (v instanceof PyNd) return v.a;
  return guard(() => array(nested(v)));
}

export function parseDtype(v: any): DType | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof PyDtype) return v.name;
  if (v === floatType || v === float64Type) return 'float64';
  if (v === intType || v === int64Type) return 'int64';
  if (v === boolType || v === boolScalarType) return 'bool';
  if (typeof v === 'string') {
    const m: Record<string, DType> = { float64: 'float64', float: 'float64', f8: 'float64', d: 'float64', int64: 'int64', int: 'int64', i8: 'int64', bool: 'bool', '?': 'bool', bool_: 'bool' };
    const d = m[v];
    if (d) return d;
    throw pyErr(TypeError, `data type '${v}' not understood (Pizarra's numpy supports float64, int64 and bool)`);
  }
  if (v === strType) throw pyErr(TypeError, "Pizarra's numpy does not support string arrays");
  throw pyErr(TypeError, `Cannot interpret '${typeName(v)}' as a data type`);
}

// ---- errors

const npExcTypes = new Map<string, PyType>();

function excTypeFor(name: string): PyType {
  const builtin = EXCEPTION_TYPES.find((t) => t.name === name);
  if (builtin) return builtin;
  let t = npExcTypes.get(name);
  if (!t) {
    const dot = name.lastIndexOf('.');
    const short = name.slice(dot + 1);
    const bases = short === 'AxisError' ? [ValueError, IndexError] : short === 'LinAlgError' ? [ValueError] : short.includes('MemoryError') ? [MemoryError] : [TypeError];
    t = new PyType(short, bases, new Map(), name.slice(0, dot));
    t.isException = true;
    t.tpName = name;
    npExcTypes.set(name, t);
  }
  return t;
}

export function toPyError(e: unknown): unknown {
  if (e instanceof TensorError) return pyErr(excTypeFor(e.pyType), e.message);
  return e;
}

/** Runs a tensor call, mapping TensorError to the Python exception NumPy raises. */
export function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw toPyError(e);
  }
}

// ---- indexing

function indexItem(k: any): IndexItem {
  if (typeof k === 'number') return k;
  if (typeof k === 'boolean') return k ? 1 : 0;
  if (typeof k === 'bigint') return Number(k);
  if (k === null) return null;
  if (k === Ellipsis) return '...';
  if (k instanceof PySlice) {
    const n = (x: any) => (x === null ? null : toIndex(x));
    return mkSlice(n(k.start), n(k.stop), n(k.step));
  }
  if (k instanceof PyNd) return k.a;
  if (k instanceof PyList) return toNDArray(k);
  if (k instanceof PyObject && k.cls.lookup('__index__') !== undefined) return toIndex(k);
  throw pyErr(IndexError, 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
}

export function toIndexSpec(k: any): IndexItem | IndexItem[] {
  if (k instanceof PyTuple) return k.items.map(indexItem);
  return indexItem(k);
}


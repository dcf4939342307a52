// Methods, properties and operator dunders of numpy.ndarray and the numpy scalar types, delegating to
// the tensor core. `a -= b` goes through __isub__ = ufunc with out=a (in place, visible via views);
// comparisons return bool arrays; truthiness/len/iteration follow NumPy's rules and messages.

import * as T from '../tensor';
import { type NDArray } from '../tensor';
import { IndexError, pyErr, TypeError, ValueError } from '../python/errors';
import { formatValue } from '../python/format';
import { NotImplemented, PyBuiltin, PyFloat, PyIter, PyList, PyProperty, PyTuple, type PyType, typeName } from '../python/objects';
import { toIndex, truthy } from '../python/runtime';
import { method } from '../python/nativeUtil';
import {
  boolScalarType, dtypeType, elemToPy, float64Type, genericType, guard, int64Type, ndarrayType, operand, parseDtype,
  PyDtype, PyNd, toIndexSpec, toNDArray, wrap,
} from './npValues';
import { axisArg, kwOr } from './npArgs';

const BIN: [string, string][] = [
  ['add', 'add'], ['sub', 'subtract'], ['mul', 'multiply'], ['truediv', 'divide'], ['floordiv', 'floor_divide'],
  ['mod', 'remainder'], ['pow', 'power'], ['and', 'bitwise_and'], ['or', 'bitwise_or'], ['xor', 'bitwise_xor'],
];
const CMP: [string, string][] = [['eq', 'equal'], ['ne', 'not_equal'], ['lt', 'less'], ['le', 'less_equal'], ['gt', 'greater'], ['ge', 'greater_equal']];

function prop(t: PyType, name: string, get: (a: NDArray, self: PyNd) => any): void {
  t.dict.set(name, new PyProperty(new PyBuiltin(name, (args) => get((args[0] as PyNd).a, args[0]))));
}

function pyValue(a: NDArray): any {
  return elemToPy(a.item(), a.dtype);
}

function toPyList(a: NDArray): any {
  if (a.ndim === 0) return pyValue(a);
  const flat = a.toFlat();
  let k = 0;
  const build = (d: number): PyList => {
    const out: any[] = [];
    for (let i = 0; i < a.shape[d]; i++) out.push(d === a.ndim - 1 ? elemToPy(flat[k++], a.dtype) : build(d + 1));
    return new PyList(out);
  };
  return build(0);
}

function scalarOnly(a: NDArray): NDArray {
  if (a.ndim !== 0 && a.size !== 1) throw pyErr(TypeError, 'only 0-dimensional arrays can be converted to Python scalars');
  if (a.ndim !== 0) throw pyErr(TypeError, 'only 0-dimensional arrays can be converted to Python scalars');
  return a;
}

function shapeArgs(args: any[]): number[] {
  if (args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList)) return args[0].items.map((x: any) => toIndex(x));
  return args.map((x) => toIndex(x));
}

/** Installs the ndarray/scalar methods; shared by ndarray and the scalar types (NumPy's `generic`). */
export function installArrayMethods(): void {
  for (const t of [ndarrayType, genericType]) {
    for (const [short, uf] of BIN) {
      // `a ** y` is not always the power ufunc (T.powerOperator: NumPy's fast_scalar_power).
      // Numpy scalars with scalars go through NumPy's scalarmath ("scalar multiply" in warnings).
      const forward = (x: T.Operand, y: T.Operand, out?: NDArray) =>
        T.isScalarMath(x, y) ? T.scalarOperator(uf, x, y) : short === 'pow' ? T.powerOperator(x, y, out) : T.binary(uf, x, y, out);
      method(t, `__${short}__`, (self: PyNd, a) => {
        const y = operand(a[0]);
        return y === undefined ? NotImplemented : wrap(guard(() => forward(self.a, y)));
      });
      method(t, `__r${short}__`, (self: PyNd, a) => {
        const y = operand(a[0]);
        return y === undefined ? NotImplemented : wrap(guard(() => forward(y, self.a)));
      });
      method(t, `__i${short}__`, (self: PyNd, a) => {
        const y = operand(a[0]);
        if (y === undefined) return NotImplemented;
        if (self.a.isScalar) return wrap(guard(() => forward(self.a, y)));
        guard(() => forward(self.a, y, self.a));
        return self;
      });
    }
    for (const [short, uf] of CMP) {
      method(t, `__${short}__`, (self: PyNd, a) => {
        const y = operand(a[0]);
        if (y === undefined) return short === 'eq' ? false : short === 'ne' ? true : NotImplemented;
        return wrap(guard(() => T.binary(uf, self.a, y)));
      });
    }
    method(t, '__matmul__', (self: PyNd, a) => {
      const y = operand(a[0]);
      return y === undefined ? NotImplemented : wrap(guard(() => T.matmul(self.a, y)));
    });
    method(t, '__rmatmul__', (self: PyNd, a) => {
      const y = operand(a[0]);
      return y === undefined ? NotImplemented : wrap(guard(() => T.matmul(y, self.a)));
    });
    method(t, '__neg__', (self: PyNd) => wrap(guard(() => T.unary('negative', self.a))));
    method(t, '__pos__', (self: PyNd) => wrap(guard(() => T.unary('positive', self.a))));
    method(t, '__abs__', (self: PyNd) => wrap(guard(() => T.unary('absolute', self.a))));
    method(t, '__invert__', (self: PyNd) => wrap(guard(() => T.unary('invert', self.a))));
    method(t, '__bool__', (self: PyNd) => {
      const a = self.a;
      if (a.size !== 1) {
        if (a.size === 0) throw pyErr(ValueError, 'The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.');
        throw pyErr(ValueError, 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
      }
      return a.toFlat()[0] !== 0 && !Number.isNaN(a.toFlat()[0]) ? true : Number.isNaN(a.toFlat()[0]);
    });
    method(t, '__float__', (self: PyNd) => new PyFloat(scalarOnly(self.a).item()));
    method(t, '__int__', (self: PyNd) => {
      const v = scalarOnly(self.a).item();
      if (!Number.isFinite(v)) throw pyErr(ValueError, 'cannot convert float NaN to integer');
      const r = Math.trunc(v);
      return Number.isSafeInteger(r) ? r : BigInt(r);
    });
    method(t, '__round__', (self: PyNd, a) => {
      const r = guard(() => T.round(self.a, a.length && a[0] !== null ? toIndex(a[0]) : 0));
      if (self.a.isScalar && (a.length === 0 || a[0] === null)) {
        const v = r.item();
        return Number.isSafeInteger(v) ? v : BigInt(v);
      }
      return wrap(r);
    });
    method(t, '__len__', (self: PyNd) => {
      if (self.a.ndim === 0) throw pyErr(TypeError, self.a.isScalar ? `object of type '${typeName(self)}' has no len()` : 'len() of unsized object');
      return self.a.shape[0];
    });
    method(t, '__iter__', (self: PyNd) => {
      const a = self.a;
      if (a.ndim === 0) throw pyErr(TypeError, self.a.isScalar ? `'${typeName(self)}' object is not iterable` : 'iteration over a 0-d array');
      let i = 0;
      return new PyIter(() => (i < a.shape[0] ? wrap(guard(() => T.getItem(a, i++))) : undefined));
    });
    method(t, '__getitem__', (self: PyNd, a) => {
      if (self.a.isScalar) throw pyErr(IndexError, 'invalid index to scalar variable.');
      return wrap(guard(() => T.getItem(self.a, toIndexSpec(a[0]))));
    });
    method(t, '__setitem__', (self: PyNd, a) => {
      const v = a[1];
      const val = v instanceof PyNd ? v.a : operand(v);
      if (val === undefined) throw pyErr(TypeError, `float() argument must be a string or a real number, not '${typeName(v)}'`);
      guard(() => T.setItem(self.a, toIndexSpec(a[0]), val));
      return null;
    });
    method(t, '__contains__', (self: PyNd, a) => {
      const y = operand(a[0]);
      if (y === undefined) return false;
      return guard(() => T.any(T.binary('equal', self.a, y)).item() !== 0);
    });
    method(t, '__repr__', (self: PyNd) => guard(() => T.arrayRepr(self.a)));
    method(t, '__str__', (self: PyNd) => guard(() => T.arrayStr(self.a)));
    method(t, '__format__', (self: PyNd, a) => {
      const spec = a[0] as string;
      if (self.a.isScalar) return formatValue(pyValue(self.a), spec);
      if (spec === '') return guard(() => T.arrayStr(self.a));
      throw pyErr(TypeError, `unsupported format string passed to numpy.ndarray.__format__`);
    });
    method(t, '__array__', (self: PyNd) => self);

    // Properties.
    prop(t, 'shape', (a) => new PyTuple(a.shape.slice()));
    prop(t, 'ndim', (a) => a.ndim);
    prop(t, 'size', (a) => a.size);
    prop(t, 'dtype', (a) => new PyDtype(a.dtype));
    prop(t, 'T', (a) => wrap(guard(() => T.transpose(a))));
    prop(t, 'itemsize', (a) => a.itemsize);
    prop(t, 'nbytes', (a) => a.nbytes);
    prop(t, 'strides', (a) => new PyTuple(a.byteStrides));
    prop(t, 'flat', (a) => wrap(guard(() => T.flatten(a))));

    // Methods.
    const red = (name: string, f: (a: NDArray, axis: T.AxisArg, keep: boolean) => NDArray) =>
      method(t, name, (self: PyNd, a, kw) => wrap(guard(() => f(self.a, axisArg(a[0] ?? kw?.get('axis')), truthy(kwOr(kw, 'keepdims', false))))));
    red('sum', T.sum);
    red('prod', T.prod);
    red('max', T.max);
    red('min', T.min);
    red('mean', T.mean);
    red('any', T.any);
    red('all', T.all);
    method(t, 'std', (self: PyNd, a, kw) => wrap(guard(() => T.std(self.a, axisArg(a[0] ?? kw?.get('axis')), Number(kwOr(kw, 'ddof', 0)), truthy(kwOr(kw, 'keepdims', false))))));
    method(t, 'var', (self: PyNd, a, kw) => wrap(guard(() => T.variance(self.a, axisArg(a[0] ?? kw?.get('axis')), Number(kwOr(kw, 'ddof', 0)), truthy(kwOr(kw, 'keepdims', false))))));
    method(t, 'argmax', (self: PyNd, a, kw) => wrap(guard(() => T.argmax(self.a, (axisArg(a[0] ?? kw?.get('axis')) as number | null) ?? null))));
    method(t, 'argmin', (self: PyNd, a, kw) => wrap(guard(() => T.argmin(self.a, (axisArg(a[0] ?? kw?.get('axis')) as number | null) ?? null))));
    method(t, 'cumsum', (self: PyNd, a, kw) => wrap(guard(() => T.cumsum(self.a, (axisArg(a[0] ?? kw?.get('axis')) as number | null) ?? null))));
    method(t, 'cumprod', (self: PyNd, a, kw) => wrap(guard(() => T.cumprod(self.a, (axisArg(a[0] ?? kw?.get('axis')) as number | null) ?? null))));
    method(t, 'reshape', (self: PyNd, a) => wrap(guard(() => T.reshape(self.a, shapeArgs(a)))));
    method(t, 'transpose', (self: PyNd, a) => wrap(guard(() => T.transpose(self.a, a.length ? shapeArgs(a) : undefined))));
    method(t, 'flatten', (self: PyNd) => wrap(guard(() => T.flatten(self.a))));
    method(t, 'ravel', (self: PyNd) => wrap(guard(() => T.ravel(self.a))));
    method(t, 'squeeze', (self: PyNd, a) => wrap(guard(() => T.squeeze(self.a, a.length ? (axisArg(a[0]) as number) : undefined))));
    method(t, 'copy', (self: PyNd) => wrap(guard(() => T.copy(self.a))));
    // copy.copy / copy.deepcopy (ndarray.__copy__, __deepcopy__): a new array with its own data.
    method(t, '__copy__', (self: PyNd) => wrap(guard(() => T.copy(self.a))));
    method(t, '__deepcopy__', (self: PyNd) => wrap(guard(() => T.copy(self.a))));
    method(t, 'astype', (self: PyNd, a) => wrap(guard(() => T.astype(self.a, parseDtype(a[0])!))));
    method(t, 'tolist', (self: PyNd) => toPyList(self.a));
    method(t, 'item', (self: PyNd, a) => {
      if (a.length) return pyValue(guard(() => T.getItem(self.a, toIndexSpec(a.length === 1 ? a[0] : new PyTuple(a)))));
      if (self.a.size !== 1) throw pyErr(ValueError, 'can only convert an array of size 1 to a Python scalar');
      return elemToPy(self.a.toFlat()[0], self.a.dtype);
    });
    method(t, 'dot', (self: PyNd, a) => wrap(guard(() => T.dot(self.a, toNDArray(a[0])))));
    method(t, 'clip', (self: PyNd, a, kw) => wrap(guard(() => T.clip(self.a, operand(a[0] ?? kw?.get('min') ?? null) ?? null, operand(a[1] ?? kw?.get('max') ?? null) ?? null))));
    method(t, 'round', (self: PyNd, a, kw) => wrap(guard(() => T.round(self.a, Number(a[0] ?? kwOr(kw, 'decimals', 0))))));
    method(t, 'argsort', (self: PyNd, a, kw) => wrap(guard(() => T.argsort(self.a, (axisArg(a[0] ?? kwOr(kw, 'axis', -1)) as number | null) ?? null))));
    method(t, 'sort', (self: PyNd, a, kw) => {
      const s = guard(() => T.sort(self.a, (axisArg(a[0] ?? kwOr(kw, 'axis', -1)) as number | null) ?? null));
      guard(() => T.setItem(self.a, '...', s));
      return null;
    });
    method(t, 'fill', (self: PyNd, a) => {
      guard(() => T.setItem(self.a, '...', operand(a[0])!));
      return null;
    });
    method(t, '__hash__', (self: PyNd) => {
      if (!self.a.isScalar) throw pyErr(TypeError, "unhashable type: 'numpy.ndarray'");
      const v = pyValue(self.a);
      return v instanceof PyFloat ? (Number.isInteger(v.v) && Number.isSafeInteger(v.v) ? v.v : v.v) : v;
    });
  }
  ndarrayType.dict.set('__hash__', null);

  // dtype objects.
  method(dtypeType, '__repr__', (self: PyDtype) => `dtype('${self.name}')`);
  method(dtypeType, '__str__', (self: PyDtype) => self.name);
  method(dtypeType, '__eq__', (self: PyDtype, a) => {
    try {
      return parseDtype(a[0]) === self.name;
    } catch {
      return false;
    }
  });
  method(dtypeType, '__hash__', (self: PyDtype) => self.name);
  prop(dtypeType, 'name', (_a, self) => (self as unknown as PyDtype).name);

  // Scalar type constructors: np.float64(1.5), np.int64(3), np.bool_(x).
  const scalarCtor = (d: T.DType) => (_cls: PyType, args: any[]) => {
    const v = args.length ? args[0] : 0;
    return wrap(guard(() => {
      const a = T.astype(T.array(v instanceof PyNd ? v.a : (operand(v) as T.Nested) ?? 0), d);
      if (a.ndim === 0) a.isScalar = true;
      return a;
    }));
  };
  float64Type.construct = scalarCtor('float64');
  int64Type.construct = scalarCtor('int64');
  boolScalarType.construct = scalarCtor('bool');
}

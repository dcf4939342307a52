// ndarray attributes/methods and the few Python builtins the golden cases use.

import * as T from '../../../src/tensor';
import { arg, arr, axisOf, dtypeOf, num, shapeOf, shapeTuple } from './npbind';
import { DTypeObj, Fn, Mod, PyError, PyTuple, pyRepr, pyStr, type Kw, type V } from './pyvalues';

const f = (name: string, call: (a: V[], k: Kw) => V) => new Fn(name, call);
const keep = (a: V[], k: Kw, i: number) => Boolean(arg(a, k, i, 'keepdims', false));

/** Method arguments as NumPy accepts them: `a.reshape(2, 3)` or `a.reshape((2, 3))`. */
const shapeArgs = (a: V[]) => (a.length === 1 ? shapeOf(a[0]) : a.map(num));

function method(x: T.NDArray, name: string): V | undefined {
  switch (name) {
    case 'shape': return shapeTuple(x.shape);
    case 'ndim': return BigInt(x.ndim);
    case 'size': return BigInt(x.size);
    case 'dtype': return new DTypeObj(x.dtype);
    case 'T': return T.transpose(x);
    case 'strides': return new PyTuple(x.byteStrides.map((s) => BigInt(s)));
    case 'nbytes': return BigInt(x.nbytes);
    case 'itemsize': return BigInt(x.itemsize);
    case 'base': return x.base;
    case 'reshape': return f(name, (a) => T.reshape(x, shapeArgs(a)));
    case 'ravel': return f(name, () => T.ravel(x));
    case 'flatten': return f(name, () => T.flatten(x));
    case 'copy': return f(name, () => T.copy(x));
    case 'astype': return f(name, (a) => T.astype(x, dtypeOf(a[0])!));
    case 'transpose': return f(name, (a) => T.transpose(x, a.length ? shapeArgs(a) : undefined));
    case 'squeeze': return f(name, (a, k) => T.squeeze(x, (axisOf(arg(a, k, 0, 'axis')) ?? undefined) as number | number[] | undefined));
    case 'sum': return f(name, (a, k) => T.sum(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'prod': return f(name, (a, k) => T.prod(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'mean': return f(name, (a, k) => T.mean(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'max': return f(name, (a, k) => T.max(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'min': return f(name, (a, k) => T.min(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'any': return f(name, (a, k) => T.any(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'all': return f(name, (a, k) => T.all(x, axisOf(arg(a, k, 0, 'axis')), keep(a, k, 99)));
    case 'var': return f(name, (a, k) => T.variance(x, axisOf(arg(a, k, 0, 'axis')), num(arg(a, k, 99, 'ddof', 0n)), keep(a, k, 99)));
    case 'std': return f(name, (a, k) => T.std(x, axisOf(arg(a, k, 0, 'axis')), num(arg(a, k, 99, 'ddof', 0n)), keep(a, k, 99)));
    case 'argmax': return f(name, (a, k) => T.argmax(x, axisOf(arg(a, k, 0, 'axis')) as number | null, keep(a, k, 99)));
    case 'argmin': return f(name, (a, k) => T.argmin(x, axisOf(arg(a, k, 0, 'axis')) as number | null, keep(a, k, 99)));
    case 'cumsum': return f(name, (a, k) => T.cumsum(x, axisOf(arg(a, k, 0, 'axis')) as number | null));
    case 'dot': return f(name, (a) => T.dot(x, arr(a[0])));
    case 'round': return f(name, (a, k) => T.round(x, num(arg(a, k, 0, 'decimals', 0n))));
    case 'clip': return f(name, (a) => T.clip(x, a[0] === null ? null : arr(a[0]), a[1] === null || a[1] === undefined ? null : arr(a[1])));
    case 'argsort': return f(name, (a, k) => T.argsort(x, num(arg(a, k, 0, 'axis', -1n))));
    case 'sort': return f(name, (a, k) => {
      const s = T.sort(x, num(arg(a, k, 0, 'axis', -1n)));
      T.setItem(x, '...', s);
      return null;
    });
    case 'item': return f(name, () => (x.dtype === 'float64' ? x.item() : x.dtype === 'bool' ? x.item() !== 0 : BigInt(x.item())));
    case 'tolist': return f(name, () => toPy(x.toList(), x.dtype));
    case 'fill': return f(name, (a) => (T.setItem(x, '...', a[0] as T.PyScalar), null));
  }
  return undefined;
}

function toPy(v: unknown, dtype: T.DType): V {
  if (Array.isArray(v)) return v.map((e) => toPy(e, dtype));
  if (dtype === 'int64') return BigInt(v as number);
  return v as V;
}

export function getAttr(obj: V, name: string): V {
  if (obj instanceof Mod) {
    const v = obj.attrs.get(name);
    if (v === undefined) throw new PyError('AttributeError', `module 'numpy' has no attribute '${name}'`);
    return v;
  }
  if (obj instanceof T.NDArray) {
    const v = method(obj, name);
    if (v !== undefined) return v;
  }
  throw new PyError('AttributeError', `object has no attribute '${name}'`);
}

export const BUILTINS = new Map<string, V>([
  ['abs', f('abs', (a) => T.unary('absolute', a[0] as T.Operand))],
  ['str', f('str', (a) => pyStr(a[0]))],
  ['repr', f('repr', (a) => pyRepr(a[0]))],
  ['len', f('len', (a) => BigInt(a[0] instanceof T.NDArray ? a[0].shape[0] : (a[0] as V[]).length))],
  ['float', f('float', (a) => (a[0] instanceof T.NDArray ? a[0].item() : num(a[0])))],
  ['int', f('int', (a) => BigInt(Math.trunc(a[0] instanceof T.NDArray ? a[0].item() : num(a[0]))))],
  ['bool', f('bool', (a) => (a[0] instanceof T.NDArray ? a[0].item() !== 0 : Boolean(a[0])))],
  ['range', f('range', (a) => { const [lo, hi] = a.length > 1 ? [num(a[0]), num(a[1])] : [0, num(a[0])]; return Array.from({ length: Math.max(0, hi - lo) }, (_, i) => BigInt(lo + i)); })],
  ['list', f('list', (a) => (a[0] instanceof PyTuple ? a[0].items : (a[0] as V[])))],
]);

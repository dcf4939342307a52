// The guest-visible `numpy` module: an explicit registry of functions bound to the tensor core, plus
// `numpy.random` (npRandom.ts) and `numpy.linalg`.

import * as T from '../tensor';
import { type NDArray } from '../tensor';
import { pyErr, ValueError } from '../python/errors';
import { PyBuiltin, PyFloat, PyList, PyModule, PyTuple } from '../python/objects';
import { toArray, toIndex, truthy } from '../python/runtime';
import { installArrayMethods } from './npArray';
import { makeRandomModule } from './npRandom';
import { addMoreFunctions, op } from './npMore';
import { arg, axisArg, kwOr, num, sizeArg } from './npArgs';
import {
  boolScalarType, dtypeType, float64Type, guard, int64Type, ndarrayType, nested, parseDtype, PyNd, toNDArray, wrap,
  genericType,
} from './npValues';

type Fn = (args: any[], kw: Map<string, any> | null) => any;

let installed = false;

function arrays(v: any): NDArray[] {
  return toArray(v).map(toNDArray);
}

function shapeOf(v: any): number | number[] {
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => toIndex(x));
  return toIndex(v);
}


function makeLinalg(): PyModule {
  const d = new Map<string, any>();
  const fn = (name: string, f: Fn) => d.set(name, new PyBuiltin(name, (a, kw) => guard(() => f(a, kw))));
  fn('norm', (a, kw) => {
    const ord = arg(a, kw, 1, 'ord', null);
    return wrap(T.norm(toNDArray(a[0]), ord === null ? null : ord === 'fro' ? 'fro' : num(ord), axisArg(arg(a, kw, 2, 'axis', null)), truthy(kwOr(kw, 'keepdims', false))));
  });
  fn('inv', (a) => wrap(T.inv(toNDArray(a[0]))));
  fn('det', (a) => wrap(T.det(toNDArray(a[0]))));
  fn('solve', (a) => wrap(T.solve(toNDArray(a[0]), toNDArray(a[1]))));
  return new PyModule('numpy.linalg', d);
}

export function makeNumpy(): PyModule {
  if (!installed) {
    installArrayMethods();
    installed = true;
  }
  const d = new Map<string, any>();
  const fn = (name: string, f: Fn) => d.set(name, new PyBuiltin(name, (a, kw) => guard(() => f(a, kw))));
  const dt = (kw: Map<string, any> | null, a?: any) => parseDtype(a ?? kwOr(kw, 'dtype', null));

  // Creation.
  fn('array', (a, kw) => {
    const src = a[0];
    const dtype = dt(kw, a[1]);
    if (src instanceof PyNd) return wrap(truthy(kwOr(kw, 'copy', true)) ? T.copy(src.a, dtype ?? src.a.dtype) : src.a);
    return wrap(T.array(nested(src), dtype));
  });
  fn('asarray', (a, kw) => (a[0] instanceof PyNd && !kw?.get('dtype') ? a[0] : wrap(T.asarray(nested(a[0]), dt(kw, a[1])))));
  fn('zeros', (a, kw) => wrap(T.zeros(shapeOf(a[0]), dt(kw, a[1]))));
  fn('ones', (a, kw) => wrap(T.ones(shapeOf(a[0]), dt(kw, a[1]))));
  fn('empty', (a, kw) => wrap(T.empty(shapeOf(a[0]), dt(kw, a[1]))));
  fn('full', (a, kw) => wrap(T.full(shapeOf(a[0]), op(a[1]) as T.PyScalar, dt(kw, a[2]))));
  fn('zeros_like', (a, kw) => wrap(T.zerosLike(toNDArray(a[0]), dt(kw, a[1]))));
  fn('ones_like', (a, kw) => wrap(T.onesLike(toNDArray(a[0]), dt(kw, a[1]))));
  fn('empty_like', (a, kw) => wrap(T.emptyLike(toNDArray(a[0]), dt(kw, a[1]))));
  fn('full_like', (a, kw) => wrap(T.fullLike(toNDArray(a[0]), op(a[1]) as T.PyScalar, dt(kw, a[2]))));
  fn('arange', (a, kw) => {
    const xs = a.map(op) as T.PyScalar[];
    const dtype = dt(kw);
    if (xs.length === 1) return wrap(T.arange(0n, xs[0], 1n, dtype));
    return wrap(T.arange(xs[0], xs[1], xs.length > 2 ? xs[2] : 1n, dtype));
  });
  fn('linspace', (a, kw) => wrap(T.linspace(num(a[0]), num(a[1]), Number(toIndex(arg(a, kw, 2, 'num', 50))), truthy(kwOr(kw, 'endpoint', true)))));
  fn('eye', (a, kw) => wrap(T.eye(toIndex(a[0]), a.length > 1 && a[1] !== null ? toIndex(a[1]) : toIndex(a[0]), Number(kwOr(kw, 'k', 0)), dt(kw))));
  fn('identity', (a, kw) => wrap(T.identity(toIndex(a[0]), dt(kw))));
  fn('diag', (a, kw) => wrap(T.diag(toNDArray(a[0]), Number(arg(a, kw, 1, 'k', 0)))));

  // Ufuncs by name (explicit registries of the tensor core).
  for (const name of T.BINARY.keys()) fn(name, (a, kw) => {
    const out = kwOr(kw, 'out', null);
    return wrap(T.binary(name, op(a[0]), op(a[1]), out instanceof PyNd ? out.a : undefined));
  });
  for (const name of T.UNARY.keys()) fn(name, (a, kw) => {
    const out = kwOr(kw, 'out', null);
    return wrap(T.unary(name, op(a[0]), out instanceof PyNd ? out.a : undefined));
  });
  const alias: [string, string][] = [['abs', 'absolute'], ['true_divide', 'divide'], ['mod', 'remainder'], ['arctan', 'arctan']];
  for (const [a2, b] of alias) d.set(a2, d.get(b));
  fn('fabs', (a) => wrap(T.unary('absolute', T.astype(toNDArray(a[0]), 'float64'))));

  // Reductions.
  const red = (name: string, f: (a: NDArray, axis: T.AxisArg, keep: boolean) => NDArray) =>
    fn(name, (a, kw) => wrap(f(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), truthy(kwOr(kw, 'keepdims', false)))));
  red('sum', T.sum);
  red('prod', T.prod);
  red('max', T.max);
  red('amax', T.max);
  red('min', T.min);
  red('amin', T.min);
  red('mean', T.mean);
  red('any', T.any);
  red('all', T.all);
  fn('std', (a, kw) => wrap(T.std(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), Number(kwOr(kw, 'ddof', 0)), truthy(kwOr(kw, 'keepdims', false)))));
  fn('var', (a, kw) => wrap(T.variance(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), Number(kwOr(kw, 'ddof', 0)), truthy(kwOr(kw, 'keepdims', false)))));
  const axis1 = (a: any[], kw: Map<string, any> | null) => (axisArg(arg(a, kw, 1, 'axis', null)) as number | null) ?? null;
  fn('argmax', (a, kw) => wrap(T.argmax(toNDArray(a[0]), axis1(a, kw))));
  fn('argmin', (a, kw) => wrap(T.argmin(toNDArray(a[0]), axis1(a, kw))));
  fn('cumsum', (a, kw) => wrap(T.cumsum(toNDArray(a[0]), axis1(a, kw))));
  fn('cumprod', (a, kw) => wrap(T.cumprod(toNDArray(a[0]), axis1(a, kw))));

  // Linear algebra and shape manipulation.
  fn('dot', (a) => wrap(T.dot(op(a[0]), op(a[1]))));
  fn('matmul', (a) => wrap(T.matmul(op(a[0]), op(a[1]))));
  fn('outer', (a) => wrap(T.outer(op(a[0]), op(a[1]))));
  fn('inner', (a) => wrap(T.inner(op(a[0]), op(a[1]))));
  fn('reshape', (a, kw) => wrap(T.reshape(toNDArray(a[0]), ([] as number[]).concat(shapeOf(arg(a, kw, 1, 'newshape', arg(a, kw, 1, 'shape')))))));
  fn('transpose', (a, kw) => {
    const axes = arg(a, kw, 1, 'axes', null);
    return wrap(T.transpose(toNDArray(a[0]), axes === null ? undefined : (shapeOf(axes) as number[])));
  });
  fn('ravel', (a) => wrap(T.ravel(toNDArray(a[0]))));
  fn('squeeze', (a, kw) => {
    const ax = axisArg(arg(a, kw, 1, 'axis', null));
    return wrap(T.squeeze(toNDArray(a[0]), ax === null ? undefined : (ax as number)));
  });
  fn('expand_dims', (a, kw) => wrap(T.expandDims(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis')) as number)));
  fn('swapaxes', (a) => wrap(T.swapaxes(toNDArray(a[0]), toIndex(a[1]), toIndex(a[2]))));
  fn('concatenate', (a, kw) => {
    const ax = arg(a, kw, 1, 'axis', 0);
    return wrap(T.concatenate(arrays(a[0]), ax === null ? null : toIndex(ax)));
  });
  fn('stack', (a, kw) => wrap(T.stack(arrays(a[0]), toIndex(arg(a, kw, 1, 'axis', 0)))));
  fn('vstack', (a) => wrap(T.vstack(arrays(a[0]))));
  fn('hstack', (a) => wrap(T.hstack(arrays(a[0]))));
  fn('split', (a, kw) => new PyList(T.split(toNDArray(a[0]), shapeOf(a[1]), toIndex(arg(a, kw, 2, 'axis', 0))).map(wrap)));
  fn('array_split', (a, kw) => new PyList(T.split(toNDArray(a[0]), shapeOf(a[1]), toIndex(arg(a, kw, 2, 'axis', 0)), false).map(wrap)));
  fn('tile', (a) => wrap(T.tile(toNDArray(a[0]), shapeOf(a[1]))));
  fn('diff', (a, kw) => wrap(T.diff(toNDArray(a[0]), toIndex(arg(a, kw, 1, 'n', 1)), toIndex(arg(a, kw, 2, 'axis', -1)))));
  fn('trace', (a, kw) => wrap(T.trace(toNDArray(a[0]), toIndex(arg(a, kw, 1, 'offset', 0)))));
  fn('flip', (a, kw) => wrap(T.flip(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)))));
  fn('roll', (a, kw) => {
    const ax = arg(a, kw, 2, 'axis', null);
    return wrap(T.roll(toNDArray(a[0]), toIndex(a[1]), ax === null ? null : toIndex(ax)));
  });
  fn('median', (a, kw) => {
    const ax = arg(a, kw, 1, 'axis', null);
    return wrap(T.median(toNDArray(a[0]), ax === null ? null : toIndex(ax)));
  });
  fn('average', (a, kw) => {
    const w = arg(a, kw, 2, 'weights', null);
    return wrap(T.average(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), w === null ? null : toNDArray(w)));
  });
  fn('nansum', (a, kw) => wrap(T.nansum(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), truthy(kwOr(kw, 'keepdims', false)))));
  fn('nanmean', (a, kw) => wrap(T.nanmean(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), truthy(kwOr(kw, 'keepdims', false)))));
  fn('column_stack', (a) => wrap(T.columnStack(arrays(a[0]))));
  fn('atleast_2d', (a) => wrap(T.atleast2d(toNDArray(a[0]))));
  fn('broadcast_to', (a, kw) => wrap(T.broadcastTo(toNDArray(a[0]), [shapeOf(arg(a, kw, 1, 'shape', null))].flat())));
  fn('meshgrid', (a, kw) => {
    const ix = kwOr(kw, 'indexing', 'xy');
    if (ix !== 'xy' && ix !== 'ij') throw pyErr(ValueError, "Valid values for `indexing` are 'xy' and 'ij'.");
    return new PyTuple(T.meshgrid(a.map(toNDArray), ix).map(wrap));
  });
  fn('tril', (a, kw) => wrap(T.tril(toNDArray(a[0]), toIndex(arg(a, kw, 1, 'k', 0)))));
  fn('triu', (a, kw) => wrap(T.triu(toNDArray(a[0]), toIndex(arg(a, kw, 1, 'k', 0)))));
  fn('ptp', (a, kw) => wrap(T.ptp(toNDArray(a[0]), axisArg(arg(a, kw, 1, 'axis', null)), truthy(arg(a, kw, 2, 'keepdims', false)))));
  fn('repeat', (a, kw) => {
    const ax = arg(a, kw, 2, 'axis', null);
    return wrap(T.repeat(toNDArray(a[0]), shapeOf(a[1]), ax === null ? null : toIndex(ax)));
  });
  fn('where', (a) => {
    const r = T.where(op(a[0]), a.length > 1 ? op(a[1]) : undefined, a.length > 2 ? op(a[2]) : undefined);
    return Array.isArray(r) ? new PyTuple(r.map(wrap)) : wrap(r);
  });
  fn('nonzero', (a) => new PyTuple(T.nonzero(toNDArray(a[0])).map(wrap)));
  fn('clip', (a, kw) => wrap(T.clip(op(a[0]), a[1] === null || a[1] === undefined ? null : op(a[1]), a[2] === null || a[2] === undefined ? null : op(a[2]))));
  fn('round', (a, kw) => wrap(T.round(op(a[0]), Number(arg(a, kw, 1, 'decimals', 0)))));
  d.set('around', d.get('round'));
  fn('isclose', (a, kw) => wrap(T.isclose(op(a[0]), op(a[1]), num(kwOr(kw, 'rtol', new PyFloat(1e-5))), num(kwOr(kw, 'atol', new PyFloat(1e-8))))));
  fn('allclose', (a, kw) => T.allclose(op(a[0]), op(a[1]), num(kwOr(kw, 'rtol', new PyFloat(1e-5))), num(kwOr(kw, 'atol', new PyFloat(1e-8)))));
  fn('array_equal', (a) => T.arrayEqual(op(a[0]), op(a[1])));
  fn('sort', (a, kw) => {
    const ax = arg(a, kw, 1, 'axis', -1);
    return wrap(T.sort(toNDArray(a[0]), ax === null ? null : toIndex(ax)));
  });
  fn('argsort', (a, kw) => {
    const ax = arg(a, kw, 1, 'axis', -1);
    return wrap(T.argsort(toNDArray(a[0]), ax === null ? null : toIndex(ax)));
  });
  fn('unique', (a, kw) => {
    const r = T.unique(toNDArray(a[0]), { index: truthy(kwOr(kw, 'return_index', false)), inverse: truthy(kwOr(kw, 'return_inverse', false)), counts: truthy(kwOr(kw, 'return_counts', false)) });
    const extra = [r.index, r.inverse, r.counts].filter((x): x is NDArray => x !== undefined);
    return extra.length ? new PyTuple([wrap(r.values), ...extra.map(wrap)]) : wrap(r.values);
  });
  fn('searchsorted', (a, kw) => wrap(T.searchsorted(toNDArray(a[0]), toNDArray(a[1]), kwOr(kw, 'side', 'left'))));
  fn('copy', (a) => wrap(T.copy(toNDArray(a[0]))));
  fn('shape', (a) => new PyTuple(toNDArray(a[0]).shape.slice()));
  fn('size', (a) => toNDArray(a[0]).size);
  fn('ndim', (a) => toNDArray(a[0]).ndim);
  fn('count_nonzero', (a) => Number(T.sum(T.astype(toNDArray(a[0]), 'bool')).item()));
  fn('set_printoptions', (_a, kw) => {
    const opts: Record<string, unknown> = {};
    for (const [k, v] of kw ?? []) opts[k] = v instanceof PyFloat ? v.v : typeof v === 'bigint' ? Number(v) : v;
    T.setPrintOptions(opts as Partial<T.PrintOptions>);
    return null;
  });

  addMoreFunctions(fn);

  // Types and constants.
  d.set('ndarray', ndarrayType);
  d.set('float64', float64Type);
  d.set('int64', int64Type);
  d.set('bool_', boolScalarType);
  d.set('dtype', dtypeType);
  d.set('generic', genericType);
  d.set('pi', new PyFloat(Math.PI));
  d.set('e', new PyFloat(Math.E));
  d.set('inf', new PyFloat(Infinity));
  d.set('nan', new PyFloat(NaN));
  d.set('newaxis', null);
  d.set('random', makeRandomModule());
  d.set('linalg', makeLinalg());
  d.set('__version__', '2.4.6');
  return new PyModule('numpy', d);
}

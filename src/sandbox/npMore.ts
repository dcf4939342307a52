// More of the guest `numpy` module (the functions ML and maths articles use beyond the basics):
// quantiles, covariance, tensor contractions, and array helpers. One explicit list, installed by
// makeNumpy (npModule.ts) through its `fn` registrar.

import * as T from '../tensor';
import { NotImplementedError, pyErr, TypeError, ValueError } from '../python/errors';
import { PyList, PyTuple } from '../python/objects';
import { toIndex, truthy } from '../python/runtime';
import { arg, axisArg, num } from './npArgs';
import { operand, toNDArray, wrap } from './npValues';

type Fn = (args: any[], kw: Map<string, any> | null) => any;

/** A guest value as a tensor operand (Python scalars stay weak), or the TypeError. */
export function op(v: any): T.Operand {
  const o = operand(v);
  if (o === undefined) throw pyErr(TypeError, `unsupported operand type: '${v?.cls?.tpName ?? typeof v}'`);
  return o;
}

export function addMoreFunctions(fn: (name: string, f: Fn) => void): void {
  const keep = (a: any[], kw: Map<string, any> | null, i: number) => truthy(arg(a, kw, i, 'keepdims', false));

  // Statistics.
  const linearOnly = (a: any[], kw: Map<string, any> | null) => {
    const m = arg(a, kw, 5, 'method', 'linear');
    if (m !== 'linear') throw pyErr(NotImplementedError, `method=${typeof m === 'string' ? `'${m}'` : 'that value'} is not supported here (only 'linear')`);
  };
  fn('quantile', (a, kw) => linearOnly(a, kw) ?? wrap(T.quantile(toNDArray(a[0]), op(arg(a, kw, 1, 'q')), axisArg(arg(a, kw, 2, 'axis', null)), keep(a, kw, 6))));
  fn('percentile', (a, kw) => linearOnly(a, kw) ?? wrap(T.percentile(toNDArray(a[0]), op(arg(a, kw, 1, 'q')), axisArg(arg(a, kw, 2, 'axis', null)), keep(a, kw, 6))));
  const optArray = (v: any) => (v === null || v === undefined ? null : toNDArray(v));
  fn('cov', (a, kw) => {
    const ddof = arg(a, kw, 4, 'ddof', null);
    return wrap(T.cov(toNDArray(a[0]), optArray(arg(a, kw, 1, 'y', null)), truthy(arg(a, kw, 2, 'rowvar', true)), truthy(arg(a, kw, 3, 'bias', false)), ddof === null ? null : num(ddof)));
  });
  fn('corrcoef', (a, kw) => wrap(T.corrcoef(toNDArray(a[0]), optArray(arg(a, kw, 1, 'y', null)), truthy(arg(a, kw, 2, 'rowvar', true)))));

  // Tensor products.
  fn('tensordot', (a, kw) => wrap(T.tensordot(toNDArray(a[0]), toNDArray(a[1]), tensordotAxes(arg(a, kw, 2, 'axes', 2)))));
  fn('vdot', (a) => wrap(T.vdot(toNDArray(a[0]), toNDArray(a[1]))));
  fn('kron', (a) => wrap(T.kron(toNDArray(a[0]), toNDArray(a[1]))));
  fn('cross', (a, kw) => {
    const ax = (name: string, i: number) => toIndex(arg(a, kw, i, name, -1));
    const axis = arg(a, kw, 5, 'axis', null);
    return wrap(T.cross(toNDArray(a[0]), toNDArray(a[1]), ax('axisa', 2), ax('axisb', 3), ax('axisc', 4), axis === null ? null : toIndex(axis)));
  });
  fn('moveaxis', (a, kw) => wrap(T.moveaxis(toNDArray(a[0]), intOrList(arg(a, kw, 1, 'source')), intOrList(arg(a, kw, 2, 'destination')))));
}

const seq = (v: any): any[] | null => (v instanceof PyTuple || v instanceof PyList ? v.items : null);
const intOrList = (v: any): number | number[] => seq(v)?.map((x) => toIndex(x)) ?? toIndex(v);

/** tensordot's axes: an int, or a pair whose items are ints or sequences of ints. */
function tensordotAxes(v: any): T.TensordotAxes {
  const pair = seq(v);
  if (pair === null) return toIndex(v);
  if (pair.length !== 2) throw pyErr(ValueError, `too many values to unpack (expected 2)`);
  return [intOrList(pair[0]), intOrList(pair[1])];
}

// More of the guest `numpy` module (the functions ML and maths articles use beyond the basics):
// quantiles, covariance, tensor contractions, and array helpers. One explicit list, installed by
// makeNumpy (npModule.ts) through its `fn` registrar.

import * as T from '../tensor';
import { pyErr, TypeError } from '../python/errors';
import { truthy } from '../python/runtime';
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
  fn('quantile', (a, kw) => wrap(T.quantile(toNDArray(a[0]), op(arg(a, kw, 1, 'q')), axisArg(arg(a, kw, 2, 'axis', null)), keep(a, kw, 6))));
  fn('percentile', (a, kw) => wrap(T.percentile(toNDArray(a[0]), op(arg(a, kw, 1, 'q')), axisArg(arg(a, kw, 2, 'axis', null)), keep(a, kw, 6))));
  const optArray = (v: any) => (v === null || v === undefined ? null : toNDArray(v));
  fn('cov', (a, kw) => {
    const ddof = arg(a, kw, 4, 'ddof', null);
    return wrap(T.cov(toNDArray(a[0]), optArray(arg(a, kw, 1, 'y', null)), truthy(arg(a, kw, 2, 'rowvar', true)), truthy(arg(a, kw, 3, 'bias', false)), ddof === null ? null : num(ddof)));
  });
  fn('corrcoef', (a, kw) => wrap(T.corrcoef(toNDArray(a[0]), optArray(arg(a, kw, 1, 'y', null)), truthy(arg(a, kw, 2, 'rowvar', true)))));
}

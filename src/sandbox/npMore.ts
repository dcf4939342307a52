// More of the guest `numpy` module (the functions ML and maths articles use beyond the basics):
// quantiles, covariance, tensor contractions, and array helpers. One explicit list, installed by
// makeNumpy (npModule.ts) through its `fn` registrar.

import * as T from '../tensor';
import { NotImplementedError, pyErr, TypeError, ValueError } from '../python/errors';
import { PyFloat, PyList, PyTuple } from '../python/objects';
import { toIndex, truthy } from '../python/runtime';
import { arg, axisArg, kwOr, num } from './npArgs';
import { nested, operand, PyNd, toNDArray, wrap } from './npValues';

type Fn = (args: any[], kw: Map<string, any> | null) => any;

/** A guest value as a tensor operand (Python scalars stay weak), or the TypeError. */
export function op(v: any): T.Operand {
  const o = operand(v);
  if (o === undefined) throw pyErr(TypeError, `unsupported operand type: '${v?.cls?.tpName ?? typeof v}'`);
  return o;
}

export function addMoreFunctions(bind: (name: string, f: Fn) => void): void {
  /**
   * Binds `name`, refusing the arguments listed (position, keyword; position -1: keyword-only) when
   * given and not None: they change NumPy's result, so ignoring them would print something else.
   */
  const fn = (name: string, f: Fn, unsupported: readonly (readonly [number, string])[] = []) =>
    bind(name, (a, kw) => {
      for (const [i, k] of unsupported)
        if (arg(a, kw, i < 0 ? a.length : i, k, null) !== null) throw pyErr(NotImplementedError, `np.${name}: the '${k}' argument is not supported here`);
      return f(a, kw);
    });
  const keep = (a: any[], kw: Map<string, any> | null, i: number) => truthy(arg(a, kw, i, 'keepdims', false));

  // Statistics.
  const method = (a: any[], kw: Map<string, any> | null) => {
    const m = arg(a, kw, 5, 'method', 'linear');
    if (typeof m !== 'string') throw pyErr(TypeError, 'method must be a string');
    return m;
  };
  const qArgs = [[3, 'out'], [-1, 'weights'], [-1, 'interpolation']] as const;
  const quantiles = [['quantile', T.quantile], ['percentile', T.percentile], ['nanquantile', T.nanquantile], ['nanpercentile', T.nanpercentile]] as const;
  for (const [name, f] of quantiles)
    fn(name, (a, kw) => wrap(f(toNDArray(a[0]), op(arg(a, kw, 1, 'q')), axisArg(arg(a, kw, 2, 'axis', null)), keep(a, kw, 6), method(a, kw))), qArgs);
  const optArray = (v: any) => (v === null || v === undefined ? null : toNDArray(v));
  fn('cov', (a, kw) => {
    const ddof = arg(a, kw, 4, 'ddof', null);
    return wrap(T.cov(toNDArray(a[0]), optArray(arg(a, kw, 1, 'y', null)), truthy(arg(a, kw, 2, 'rowvar', true)), truthy(arg(a, kw, 3, 'bias', false)), ddof === null ? null : num(ddof)));
  }, [[5, 'fweights'], [6, 'aweights'], [-1, 'dtype']]);
  fn('corrcoef', (a, kw) => wrap(T.corrcoef(toNDArray(a[0]), optArray(arg(a, kw, 1, 'y', null)), truthy(arg(a, kw, 2, 'rowvar', true)))), [[-1, 'dtype']]);

  // Elementwise helpers and small numeric routines.
  const optNum = (v: any) => (v === null || v === undefined ? null : num(v));
  fn('sinc', (a) => wrap(T.sinc(op(a[0]))));
  fn('nan_to_num', (a, kw) =>
    wrap(T.nanToNum(op(a[0]), num(arg(a, kw, 2, 'nan', 0)), optNum(arg(a, kw, 3, 'posinf', null)), optNum(arg(a, kw, 4, 'neginf', null)), !truthy(arg(a, kw, 1, 'copy', true)))),
  );
  fn('logspace', (a, kw) =>
    wrap(T.logspace(num(a[0]), num(a[1]), Number(toIndex(arg(a, kw, 2, 'num', 50))), truthy(arg(a, kw, 3, 'endpoint', true)), op(arg(a, kw, 4, 'base', new PyFloat(10))))),
  [[5, 'dtype'], [6, 'axis']]);
  fn('interp', (a, kw) => wrap(T.interp(op(arg(a, kw, 0, 'x')), toNDArray(arg(a, kw, 1, 'xp')), toNDArray(arg(a, kw, 2, 'fp')), optNum(arg(a, kw, 3, 'left', null)), optNum(arg(a, kw, 4, 'right', null)))), [[5, 'period']]);
  fn('bincount', (a, kw) => {
    const ml = arg(a, kw, 2, 'minlength', 0);
    if (ml === null) throw pyErr(TypeError, 'use 0 instead of None for minlength');
    // NumPy converts x straight to intp, so an empty list is an empty int array (not float64).
    const x = seq(a[0])?.length === 0 ? T.zeros([0], 'int64') : toNDArray(a[0]);
    return wrap(T.bincount(x, optArray(arg(a, kw, 1, 'weights', null)), Number(toIndex(ml))));
  });

  // Tensor products.
  fn('tensordot', (a, kw) => wrap(T.tensordot(toNDArray(a[0]), toNDArray(a[1]), tensordotAxes(arg(a, kw, 2, 'axes', 2)))));
  fn('vdot', (a) => wrap(T.vdot(toNDArray(a[0]), toNDArray(a[1]))));
  fn('kron', (a) => wrap(T.kron(toNDArray(a[0]), toNDArray(a[1]))));
  fn('cross', (a, kw) => {
    const ax = (name: string, i: number) => toIndex(arg(a, kw, i, name, -1));
    const axis = arg(a, kw, 5, 'axis', null);
    return wrap(T.cross(toNDArray(a[0]), toNDArray(a[1]), ax('axisa', 2), ax('axisb', 3), ax('axisc', 4), axis === null ? null : toIndex(axis)));
  });
  fn('take', (a, kw) => {
    const ax = arg(a, kw, 2, 'axis', null);
    const ind = arg(a, kw, 1, 'indices');
    return wrap(T.take(toNDArray(a[0]), toNDArray(ind), ax === null ? null : toIndex(ax), ind instanceof PyNd));
  }, [[3, 'out']]);
  fn('pad', (a, kw) => {
    const mode = arg(a, kw, 2, 'mode', 'constant');
    const supported = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'];
    const known = [...supported, 'linear_ramp', 'maximum', 'mean', 'median', 'minimum', 'empty'];
    if (typeof mode !== 'string' || !known.includes(mode)) throw pyErr(ValueError, `mode ${typeof mode === 'string' ? `'${mode}'` : 'of that type'} is not supported`);
    if (!supported.includes(mode)) throw pyErr(NotImplementedError, `np.pad mode '${mode}' is not supported here (only ${supported.map((m) => `'${m}'`).join(', ')})`);
    const allowed = mode === 'constant' ? 'constant_values' : mode === 'reflect' || mode === 'symmetric' ? 'reflect_type' : null;
    const extra = [...(kw ?? new Map()).keys()].filter((k) => k !== 'mode' && k !== 'pad_width' && k !== allowed);
    if (extra.length) throw pyErr(ValueError, `unsupported keyword arguments for mode '${mode}': {${extra.map((k) => `'${k}'`).join(', ')}}`);
    const rt = kwOr(kw, 'reflect_type', 'even');
    if (rt !== 'even') throw pyErr(NotImplementedError, "np.pad reflect_type='odd' is not supported here");
    const cv = kwOr(kw, 'constant_values', undefined);
    return wrap(T.pad(toNDArray(a[0]), nested(arg(a, kw, 1, 'pad_width')), mode as T.PadMode, cv === undefined ? 0n : nested(cv)));
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

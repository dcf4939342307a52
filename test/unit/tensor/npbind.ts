// The `np` module of the golden-case evaluator: an explicit table from NumPy function names to tensor
// API calls, with Python-style positional/keyword argument handling.

import * as T from '../../../src/tensor';
import { DTypeObj, Fn, Mod, PyError, PyTuple, toNested, toOperand, type Kw, type V } from './pyvalues';

export function arg(args: V[], kw: Kw, i: number, name: string, dflt: V = null): V {
  if (i < args.length) return args[i];
  return kw.has(name) ? kw.get(name)! : dflt;
}

export const num = (v: V): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : (v as number));

export function shapeOf(v: V): number[] {
  if (v instanceof PyTuple) return v.items.map(num);
  if (Array.isArray(v)) return v.map(num);
  return [num(v)];
}

const optNum = (v: V) => (v === null || v === undefined ? null : num(v));

/** An int argument or a sequence of them (moveaxis's source, tensordot's axes). */
const intOrList = (v: V): number | number[] => (v instanceof PyTuple || Array.isArray(v) ? shapeOf(v) : num(v));

export function axisOf(v: V): T.AxisArg {
  if (v === null || v === undefined) return null;
  if (v instanceof PyTuple || Array.isArray(v)) return shapeOf(v);
  return num(v);
}

export function dtypeOf(v: V): T.DType | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof DTypeObj) return v.name;
  if (v instanceof Fn) {
    const m: Record<string, T.DType> = { float: 'float64', int: 'int64', bool: 'bool', float64: 'float64', int64: 'int64', bool_: 'bool' };
    if (m[v.name]) return m[v.name];
  }
  if (typeof v === 'string') {
    const m: Record<string, T.DType> = { float64: 'float64', float: 'float64', int64: 'int64', int: 'int64', bool: 'bool' };
    if (m[v]) return m[v];
  }
  throw new PyError('TypeError', `data type not understood`);
}

export const arr = (v: V): T.NDArray => (v instanceof T.NDArray ? v : T.asarray(toNested(v)));
const f = (name: string, call: (a: V[], k: Kw) => V) => [name, new Fn(name, call)] as [string, V];
const tuple = (xs: V[]) => new PyTuple(xs);
const shapeTuple = (s: readonly number[]) => tuple(s.map((d) => BigInt(d)));

/** A Python value for a random-module result (Python floats/ints stay scalars). */
const rv = (x: T.NDArray | number | bigint): V => x;

function reduction(name: string, fn: (a: T.NDArray, axis: T.AxisArg, keep: boolean) => T.NDArray) {
  return f(name, (a, k) => fn(arr(a[0]), axisOf(arg(a, k, 1, 'axis')), Boolean(arg(a, k, 99, 'keepdims', false))));
}

function ufuncFns(): [string, V][] {
  const out: [string, V][] = [];
  for (const name of T.BINARY.keys())
    out.push(f(name, (a, k) => T.binary(name, toOperand(a[0]), toOperand(a[1]), (arg(a, k, 2, 'out') as T.NDArray | null) ?? undefined)));
  for (const name of T.UNARY.keys())
    out.push(f(name, (a, k) => T.unary(name, toOperand(a[0]), (arg(a, k, 1, 'out') as T.NDArray | null) ?? undefined)));
  return out;
}

const random = new Mod(
  new Map<string, V>([
    f('seed', (a) => (T.globalRandom.seed(Array.isArray(a[0]) ? a[0].map(num) : a[0] === null ? null : num(a[0])), null)),
    f('rand', (a) => rv(T.globalRandom.rand(...a.map(num)))),
    f('randn', (a) => rv(T.globalRandom.randn(...a.map(num)))),
    f('random', (a, k) => rv(T.globalRandom.randomSample(sizeOf(arg(a, k, 0, 'size'))))),
    f('random_sample', (a, k) => rv(T.globalRandom.randomSample(sizeOf(arg(a, k, 0, 'size'))))),
    f('standard_normal', (a, k) => rv(T.globalRandom.standardNormal(sizeOf(arg(a, k, 0, 'size'))))),
    f('uniform', (a, k) => rv(T.globalRandom.uniform(num(arg(a, k, 0, 'low', 0)), num(arg(a, k, 1, 'high', 1)), sizeOf(arg(a, k, 2, 'size'))))),
    f('normal', (a, k) => rv(T.globalRandom.normal(num(arg(a, k, 0, 'loc', 0)), num(arg(a, k, 1, 'scale', 1)), sizeOf(arg(a, k, 2, 'size'))))),
    f('randint', (a, k) => {
      const hi = arg(a, k, 1, 'high');
      return rv(T.globalRandom.randint(num(a[0]), hi === null ? null : num(hi), sizeOf(arg(a, k, 2, 'size'))));
    }),
    f('choice', (a, k) => {
      const p = arg(a, k, 3, 'p');
      const pop = typeof a[0] === 'bigint' ? num(a[0]) : arr(a[0]);
      return rv(T.globalRandom.choice(pop, sizeOf(arg(a, k, 1, 'size')), Boolean(arg(a, k, 2, 'replace', true)), p === null ? null : arr(p)) as T.NDArray);
    }),
    f('shuffle', (a) => (T.globalRandom.shuffle(a[0] as T.NDArray), null)),
    f('permutation', (a) => T.globalRandom.permutation(typeof a[0] === 'bigint' ? num(a[0]) : arr(a[0]))),
  ]),
);

function sizeOf(v: V): T.Size {
  return v === null ? undefined : shapeOf(v);
}

const linalg = new Mod(
  new Map<string, V>([
    f('norm', (a, k) => {
      const o = arg(a, k, 1, 'ord');
      const ord = o === null ? null : o === 'fro' ? 'fro' : num(o);
      return T.norm(arr(a[0]), ord, axisOf(arg(a, k, 2, 'axis')), Boolean(arg(a, k, 3, 'keepdims', false)));
    }),
    f('inv', (a) => T.inv(arr(a[0]))),
    f('solve', (a) => T.solve(arr(a[0]), arr(a[1]))),
    f('det', (a) => T.det(arr(a[0]))),
  ]),
);

function printopts(a: V[], k: Kw): Partial<T.PrintOptions> {
  void a;
  const o: Partial<T.PrintOptions> = {};
  for (const key of ['precision', 'threshold', 'linewidth', 'edgeitems'] as const) if (k.has(key)) o[key] = num(k.get(key)!);
  if (k.has('suppress')) o.suppress = Boolean(k.get('suppress'));
  return o;
}

function unique(a: V[], k: Kw): V {
  const flags = { index: Boolean(k.get('return_index')), inverse: Boolean(k.get('return_inverse')), counts: Boolean(k.get('return_counts')) };
  const r = T.unique(arr(a[0]), flags);
  if (!flags.index && !flags.inverse && !flags.counts) return r.values;
  const items: V[] = [r.values];
  if (r.index) items.push(r.index);
  if (r.inverse) items.push(r.inverse);
  if (r.counts) items.push(r.counts);
  return tuple(items);
}

/** quantile, percentile and their nan variants: (a, q, axis, out, overwrite_input, method, keepdims). */
function quantileFns(): [string, V][] {
  const fns = { quantile: T.quantile, percentile: T.percentile, nanquantile: T.nanquantile, nanpercentile: T.nanpercentile };
  return Object.entries(fns).map(([name, fn]) =>
    f(name, (a, k) => fn(arr(a[0]), toOperand(arg(a, k, 1, 'q')), axisOf(arg(a, k, 2, 'axis')), Boolean(arg(a, k, 6, 'keepdims', false)), arg(a, k, 5, 'method', 'linear') as string)),
  );
}

const listOf = (v: V): T.NDArray[] => (v instanceof PyTuple ? v.items : (v as V[])).map(arr);

export const NP = new Mod(
  new Map<string, V>([
    ['random', random],
    ['linalg', linalg],
    ['nan', NaN],
    ['inf', Infinity],
    ['pi', Math.PI],
    ['e', Math.E],
    ['newaxis', null],
    ['float64', new Fn('float64', (a) => T.unary('positive', T.asarray(toNested(a[0]), 'float64')))],
    ['int64', new Fn('int64', (a) => T.unary('positive', T.asarray(toNested(a[0]), 'int64')))],
    ['bool_', new Fn('bool_', (a) => T.unary('positive', T.asarray(toNested(a[0]), 'bool')))],
    f('array', (a, k) => T.array(toNested(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('asarray', (a, k) => T.asarray(toNested(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('zeros', (a, k) => T.zeros(shapeOf(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('ones', (a, k) => T.ones(shapeOf(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('empty', (a, k) => T.zeros(shapeOf(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('full', (a, k) => T.full(shapeOf(a[0]), a[1] as T.PyScalar, dtypeOf(arg(a, k, 2, 'dtype')))),
    f('zeros_like', (a, k) => T.zerosLike(arr(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('ones_like', (a, k) => T.onesLike(arr(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('empty_like', (a, k) => T.zerosLike(arr(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('full_like', (a, k) => T.fullLike(arr(a[0]), a[1] as T.PyScalar, dtypeOf(arg(a, k, 2, 'dtype')))),
    f('arange', (a, k) => T.arange(a[0] as T.PyScalar, (a[1] ?? null) as T.PyScalar | null, (a[2] ?? 1n) as T.PyScalar, dtypeOf(arg(a, k, 99, 'dtype')))),
    f('linspace', (a, k) => T.linspace(num(a[0]), num(a[1]), num(arg(a, k, 2, 'num', 50n)), Boolean(arg(a, k, 3, 'endpoint', true)))),
    f('eye', (a, k) => T.eye(num(a[0]), arg(a, k, 1, 'M') === null ? undefined : num(arg(a, k, 1, 'M')), num(arg(a, k, 2, 'k', 0n)), dtypeOf(arg(a, k, 3, 'dtype')))),
    f('identity', (a, k) => T.identity(num(a[0]), dtypeOf(arg(a, k, 1, 'dtype')))),
    f('diag', (a, k) => T.diag(arr(a[0]), num(arg(a, k, 1, 'k', 0n)))),
    ...ufuncFns(),
    f('abs', (a) => T.unary('absolute', toOperand(a[0]))),
    f('true_divide', (a) => T.binary('divide', toOperand(a[0]), toOperand(a[1]))),
    f('mod', (a) => T.binary('remainder', toOperand(a[0]), toOperand(a[1]))),
    f('where', (a) => {
      const r = T.where(toOperand(a[0]), a[1] === undefined ? undefined : toOperand(a[1]), a[2] === undefined ? undefined : toOperand(a[2]));
      return Array.isArray(r) ? tuple(r) : r;
    }),
    f('nonzero', (a) => tuple(T.nonzero(arr(a[0])))),
    f('clip', (a) => T.clip(toOperand(a[0]), a[1] === null ? null : toOperand(a[1]), a[2] === null ? null : toOperand(a[2]))),
    f('round', (a, k) => T.round(toOperand(a[0]), num(arg(a, k, 1, 'decimals', 0n)))),
    f('around', (a, k) => T.round(toOperand(a[0]), num(arg(a, k, 1, 'decimals', 0n)))),
    reduction('sum', T.sum),
    reduction('prod', T.prod),
    reduction('max', T.max),
    reduction('min', T.min),
    reduction('amax', T.max),
    reduction('amin', T.min),
    reduction('any', T.any),
    reduction('all', T.all),
    reduction('mean', T.mean),
    f('var', (a, k) => T.variance(arr(a[0]), axisOf(arg(a, k, 1, 'axis')), num(arg(a, k, 99, 'ddof', 0n)), Boolean(arg(a, k, 99, 'keepdims', false)))),
    f('std', (a, k) => T.std(arr(a[0]), axisOf(arg(a, k, 1, 'axis')), num(arg(a, k, 99, 'ddof', 0n)), Boolean(arg(a, k, 99, 'keepdims', false)))),
    f('argmax', (a, k) => T.argmax(arr(a[0]), axisOf(arg(a, k, 1, 'axis')) as number | null, Boolean(arg(a, k, 99, 'keepdims', false)))),
    f('argmin', (a, k) => T.argmin(arr(a[0]), axisOf(arg(a, k, 1, 'axis')) as number | null, Boolean(arg(a, k, 99, 'keepdims', false)))),
    f('cumsum', (a, k) => T.cumsum(arr(a[0]), axisOf(arg(a, k, 1, 'axis')) as number | null)),
    f('cumprod', (a, k) => T.cumprod(arr(a[0]), axisOf(arg(a, k, 1, 'axis')) as number | null)),
    f('reshape', (a) => T.reshape(arr(a[0]), shapeOf(a[1]))),
    f('ravel', (a) => T.ravel(arr(a[0]))),
    f('transpose', (a, k) => T.transpose(arr(a[0]), arg(a, k, 1, 'axes') === null ? undefined : shapeOf(arg(a, k, 1, 'axes')))),
    f('swapaxes', (a) => T.swapaxes(arr(a[0]), num(a[1]), num(a[2]))),
    f('squeeze', (a, k) => T.squeeze(arr(a[0]), (axisOf(arg(a, k, 1, 'axis')) ?? undefined) as number | number[] | undefined)),
    f('expand_dims', (a, k) => T.expandDims(arr(a[0]), axisOf(arg(a, k, 1, 'axis')) as number)),
    f('concatenate', (a, k) => T.concatenate(listOf(a[0]), axisOf(arg(a, k, 1, 'axis', 0n)) as number | null)),
    f('stack', (a, k) => T.stack(listOf(a[0]), num(arg(a, k, 1, 'axis', 0n)))),
    f('vstack', (a) => T.vstack(listOf(a[0]))),
    f('hstack', (a) => T.hstack(listOf(a[0]))),
    f('split', (a, k) => T.split(arr(a[0]), typeof a[1] === 'bigint' ? num(a[1]) : shapeOf(a[1]), num(arg(a, k, 2, 'axis', 0n)))),
    f('array_split', (a, k) => T.split(arr(a[0]), typeof a[1] === 'bigint' ? num(a[1]) : shapeOf(a[1]), num(arg(a, k, 2, 'axis', 0n)), false)),
    f('tile', (a) => T.tile(arr(a[0]), shapeOf(a[1]))),
    f('diff', (a, k) => T.diff(arr(a[0]), num(arg(a, k, 1, 'n', 1n)), num(arg(a, k, 2, 'axis', -1n)))),
    f('trace', (a, k) => T.trace(arr(a[0]), num(arg(a, k, 1, 'offset', 0n)))),
    f('flip', (a, k) => T.flip(arr(a[0]), axisOf(arg(a, k, 1, 'axis')))),
    f('roll', (a, k) => T.roll(arr(a[0]), num(a[1]), axisOf(arg(a, k, 2, 'axis')) as number | null)),
    f('median', (a, k) => T.median(arr(a[0]), axisOf(arg(a, k, 1, 'axis')) as number | null)),
    f('average', (a, k) => {
      const w = arg(a, k, 2, 'weights');
      return T.average(arr(a[0]), axisOf(arg(a, k, 1, 'axis')), w === undefined || w === null ? null : arr(w));
    }),
    reduction('nansum', T.nansum),
    reduction('nanmean', T.nanmean),
    ...quantileFns(),
    f('cov', (a, k) => {
      const y = arg(a, k, 1, 'y'), ddof = arg(a, k, 4, 'ddof');
      return T.cov(arr(a[0]), y === null ? null : arr(y), Boolean(arg(a, k, 2, 'rowvar', true)), Boolean(arg(a, k, 3, 'bias', false)), ddof === null ? null : num(ddof));
    }),
    f('corrcoef', (a, k) => {
      const y = arg(a, k, 1, 'y');
      return T.corrcoef(arr(a[0]), y === null ? null : arr(y), Boolean(arg(a, k, 2, 'rowvar', true)));
    }),
    f('tensordot', (a, k) => {
      const ax = arg(a, k, 2, 'axes', 2n);
      const pair = ax instanceof PyTuple ? ax.items : Array.isArray(ax) ? ax : null;
      return T.tensordot(arr(a[0]), arr(a[1]), pair ? [intOrList(pair[0]), intOrList(pair[1])] : num(ax));
    }),
    f('vdot', (a) => T.vdot(arr(a[0]), arr(a[1]))),
    f('kron', (a) => T.kron(arr(a[0]), arr(a[1]))),
    f('cross', (a, k) => {
      const ax = (name: string, i: number) => num(arg(a, k, i, name, -1n));
      const axis = arg(a, k, 5, 'axis');
      return T.cross(arr(a[0]), arr(a[1]), ax('axisa', 2), ax('axisb', 3), ax('axisc', 4), axis === null ? null : num(axis));
    }),
    f('take', (a, k) => {
      const ind = arg(a, k, 1, 'indices');
      return T.take(arr(a[0]), arr(ind), axisOf(arg(a, k, 2, 'axis')) as number | null, ind instanceof T.NDArray);
    }),
    f('pad', (a, k) => T.pad(arr(a[0]), toNested(a[1]), arg(a, k, 2, 'mode', 'constant') as T.PadMode, k.has('constant_values') ? toNested(k.get('constant_values')!) : 0n)),
    f('sinc', (a) => T.sinc(toOperand(a[0]))),
    f('nan_to_num', (a, k) => T.nanToNum(a[0] instanceof T.NDArray ? a[0] : toOperand(a[0]), num(arg(a, k, 2, 'nan', 0)), optNum(arg(a, k, 3, 'posinf')), optNum(arg(a, k, 4, 'neginf')), !arg(a, k, 1, 'copy', true))),
    f('logspace', (a, k) => T.logspace(num(a[0]), num(a[1]), num(arg(a, k, 2, 'num', 50n)), Boolean(arg(a, k, 3, 'endpoint', true)), toOperand(arg(a, k, 4, 'base', 10)))),
    f('interp', (a, k) => T.interp(toOperand(a[0]), arr(a[1]), arr(a[2]), optNum(arg(a, k, 3, 'left')), optNum(arg(a, k, 4, 'right')))),
    f('bincount', (a, k) => {
      const w = arg(a, k, 1, 'weights'), ml = arg(a, k, 2, 'minlength', 0n);
      if (ml === null) throw new PyError('TypeError', 'use 0 instead of None for minlength');
      return T.bincount(arr(a[0]), w === null ? null : arr(w), num(ml));
    }),
    f('moveaxis', (a, k) => T.moveaxis(arr(a[0]), intOrList(arg(a, k, 1, 'source')), intOrList(arg(a, k, 2, 'destination')))),
    f('column_stack', (a) => T.columnStack(listOf(a[0]))),
    f('atleast_2d', (a) => T.atleast2d(arr(a[0]))),
    f('tril', (a, k) => T.tril(arr(a[0]), num(arg(a, k, 1, 'k', 0n)))),
    f('triu', (a, k) => T.triu(arr(a[0]), num(arg(a, k, 1, 'k', 0n)))),
    f('ptp', (a, k) => T.ptp(arr(a[0]), axisOf(arg(a, k, 1, 'axis')), Boolean(arg(a, k, 2, 'keepdims', false)))),
    f('repeat', (a, k) => T.repeat(arr(a[0]), typeof a[1] === 'bigint' ? num(a[1]) : shapeOf(a[1]), axisOf(arg(a, k, 2, 'axis')) as number | null)),
    f('dot', (a) => T.dot(toOperand(a[0]), toOperand(a[1]))),
    f('matmul', (a) => T.matmul(toOperand(a[0]), toOperand(a[1]))),
    f('outer', (a) => T.outer(toOperand(a[0]), toOperand(a[1]))),
    f('inner', (a) => T.inner(toOperand(a[0]), toOperand(a[1]))),
    f('sort', (a, k) => T.sort(arr(a[0]), axisOf(arg(a, k, 1, 'axis', -1n)) as number | null)),
    f('argsort', (a, k) => T.argsort(arr(a[0]), axisOf(arg(a, k, 1, 'axis', -1n)) as number | null)),
    f('unique', unique),
    f('searchsorted', (a, k) => T.searchsorted(arr(a[0]), arr(a[1]), (arg(a, k, 2, 'side', 'left') as 'left' | 'right'))),
    f('isclose', (a, k) => T.isclose(toOperand(a[0]), toOperand(a[1]), num(arg(a, k, 2, 'rtol', 1e-5)), num(arg(a, k, 3, 'atol', 1e-8)), Boolean(arg(a, k, 4, 'equal_nan', false)))),
    f('allclose', (a, k) => T.allclose(toOperand(a[0]), toOperand(a[1]), num(arg(a, k, 2, 'rtol', 1e-5)), num(arg(a, k, 3, 'atol', 1e-8)), Boolean(arg(a, k, 4, 'equal_nan', false)))),
    f('array_equal', (a, k) => T.arrayEqual(toOperand(a[0]), toOperand(a[1]), Boolean(arg(a, k, 2, 'equal_nan', false)))),
    f('broadcast_to', (a) => T.broadcastTo(arr(a[0]), shapeOf(a[1]))),
    f('shape', (a) => shapeTuple(arr(a[0]).shape)),
    f('ndim', (a) => BigInt(arr(a[0]).ndim)),
    f('size', (a) => BigInt(arr(a[0]).size)),
    f('set_printoptions', (a, k) => (T.setPrintOptions(printopts(a, k)), null)),
    f('array2string', (a, k) => T.array2string(arr(a[0]), (arg(a, k, 99, 'separator', ' ') as string))),
    f('array_str', (a) => T.arrayStr(arr(a[0]))),
    f('array_repr', (a) => T.arrayRepr(arr(a[0]))),
  ]),
);

export { shapeTuple, tuple };

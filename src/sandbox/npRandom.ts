// `numpy.random`: the legacy API, as module functions over the global state and as methods of
// `RandomState` objects (`np.random.RandomState(42)`: their own Mersenne Twister, same draws as NumPy's
// for the same seed). One table of functions serves both, so a method and its module twin cannot drift.

import * as T from '../tensor';
import { type NDArray } from '../tensor';
import { pyErr, TypeError } from '../python/errors';
import { method } from '../python/nativeUtil';
import { objectType, PyBuiltin, PyFloat, PyList, PyModule, PyObject, PyTuple, PyType } from '../python/objects';
import { toIndex, truthy } from '../python/runtime';
import { arg, num, sizeArg } from './npArgs';
import { generatorEntries } from './npGenerator';
import { guard, PyNd, toNDArray, wrap } from './npValues';

type RandomFn = (R: T.RandomState, args: any[], kw: Map<string, any> | null) => any;

function pyNum(x: number | bigint): any {
  return typeof x === 'bigint' ? (x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x) : new PyFloat(x);
}

function randResult(r: NDArray | number | bigint): any {
  return r instanceof T.NDArray ? wrap(r) : pyNum(r);
}

function seedOf(s: any): number | number[] | null {
  if (s === null) return null;
  if (s instanceof PyList || s instanceof PyTuple || s instanceof PyNd) return Array.from(toNDArray(s).toFlat());
  return Number(typeof s === 'boolean' ? +s : s instanceof PyFloat ? s.v : s);
}

const sample: RandomFn = (R, a, kw) => randResult(R.randomSample(sizeArg(arg(a, kw, 0, 'size', null)) ?? undefined));

/** The legacy distributions and helpers, by name (NumPy's names and argument order). */
const FUNCTIONS: ReadonlyArray<readonly [string, RandomFn]> = [
  ['seed', (R, a, kw) => {
    R.seed(seedOf(arg(a, kw, 0, 'seed', null)));
    return null;
  }],
  ['rand', (R, a) => randResult(R.rand(...a.map((x) => toIndex(x))))],
  ['randn', (R, a) => randResult(R.randn(...a.map((x) => toIndex(x))))],
  ['random', sample],
  ['random_sample', sample],
  ['sample', sample],
  ['standard_normal', (R, a, kw) => randResult(R.standardNormal(sizeArg(arg(a, kw, 0, 'size', null)) ?? undefined))],
  ['uniform', (R, a, kw) => randResult(R.uniform(num(arg(a, kw, 0, 'low', 0)), num(arg(a, kw, 1, 'high', 1)), sizeArg(arg(a, kw, 2, 'size', null)) ?? undefined))],
  ['normal', (R, a, kw) => randResult(R.normal(num(arg(a, kw, 0, 'loc', 0)), num(arg(a, kw, 1, 'scale', 1)), sizeArg(arg(a, kw, 2, 'size', null)) ?? undefined))],
  ['randint', (R, a, kw) => {
    const high = arg(a, kw, 1, 'high', null);
    return randResult(R.randint(Number(toIndex(a[0])), high === null ? null : Number(toIndex(high)), sizeArg(arg(a, kw, 2, 'size', null)) ?? undefined));
  }],
  ['shuffle', (R, a) => {
    R.shuffle(toNDArray(a[0]));
    return null;
  }],
  ['permutation', (R, a) => wrap(R.permutation(a[0] instanceof PyNd || a[0] instanceof PyList ? toNDArray(a[0]) : toIndex(a[0])))],
  ['choice', (R, a, kw) => {
    const src = a[0];
    const pop = typeof src === 'number' || typeof src === 'bigint' ? toIndex(src) : toNDArray(src);
    const p = arg(a, kw, 3, 'p', null);
    return randResult(R.choice(pop, sizeArg(arg(a, kw, 1, 'size', null)) ?? undefined, truthy(arg(a, kw, 2, 'replace', true)), p === null ? null : toNDArray(p)));
  }],
];

/** A `RandomState` object seen from guest code. */
export class PyRandomState extends PyObject {
  constructor(readonly r: T.RandomState) {
    super();
    this.cls = randomStateType;
  }
}

export const randomStateType = new PyType('RandomState', [objectType], new Map(), 'numpy.random.mtrand');
randomStateType.tpName = 'numpy.random.mtrand.RandomState';

let installed = false;

function installRandomState(): void {
  if (installed) return;
  installed = true;
  randomStateType.construct = (_cls, args, kw) => guard(() => new PyRandomState(new T.RandomState(seedOf(arg(args, kw, 0, 'seed', null)))));
  for (const [name, f] of FUNCTIONS) method(randomStateType, name, (self, a, kw) => guard(() => f(stateOf(self, name), a, kw)));
  method(randomStateType, '__repr__', () => 'RandomState(MT19937)');
}

function stateOf(self: any, name: string): T.RandomState {
  if (!(self instanceof PyRandomState)) throw pyErr(TypeError, `descriptor '${name}' requires a 'numpy.random.mtrand.RandomState' object`);
  return self.r;
}

export function makeRandomModule(): PyModule {
  installRandomState();
  const d = new Map<string, any>();
  for (const [name, f] of FUNCTIONS) d.set(name, new PyBuiltin(name, (a, kw) => guard(() => f(T.globalRandom, a, kw))));
  d.set('RandomState', randomStateType);
  for (const [name, v] of generatorEntries()) d.set(name, v); // default_rng, Generator
  return new PyModule('numpy.random', d);
}

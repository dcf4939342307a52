// `np.random.default_rng` and `np.random.Generator` seen from guest code: a Generator object whose
// methods call the tensor core's PCG64 Generator (NumPy's names, argument orders, defaults). Scalars
// come back as NumPy returns them: a Python float for float draws, np.int64 for integers(), a Python
// int for choice(int), the element of `a` for choice(array).

import * as T from '../tensor';
import { type NDArray } from '../tensor';
import { pyErr, TypeError, ValueError } from '../python/errors';
import { method } from '../python/nativeUtil';
import { objectType, PyBuiltin, PyFloat, PyList, PyObject, PyTuple, PyType, typeName } from '../python/objects';
import { addr, str } from '../python/repr';
import { toIndex, truthy } from '../python/runtime';
import { arg, sizeArg } from './npArgs';
import { guard, PyNd, toNDArray, wrap } from './npValues';

/** A `numpy.random.Generator` object. */
export class PyGenerator extends PyObject {
  constructor(readonly g: T.Generator) {
    super();
    this.cls = generatorType;
  }
}

export const generatorType = new PyType('Generator', [objectType], new Map(), 'numpy.random._generator');
generatorType.tpName = 'numpy.random._generator.Generator';

const isInt = (v: any) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
const isIntNd = (v: any) => v instanceof PyNd && v.a.ndim === 0 && v.a.dtype !== 'float64';

function bigOf(v: any): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return BigInt(v);
  if (v instanceof PyFloat) return BigInt(Math.trunc(v.v));
  return BigInt(Math.trunc(v.a.data[v.a.offset]));
}

/** SeedSequence's entropy coercion (_coerce_to_uint32_array) with its error messages. */
function entropyOf(s: any): bigint | bigint[] {
  if (isInt(s) || isIntNd(s)) return bigOf(s);
  if (s instanceof PyList || s instanceof PyTuple) {
    const out: bigint[] = [];
    const walk = (v: any): void => {
      if (isInt(v) || isIntNd(v)) out.push(bigOf(v));
      else if (v instanceof PyList || v instanceof PyTuple) v.items.forEach(walk);
      else if (v instanceof PyFloat || v instanceof PyNd) throw pyErr(TypeError, 'seed must be integer');
      else throw pyErr(TypeError, `SeedSequence expects int or sequence of ints for entropy not ${str(v)}`);
    };
    s.items.forEach(walk);
    return out;
  }
  if (s instanceof PyNd && s.a.ndim === 1 && s.a.dtype !== 'float64') return Array.from(s.a.toFlat(), (v) => BigInt(v));
  throw pyErr(TypeError, `SeedSequence expects int or sequence of ints for entropy not ${str(s)}`);
}

function defaultRng(a: any[], kw: Map<string, any> | null): PyGenerator {
  const seed = arg(a, kw, 0, 'seed', null);
  if (seed instanceof PyGenerator) return seed;
  return new PyGenerator(guard(() => new T.Generator(seed === null ? null : entropyOf(seed))));
}

/** A float parameter: a number, or an array when array-like (0-d arrays count as numbers). */
function param(v: any): T.Param {
  if (v instanceof PyFloat) return v.v;
  if (isInt(v)) return Number(v);
  const nd = toNDArray(v);
  return nd.ndim === 0 ? nd.data[nd.offset] : nd;
}

function intParam(v: any): bigint | NDArray {
  if (isInt(v) || v instanceof PyFloat || (v instanceof PyNd && v.a.ndim === 0)) return bigOf(v);
  return toNDArray(v);
}

function floatResult(r: NDArray | number): any {
  return typeof r === 'number' ? new PyFloat(r) : wrap(r);
}

const size = (a: any[], kw: Map<string, any> | null, i: number) => sizeArg(arg(a, kw, i, 'size', null)) ?? undefined;

function choice(G: T.Generator, a: any[], kw: Map<string, any> | null): any {
  const src = arg(a, kw, 0, 'a');
  const sz = size(a, kw, 1);
  const replace = truthy(arg(a, kw, 2, 'replace', true));
  const pArg = arg(a, kw, 3, 'p', null);
  const aIsInt = isInt(src) || isIntNd(src);
  const arr = aIsInt ? null : toNDArray(src);
  if (arr && arr.ndim === 0) throw pyErr(ValueError, `a must be a sequence or an integer, not <class '${typeName(src)}'>`);
  if (pArg !== null && (isInt(pArg) || pArg instanceof PyFloat)) throw pyErr(TypeError, `object of type '${typeName(pArg)}' has no len()`);
  const pop = arr ? arr.shape[0] : toIndex(src);
  const idx = T.choiceIndices(G, pop, aIsInt, sz, replace, pArg === null ? null : toNDArray(pArg));
  if (!arr) return sz === undefined ? idx.data[0] : wrap(idx); // a Python int (idx.item(0))
  if (sz === undefined) return wrap(T.getItem(arr, idx.data[0]));
  return wrap(T.getItem(arr, idx));
}

function shuffle(G: T.Generator, x: any): null {
  if (x instanceof PyList) {
    for (let i = x.items.length - 1; i > 0; i--) {
      const j = G.interval(i);
      [x.items[i], x.items[j]] = [x.items[j], x.items[i]];
    }
    return null;
  }
  if (x instanceof PyTuple) throw pyErr(TypeError, "'tuple' object does not support item assignment");
  if (!(x instanceof PyNd)) throw pyErr(TypeError, `object of type '${typeName(x)}' has no len()`);
  G.shuffle(x.a);
  return null;
}

type GenFn = (G: T.Generator, a: any[], kw: Map<string, any> | null) => any;

/** The Generator's methods, by NumPy's names and argument orders. */
const METHODS: ReadonlyArray<readonly [string, GenFn]> = [
  ['random', (G, a, kw) => floatResult(G.random(size(a, kw, 0)))],
  ['standard_normal', (G, a, kw) => floatResult(G.standardNormal(size(a, kw, 0)))],
  ['standard_exponential', (G, a, kw) => floatResult(G.standardExponential(size(a, kw, 0)))],
  ['normal', (G, a, kw) => floatResult(G.normal(param(arg(a, kw, 0, 'loc', 0)), param(arg(a, kw, 1, 'scale', 1)), size(a, kw, 2)))],
  ['uniform', (G, a, kw) => floatResult(G.uniform(param(arg(a, kw, 0, 'low', 0)), param(arg(a, kw, 1, 'high', 1)), size(a, kw, 2)))],
  ['exponential', (G, a, kw) => floatResult(G.exponential(param(arg(a, kw, 0, 'scale', 1)), size(a, kw, 1)))],
  ['integers', (G, a, kw) => {
    if (a.length === 0 && !kw?.has('low')) throw pyErr(TypeError, 'integers() takes at least 1 positional argument (0 given)');
    const high = arg(a, kw, 1, 'high', null);
    const r = G.integers(intParam(arg(a, kw, 0, 'low')), high === null ? null : intParam(high), size(a, kw, 2), truthy(arg(a, kw, 4, 'endpoint', false)));
    return wrap(typeof r === 'bigint' ? T.int64Scalar(r) : r);
  }],
  ['choice', choice],
  ['permutation', (G, a, kw) => {
    const x = arg(a, kw, 0, 'x');
    return wrap(G.permutation(isInt(x) || isIntNd(x) ? Number(bigOf(x)) : toNDArray(x)));
  }],
  ['shuffle', (G, a, kw) => shuffle(G, arg(a, kw, 0, 'x'))],
];

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  generatorType.construct = () => {
    throw pyErr(TypeError, 'Generator(bit_generator) needs a BitGenerator; use np.random.default_rng(seed)');
  };
  for (const [name, f] of METHODS) {
    method(generatorType, name, (self, a, kw) => {
      if (!(self instanceof PyGenerator)) throw pyErr(TypeError, `descriptor '${name}' requires a 'numpy.random._generator.Generator' object`);
      return guard(() => f(self.g, a, kw));
    });
  }
  method(generatorType, '__str__', () => 'Generator(PCG64)');
  method(generatorType, '__repr__', (self) => `Generator(PCG64) at 0x${addr(self).slice(2).toUpperCase()}`);
}

/** The names npRandom.ts adds to `numpy.random`. */
export function generatorEntries(): ReadonlyArray<readonly [string, any]> {
  install();
  return [
    ['default_rng', new PyBuiltin('default_rng', defaultRng)],
    ['Generator', generatorType],
  ];
}

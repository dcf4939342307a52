// `np.random.default_rng` and `np.random.Generator` seen from guest code: a Generator object whose
// methods call the tensor core's PCG64 Generator (NumPy's names, argument orders, defaults). Scalars
// come back as NumPy returns them: a Python float for float draws, np.int64 for integers() (a Python int
// past 2^53, where our np.int64, a double, would lose digits), a Python int for choice(int), the
// element of `a` for choice(array). Only float64 / int64 draws; out= and choice(axis != 0) are refused.

import * as T from '../tensor';
import { type NDArray } from '../tensor';
import { NotImplementedError, pyErr, TypeError, ValueError } from '../python/errors';
import { checkKw, method } from '../python/nativeUtil';
import { objectType, PyBuiltin, PyFloat, PyList, PyObject, PyTuple, PyType, typeName } from '../python/objects';
import { addr, str, strRepr } from '../python/repr';
import { toIndex, truthy } from '../python/runtime';
import { arg, sizeArg } from './npArgs';
import { guard, parseDtype, PyNd, toNDArray, wrap } from './npValues';

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

/** A string inside a seed sequence: '0x…' hex or decimal digits, as _coerce_to_uint32_array reads it. */
function seedString(v: string): bigint {
  if (v.startsWith('0x')) {
    if (/^0x[0-9a-fA-F]+$/.test(v)) return BigInt(v);
    throw pyErr(ValueError, `invalid literal for int() with base 16: ${strRepr(v)}`);
  }
  if (/^[0-9]+$/.test(v)) return BigInt(v);
  throw pyErr(ValueError, 'unrecognized seed string');
}

/** SeedSequence's entropy coercion (_coerce_to_uint32_array) with its error messages. */
function entropyOf(s: any): bigint | bigint[] {
  if (isInt(s) || isIntNd(s)) return bigOf(s);
  if (s instanceof PyList || s instanceof PyTuple) {
    const out: bigint[] = [];
    const walk = (v: any): void => {
      if (isInt(v) || isIntNd(v)) out.push(bigOf(v));
      else if (v instanceof PyList || v instanceof PyTuple) v.items.forEach(walk);
      else if (typeof v === 'string') out.push(seedString(v));
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
  if (axisOf(arg(a, kw, 4, 'axis', 0)) !== 0) throw pyErr(TypeError, "Pizarra's numpy supports choice(axis=0) only");
  const shuffleOut = truthy(arg(a, kw, 5, 'shuffle', true));
  const aIsInt = isInt(src) || isIntNd(src);
  const arr = aIsInt ? null : toNDArray(src);
  if (arr && arr.ndim === 0) throw pyErr(ValueError, `a must be a sequence or an integer, not <class '${typeName(src)}'>`);
  if (pArg !== null && (isInt(pArg) || pArg instanceof PyFloat)) throw pyErr(TypeError, `object of type '${typeName(pArg)}' has no len()`);
  const pop = arr ? arr.shape[0] : toIndex(src);
  const idx = T.choiceIndices(G, pop, aIsInt, sz, replace, pArg === null ? null : toNDArray(pArg), shuffleOut);
  if (!arr) return sz === undefined ? idx.data[0] : wrap(idx); // a Python int (idx.item(0))
  if (sz === undefined) return wrap(T.getItem(arr, idx.data[0]));
  return wrap(T.getItem(arr, idx));
}

function shuffle(G: T.Generator, x: any, axis: number): null {
  if (x instanceof PyList) {
    if (axis !== 0) throw pyErr(NotImplementedError, 'Axis argument is only supported on ndarray objects');
    for (let i = x.items.length - 1; i > 0; i--) {
      const j = G.interval(i);
      [x.items[i], x.items[j]] = [x.items[j], x.items[i]];
    }
    return null;
  }
  if (x instanceof PyTuple) throw pyErr(TypeError, "'tuple' object does not support item assignment");
  if (!(x instanceof PyNd)) throw pyErr(TypeError, `object of type '${typeName(x)}' has no len()`);
  G.shuffle(x.a, axis);
  return null;
}

type GenFn = (G: T.Generator, a: any[], kw: Map<string, any> | null) => any;

/** dtype= of the float draws (float64 only here) and of integers (int64 only here), NumPy's message otherwise. */
function checkDtype(name: string, v: any, want: 'float64' | 'int64'): void {
  if (v === null || v === undefined) return;
  const d = parseDtype(v);
  if (d !== want) {
    if ((want === 'float64' && d === 'int64') || (want === 'int64' && d === 'float64')) throw pyErr(TypeError, `Unsupported dtype dtype('${d}') for ${name}`);
    throw pyErr(TypeError, `Pizarra's numpy draws ${name}() as ${want} only`);
  }
}

function noOut(name: string, v: any): void {
  if (v !== null && v !== undefined) throw pyErr(TypeError, `Pizarra's numpy does not support out= in ${name}()`);
}

const axisOf = (v: any) => (v === null || v === undefined ? 0 : toIndex(v));

/** The Generator's methods: NumPy's names, keyword names in argument order, implementation. */
const METHODS: ReadonlyArray<readonly [string, readonly string[], GenFn]> = [
  ['random', ['size', 'dtype', 'out'], (G, a, kw) => {
    checkDtype('random', arg(a, kw, 1, 'dtype', null), 'float64');
    noOut('random', arg(a, kw, 2, 'out', null));
    return floatResult(G.random(size(a, kw, 0)));
  }],
  ['standard_normal', ['size', 'dtype', 'out'], (G, a, kw) => {
    checkDtype('standard_normal', arg(a, kw, 1, 'dtype', null), 'float64');
    noOut('standard_normal', arg(a, kw, 2, 'out', null));
    return floatResult(G.standardNormal(size(a, kw, 0)));
  }],
  ['standard_exponential', ['size', 'dtype', 'method', 'out'], (G, a, kw) => {
    checkDtype('standard_exponential', arg(a, kw, 1, 'dtype', null), 'float64');
    const m = arg(a, kw, 2, 'method', 'zig');
    if (m !== 'zig') throw pyErr(TypeError, "Pizarra's numpy supports standard_exponential(method='zig') only");
    noOut('standard_exponential', arg(a, kw, 3, 'out', null));
    return floatResult(G.standardExponential(size(a, kw, 0)));
  }],
  ['normal', ['loc', 'scale', 'size'], (G, a, kw) => floatResult(G.normal(param(arg(a, kw, 0, 'loc', 0)), param(arg(a, kw, 1, 'scale', 1)), size(a, kw, 2)))],
  ['uniform', ['low', 'high', 'size'], (G, a, kw) => floatResult(G.uniform(param(arg(a, kw, 0, 'low', 0)), param(arg(a, kw, 1, 'high', 1)), size(a, kw, 2)))],
  ['exponential', ['scale', 'size'], (G, a, kw) => floatResult(G.exponential(param(arg(a, kw, 0, 'scale', 1)), size(a, kw, 1)))],
  ['integers', ['low', 'high', 'size', 'dtype', 'endpoint'], (G, a, kw) => {
    const low = arg(a, kw, 0, 'low');
    if (low === undefined) throw pyErr(TypeError, 'integers() takes at least 1 positional argument (0 given)');
    checkDtype('integers', arg(a, kw, 3, 'dtype', null), 'int64');
    const high = arg(a, kw, 1, 'high', null);
    const r = G.integers(intParam(low), high === null ? null : intParam(high), size(a, kw, 2), truthy(arg(a, kw, 4, 'endpoint', false)));
    if (typeof r !== 'bigint') return wrap(r);
    // np.int64 holds a double here: past 2^53 a Python int keeps every digit NumPy prints
    return r >= -9007199254740992n && r <= 9007199254740992n ? wrap(T.int64Scalar(r)) : r;
  }],
  ['choice', ['a', 'size', 'replace', 'p', 'axis', 'shuffle'], choice],
  ['permutation', ['x', 'axis'], (G, a, kw) => {
    const x = arg(a, kw, 0, 'x');
    return wrap(G.permutation(isInt(x) || isIntNd(x) ? Number(bigOf(x)) : toNDArray(x), axisOf(arg(a, kw, 1, 'axis', 0))));
  }],
  ['shuffle', ['x', 'axis'], (G, a, kw) => shuffle(G, arg(a, kw, 0, 'x'), axisOf(arg(a, kw, 1, 'axis', 0)))],
];

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  generatorType.construct = () => {
    throw pyErr(TypeError, 'Generator(bit_generator) needs a BitGenerator; use np.random.default_rng(seed)');
  };
  for (const [name, kwNames, f] of METHODS) {
    method(generatorType, name, (self, a, kw) => {
      checkKw(name, kw, kwNames as string[]);
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

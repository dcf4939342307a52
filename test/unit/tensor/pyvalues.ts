// Values of the golden-case evaluator (Python objects as the tensor tests model them) and their
// Python repr/str.

import * as T from '../../../src/tensor';
import { floatRepr } from '../../../src/common/floatRepr';

export type Kw = Map<string, V>;
export class PyTuple {
  constructor(readonly items: V[]) {}
}
export class Fn {
  constructor(
    readonly name: string,
    readonly call: (args: V[], kw: Kw) => V,
  ) {}
}
export class Mod {
  constructor(readonly attrs: Map<string, V>) {}
}
export class DTypeObj {
  constructor(readonly name: T.DType) {}
}
export class SliceV {
  constructor(readonly s: T.Slice) {}
}
export const ELLIPSIS = Symbol('Ellipsis');
export type V = T.NDArray | number | bigint | boolean | null | string | PyTuple | V[] | Fn | Mod | DTypeObj | SliceV | typeof ELLIPSIS;

export class PyError extends Error {
  constructor(readonly pyType: string, message: string) {
    super(message);
  }
}

export const isPyScalar = (v: V): v is number | bigint | boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';

export function toOperand(v: V): T.Operand {
  if (v instanceof T.NDArray || isPyScalar(v)) return v;
  if (Array.isArray(v) || v instanceof PyTuple) return T.array(toNested(v));
  throw new PyError('TypeError', `unsupported operand ${pyRepr(v)}`);
}

export function toNested(v: V): T.Nested {
  if (v instanceof PyTuple) return v.items.map(toNested);
  if (Array.isArray(v)) return v.map(toNested);
  if (v instanceof T.NDArray || isPyScalar(v)) return v;
  throw new PyError('TypeError', `cannot convert ${pyRepr(v)} to an array`);
}

export function pyTypeName(v: V): string {
  if (v instanceof T.NDArray) return v.isScalar ? (v.dtype === 'bool' ? 'numpy.bool' : `numpy.${v.dtype}`) : 'numpy.ndarray';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (v === null) return 'NoneType';
  if (v instanceof PyTuple) return 'tuple';
  if (Array.isArray(v)) return 'list';
  return 'object';
}

/** Python's repr of an evaluator value. */
export function pyRepr(v: V): string {
  if (v instanceof T.NDArray) return T.arrayRepr(v);
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(', ')})`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof DTypeObj) return `dtype('${v.name}')`;
  if (v === ELLIPSIS) return 'Ellipsis';
  return `<${(v as { name?: string }).name ?? 'object'}>`;
}

/** Python's str: arrays print with str(), numpy scalars/Python floats as their str, strings raw. */
export function pyStr(v: V): string {
  if (typeof v === 'string') return v;
  if (v instanceof T.NDArray) return T.arrayStr(v);
  if (v instanceof PyTuple) return pyRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return pyRepr(v);
}

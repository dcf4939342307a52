// Argument conversions for the numpy binding: axis (int, tuple of ints or None), keywords with
// defaults, sizes (int or tuple), Python numbers as JS numbers.

import type { AxisArg } from '../tensor';
import { PyFloat, PyList, PyTuple } from '../python/objects';
import { toIndex } from '../python/runtime';
import { toNumber } from '../python/nativeUtil';

export function axisArg(v: any): AxisArg {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => toIndex(x));
  return toIndex(v);
}

export function kwOr(kw: Map<string, any> | null, name: string, def: any): any {
  const v = kw?.get(name);
  return v === undefined ? def : v;
}

/** The i-th positional argument or the keyword of that name. */
export function arg(args: any[], kw: Map<string, any> | null, i: number, name: string, def: any = undefined): any {
  if (i < args.length) return args[i];
  return kwOr(kw, name, def);
}

export function sizeArg(v: any): number | number[] | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => toIndex(x));
  return toIndex(v);
}

export function num(v: any): number {
  if (v instanceof PyFloat) return v.v;
  return toNumber(v);
}

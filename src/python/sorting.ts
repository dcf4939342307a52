// list.sort/sorted: stable, using only `<` like CPython's timsort (Objects/listobject.c); reverse keeps
// equal elements in their original order.

import { compare } from './ops';
import { PyFloat } from './objects';
import { call, truthy } from './runtime';

export function sortList(items: any[], key: any, reverse: boolean): void {
  const keys = key !== null && key !== undefined ? items.map((x) => call(key, [x])) : items.slice();
  const idx = items.map((_, i) => i);
  let lt: (a: any, b: any) => boolean;
  if (keys.every((k) => typeof k === 'number')) lt = (a, b) => a < b;
  else if (keys.every((k) => typeof k === 'string')) lt = (a, b) => a < b;
  else if (keys.every((k) => k instanceof PyFloat || typeof k === 'number')) lt = (a, b) => (typeof a === 'number' ? a : a.v) < (typeof b === 'number' ? b : b.v);
  else lt = (a, b) => {
    const r = compare('<', a, b);
    return r === true || (r !== false && truthy(r));
  };
  if (reverse) idx.sort((i, j) => (lt(keys[j], keys[i]) ? -1 : lt(keys[i], keys[j]) ? 1 : 0));
  else idx.sort((i, j) => (lt(keys[i], keys[j]) ? -1 : lt(keys[j], keys[i]) ? 1 : 0));
  const copy = items.slice();
  for (let i = 0; i < idx.length; i++) items[i] = copy[idx[i]];
}

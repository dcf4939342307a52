// The `itertools` module (Modules/itertoolsmodule.c): lazy iterators over guest iterables.

import { pyErr, TypeError, ValueError } from '../errors';
import { binop, eq } from '../ops';
import { PyFloat, PyIter, PyList, PyModule, PyTuple } from '../objects';
import { call, getIter, iterNext, toArray, toIndex, truthy } from '../runtime';
import { builtin } from '../nativeUtil';


function* combos(n: number, r: number, repl: boolean): Generator<number[]> {
  if (!repl && r > n) return;
  const idx = repl ? new Array(r).fill(0) : Array.from({ length: r }, (_, i) => i);
  if (repl && n === 0 && r > 0) return;
  yield idx.slice();
  for (;;) {
    let i = r - 1;
    if (repl) {
      while (i >= 0 && idx[i] === n - 1) i--;
      if (i < 0) return;
      const v = idx[i] + 1;
      for (let j = i; j < r; j++) idx[j] = v;
    } else {
      while (i >= 0 && idx[i] === i + n - r) i--;
      if (i < 0) return;
      idx[i]++;
      for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
    }
    yield idx.slice();
  }
}

function* perms(n: number, r: number): Generator<number[]> {
  if (r > n) return;
  const indices = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  yield indices.slice(0, r);
  while (n) {
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        indices.push(...indices.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
        yield indices.slice(0, r);
        break;
      }
    }
    if (i < 0) return;
  }
}

function fromGen(g: Generator<any>, name: string): PyIter {
  return new PyIter(() => {
    const r = g.next();
    return r.done ? undefined : r.value;
  }, name);
}

export function makeItertools(): PyModule {
  const d = new Map<string, any>();
  d.set('count', builtin('count', (a, kw) => {
    let cur = a.length ? a[0] : kw?.get('start') ?? 0;
    const step = a.length > 1 ? a[1] : kw?.get('step') ?? 1;
    return new PyIter(() => {
      const r = cur;
      cur = binop('+', cur, step);
      return r;
    }, 'count');
  }));
  d.set('cycle', builtin('cycle', (a) => {
    const it = getIter(a[0]);
    const saved: any[] = [];
    let i = -1;
    return new PyIter(() => {
      if (i < 0) {
        const x = iterNext(it);
        if (x !== undefined) {
          saved.push(x);
          return x;
        }
        if (!saved.length) return undefined;
        i = 0;
      }
      const r = saved[i];
      i = (i + 1) % saved.length;
      return r;
    }, 'cycle');
  }));
  d.set('repeat', builtin('repeat', (a, kw) => {
    let n = a.length > 1 ? toIndex(a[1]) : kw?.has('times') ? toIndex(kw.get('times')) : Infinity;
    return new PyIter(() => (n-- > 0 ? a[0] : undefined), 'repeat');
  }));
  const chain = (its: any[]) => {
    let k = 0;
    let cur: any = null;
    return new PyIter(() => {
      for (;;) {
        if (cur === null) {
          if (k >= its.length) return undefined;
          cur = getIter(its[k++]);
        }
        const x = iterNext(cur);
        if (x !== undefined) return x;
        cur = null;
      }
    }, 'chain');
  };
  const chainFn = builtin('chain', (a) => chain(a));
  d.set('chain', chainFn);
  d.set('islice', builtin('islice', (a) => {
    const it = getIter(a[0]);
    let start = 0, stop = Infinity, step = 1;
    if (a.length === 2) stop = a[1] === null ? Infinity : toIndex(a[1]);
    else {
      start = a[1] === null ? 0 : toIndex(a[1]);
      stop = a[2] === null ? Infinity : toIndex(a[2]);
      step = a.length > 3 && a[3] !== null ? toIndex(a[3]) : 1;
    }
    if (start < 0 || stop < 0) throw pyErr(ValueError, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
    if (step <= 0) throw pyErr(ValueError, 'Step for islice() must be a positive integer or None.');
    let i = 0;
    let next = start;
    return new PyIter(() => {
      while (i < stop) {
        const x = iterNext(it);
        if (x === undefined) return undefined;
        const cur = i++;
        if (cur === next) {
          next += step;
          return x;
        }
      }
      return undefined;
    }, 'islice');
  }));
  d.set('product', builtin('product', (a, kw) => {
    const rep = kw?.has('repeat') ? toIndex(kw.get('repeat')) : 1;
    let pools = a.map((x) => toArray(x));
    const base = pools;
    pools = [];
    for (let i = 0; i < rep; i++) pools.push(...base);
    function* gen(): Generator<PyTuple> {
      if (pools.some((p) => p.length === 0)) return;
      const idx = new Array(pools.length).fill(0);
      for (;;) {
        yield new PyTuple(idx.map((k, j) => pools[j][k]));
        let j = pools.length - 1;
        while (j >= 0 && ++idx[j] === pools[j].length) idx[j--] = 0;
        if (j < 0) return;
      }
    }
    return fromGen(gen(), 'product');
  }));
  d.set('permutations', builtin('permutations', (a) => {
    const pool = toArray(a[0]);
    const r = a.length > 1 && a[1] !== null ? toIndex(a[1]) : pool.length;
    const g = perms(pool.length, r);
    return new PyIter(() => {
      const n = g.next();
      return n.done ? undefined : new PyTuple(n.value.map((i) => pool[i]));
    }, 'permutations');
  }));
  for (const [name, repl] of [['combinations', false], ['combinations_with_replacement', true]] as const) {
    d.set(name, builtin(name, (a) => {
      const pool = toArray(a[0]);
      if (a.length < 2) throw pyErr(TypeError, `${name}() missing required argument 'r' (pos 2)`);
      const g = combos(pool.length, toIndex(a[1]), repl);
      return new PyIter(() => {
        const n = g.next();
        return n.done ? undefined : new PyTuple(n.value.map((i) => pool[i]));
      }, name);
    }));
  }
  d.set('accumulate', builtin('accumulate', (a, kw) => {
    const it = getIter(a[0]);
    const fn = a.length > 1 ? a[1] : kw?.get('func') ?? null;
    let acc: any = kw?.has('initial') ? kw.get('initial') : undefined;
    let first = true;
    return new PyIter(() => {
      if (first && acc !== undefined && acc !== null) {
        first = false;
        return acc;
      }
      first = false;
      const x = iterNext(it);
      if (x === undefined) return undefined;
      acc = acc === undefined || acc === null ? x : fn === null ? binop('+', acc, x) : call(fn, [acc, x]);
      return acc;
    }, 'accumulate');
  }));
  d.set('groupby', builtin('groupby', (a, kw) => {
    const items = toArray(a[0]);
    const keyf = a.length > 1 ? a[1] : kw?.get('key') ?? null;
    const keys = items.map((x) => (keyf === null ? x : call(keyf, [x])));
    let i = 0;
    return new PyIter(() => {
      if (i >= items.length) return undefined;
      const k = keys[i];
      const group: any[] = [];
      while (i < items.length && eq(keys[i], k)) group.push(items[i++]);
      return new PyTuple([k, getIter(new PyList(group))]);
    }, 'groupby');
  }));
  d.set('zip_longest', builtin('zip_longest', (a, kw) => {
    const fill = kw?.get('fillvalue') ?? null;
    const its = a.map(getIter);
    const done = its.map(() => false);
    return new PyIter(() => {
      const out = its.map((it, i) => {
        if (done[i]) return fill;
        const x = iterNext(it);
        if (x === undefined) {
          done[i] = true;
          return fill;
        }
        return x;
      });
      return done.every(Boolean) ? undefined : new PyTuple(out);
    }, 'zip_longest');
  }));
  d.set('starmap', builtin('starmap', (a) => {
    const it = getIter(a[1]);
    return new PyIter(() => {
      const x = iterNext(it);
      return x === undefined ? undefined : call(a[0], toArray(x));
    }, 'starmap');
  }));
  d.set('takewhile', builtin('takewhile', (a) => {
    const it = getIter(a[1]);
    let stop = false;
    return new PyIter(() => {
      if (stop) return undefined;
      const x = iterNext(it);
      if (x === undefined || !truthy(call(a[0], [x]))) {
        stop = true;
        return undefined;
      }
      return x;
    }, 'takewhile');
  }));
  d.set('dropwhile', builtin('dropwhile', (a) => {
    const it = getIter(a[1]);
    let dropping = true;
    return new PyIter(() => {
      for (;;) {
        const x = iterNext(it);
        if (x === undefined) return undefined;
        if (dropping && truthy(call(a[0], [x]))) continue;
        dropping = false;
        return x;
      }
    }, 'dropwhile');
  }));
  d.set('compress', builtin('compress', (a) => {
    const it = getIter(a[0]), sel = getIter(a[1]);
    return new PyIter(() => {
      for (;;) {
        const x = iterNext(it), s = iterNext(sel);
        if (x === undefined || s === undefined) return undefined;
        if (truthy(s)) return x;
      }
    }, 'compress');
  }));
  d.set('pairwise', builtin('pairwise', (a) => {
    const it = getIter(a[0]);
    let prev = iterNext(it);
    return new PyIter(() => {
      if (prev === undefined) return undefined;
      const x = iterNext(it);
      if (x === undefined) return (prev = undefined);
      const r = new PyTuple([prev, x]);
      prev = x;
      return r;
    }, 'pairwise');
  }));
  d.set('tee', builtin('tee', (a) => {
    const items = toArray(a[0]);
    const n = a.length > 1 ? toIndex(a[1]) : 2;
    return new PyTuple(Array.from({ length: n }, () => getIter(new PyList(items))));
  }));
  void PyFloat;
  return new PyModule('itertools', d);
}

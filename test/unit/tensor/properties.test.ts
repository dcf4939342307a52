// Property tests (fast-check) against naive reference implementations written with plain nested
// loops: broadcasting, views vs copies, and reductions over arbitrary axis sets.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as T from '../../../src/tensor';
import { at, broadcastPair as broadcastPairOf, unravel } from './refs';

const arange = (shape: number[]) => T.reshape(T.arange(BigInt(shape.reduce((p, d) => p * d, 1))), shape);

const broadcastPair = broadcastPairOf(4);

describe('tensor properties', () => {
  it('broadcasting matches a naive index-mapping reference', () => {
    fc.assert(
      fc.property(broadcastPair, ([sa, sb]) => {
        const a = arange(sa), b = T.binary('multiply', arange(sb), 10n);
        const r = T.binary('add', a, b);
        const nd = Math.max(sa.length, sb.length);
        const pad = (s: number[]) => [...Array(nd - s.length).fill(1), ...s];
        const pa = pad(sa), pb = pad(sb);
        const expectShape = pa.map((d, i) => Math.max(d, pb[i]));
        assert.deepEqual(r.shape, expectShape);
        for (let k = 0; k < r.size; k++) {
          const idx = unravel(k, expectShape);
          const ia = idx.map((i, d) => (pa[d] === 1 ? 0 : i)).slice(nd - sa.length);
          const ib = idx.map((i, d) => (pb[d] === 1 ? 0 : i)).slice(nd - sb.length);
          assert.equal(at(r, idx), at(a, ia) + at(b, ib));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects exactly the incompatible shape pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), (sa, sb) => {
        const nd = Math.max(sa.length, sb.length);
        const pa = [...Array(nd - sa.length).fill(1), ...sa], pb = [...Array(nd - sb.length).fill(1), ...sb];
        const ok = pa.every((d, i) => d === pb[i] || d === 1 || pb[i] === 1);
        let threw = false;
        try {
          T.binary('add', T.zeros(sa), T.zeros(sb));
        } catch (e) {
          threw = e instanceof T.TensorError && e.pyType === 'ValueError';
        }
        assert.equal(threw, !ok);
      }),
    );
  });

  const sliceArb = fc.record({
    start: fc.option(fc.integer({ min: -7, max: 7 })),
    stop: fc.option(fc.integer({ min: -7, max: 7 })),
    step: fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0)),
  });

  it('basic slicing is a view equal to Python list slicing, and writes go through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), sliceArb, (n, s) => {
        const a = T.arange(BigInt(n));
        const v = T.getItem(a, T.slice(s.start, s.stop, s.step));
        const list = Array.from({ length: n }, (_, i) => i);
        assert.deepEqual(v.toList(), pySlice(list, s.start, s.stop, s.step));
        assert.equal(v.data, a.data, 'a view shares the buffer');
        if (v.size > 0) {
          T.setItem(v, 0, -1n);
          assert.equal(a.data[v.offset], -1);
        }
      }),
    );
  });

  it('fancy and boolean indexing copy: writes never reach the source', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), (idx) => {
        const a = T.arange(6n);
        const f = T.getItem(a, T.array(idx.map((i) => BigInt(i))));
        assert.deepEqual(f.toList(), idx);
        T.setItem(f, '...', 99n);
        assert.deepEqual(a.toList(), [0, 1, 2, 3, 4, 5]);
        const m = T.getItem(a, T.binary('greater', a, 2n));
        T.setItem(m, '...', 7n);
        assert.deepEqual(a.toList(), [0, 1, 2, 3, 4, 5]);
      }),
    );
  });

  it('transpose and reshape views read the same elements as index arithmetic', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), (shape) => {
        const a = arange(shape);
        const t = T.transpose(a);
        for (let k = 0; k < a.size; k++) {
          const idx = unravel(k, shape);
          assert.equal(at(t, idx.slice().reverse()), at(a, idx));
        }
        const r = T.reshape(t, [a.size]);
        const flat = r.toList() as number[];
        for (let k = 0; k < a.size; k++) assert.equal(flat[k], at(t, unravel(k, t.shape)));
      }),
    );
  });

  it('reductions over any axis set match a naive reference (sum, max, keepdims)', () => {
    const arb = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .chain((shape) => fc.tuple(fc.constant(shape), fc.subarray([...shape.keys()]), fc.boolean()));
    fc.assert(
      fc.property(arb, ([shape, axes, keep]) => {
        // Integer-valued floats: every summation order gives the same exact result.
        const a = T.binary('remainder', T.binary('multiply', arange(shape), 7.0), 11.0);
        const ax = axes.length ? axes : null; // axis=() would reduce nothing; None reduces all
        const s = T.sum(a, ax, keep), m = T.max(a, ax, keep);
        const red = axes.length ? axes : [...shape.keys()];
        const outShape = shape.map((d, i) => (red.includes(i) ? 1 : d));
        const refSum = new Map<string, number>(), refMax = new Map<string, number>();
        for (let k = 0; k < a.size; k++) {
          const idx = unravel(k, shape);
          const key = idx.map((i, d) => (red.includes(d) ? 0 : i)).join(',');
          const v = at(a, idx);
          refSum.set(key, (refSum.get(key) ?? 0) + v);
          refMax.set(key, Math.max(refMax.get(key) ?? -Infinity, v));
        }
        const expectShape = keep ? outShape : shape.filter((_, i) => !red.includes(i));
        assert.deepEqual(s.shape, expectShape);
        assert.deepEqual(m.shape, expectShape);
        const sv = s.toFlat(), mv = m.toFlat();
        let k = 0;
        for (let j = 0; j < refSum.size; j++) {
          const key = unravel(j, outShape).join(',');
          assert.equal(sv[k], refSum.get(key));
          assert.equal(mv[k], refMax.get(key));
          k++;
        }
      }),
      { numRuns: 200 },
    );
  });
});

function pySlice(list: number[], start: number | null, stop: number | null, step: number | null): number[] {
  const n = list.length, st = step ?? 1;
  const norm = (v: number | null, dflt: number, lo: number, hi: number) => (v === null ? dflt : v < 0 ? Math.max(v + n, lo) : Math.min(v, hi));
  const out: number[] = [];
  if (st > 0) for (let i = norm(start, 0, 0, n); i < norm(stop, n, 0, n); i += st) out.push(list[i]);
  else for (let i = norm(start, n - 1, -1, n - 1); i > norm(stop, -1, -1, n - 1); i += st) out.push(list[i]);
  return out;
}

// NumPy's modern Generator (default_rng: SeedSequence -> PCG64, ziggurat normals/exponentials, Lemire
// integers, choice/permutation/shuffle) against test/fixtures/tensor/generator.json, written by
// scripts/golden/tensor_generator.py from NumPy 2.4.6: every value compared bit for bit.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as T from '../../../src/tensor';
import { fixtures } from '../helpers/golden';

const G = JSON.parse(readFileSync(fixtures('tensor', 'generator.json'), 'utf8'));
const view = new DataView(new ArrayBuffer(8));
const bits = (v: number) => (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0'));
const seedOf = (s: string | string[]) => (Array.isArray(s) ? s.map(BigInt) : BigInt(s));
const gen = (seed: number) => new T.Generator(BigInt(seed));
const arr = (r: T.NDArray | number | bigint) => Array.from((r as T.NDArray).data);
const strs = (r: T.NDArray | number | bigint) => arr(r).map(String);

describe('Generator (PCG64, NumPy 2.4.6 goldens)', () => {
  it('seeds PCG64 through SeedSequence: state, increment, raw outputs and doubles', () => {
    assert.equal(G.seeds.length, 10);
    for (const s of G.seeds) {
      const g = new T.Generator(seedOf(s.seed));
      const st = g.bitGen.state;
      assert.equal(st.state.toString(), s.state, `state for seed ${s.seed}`);
      assert.equal(st.inc.toString(), s.inc, `inc for seed ${s.seed}`);
      assert.deepEqual(s.raw.map(() => g.bitGen.next64Big().toString()), s.raw, `raw for seed ${s.seed}`);
      assert.deepEqual(arr(g.random(64)).map(bits), s.random);
    }
  });

  for (const [kind, draw] of [['normal', (g: T.Generator, n: number) => g.standardNormal(n)], ['exponential', (g: T.Generator, n: number) => g.standardExponential(n)]] as const) {
    it(`standard_${kind}: whole streams equal NumPy's, wedge and tail draws value by value`, () => {
      let total = 0, special = 0;
      for (const s of G[kind]) {
        const out = draw(gen(s.seed), s.n) as T.NDArray;
        const data = out.data;
        assert.deepEqual(Array.from(data.subarray(0, s.head.length), bits), s.head, `head, seed ${s.seed}`);
        for (const [i, b] of s.special) assert.equal(bits(data[i]), b, `draw ${i} (wedge/tail), seed ${s.seed}`);
        const digest = createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
        assert.equal(digest, s.sha256, `sha256 of ${s.n} draws, seed ${s.seed}`);
        const scalar = gen(s.seed);
        for (let i = 0; i < 50; i++) assert.equal(bits((kind === 'normal' ? scalar.standardNormal() : scalar.standardExponential()) as number), bits(data[i]));
        total += s.n;
        special += s.special.length;
      }
      assert.ok(total >= 100000 && special > 1000, `${total} draws, ${special} outside the rectangles`);
    });
  }

  it('integers: arrays then scalars over 31 ranges (32-bit halves kept between calls), endpoint', () => {
    for (const c of G.integers) {
      const g = gen(c.seed);
      const [lo, hi] = [BigInt(c.low), BigInt(c.high)];
      assert.deepEqual(strs(g.integers(lo, hi, c.size, c.endpoint)), c.values, `[${c.low}, ${c.high}) seed ${c.seed}`);
      const scalars = c.then_scalars.map(() => String(g.integers(lo, hi, null, c.endpoint)));
      assert.deepEqual(scalars, c.then_scalars, `scalars [${c.low}, ${c.high})`);
      assert.equal(bits(g.random() as number), c.then_random);
    }
  });

  it('integers: ranges beyond 2^32 up to the whole int64 line, exact as Python ints', () => {
    for (const c of G.integers_big) {
      const g = gen(c.seed);
      const got = c.values.map(() => String(g.integers(BigInt(c.low), BigInt(c.high))));
      assert.deepEqual(got, c.values, `[${c.low}, ${c.high})`);
    }
  });

  it('normal, uniform, exponential and integers with scalar and broadcast parameters', () => {
    const P = G.params;
    const g = gen(P.seed);
    const a = (v: number[][] | number[]) => T.array(v as any);
    assert.deepEqual(arr(g.normal(3.5, 0.25, 20)).map(bits), P.normal);
    assert.deepEqual(arr(g.normal(a([[0], [10]]), a([1, 2, 3]))).map(bits), P.normal_b);
    assert.deepEqual(arr(g.uniform(-2, 5, 20)).map(bits), P.uniform);
    assert.deepEqual(arr(g.uniform(a([0, 1]), 3, [3, 2])).map(bits), P.uniform_b);
    assert.deepEqual(arr(g.exponential(2.5, 20)).map(bits), P.exponential);
    assert.deepEqual(arr(g.exponential(a([1, 10, 100]))).map(bits), P.exponential_b);
    const ints = (v: bigint[]) => T.array(v);
    assert.deepEqual(strs(g.integers(ints([0n, 10n, 2n ** 33n]), ints([5n, 1000n, 2n ** 34n]))), P.integers_b);
    assert.equal(bits(g.random() as number), P.after);
  });

  it('choice: with and without replacement, with p, Floyd and tail-shuffle paths', () => {
    for (const c of G.choice) {
      const g = gen(c.seed);
      const p = c.p ? T.array(c.p.map(Number)) : null;
      const idx = T.choiceIndices(g, c.a, true, c.size, c.replace, p);
      assert.deepEqual(strs(idx), c.values, JSON.stringify({ ...c, values: undefined }));
      assert.deepEqual(idx.shape, c.size === null ? [] : typeof c.size === 'number' ? [c.size] : c.size);
      assert.equal(bits(g.random() as number), c.then_random);
    }
  });

  it('permutation and shuffle (masked-rejection index draws), 1-D and rows of 2-D', () => {
    for (const c of G.permutation) {
      const g = gen(c.seed);
      assert.deepEqual(strs(g.permutation(c.n)), c.values, `permutation(${c.n})`);
      assert.equal(bits(g.random() as number), c.then_random);
    }
    const m = T.reshape(T.arange(15n), G.shuffle2d.shape);
    gen(G.shuffle2d.seed).shuffle(m);
    assert.deepEqual(strs(m), G.shuffle2d.values);
  });

  it('raises NumPy\'s errors', () => {
    const g = gen(0);
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return `${(e as T.TensorError).pyType}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    assert.equal(msg(() => new T.Generator(-1n)), 'ValueError: expected non-negative integer');
    assert.equal(msg(() => g.integers(5n, 2n)), 'ValueError: low >= high');
    assert.equal(msg(() => g.integers(5n, 4n, null, true)), 'ValueError: low > high');
    assert.equal(msg(() => g.integers(-(2n ** 63n) - 1n, 0n)), 'ValueError: low is out of bounds for int64');
    assert.equal(msg(() => g.normal(0, -0)), 'ValueError: scale < 0');
    assert.equal(msg(() => g.uniform(0, Infinity)), 'OverflowError: high - low range exceeds valid bounds');
    assert.equal(msg(() => T.choiceIndices(g, 3, true, null, true, T.array([0.2, 0.2, 0.2]))), 'ValueError: Probabilities do not sum to 1. See Notes section of docstring for more information.');
    assert.equal(msg(() => T.choiceIndices(g, 3, true, null, true, T.array([0.5, NaN, 0.5]))), 'ValueError: Probabilities contain NaN');
    assert.equal(msg(() => T.choiceIndices(g, 3, true, 2, false, T.array([1, 0, 0]))), 'ValueError: Fewer non-zero entries in p than size');
  });
});

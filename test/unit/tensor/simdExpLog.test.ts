// np.exp, np.log and np.tanh on float64 equal NumPy 2.4.6's bits on this machine (SVML's exp and log,
// NumPy's own SIMD tanh: src/tensor/svmlExp.ts, svmlLog.ts, simdTanh.ts): ~110k inputs per function
// rebuilt from the fixture's plan (scripts/golden/tensor_simd_exp_log.py), NumPy's outputs as block
// hashes plus shown pairs, on both the relaxed-SIMD kernel and the emulated-FMA JavaScript, through the
// ufunc API (contiguous, strided, 0-d scalars) as well as the loops.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as T from '../../../src/tensor';
import { pow2 } from '../../../src/tensor/svmlExp';
import { expRun, logRun, setSimdMathEnabled, simdMathLoaded, tanhRun } from '../../../src/tensor/wasm/simdMathKernel';
import { wasmGemm } from '../../../src/tensor/wasm/gemmKernel';
import { blockHashes as hashBlocks, fromHex, fromWords, mtWords } from './goldenBlocks';

type Plan = [string, number, number, ...number[]];
interface Category { plan: Plan; blocks: string[]; shown: string[] }
interface Fn { count: number; categories: Category[]; scalars: string[] }
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'tensor', 'simd-exp-log.json'), 'utf8')) as
  { block: number; special: string[]; exp: Fn; log: Fn; tanh: Fn };

const view = new DataView(new ArrayBuffer(8));
const toHex = (v: number) => (v !== v ? '7ff8000000000000' : (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0')));
/** NumPy's NaNs carry a sign and payload that printing ignores; any NaN matches any NaN. */
const bitsOf = (h: string) => (fromHex(h) !== fromHex(h) ? '7ff8000000000000' : h);

/** The inputs of one category, drawn as the generator draws them (same words, same float operations). */
function inputs(plan: Plan): Float64Array {
  const [kind, seed, n] = plan;
  if (kind === 'special') return Float64Array.from(fixture.special, fromHex);
  const { word, unit } = mtWords(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === 'uniform') out[i] = plan[3] + (plan[4] - plan[3]) * unit();
    else if (kind === 'bits') out[i] = fromWords(word(), word());
    else if (kind === 'near') {
      const s = word() & 31;
      out[i] = plan[3] * (1 + (unit() - 0.5) * pow2(-s));
    } else if (kind === 'scaled') {
      const s = word() & 63;
      out[i] = (unit() - 0.5) * pow2(-s);
    } else if (kind === 'subnormal') out[i] = fromWords(word() & 0xfffff, word());
    else if (kind === 'midpoint') {
      const k = 16 + (word() & 15), e = (word() & 63) - 32;
      out[i] = (64 / (2 * k + 1)) * (1 + (unit() - 0.5) * pow2(-12)) * pow2(e);
    } else if (kind === 'edges') {
      const w1 = word(), s = word() & 31;
      const b = fromWords(0x3fc00000 + (w1 & 15) * 0x80000, 0);
      out[i] = b * (1 + (unit() - 0.5) * pow2(-s)) * (w1 & 16 ? -1 : 1);
    } else if (kind === 'pow2') out[i] = i < 52 ? pow2(-1022) * pow2(i - 52) : pow2(i - 1074);
    else throw new Error(`unknown kind ${kind}`);
  }
  return out;
}

const blockHashes = (ys: Float64Array) => hashBlocks(ys, fixture.block);

const RUNS = { exp: expRun, log: logRun, tanh: tanhRun } as const;

for (const name of ['exp', 'log', 'tanh'] as const) {
  describe(`np.${name} (float64) equals NumPy 2.4.6 on this machine`, () => {
    const fn = fixture[name];
    after(() => setSimdMathEnabled(true));

    it('the inputs are rebuilt exactly (the shown pairs\' inputs match)', () => {
      for (const c of fn.categories) {
        const xs = inputs(c.plan);
        c.shown.forEach((pair, i) => assert.equal(toHex(xs[i]), bitsOf(pair.split(' ')[0]), `${c.plan[0]} ${i}`));
      }
    });

    for (const simd of [true, false]) {
      it(`every golden output, ${simd ? 'relaxed-SIMD kernel' : 'emulated-FMA JavaScript'}`, function () {
        setSimdMathEnabled(simd);
        if (simd && wasmGemm()?.fmaScalar) assert.ok(simdMathLoaded(), 'the kernel should load where relaxed SIMD fuses');
        if (!simd) this.timeout(20000);
        let total = 0;
        for (const c of fn.categories) {
          const xs = inputs(c.plan), ys = new Float64Array(xs.length);
          RUNS[name](xs.length, xs, 0, 1, ys, 0, 1);
          c.shown.forEach((pair, i) => assert.equal(toHex(ys[i]), bitsOf(pair.split(' ')[1]), `${name}(${xs[i]}) [${c.plan[0]} ${i}]`));
          assert.deepEqual(blockHashes(ys), c.blocks, `${c.plan[0]} seed ${c.plan[1]}: a block differs`);
          total += xs.length;
        }
        assert.equal(total, fn.count);
        assert.ok(total > 100000);
      });
    }

    it('through the ufunc: contiguous (NumPy\'s block hashes), strided (every seventh, reversed: odd length) and 0-d scalars', () => {
      const c = fn.categories[0];
      const a = T.array(Array.from(inputs(c.plan)));
      const want = T.unary(name, a).data;
      assert.deepEqual(blockHashes(want), c.blocks);
      const strided = T.unary(name, T.getItem(a, T.slice(null, null, -7)));
      assert.equal(strided.size % 2, 1);
      for (let i = 0; i < strided.size; i++) assert.equal(toHex(strided.data[i]), toHex(want[a.size - 1 - 7 * i]));
      for (const pair of fn.scalars) {
        const [x, y] = pair.split(' ');
        const r = T.unary(name, fromHex(x));
        assert.equal(r.ndim, 0);
        assert.equal(toHex(r.data[r.offset]), bitsOf(y), `${name}(${fromHex(x)})`);
      }
    });
  });
}

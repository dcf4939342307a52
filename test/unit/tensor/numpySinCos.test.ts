// np.sin and np.cos on float64 equal NumPy 2.4.6's bits on this machine: NumPy calls the C library's
// sin/cos per element there (not SVML), i.e. glibc's, which src/common/libm/glibcSin.ts reproduces.
// ~110k inputs per function rebuilt from the fixture's plan (scripts/golden/tensor_sincos.py: every
// binade to 2^30, near multiples of π/2, huge, tiny, subnormal, powers of two, specials), NumPy's
// outputs as block hashes plus shown pairs, on both the relaxed-SIMD kernel (simdMath.wat, the CPU's
// FMA) and the emulated-FMA JavaScript, and through the ufunc API: contiguous, strided and 0-d scalars;
// sin(±inf) warns as NumPy does.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as T from '../../../src/tensor';
import { withoutWarnings } from '../../../src/tensor/errors';
import { pow2 } from '../../../src/tensor/svmlExp';
import { cosRun, setSimdMathEnabled, simdMathLoaded, sinRun } from '../../../src/tensor/wasm/simdMathKernel';
import { wasmGemm } from '../../../src/tensor/wasm/gemmKernel';
import { blockHashes, fromHex, fromWords, mtWords } from './goldenBlocks';

type Plan = [string, number, number, ...number[]];
interface Category { plan: Plan; blocks: string[]; shown: string[] }
interface Fn { count: number; categories: Category[]; scalars: string[] }
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'tensor', 'numpy-sincos.json'), 'utf8')) as
  { block: number; special: string[]; sin: Fn; cos: Fn };

const view = new DataView(new ArrayBuffer(8));
const hexOf = (v: number) => (v !== v ? 'nan' : (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0')));
const HALF_PI = Math.PI / 2;

/** The inputs of one category, drawn as the generator draws them (same words, same float operations). */
function planInputs(plan: Plan): Float64Array {
  const [kind, seed, n] = plan;
  if (kind === 'special') return Float64Array.from(fixture.special, fromHex);
  const { word, unit } = mtWords(seed);
  const sign = (w: number) => (w & 0x80000000 ? -1 : 1);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === 'uniform') xs[i] = plan[3] + (plan[4] - plan[3]) * unit();
    else if (kind === 'binade' || kind === 'huge') {
      const w1 = word();
      const e = kind === 'binade' ? (w1 % 61) - 30 : 30 + (w1 % 994);
      xs[i] = (1 + unit()) * pow2(e) * sign(w1);
    } else if (kind === 'halfpi') {
      const k = 1 + (word() & ((1 << plan[3]) - 1));
      const s = 30 + (word() & 31);
      xs[i] = k * HALF_PI * (1 + (unit() - 0.5) * pow2(-s));
    } else if (kind === 'bits') xs[i] = fromWords(word(), word());
    else if (kind === 'scaled') {
      const s = word() & 63;
      xs[i] = (unit() - 0.5) * pow2(-s);
    } else if (kind === 'subnormal') xs[i] = fromWords(word() & 0x800fffff, word());
    else if (kind === 'pow2') xs[i] = i < 52 ? pow2(-1022) * pow2(i - 52) : pow2(i - 1074);
    else throw new Error(`unknown kind ${kind}`);
  }
  return xs;
}


const hexPair = (pair: string, i: 0 | 1) => hexOf(fromHex(pair.split(' ')[i]));

for (const name of ['sin', 'cos'] as const) {
  describe(`np.${name} (float64) equals NumPy 2.4.6 on this machine`, () => {
    const fn = fixture[name];

    it('every golden output through the ufunc on contiguous arrays (inputs rebuilt exactly)', () => {
      let total = 0;
      for (const c of fn.categories) {
        const xs = planInputs(c.plan);
        const ys = withoutWarnings(() => T.unary(name, T.array(Array.from(xs)))).data;
        c.shown.forEach((pair, i) => {
          assert.equal(hexOf(xs[i]), hexPair(pair, 0), `input ${c.plan[0]} ${i}`);
          assert.equal(hexOf(ys[i]), hexPair(pair, 1), `${name}(${xs[i]}) [${c.plan[0]} ${i}]`);
        });
        assert.deepEqual(blockHashes(ys, fixture.block), c.blocks, `${c.plan[0]} seed ${c.plan[1]}: a block differs`);
        total += xs.length;
      }
      assert.equal(total, fn.count);
      assert.ok(total > 100000);
    });

    after(() => setSimdMathEnabled(true));
    for (const simd of [true, false]) {
      it(`every golden output from the loop, ${simd ? 'relaxed-SIMD kernel' : 'emulated-FMA JavaScript'}`, function () {
        setSimdMathEnabled(simd);
        if (simd && wasmGemm()?.fmaScalar) assert.ok(simdMathLoaded(), 'the kernel should load where relaxed SIMD fuses');
        this.timeout(20000);
        for (const c of fn.categories) {
          const xs = planInputs(c.plan), ys = new Float64Array(xs.length);
          (name === 'sin' ? sinRun : cosRun)(xs.length, xs, 0, 1, ys, 0, 1);
          c.shown.forEach((pair, i) => assert.equal(hexOf(ys[i]), hexPair(pair, 1), `${name}(${xs[i]}) [${c.plan[0]} ${i}]`));
          assert.deepEqual(blockHashes(ys, fixture.block), c.blocks, `${c.plan[0]} seed ${c.plan[1]}: a block differs`);
        }
      });
    }

    it('strided views (every fifth, reversed) give the contiguous results; 0-d scalars equal NumPy\'s', () => {
      for (const c of fn.categories.slice(0, 4)) {
        const a = T.array(Array.from(planInputs(c.plan)));
        const want = T.unary(name, a).data;
        const strided = T.unary(name, T.getItem(a, T.slice(null, null, -5)));
        assert.ok(strided.size > 1000);
        for (let i = 0; i < strided.size; i++) assert.equal(hexOf(strided.data[i]), hexOf(want[a.size - 1 - 5 * i]));
      }
      assert.ok(fn.scalars.length > 200);
      for (const pair of fn.scalars) {
        const r = withoutWarnings(() => T.unary(name, fromHex(pair.split(' ')[0])));
        assert.equal(r.ndim, 0);
        assert.equal(hexOf(r.data[r.offset]), hexPair(pair, 1), `${name}(${fromHex(pair.split(' ')[0])})`);
      }
    });

    it(`warns "invalid value encountered in ${name}" for ±inf (not for NaN), as NumPy does`, () => {
      const got: string[] = [];
      const prev = T.setWarningSink((cat, m) => got.push(`${cat}: ${m}`));
      try {
        const r = T.unary(name, T.array([Infinity, 1, -Infinity]));
        assert.ok(Number.isNaN(r.data[0]) && Number.isNaN(r.data[2]));
        T.unary(name, T.array([NaN]));
      } finally {
        T.setWarningSink(prev);
      }
      assert.deepEqual(got, [`RuntimeWarning: invalid value encountered in ${name}`]);
    });
  });
}

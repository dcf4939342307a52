// The monomorphic elementwise loops (kernels.ts) and the axis-merging walk (elementwise.ts) against a
// reference that reads every element the slow way and applies the ufunc's own function; and the
// small-product FMA kernel (gemm.ts) against a plain chain of `fma` calls. Inputs: broadcasting,
// transposed / strided / reversed views, 0-d arrays and Python scalars, float64 with -0.0, NaN, ±inf,
// huge and subnormal values, int64 and bool. Results must agree bit for bit.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { pow } from '../../../src/common/pow';
import * as T from '../../../src/tensor';
import { fma } from '../../../src/tensor/fma';
import { exactFma } from './exactFma';
import { setHardwareFmaEnabled, setWasmEnabled, wasmGemm } from '../../../src/tensor/wasm/gemmKernel';
import { at, broadcastPair as broadcastPairOf, unravel } from './refs';

const SPECIAL = [0, -0, 1, -1, 2, 0.5, -2.25, 3.7, NaN, Infinity, -Infinity, 1e308, -1e300, 5e-324, 1e-310];

type Layout = 'c' | 'T' | 'step' | 'rev';
interface Spec {
  shape: number[];
  layout: Layout;
  dtype: T.DType;
  values: number[];
}

/** An array with `spec.shape` whose elements (C order) are spec.values, laid out as spec.layout says. */
function build(spec: Spec): T.NDArray {
  const { shape, layout, dtype } = spec;
  const n = shape.reduce((p, d) => p * d, 1);
  const vals = spec.values.slice(0, n);
  while (vals.length < n) vals.push(vals.length);
  const conv = (v: number) => (dtype === 'float64' ? v : dtype === 'int64' ? (Number.isFinite(v) ? Math.trunc(v) % 1000 : 7) + 0 : v !== 0 && v === v ? 1 : 0);
  const nested = (flat: number[], s: number[]): T.Nested => {
    if (s.length === 0) return dtype === 'float64' ? flat[0] : dtype === 'int64' ? BigInt(flat[0]) : flat[0] !== 0;
    const step = flat.length / s[0];
    return Array.from({ length: s[0] }, (_, i) => nested(flat.slice(i * step, (i + 1) * step), s.slice(1))) as T.Nested;
  };
  const c = T.array(nested(vals.map(conv), shape), dtype);
  if (shape.length < 2 && layout === 'T') return c;
  if (layout === 'T') {
    const rev = T.copy(T.transpose(c));
    return T.transpose(rev);
  }
  if (layout === 'step' && shape.length > 0) {
    // Each element twice along the last axis (stack on a new last axis, then merge), read with step 2.
    const last = shape.length - 1;
    const doubled = T.reshape(T.stack([c, c], shape.length), [...shape.slice(0, last), shape[last] * 2]);
    const idx: T.IndexItem[] = shape.map(() => T.slice(null, null, null));
    idx[last] = T.slice(null, null, 2);
    return T.getItem(doubled, idx);
  }
  if (layout === 'rev' && shape.length > 0 && shape[0] > 1) {
    const flipped = T.copy(T.getItem(c, [T.slice(null, null, -1)]));
    return T.getItem(flipped, [T.slice(null, null, -1)]);
  }
  return c;
}

/** Element of `a` broadcast to an output index. */
function atB(a: T.NDArray, idx: readonly number[]): number {
  const off = idx.length - a.ndim;
  return at(a, a.shape.map((d, i) => (d === 1 ? 0 : idx[off + i])));
}

const value = fc.oneof(fc.constantFrom(...SPECIAL), fc.double({ noNaN: false }), fc.integer({ min: -5, max: 5 }));
const layout = fc.constantFrom<Layout>('c', 'T', 'step', 'rev');
const dtype = fc.constantFrom<T.DType>('float64', 'float64', 'int64', 'bool');

const broadcastPair = broadcastPairOf(3);

const spec = (shape: number[]) =>
  fc.record({ shape: fc.constant(shape), layout, dtype, values: fc.array(value, { minLength: 64, maxLength: 64 }) });

/** The same operands as Python would pass them: a 0-d spec may become a Python scalar. */
function operand(s: Spec, asScalar: boolean): T.Operand {
  const a = build(s);
  if (!asScalar || s.shape.length !== 0) return a;
  const v = a.item();
  return s.dtype === 'float64' ? v : s.dtype === 'int64' ? BigInt(v) : v !== 0;
}

const FAST_BINARY = ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal'];

function quiet<R>(f: () => R): R {
  const prev = T.setWarningSink(null);
  try {
    return f();
  } finally {
    T.setWarningSink(prev);
  }
}

function sameBits(got: number, want: number, what: string): void {
  assert.ok(Object.is(got, want), `${what}: got ${Object.is(got, -0) ? '-0' : got}, want ${Object.is(want, -0) ? '-0' : want}`);
}

describe('elementwise kernels', () => {
  it('binary ufuncs with a dedicated loop match the per-element function on any layout', () => {
    fc.assert(
      fc.property(
        broadcastPair.chain(([sa, sb]) => fc.tuple(spec(sa), spec(sb), fc.constantFrom(...FAST_BINARY), fc.boolean(), fc.boolean())),
        ([sa, sb, name, scalarA, scalarB]) => {
          const x = operand(sa, scalarA), y = operand(sb, scalarB);
          let r: T.NDArray;
          try {
            r = quiet(() => T.binary(name, x, y));
          } catch (e) {
            if (e instanceof T.TensorError) return; // e.g. boolean subtract: the dtype rules, not the loop
            throw e;
          }
          const a = x instanceof T.NDArray ? x : T.array(x), b = y instanceof T.NDArray ? y : T.array(y);
          const f = T.BINARY.get(name)!.f;
          for (let k = 0; k < r.size; k++) {
            const idx = unravel(k, r.shape);
            sameBits(at(r, idx), f(atB(a, idx), atB(b, idx)), `${name} at ${idx}`);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('in-place binary ufuncs (out = first operand, any layout) give the same values as out of place', () => {
    fc.assert(
      fc.property(
        broadcastPair.chain(([sa, sb]) => fc.tuple(spec(sa), spec(sb), fc.constantFrom('add', 'subtract', 'multiply', 'maximum'))),
        ([sa, sb, name]) => {
          const a = build({ ...sa, dtype: 'float64' }), b = build(sb);
          const shape = T.broadcastShapes(a.shape, b.shape);
          if (shape.length !== a.ndim || shape.some((d, i) => d !== a.shape[i])) return;
          const want = quiet(() => T.binary(name, a, b));
          quiet(() => T.binary(name, a, b, a));
          for (let k = 0; k < a.size; k++) {
            const idx = unravel(k, a.shape);
            sameBits(at(a, idx), at(want, idx), `${name}= at ${idx}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('power: scalar exponents 2, 0.5, -1 are x*x, sqrt, 1/x (NumPy fast paths), others the C library pow (common/pow)', () => {
    fc.assert(
      fc.property(
        broadcastPair.chain(([sa]) => fc.tuple(spec(sa), fc.constantFrom(2, 0.5, -1, 3, 1.5, 0, 1), fc.boolean(), fc.boolean())),
        ([sa, e, asInt, operator]) => {
          const a = build({ ...sa, dtype: 'float64' });
          const y: T.PyScalar = asInt && Number.isInteger(e) ? BigInt(e) : e;
          const r = quiet(() => (operator ? T.powerOperator(a, y) : T.binary('power', a, y)));
          const f = e === 2 ? (v: number) => v * v : e === 0.5 ? Math.sqrt : e === -1 ? (v: number) => 1 / v : (v: number) => pow(v, e);
          for (let k = 0; k < r.size; k++) {
            const idx = unravel(k, r.shape);
            sameBits(at(r, idx), f(at(a, idx)), `** ${e} at ${idx}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('unary ufuncs with a dedicated loop match the per-element function on any layout', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 }).chain((s) => spec(s)),
        fc.constantFrom('negative', 'positive', 'absolute', 'square', 'exp', 'log', 'sqrt', 'tanh'),
        (s, name) => {
          const a = build(s);
          let r: T.NDArray;
          try {
            r = quiet(() => T.unary(name, a));
          } catch (e) {
            if (e instanceof T.TensorError) return; // negative of a bool array
            throw e;
          }
          const f = T.UNARY.get(name)!.f;
          for (let k = 0; k < r.size; k++) {
            const idx = unravel(k, r.shape);
            sameBits(at(r, idx), f(at(a, idx)), `${name} at ${idx}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('copies (astype to the same kind, concatenate) keep every bit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }).chain((s) => spec(s)), (s) => {
        const a = build({ ...s, dtype: 'float64' });
        const c = T.concatenate([a, a], 0);
        for (let k = 0; k < a.size; k++) {
          const idx = unravel(k, a.shape);
          sameBits(at(c, idx), at(a, idx), `copy at ${idx}`);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('small-product FMA kernel', () => {
  after(() => {
    setWasmEnabled(true);
    setHardwareFmaEnabled(true);
  });
  it('runs on the CPU\'s fused multiply-add here (relaxed SIMD, enabled like the CLI does)', () => {
    assert.ok(wasmGemm()?.fmaPanels, 'the relaxed-SIMD kernel did not load or its probe saw two roundings');
  });
  const modes = [['WebAssembly, hardware FMA', true, true], ['WebAssembly, emulated FMA', true, false], ['JavaScript', false, false]] as const;
  for (const [mode, wasm, hw] of modes) {
    it(`equals a chain of fma calls in ascending k, for any strides and special values (${mode})`, () => {
      setWasmEnabled(wasm);
      setHardwareFmaEnabled(hw);
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 12 }),
          fc.integer({ min: 1, max: 16 }),
          fc.integer({ min: 2, max: 13 }), // one row or one column is a matrix-vector product (gemv's order)
          fc.array(value, { minLength: 420, maxLength: 420 }),
          fc.boolean(),
          fc.boolean(),
          (m, k, n, vals, ta, tb) => {
            const mk = (r: number, c: number, off: number, t: boolean) => {
              const flat = vals.slice(off, off + r * c);
              const rows = (rr: number, cc: number) => Array.from({ length: rr }, (_, i) => flat.slice(i * cc, (i + 1) * cc));
              return t ? T.transpose(T.array(rows(c, r))) : T.array(rows(r, c));
            };
            const a = mk(m, k, 0, ta), b = mk(k, n, 200, tb);
            const r = quiet(() => T.dot(a, b));
            for (let i = 0; i < m; i++)
              for (let j = 0; j < n; j++) {
                let c = 0;
                // The CPU's FMA rounds once; the emulation (the kernels and `fma` alike) can miss a tie
                // that a tiny c breaks, so the hardware kernel is held to the exact oracle. On the
                // hardware path the last row of an odd m is OpenBLAS's 4x1 kernel (four chains by p mod 4,
                // the last k mod 8 steps in the first) for the columns in whole groups of four (k > 1:
                // an outer product is its own exact loop).
                if (hw && k > 1 && m % 2 === 1 && i === m - 1 && j < n - (n % 4)) {
                  const ch = [0, 0, 0, 0], k8 = k - (k % 8);
                  for (let p = 0; p < k; p++) ch[p < k8 ? p % 4 : 0] = exactFma(at(a, [i, p]), at(b, [p, j]), ch[p < k8 ? p % 4 : 0]);
                  c = 0 + (ch[0] + ch[1] + (ch[2] + ch[3]));
                } else for (let p = 0; p < k; p++) c = (hw ? exactFma : fma)(at(a, [i, p]), at(b, [p, j]), c);
                // OpenBLAS adds each accumulator to the zeroed C (a -0 comes out +0): the hardware path
                // does, and so does every outer product (k = 1).
                if (hw || k === 1) c = c + 0;
                sameBits(at(r, [i, j]), c, `C[${i},${j}] of (${m}x${k})@(${k}x${n})`);
              }
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});

describe('reduction fast paths', () => {
  it('sum/mean of a contiguous array (one pairwise run) equal the iterator path on a strided copy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 0, maxLength: 3 }),
        // Moderate values, so that the summation order shows in the last bits.
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 343, maxLength: 343 }),
        fc.boolean(),
        (shape, values, lastAxis) => {
          // Same values in the same order, read with stride 2 along the last axis (sumInto's path).
          const s: Spec = { shape, layout: 'c', dtype: 'float64', values };
          const a = build(s), b = build({ ...s, layout: 'step' });
          const axis = lastAxis && a.ndim > 0 ? a.ndim - 1 : null;
          if (axis !== null && a.size !== a.shape[axis]) return; // one output only
          const [fast, general] = quiet(() => [T.sum(a, axis), T.sum(b, axis)]);
          assert.equal(fast.dtype, general.dtype);
          assert.equal(fast.isScalar, general.isScalar);
          sameBits(fast.data[fast.offset], general.data[general.offset], 'sum');
          sameBits(quiet(() => T.mean(a, axis)).data[0], quiet(() => T.mean(b, axis)).data[0], 'mean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the exact fma oracle', () => {
  it('agrees with the emulated fma on random operands and on the cases where one rounding shows', () => {
    const rs = new T.RandomState(7);
    for (let i = 0; i < 20000; i++) {
      const [a, b, c] = [0, 1, 2].map(() => ((rs.randomSample() as number) - 0.5) * 2 ** Math.floor((rs.randomSample() as number) * 200 - 100));
      sameBits(exactFma(a, b, c), fma(a, b, c), `fma(${a}, ${b}, ${c})`);
    }
    const cases: Array<[number, number, number, number]> = [
      [1 + 2 ** -52, 1 - 2 ** -52, -1, -(2 ** -104)],
      [0.1, 10, -1, 2 ** -54],
      [2 ** 600, 2 ** 600, -Infinity, -Infinity],
      [2 ** 600, 2 ** 600, -(2 ** 1000), Infinity],
      [1e308, 10, -1.7976931348623157e308, Infinity],
      [2 ** 512, 2 ** 512, -(2 ** 1023), 2 ** 1023],
      [1, 1.797693124862316e308, 1e300, Infinity],
      [-1e-200, 1e-200, 0, -0],
      [3, 5, -15, 0],
      [-0, 5, -0, -0],
    ];
    for (const [a, b, c, want] of cases) {
      sameBits(exactFma(a, b, c), want, `exact fma(${a}, ${b}, ${c})`);
      sameBits(fma(a, b, c), want, `emulated fma(${a}, ${b}, ${c})`);
    }
  });
});

// The matmul kernels. Plain sums: the WebAssembly SIMD kernel and the JavaScript kernels (blocked and
// plain) use the same per-element order and match a plain ascending-k loop. On the CPU's FMA: matrix
// products equal NumPy's (OpenBLAS dgemm) bit for bit (golden from scripts/golden/tensor_matmul_bits.py).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as T from '../../../src/tensor';
import { setHardwareFmaEnabled, setWasmEnabled, wasmGemm } from '../../../src/tensor/wasm/gemmKernel';
import { exactFma } from './exactFma';

/** A double's IEEE bit pattern in hex, as the goldens store it. */
function bits(v: number): string {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, v);
  return d.getBigUint64(0).toString(16).padStart(16, '0');
}

const golden = <G>(name: string): G => JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'tensor', name), 'utf8')) as G;

describe('matmul kernels (plain sums)', () => {
  // The plain kernels: what runs without the CPU's FMA (relaxed SIMD), and for matrix-vector shapes.
  before(() => setHardwareFmaEnabled(false));
  after(() => {
    setWasmEnabled(true);
    setHardwareFmaEnabled(true);
  });

  it('loads the WebAssembly SIMD kernel in Node', () => {
    assert.ok(wasmGemm());
  });

  // Includes the small shapes: narrow (2-3 columns: four rows at a time), 2-row, 8-row. One column or
  // one row is a matrix-vector product, in gemv's order (below).
  for (const [m, k, n] of [[33, 40, 35], [64, 300, 9], [5, 513, 70], [130, 17, 66], [32, 128, 3], [128, 32, 2], [2, 40, 70], [8, 128, 32], [128, 32, 8], [3, 700, 3]]) {
    it(`gives identical bits with and without WebAssembly for (${m}x${k})@(${k}x${n}), equal to the ascending-k loop`, () => {
      const rs = new T.RandomState(m + k + n);
      const a = T.binary('subtract', rs.rand(m, k) as T.NDArray, 0.5);
      const b = rs.rand(k, n) as T.NDArray;
      setWasmEnabled(true);
      const w = T.matmul(a, b);
      setWasmEnabled(false);
      const j = T.matmul(a, T.transpose(T.transpose(b)));
      setWasmEnabled(true);
      assert.deepEqual(w.toList(), j.toList());
      for (const [i, jj] of [[0, 0], [m - 1, n - 1], [m >> 1, n >> 1]]) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a.data[i * k + p] * b.data[p * n + jj];
        assert.equal(w.data[i * n + jj], s);
      }
    });
  }
});

describe('matrix products on the CPU\'s FMA (OpenBLAS dgemm order)', () => {
  after(() => setHardwareFmaEnabled(true));
  const data = golden<{ cases: Array<{ seed: number; m: number; k: number; n: number; bits: string[] }> }>('matmul-bits.json');
  for (const { seed, m, k, n, bits: want } of data.cases) {
    it(`equals NumPy's (${m}x${k})@(${k}x${n}) bit for bit`, () => {
      setHardwareFmaEnabled(true);
      const rs = new T.RandomState(seed);
      const a = T.binary('subtract', rs.rand(m, k) as T.NDArray, 0.5), b = T.binary('subtract', rs.rand(k, n) as T.NDArray, 0.5);
      const c = T.matmul(a, b);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) assert.equal(bits(c.data[i * n + j]), want[i * n + j], `C[${i},${j}]`);
    });
  }

  it('sums each k-block of OpenBLAS from zero and adds it to C (exact oracle, k = 600: blocks 256, 172, 172)', () => {
    const rs = new T.RandomState(11);
    const a = rs.randn(4, 600) as T.NDArray, b = rs.randn(600, 3) as T.NDArray;
    const c = T.matmul(a, b);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 3; j++) {
        let total = 0;
        for (const [from, len] of [[0, 256], [256, 172], [428, 172]]) {
          let acc = 0;
          for (let p = from; p < from + len; p++) acc = exactFma(a.data[i * 600 + p], b.data[p * 3 + j], acc);
          total += acc;
        }
        assert.ok(Object.is(c.data[i * 3 + j], total), `C[${i},${j}]`);
      }
  });
});

describe('vector dot products (OpenBLAS ddot order)', () => {
  after(() => setHardwareFmaEnabled(true));
  const data = golden<{ cases: Array<{ seed: number; n: number; sx: number; sy: number; bits: string; norm?: string }> }>('dot-bits.json');
  for (const hw of [true, false])
    it(`equals NumPy's np.dot of two vectors bit for bit, contiguous and strided (${hw ? 'hardware' : 'emulated'} FMA)`, () => {
      setHardwareFmaEnabled(hw);
      for (const { seed, n, sx, sy, bits: want, norm } of data.cases) {
        const rs = new T.RandomState(seed);
        const a = T.binary('subtract', rs.rand(n * sx) as T.NDArray, 0.5), b = T.binary('subtract', rs.rand(n * sy) as T.NDArray, 0.5);
        const x = T.getItem(a, T.slice(null, null, sx)), y = T.getItem(b, T.slice(null, null, sy));
        assert.equal(bits(T.dot(x, y).item() as number), want, `n=${n} strides ${sx},${sy}`);
        assert.equal(bits(T.matmul(x, y).item() as number), want, `@ n=${n}`);
        if (norm) assert.equal(bits(T.norm(a).item() as number), norm, `norm n=${n}`);
      }
    });
});

describe('matrix-vector products (OpenBLAS dgemv_t order)', () => {
  after(() => setHardwareFmaEnabled(true));
  const data = golden<{ cases: Array<{ seed: number; m: number; k: number; sx: number; bits: string[] }> }>('gemv-bits.json');
  for (const hw of [true, false])
    it(`equals NumPy's A @ x bit for bit, as A @ x, np.dot(A, x) and A @ x[:, None] (${hw ? 'hardware' : 'emulated'} FMA)`, () => {
      setHardwareFmaEnabled(hw);
      for (const { seed, m, k, sx, bits: want } of data.cases) {
        const rs = new T.RandomState(seed);
        const a = T.binary('subtract', rs.rand(m, k) as T.NDArray, 0.5), xs = T.binary('subtract', rs.rand(k * sx) as T.NDArray, 0.5);
        const x = T.getItem(xs, T.slice(null, null, sx));
        const forms = [T.matmul(a, x), T.dot(a, x), T.reshape(T.matmul(a, T.reshape(x, [k, 1])), [m])];
        for (const [f, y] of forms.entries())
          for (let i = 0; i < m; i++) assert.equal(bits(y.data[y.offset + i * y.strides[0]]), want[i], `form ${f}, (${m}x${k}) stride ${sx}, y[${i}]`);
      }
    });
});

describe('vector-matrix products (OpenBLAS dgemv_n order)', () => {
  after(() => setHardwareFmaEnabled(true));
  const data = golden<{ cases: Array<{ seed: number; k: number; n: number; sx: number; bits: string[] }> }>('gemvn-bits.json');
  for (const hw of [true, false])
    it(`equals NumPy's x @ B bit for bit, as x @ B, np.dot(x, B), B.T @ x and x[None] @ B (${hw ? 'hardware' : 'emulated'} FMA)`, () => {
      setHardwareFmaEnabled(hw);
      for (const { seed, k, n, sx, bits: want } of data.cases) {
        const rs = new T.RandomState(seed);
        const b = T.binary('subtract', rs.rand(k, n) as T.NDArray, 0.5), xs = T.binary('subtract', rs.rand(k * sx) as T.NDArray, 0.5);
        const x = T.getItem(xs, T.slice(null, null, sx));
        const forms = [T.matmul(x, b), T.dot(x, b), T.matmul(T.transpose(b), x), T.reshape(T.matmul(T.reshape(x, [1, k]), b), [n])];
        for (const [f, y] of forms.entries())
          for (let i = 0; i < n; i++) assert.equal(bits(y.data[y.offset + i * y.strides[0]]), want[i], `form ${f}, k=${k} n=${n} stride ${sx}, y[${i}]`);
      }
    });
});

describe('signed zeros of products', () => {
  // NumPy 2.4.6 here: np.signbit(np.full((4, 4), -1e-200) @ np.full((4, 4), 1e-200)) is all False, and so is
  // np.signbit(np.dot([-1e-200] * 20, [1e-200] * 20)): OpenBLAS adds each accumulator to a zeroed C,
  // NumPy's dot adds BLAS's result to 0.0, so products that underflow to -0 come out +0.
  it('gives +0 where every term underflows to -0 (matrix, outer and vector products)', () => {
    const neg = (r: number, c: number) => T.full([r, c], -1e-200), pos = (r: number, c: number) => T.full([r, c], 1e-200);
    for (const p of [T.matmul(neg(4, 4), pos(4, 4)), T.matmul(neg(5, 1), pos(1, 3)), T.matmul(neg(3, 7), pos(7, 1))])
      for (const v of p.toFlat()) assert.ok(Object.is(v, 0), `got ${Object.is(v, -0) ? '-0' : v}`);
    assert.ok(Object.is(T.dot(T.full([20], -1e-200), T.full([20], 1e-200)).item(), 0));
  });
});

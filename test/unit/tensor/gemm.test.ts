// The matmul kernels agree bit for bit: the WebAssembly SIMD kernel and the JavaScript kernels (blocked
// and plain) use the same per-element order, and all match a plain ascending-k loop.

import * as assert from 'node:assert/strict';
import * as T from '../../../src/tensor';
import { setWasmEnabled, wasmGemm } from '../../../src/tensor/wasm/gemmKernel';

describe('matmul kernels', () => {
  after(() => setWasmEnabled(true));

  it('loads the WebAssembly SIMD kernel in Node', () => {
    assert.ok(wasmGemm());
  });

  // Includes the small shapes that now take the WebAssembly panels too: matrix-vector, 1-row, 8-row.
  for (const [m, k, n] of [[33, 40, 35], [64, 300, 9], [5, 513, 70], [130, 17, 66], [32, 128, 1], [128, 32, 1], [1, 40, 70], [8, 128, 32], [128, 32, 8], [3, 700, 3]]) {
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

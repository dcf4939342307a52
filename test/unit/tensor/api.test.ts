// The tensor API contracts the interpreter relies on that golden text cannot show: the allocation cap
// raises before allocating, warnings reach the sink, in-place operators mutate shared buffers, and
// Python scalars stay weak.

import * as assert from 'node:assert/strict';
import * as T from '../../../src/tensor';

describe('tensor API contracts', () => {
  afterEach(() => {
    T.setAllocationCap(Infinity);
    T.setWarningSink(null);
  });

  it('raises MemoryError under the allocation cap before allocating anything', () => {
    T.setAllocationCap(1000);
    T.zeros(100); // 800 bytes
    const before = T.allocatedBytes();
    assert.throws(
      () => T.zeros([10, 10]),
      (e: unknown) => e instanceof T.TensorError && e.pyType.endsWith('MemoryError') && /Unable to allocate 800 bytes/.test(e.message),
    );
    assert.equal(T.allocatedBytes(), before);
    T.setAllocationCap(Infinity);
    assert.equal(T.zeros([10, 10]).size, 100);
  });

  it('reports RuntimeWarnings through the sink in NumPy order', () => {
    const got: string[] = [];
    T.setWarningSink((cat, m) => got.push(`${cat}: ${m}`));
    T.binary('divide', T.array([1, 0]), 0);
    assert.deepEqual(got, ['RuntimeWarning: divide by zero encountered in divide', 'RuntimeWarning: invalid value encountered in divide']);
  });

  it('in-place ops write through every alias and view; plain ops allocate', () => {
    const a = T.arange(6n);
    const v = T.getItem(a, T.slice(1, 4));
    T.binary('add', v, 10n, v);
    assert.deepEqual(a.toList(), [0, 11, 12, 13, 4, 5]);
    const b = T.binary('add', a, 1n);
    assert.notEqual(b.data, a.data);
  });

  it('keeps Python scalars weak and numpy scalars strong', () => {
    assert.equal(T.binary('add', T.arange(3n), 1n).dtype, 'int64');
    assert.equal(T.binary('add', T.arange(3n), 1.5).dtype, 'float64');
    assert.equal(T.binary('add', T.array([true]), 1n).dtype, 'int64');
    const s = T.sum(T.array([1.5, 2]));
    assert.ok(s.isScalar);
    assert.equal(T.arrayRepr(s), 'np.float64(3.5)');
    assert.equal(T.arrayStr(s), '3.5');
  });

  it('carries the Python exception name and the traceback line', () => {
    try {
      T.sum(T.zeros([2, 2]), 2);
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof T.TensorError);
      assert.equal(e.pyLine, 'numpy.exceptions.AxisError: axis 2 is out of bounds for array of dimension 2');
    }
  });
});

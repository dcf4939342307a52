// The allocation cap bounds live tensor memory: dead temporaries never add up to a false MemoryError,
// while arrays that are really kept alive do raise it before allocating.

import * as assert from 'node:assert/strict';
import { setAllocationCap, TensorError, zeros } from '../../../src/tensor';

describe('tensor allocation cap', () => {
  afterEach(() => setAllocationCap(Infinity));

  it('re-synchronises from the live measure instead of summing dead temporaries', () => {
    setAllocationCap(100 * 8 * 3, () => 0); // room for 3 arrays of 100 elements; nothing is really alive
    for (let i = 0; i < 50; i++) zeros([100]);
  });

  it('raises MemoryError, before allocating, when the live memory is really at the cap', () => {
    let live = 0;
    setAllocationCap(100 * 8 * 3, () => live);
    const kept = [];
    for (let i = 0; i < 3; i++) {
      kept.push(zeros([100]));
      live += 800;
    }
    assert.throws(() => zeros([100]), (e: unknown) => e instanceof TensorError && e.pyType === 'MemoryError' && /Unable to allocate 800 bytes/.test(e.message));
  });

  it('without a live measure, counts every allocation since the cap was set', () => {
    setAllocationCap(100 * 8 * 3);
    for (let i = 0; i < 3; i++) zeros([100]);
    assert.throws(() => zeros([100]), /Unable to allocate/);
  });
});

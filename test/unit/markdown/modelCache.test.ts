// The model cache parses a (document, version) once and stays bounded.

import * as assert from 'node:assert/strict';
import { ModelCache } from '../../../src/markdown/modelCache';

describe('model cache', () => {
  it('parses each version once and re-parses on a new version', () => {
    const cache = new ModelCache(4);
    let reads = 0;
    const text = (s: string) => () => (reads++, s);
    const a = cache.get('doc', 1, text('$x$'));
    assert.equal(cache.get('doc', 1, text('$x$')), a);
    assert.equal(reads, 1);
    const b = cache.get('doc', 2, text('$x$ $y$'));
    assert.equal(reads, 2);
    assert.equal(b.math.length, 2);
  });

  it('evicts the least recently used document beyond its capacity', () => {
    const cache = new ModelCache(2);
    let reads = 0;
    const get = (k: string) => cache.get(k, 1, () => (reads++, k));
    get('a');
    get('b');
    get('a'); // a is now the most recent
    get('c'); // evicts b
    reads = 0;
    get('a');
    assert.equal(reads, 0);
    get('b');
    assert.equal(reads, 1);
  });
});

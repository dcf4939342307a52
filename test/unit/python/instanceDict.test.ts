// InstanceDict must behave exactly like the Map it replaces for instance attributes: same lookups,
// same insertion order after deletes and re-adds, same size; checked against a real Map on random
// operation sequences, including shapes past the linear-scan size.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { InstanceDict } from '../../../src/python/instanceDict';

type Op = { kind: 'set' | 'delete' | 'get' | 'has'; name: string; value: number };

const names = fc.constantFrom(...Array.from({ length: 20 }, (_, i) => `a${i}`), 'x', 'y', '__dict__', 'constructor', '__proto__');
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('set', 'set', 'delete', 'get', 'has'), name: names, value: fc.integer() });

describe('InstanceDict (hidden-class attribute storage)', () => {
  it('matches Map on random set/delete/get/has sequences, including order and size', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const ref = new Map<string, number>();
        const d = new InstanceDict();
        for (const o of ops) {
          switch (o.kind) {
            case 'set': ref.set(o.name, o.value); d.set(o.name, o.value); break;
            case 'delete': assert.equal(d.delete(o.name), ref.delete(o.name)); break;
            case 'get': assert.equal(d.get(o.name), ref.get(o.name)); break;
            case 'has': assert.equal(d.has(o.name), ref.has(o.name)); break;
          }
          assert.equal(d.size, ref.size);
        }
        assert.deepEqual([...d], [...ref]);
        assert.deepEqual([...d.keys()], [...ref.keys()]);
        assert.deepEqual([...d.values()], [...ref.values()]);
      }),
      { numRuns: 300 },
    );
  });

  it('shares one shape between instances that gained the same names in the same order', () => {
    const a = new InstanceDict().set('x', 1).set('y', 2);
    const b = new InstanceDict().set('x', 3).set('y', 4);
    const c = new InstanceDict().set('y', 5).set('x', 6);
    assert.equal(a.shape, b.shape);
    assert.notEqual(a.shape, c.shape);
    a.delete('x');
    a.set('x', 7);
    assert.equal(a.shape, c.shape); // y then x, like c
    assert.deepEqual([...a], [['y', 2], ['x', 7]]);
  });

  it('keeps user names out of JS object properties (no prototype keys)', () => {
    const d = new InstanceDict();
    assert.equal(d.get('constructor'), undefined);
    assert.equal(d.has('__proto__'), false);
    d.set('__proto__', 1);
    assert.equal(d.get('__proto__'), 1);
    assert.equal(Object.getPrototypeOf(d), InstanceDict.prototype);
  });
});

// The check shared by the libm goldens (libm.test.ts, libmTrig.test.ts): a function equals the fixture's
// outputs on its seeded inputs (sha256 of all, the first ones one by one) and on its explicit extra cases.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Mulberry32 } from './libmInputs';

export interface LibmTable { seed: number; count: number; sha256: string; first: string[]; extra: string[]; skipped?: number[] }

const view = new DataView(new ArrayBuffer(8));
const hex = (v: number) => (Number.isNaN(v) ? '7ff8000000000000' : (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0')));
const fromHex = (h: string) => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));

export function checkLibm(name: string, table: LibmTable, input: (g: Mulberry32) => number, fn: (x: number) => number): void {
  describe(`libm ${name}`, () => {
    const skipped = new Set(table.skipped ?? []);
    const left = skipped.size ? ` (${skipped.size} left out: glibc's pow is not correctly rounded there)` : '';
    it(`equals CPython's math.${name} on ${table.count} seeded inputs${left}`, () => {
      assert.ok(skipped.size <= table.count / 1000);
      const g = new Mulberry32(table.seed);
      const outs: string[] = [];
      const bad: string[] = [];
      for (let i = 0; i < table.count; i++) {
        const x = input(g);
        const y = hex(skipped.has(i) ? 0 : fn(x));
        outs.push(y);
        if (i < table.first.length && y !== table.first[i] && bad.length < 5) bad.push(`${name}(${x}) = ${fromHex(y)}, glibc ${fromHex(table.first[i])}`);
      }
      assert.deepEqual(bad, []);
      assert.equal(createHash('sha256').update(outs.join('')).digest('hex'), table.sha256);
    });
    it(`equals it on ${table.extra.length} special and not correctly rounded inputs`, () => {
      const bad = table.extra.filter((c) => {
        const [x, y] = c.split(' ');
        return hex(fn(fromHex(x))) !== y;
      });
      assert.deepEqual(bad.slice(0, 5), []);
    });
  });
}

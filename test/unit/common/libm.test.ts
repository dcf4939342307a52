// glibcExp, glibcExp2, glibcLog, glibcLog2 and glibcLog10 (src/common/libm) equal the C library's
// functions bit for bit: CPython's math.exp / exp2 / log / log2 / log10 on this machine (glibc 2.36,
// x86-64), 100,000 seeded inputs per function (libmInputs.ts; sha256 of all outputs, the first 3000
// compared one by one) plus special values, powers of two and ten, and inputs where glibc is not
// correctly rounded.
// Fixture: scripts/golden/common_libm.py.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { glibcExp } from '../../../src/common/libm/glibcExp';
import { glibcExp2 } from '../../../src/common/libm/glibcExp2';
import { glibcLog } from '../../../src/common/libm/glibcLog';
import { glibcLog10 } from '../../../src/common/libm/glibcLog10';
import { glibcLog2 } from '../../../src/common/libm/glibcLog2';
import { fixtures } from '../helpers/golden';
import { exp2Input, expInput, logInput, Mulberry32 } from './libmInputs';

interface Table { seed: number; count: number; sha256: string; first: string[]; extra: string[] }
const golden = JSON.parse(readFileSync(fixtures('common', 'libm.json'), 'utf8')) as { exp: Table; exp2: Table; log: Table; log2: Table; log10: Table };

const view = new DataView(new ArrayBuffer(8));
const hex = (v: number) => (Number.isNaN(v) ? '7ff8000000000000' : (view.setFloat64(0, v), view.getBigUint64(0).toString(16).padStart(16, '0')));
const fromHex = (h: string) => (view.setBigUint64(0, BigInt('0x' + h)), view.getFloat64(0));

function check(name: string, table: Table, input: (g: Mulberry32) => number, fn: (x: number) => number): void {
  describe(`glibc ${name}`, () => {
    it(`equals CPython's math.${name} on ${table.count} seeded inputs`, () => {
      const g = new Mulberry32(table.seed);
      const outs: string[] = [];
      const bad: string[] = [];
      for (let i = 0; i < table.count; i++) {
        const x = input(g);
        const y = hex(fn(x));
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

check('exp', golden.exp, expInput, glibcExp);
check('exp2', golden.exp2, exp2Input, glibcExp2);
check('log', golden.log, logInput, glibcLog);
check('log2', golden.log2, logInput, glibcLog2);
check('log10', golden.log10, logInput, glibcLog10);

// Golden cases for the tensor core: every line of test/fixtures/tensor/cases/*.txt was run through
// real NumPy 2.4 by scripts/golden/tensor_golden.py; here the same program runs against the tensor API
// through a tiny evaluator and must print the same text (value repr/str, warnings, error line).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fixtures } from '../helpers/golden';
import { runCase } from './goldenRunner';

describe('tensor golden cases (NumPy 2.4 outputs)', () => {
  const dir = fixtures('tensor', 'golden');
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const cases = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as [string, string][];
    total += cases.length;
    it(`${file}: ${cases.length} cases`, () => {
      const bad: string[] = [];
      for (const [src, want] of cases) {
        const got = runCase(src);
        if (got !== want) bad.push(`case: ${src}\n--- numpy:\n${want}\n--- ours:\n${got}`);
      }
      assert.equal(bad.length, 0, `${bad.length} mismatches\n\n${bad.join('\n\n')}`);
    });
  }
  it('has at least 500 cases', () => assert.ok(total >= 500, `only ${total}`));
});

// Every rule against its case folders (test/fixtures/lint/<rule>/{fire,silent}; format in cases.ts):
// positives must fire at the right range with the right fix result, negatives must stay silent. Also
// checks each registered rule has ≥ 15 of each and a docs page.

import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { applyFix, Linter } from '../../../src/lint/engine';
import { RULES } from '../../../src/lint/registry';
import { buildModel } from '../../../src/markdown/model';
import { repoRoot } from '../helpers/golden';
import { readCases, ruleFolders } from './cases';
import path from 'node:path';

const linter = new Linter();

describe('lint rules: case folders', () => {
  for (const rule of ruleFolders()) {
    describe(rule, () => {
      const registered = RULES.some((r) => r.id === rule);
      for (const c of readCases(rule, 'fire')) {
        (registered ? it : it.skip)(`fires: ${c.name} (${c.file})`, () => {
          const found = linter.lint(buildModel(c.text)).filter((d) => d.rule === rule);
          assert.equal(found.length, c.at.length, `expected ${c.at.length} finding(s), got: ${found.map((d) => `${d.message} [${c.text.slice(d.range.start.offset, d.range.end.offset)}]`).join(' | ')}`);
          c.at.forEach((want, i) => {
            const d = found[i];
            assert.equal(c.text.slice(d.range.start.offset, d.range.end.offset), want.text, `range of finding ${i + 1}`);
            if (want.line !== undefined) assert.deepEqual([d.range.start.line + 1, d.range.start.character + 1], [want.line, want.column]);
            assert.ok(d.message.length > 0);
          });
          if (c.nofix) assert.equal(found[0].fixes.length, 0, 'expected no quick fix');
          if (c.fixed !== undefined) {
            assert.ok(found[0].fixes.length > 0, 'expected a quick fix');
            assert.equal(applyFix(c.text, found[0].fixes[0]), c.fixed);
          }
        });
      }
      for (const c of readCases(rule, 'silent')) {
        (registered ? it : it.skip)(`silent: ${c.name} (${c.file})`, () => {
          const found = linter.lint(buildModel(c.text)).filter((d) => d.rule === rule);
          assert.deepEqual(found.map((d) => d.message), []);
        });
      }
    });
  }

  for (const rule of RULES) {
    it(`${rule.id} has ≥ 15 positive and ≥ 15 negative cases and a docs page`, () => {
      assert.ok(readCases(rule.id, 'fire').length >= 15, `${rule.id}: ${readCases(rule.id, 'fire').length} positive cases`);
      assert.ok(readCases(rule.id, 'silent').length >= 15, `${rule.id}: ${readCases(rule.id, 'silent').length} negative cases`);
      assert.ok(existsSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
    });
  }
});

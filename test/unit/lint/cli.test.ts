// `pizarra lint`: text, JSON and SARIF 2.1.0 output, --lang, exit codes (1 only for warning or worse).

import * as assert from 'node:assert/strict';
import path from 'node:path';
import { checkGolden, fixtures, repoRoot } from '../helpers/golden';
import { runCli } from '../helpers/cli';

const rel = (name: string) => path.relative(repoRoot, fixtures('lint', 'cli', name));

describe('pizarra lint', () => {
  it('prints file:line:col severity rule message and exits 1 on a warning', async () => {
    const r = await runCli(['lint', rel('article.md')]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [`${rel('article.md')}:3:8 info conditional-bar`, `${rel('article.md')}:5:16 warning unbraced-script`],
    );
    assert.match(lines[1], /The superscript \^-x has no braces/);
    checkGolden(r.stdout, fixtures('lint', 'cli', 'article.text.golden'));
  });

  it('exits 0 when only info findings remain, and on a clean file', async () => {
    const info = await runCli(['lint', rel('info-only.md')]);
    assert.equal(info.code, 0);
    assert.match(info.stdout, /info conditional-bar/);
    const clean = await runCli(['lint', rel('clean.md')]);
    assert.deepEqual([clean.code, clean.stdout], [0, '']);
  });

  it('writes a JSON array with 1-based positions', async () => {
    const r = await runCli(['lint', rel('article.md'), rel('clean.md'), '--format', 'json']);
    assert.equal(r.code, 1);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(rows[0], {
      file: rel('article.md'),
      rule: 'conditional-bar',
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 9,
      severity: 'info',
      message: rows[0].message,
    });
    assert.deepEqual(rows.map((x) => x.rule), ['conditional-bar', 'unbraced-script']);
  });

  it('writes SARIF 2.1.0 with rules, levels and regions', async () => {
    const r = await runCli(['lint', rel('article.md'), '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'pizarra');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.ok(ruleIds.includes('conditional-bar') && ruleIds.includes('katex-error'));
    assert.deepEqual(
      run.results.map((x: { ruleId: string; level: string; ruleIndex: number }) => [x.ruleId, x.level, ruleIds[x.ruleIndex]]),
      [['conditional-bar', 'note', 'conditional-bar'], ['unbraced-script', 'warning', 'unbraced-script']],
    );
    const loc = run.results[1].locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, rel('article.md'));
    assert.deepEqual(loc.region, { startLine: 5, startColumn: 16, endLine: 5, endColumn: 19 });
  });

  it('speaks Spanish with --lang es', async () => {
    const r = await runCli(['lint', rel('article.md'), '--lang', 'es']);
    assert.match(r.stdout, /El superíndice \^-x no lleva llaves/);
  });

  it('rejects a bad format or a missing file with exit 2', async () => {
    assert.equal((await runCli(['lint', rel('article.md'), '--format', 'xml'])).code, 2);
    const missing = await runCli(['lint', 'nope.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read 'nope.md'/);
    assert.equal((await runCli(['lint'])).code, 2);
  });
});

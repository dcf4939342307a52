// One check() for golden files: compares text with the file next to the fixture, or rewrites the file
// when UPDATE_GOLDEN=1 (then review the diff before committing).

import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const UPDATE = process.env.UPDATE_GOLDEN === '1';

export function checkGolden(actual: string, expectedFile: string): void {
  if (UPDATE) {
    mkdirSync(path.dirname(expectedFile), { recursive: true });
    writeFileSync(expectedFile, actual);
    return;
  }
  if (!existsSync(expectedFile)) assert.fail(`missing golden file ${expectedFile}: run with UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(expectedFile, 'utf8'), `golden mismatch: ${expectedFile}`);
}

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtures = (...p: string[]) => path.join(repoRoot, 'test', 'fixtures', ...p);

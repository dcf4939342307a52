// Temporary directories for tests, removed when the test process exits (mocha runs all files in one
// process), so a test run leaves nothing behind in the system's temp directory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh directory `<tmp>/<prefix>XXXXXX`, deleted at exit. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

// The architecture invariant "pure cores never import vscode or an upper layer", checked on the real tree
// and shown to catch a violation on a synthetic one.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './helpers/golden';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => import(path.join(repoRoot, 'scripts', 'check-imports.mjs')) as Promise<{ checkImports(dir: string): string[] }>;

describe('architecture', () => {
  it('keeps every layer within its allowed imports', async () => {
    const { checkImports } = await load();
    assert.deepEqual(checkImports(path.join(repoRoot, 'src')), []);
  });

  it('reports a pure core importing vscode or an upper layer', async () => {
    const { checkImports } = await load();
    const dir = mkdtempSync(path.join(tmpdir(), 'pizarra-arch-'));
    try {
      const src = path.join(dir, 'src');
      for (const d of ['markdown', 'editor', 'tensor']) mkdirSync(path.join(src, d), { recursive: true });
      writeFileSync(path.join(src, 'editor', 'x.ts'), "import * as vscode from 'vscode';\nexport const a = 1;\n");
      writeFileSync(path.join(src, 'markdown', 'bad.ts'), "import * as vscode from 'vscode';\nimport { a } from '../editor/x';\n");
      writeFileSync(path.join(src, 'tensor', 'bad.ts'), "export { a } from '../editor/x';\n");
      mkdirSync(path.join(src, 'sandbox'));
      writeFileSync(path.join(src, 'tensor', 'index.ts'), 'export const t = 1;\n');
      writeFileSync(path.join(src, 'sandbox', 'ok.ts'), "import { t } from '../tensor';\nexport const u = t;\n");
      const problems = checkImports(src);
      assert.equal(problems.length, 3, problems.join('\n'));
      assert.match(problems.join('\n'), /markdown.*must not import 'vscode'/);
      assert.match(problems.join('\n'), /'markdown' must not import 'editor'/);
      assert.match(problems.join('\n'), /'tensor' must not import 'editor'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

#!/usr/bin/env node
// The same integration suites in desktop VS Code, for a developer's machine with internet:
// @vscode/test-electron downloads VS Code 1.100.3 (matching engines.vscode) and runs the compiled suites.
// This machine and CI reach no download site, so `npm test` uses run.mjs (code-server + Chromium) instead.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const workspace = path.join(mkdtempSync(path.join(tmpdir(), 'pizarra-electron-')), 'workspace');
cpSync(path.join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-workspace-trust'],
  });
} catch (e) {
  console.error('integration tests failed in desktop VS Code:', e?.message ?? e);
  process.exit(1);
}

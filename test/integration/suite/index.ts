// Entry point VS Code calls in the extension host (extensionTestsPath): runs every bundled suite
// (out/test/integration/*.test.js) with mocha and writes {passes, failures, tests} for the launcher.

import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { INFRA } from './helpers';

export async function run(): Promise<void> {
  console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} workbench, remote: ${vscode.env.remoteName ?? 'none'})`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.PIZARRA_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  let infra = 0;
  const stats = await new Promise<{ passes: number; failures: number; tests: number; infra: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, tests: runner.stats?.tests ?? 0, infra }));
    // The spec reporter prints failures only at the end; a run that times out would never show them.
    runner.on('fail', (test, err) => {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      if (message.startsWith(INFRA)) infra++;
      console.log(`    ✗ ${test.fullTitle()}: ${message}`);
    });
  });
  if (process.env.PIZARRA_TEST_RESULT_FILE) writeFileSync(process.env.PIZARRA_TEST_RESULT_FILE, JSON.stringify(stats));
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
}

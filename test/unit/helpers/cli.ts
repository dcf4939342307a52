// Runs the CLI in-process and captures what it prints, for tests of every subcommand.

import { main } from '../../../src/cli/main';
import { repoRoot } from './golden';

export async function runCli(argv: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY: false });
  return { code, stdout, stderr };
}

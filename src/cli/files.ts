// Reading inputs for the CLI with messages that name the file and the reason.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './command';

export function readInput(file: string, cwd: string): { path: string; text: string } {
  const abs = path.resolve(cwd, file);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    throw new CliError(`cannot read '${file}': no such file`);
  }
  if (stat.isDirectory()) throw new CliError(`cannot read '${file}': it is a directory`);
  try {
    return { path: abs, text: readFileSync(abs, 'utf8') };
  } catch (e) {
    throw new CliError(`cannot read '${file}': ${(e as Error).message}`);
  }
}

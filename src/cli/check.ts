// `pizarra check FILE.md…`: what CI needs in one command — lint the formulas, then run the python blocks
// of each article. Exit 1 if the linter reports findings or any block fails.

import type { ParsedOptions } from './args';
import { CliError, type CliIO, type Command } from './command';
import { runArticle, runOptions } from './run';

/** The lint step: the registered `lint` command on the same files (it prints its own findings). */
async function lint(command: Command | undefined, files: string[], io: CliIO): Promise<number> {
  if (!command || command.pending) {
    io.stderr('pizarra check: the formula linter is not built yet; only running the code.\n');
    return 0;
  }
  return command.run(files, new Map(), io);
}

/** `findLint` looks the linter up in the registry at run time (the registry lists this command too). */
export const checkCommand = (findLint: () => Command | undefined): Command => ({
  name: 'check',
  summary: 'Lint the formulas and run the code of articles, for CI',
  usage: 'FILE.md… [--timeout SECONDS] [--prelude CODE]',
  options: runOptions,
  details: 'Equivalent to `pizarra lint FILE.md…` followed by `pizarra run --keep-going` on each file.\nExit codes: 0 clean, 1 lint findings or a failing block, 2 usage error.',
  async run(positional: string[], options: ParsedOptions, io: CliIO) {
    if (positional.length === 0) throw new CliError('expected at least one Markdown file');
    const lintCode = await lint(findLint(), positional, io);
    if (lintCode === 2) return 2;
    let ok = lintCode === 0;
    const runOpts: ParsedOptions = new Map(options);
    runOpts.set('keep-going', true);
    for (const file of positional) ok = (await runArticle(file, runOpts, io)) && ok;
    return ok ? 0 : 1;
  },
});

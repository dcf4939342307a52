// The registry of CLI subcommands, in the order `pizarra --help` lists them.

import type { Command } from './command';
import { checkCommand } from './check';
import { pending } from './pending';
import { runCommand } from './run';

export const commands: readonly Command[] = [
  pending('render', 'Render a Markdown article to self-contained HTML', 'FILE.md [-o OUT.html]', 'the KaTeX preview issue'),
  pending('lint', 'Check the formulas of Markdown articles', 'FILE.md…', 'the formula linter issue'),
  runCommand,
  pending('exec', 'Run a Python file in the sandbox, like python3 FILE.py', 'FILE.py', 'the interpreter issue'),
  checkCommand(() => commands.find((c) => c.name === 'lint')),
];

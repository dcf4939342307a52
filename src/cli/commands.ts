// The registry of CLI subcommands, in the order `pizarra --help` lists them.

import type { Command } from './command';
import { lintCommand } from './lint';
import { pending } from './pending';

export const commands: readonly Command[] = [
  pending('render', 'Render a Markdown article to self-contained HTML', 'FILE.md [-o OUT.html]', 'the KaTeX preview issue'),
  lintCommand,
  pending('run', "Run an article's python blocks in order in one sandboxed session", 'FILE.md', 'the runner issue'),
  pending('exec', 'Run a Python file in the sandbox, like python3 FILE.py', 'FILE.py', 'the interpreter issue'),
  pending('check', 'Lint and run an article, for CI', 'FILE.md…', 'the runner issue'),
];

// The registry of CLI subcommands, in the order `pizarra --help` lists them.

import type { Command } from './command';
import { checkCommand } from './check';
import { execCommand } from './exec';
import { lintCommand } from './lint';
import { pending } from './pending';
import { renderCommand } from './render';
import { runCommand } from './run';

export const commands: readonly Command[] = [
  renderCommand,
  lintCommand,
  runCommand,
  execCommand,
  checkCommand(() => commands.find((c) => c.name === 'lint')),
];

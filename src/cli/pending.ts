// Subcommands whose capability is not built yet: they say so and exit 2 instead of pretending to work.

import type { Command } from './command';
import { CliError } from './command';

export function pending(name: string, summary: string, usage: string, issue: string): Command {
  return {
    name,
    summary: `${summary} (not built yet)`,
    usage,
    options: [],
    pending: true,
    async run() {
      throw new CliError(`'pizarra ${name}' is not built yet (${issue}).`);
    },
  };
}

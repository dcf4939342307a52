// The shape of a CLI subcommand, and the I/O it gets (injected so tests run commands in-process).

import type { OptionSpec, ParsedOptions } from './args';

export interface CliIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly cwd: string;
  /** Whether stdout is a terminal (for colours). */
  readonly isTTY: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for `pizarra --help`. */
  readonly summary: string;
  /** The synopsis after `pizarra NAME`, e.g. `FILE.md [-o OUT.html]`. */
  readonly usage: string;
  readonly options: readonly OptionSpec[];
  /** Extra help text after the options. */
  readonly details?: string;
  /** Set for subcommands whose capability is not built yet: they ignore their arguments and say so. */
  readonly pending?: boolean;
  /** Returns the exit code: 0 ok, 1 findings or failures, 2 usage or internal error. */
  run(positional: string[], options: ParsedOptions, io: CliIO): Promise<number>;
}

/** Thrown for a bad invocation or an unreadable input; the CLI prints it and exits 2. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

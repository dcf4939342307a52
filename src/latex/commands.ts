// The control sequences and environments KaTeX supports (generated list in commandsData.ts), shaped for
// completion: the insertion with one placeholder per required argument, and the glyph a symbol renders.

import { COMMANDS, ENVIRONMENTS } from './commandsData';

export interface KatexCommand {
  /** With its backslash: `\frac`. */
  readonly name: string;
  /** Required brace arguments; undefined when the command takes delimiters or optional arguments only. */
  readonly args: number | undefined;
  /** What a symbol renders to (`∑` for `\sum`), when it is a short run of characters. */
  readonly glyph: string | undefined;
}

export interface KatexEnvironment {
  readonly name: string;
  /** Placeholder for a required argument (`{cc}` for array columns), or ''. */
  readonly arg: string;
}

let commands: KatexCommand[] | undefined;

export function katexCommands(): readonly KatexCommand[] {
  return (commands ??= COMMANDS.map(([name, args, glyph]) => ({ name, args: args < 0 ? undefined : args, glyph: glyph || undefined })));
}

export function katexEnvironments(): readonly KatexEnvironment[] {
  return ENVIRONMENTS.map(([name, arg]) => ({ name, arg }));
}

/** A TeX example of the command with placeholder arguments, for its rendered preview. */
export function exampleOf(cmd: KatexCommand): string {
  const letters = ['x', 'y', 'z'];
  return cmd.name + Array.from({ length: cmd.args ?? 0 }, (_, i) => `{${letters[i]}}`).join('');
}

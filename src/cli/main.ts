// `pizarra`: dispatches to a subcommand, prints help, and turns errors into exit codes
// (0 ok, 1 findings or failures, 2 usage or internal error).

import { formatOptions, parseArgs, UsageError } from './args';
import { CliError, type CliIO, type Command } from './command';
import { commands } from './commands';

const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Pizarra — Math & ML Markdown: render, lint and run the code of Markdown articles.',
    '',
    'Usage: pizarra <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: pizarra <command> --help)',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 ok, 1 findings or failures, 2 usage or internal error.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const parts = [`Usage: pizarra ${c.name} ${c.usage}`, '', c.summary + '.'];
  const opts = [...c.options, { name: 'help', short: 'h', kind: 'boolean' as const, description: 'Show this help' }];
  parts.push('', 'Options:', formatOptions(opts));
  if (c.details) parts.push('', c.details);
  return parts.join('\n');
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(mainHelp() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`pizarra ${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`pizarra: unknown command '${name}'. Run 'pizarra --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command) + '\n');
    return 0;
  }
  try {
    const { options, positional } = command.pending ? { options: new Map(), positional: [] } : parseArgs(rest, command.options);
    return await command.run(positional, options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`pizarra ${name}: ${e.message}\nUsage: pizarra ${name} ${command.usage}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      io.stderr(`pizarra ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`pizarra ${name}: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

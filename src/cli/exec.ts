// `pizarra exec FILE.py`: runs a Python file like `python3 FILE.py` would — stdout to stdout, the
// CPython-style traceback to stderr, exit 1 on an uncaught exception — in the same worker sandbox and
// with the same limits as the editor and `pizarra run` (time in seconds, memory, output size).

import path from 'node:path';
import type { Command } from './command';
import { CliError } from './command';
import { readInput } from './files';
import { clientFromOptions, runOptions } from './run';
import { truncationNote } from '../sandbox/outcomes';

export const execCommand: Command = {
  name: 'exec',
  summary: 'Run a Python file in the sandbox, like python3 FILE.py',
  usage: 'FILE.py [--timeout SECONDS] [--memory MB] [--prelude CODE]',
  // Like python3, no prelude unless asked for: a file imports what it uses.
  options: runOptions,
  details: [
    'Modules: math, random, time, collections, itertools, functools, sys (stdout/stderr) and numpy.',
    'The program runs in a worker with no files, network, processes or environment.',
    "Exit codes: 0 the program ended normally, 1 an uncaught exception or a limit, 2 usage error.",
  ].join('\n'),
  async run(positional, options, io) {
    if (positional.length !== 1) throw new CliError('expected exactly one FILE.py');
    const { path: abs, text } = readInput(positional[0], io.cwd);
    if (!options.has('prelude')) options.set('prelude', '');
    const client = clientFromOptions(options);
    try {
      // CPython 3.9+ names the main script by its absolute path in tracebacks.
      const r = await client.run({
        source: text,
        filename: path.resolve(abs),
        lineOffset: 0,
        onOutput: (s, stream) => (stream === 'stderr' ? io.stderr : io.stdout)(s),
      });
      // The traceback was streamed on stderr with the rest; only a truncated stream may have lost it.
      if (r.truncated) {
        io.stderr(truncationNote(client.limits) + '\n');
        if (r.error) io.stderr(r.error.traceback);
      }
      if (r.message) io.stderr(r.message + '\n');
      return r.status === 'ok' ? 0 : 1;
    } finally {
      client.dispose();
    }
  },
};

// `pizarra exec FILE.py`: runs a Python file in the sandbox like `python3 FILE.py` — stdout to stdout,
// the CPython-style traceback to stderr, exit 1 on an uncaught exception.

import path from 'node:path';
import type { Command } from './command';
import { CliError } from './command';
import { readInput } from './files';
import { Session } from '../python';
import { sandboxModules } from '../sandbox';

export const execCommand: Command = {
  name: 'exec',
  summary: 'Run a Python file in the sandbox, like python3 FILE.py',
  usage: 'FILE.py [--timeout MS]',
  options: [{ name: 'timeout', kind: 'number', value: 'MS', description: 'Stop the program after MS milliseconds (KeyboardInterrupt)' }],
  details: 'Modules: math, random, time, collections, itertools, functools, sys (stdout/stderr) and numpy.',
  async run(positional, options, io) {
    if (positional.length !== 1) throw new CliError('expected exactly one FILE.py');
    const { path: abs, text } = readInput(positional[0], io.cwd);
    const timeout = options.get('timeout');
    const session = new Session({ stdout: io.stdout, stderr: io.stderr, modules: sandboxModules() });
    const r = session.run(text, { filename: path.resolve(abs), timeoutMs: typeof timeout === 'number' ? timeout : undefined });
    if (r.ok) return 0;
    return r.exitCode ?? 1;
  },
};

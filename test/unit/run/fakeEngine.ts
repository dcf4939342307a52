// A stand-in Python engine for the client/worker tests: a few commands, one per line, that exercise what
// the host must survive (output floods, loops that honour or ignore Stop, heap exhaustion). Bundled into a
// test copy of the worker in place of src/sandbox/engineAdapter.ts (see workerBundle.ts); never shipped.

import type { EngineOptions, EngineOutcome, EngineSession } from '../../../src/sandbox/protocol';

function error(type: string, message: string, line: number): EngineOutcome {
  const summary = message ? `${type}: ${message}` : type;
  return { ok: false, error: { type, summary, line, traceback: `Traceback (most recent call last):\n  line ${line}\n${summary}\n` } };
}

export function createEngineSession(options: EngineOptions): EngineSession {
  const vars = new Map<string, string>();
  return {
    run(source, _filename, lineOffset) {
      const lines = source.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const [cmd, ...rest] = lines[i].trim().split(' ');
        const arg = rest.join(' ');
        const line = lineOffset + i + 1;
        if (cmd === 'print') options.write('stdout', arg + '\n');
        else if (cmd === 'warn') options.write('stderr', arg + '\n');
        else if (cmd === 'set') vars.set(rest[0], rest[1]);
        else if (cmd === 'get') {
          if (!vars.has(arg)) return error('NameError', `name '${arg}' is not defined`, line);
          options.write('stdout', vars.get(arg)! + '\n');
        } else if (cmd === 'loop' || cmd === 'flood') {
          for (;;) {
            if (Atomics.load(options.interrupt, 0) !== 0) return error('KeyboardInterrupt', '', line);
            if (cmd === 'flood') options.write('stdout', 'x'.repeat(1000) + '\n');
          }
        } else if (cmd === 'hang') {
          for (;;);
        } else if (cmd === 'alloc') {
          const keep: number[][] = [];
          for (;;) keep.push(new Array(1e6).fill(keep.length));
        } else if (cmd === 'raise') return error('ValueError', arg, line);
        else if (cmd === 'jsthrow') throw new RangeError('Maximum call stack size exceeded');
        else if (cmd === 'tensorbytes') options.write('stdout', `${options.tensorBytes}\n`);
      }
      return { ok: true };
    },
  };
}

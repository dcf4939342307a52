// Adapts Pizarra's Python interpreter (src/python/session.ts) to the worker's EngineSession interface:
// one Session whose namespace persists, `numpy` bound to the tensor core with the session's allocation cap,
// output to the worker's capped writer, the shared interrupt flag and a deadline, and errors with the Markdown line of the innermost frame that belongs to the run's file.

import { Session } from '../python/session';
import { sandboxModules } from './index';
import type { EngineOptions, EngineOutcome, EngineSession, PythonError } from './protocol';

/**
 * Lines of a traceback's frames in `filename`, outermost first (CPython's order), of the last exception
 * when several are chained.
 */
export function frameLines(traceback: string, filename: string): number[] {
  let lines: number[] = [];
  const prefix = `  File "${filename}", line `;
  for (const l of traceback.split('\n')) {
    if (l.startsWith(prefix)) {
      const n = parseInt(l.slice(prefix.length), 10);
      if (Number.isFinite(n)) lines.push(n);
    } else if (l.startsWith('Traceback (most recent call last):')) lines = []; // a chained exception starts over
  }
  return lines;
}

/** The traceback's last line: the exception as CPython names it (`numpy.linalg.LinAlgError: …`). */
function summaryOf(traceback: string, type: string): string {
  const lines = traceback.replace(/\n+$/, '').split('\n');
  return lines[lines.length - 1] || type;
}

export function createEngineSession(options: EngineOptions): EngineSession {
  const session = new Session({
    stdout: (s) => options.write('stdout', s),
    stderr: (s) => options.write('stderr', s),
    modules: sandboxModules({ memoryCapBytes: options.tensorBytes }),
  });
  // Build the numpy module now, while the worker starts (no guest code runs: this is our own module
  // object), so the prelude's `import numpy as np` is a lookup when the writer presses Run.
  try {
    session.importModule('numpy');
  } catch {
    // A failure surfaces, with its Python message, when guest code imports numpy.
  }
  return {
    run(source, filename, lineOffset): EngineOutcome {
      const r = session.run(source, { filename, lineOffset, interrupt: options.interrupt, timeoutMs: options.timeoutMs });
      if (r.ok) return { ok: true };
      if (!r.error) {
        // SystemExit with a non-zero code: CPython prints nothing more; say how it ended.
        const summary = `SystemExit: ${r.exitCode ?? 1}`;
        return { ok: false, error: { type: 'SystemExit', summary, traceback: '' } };
      }
      // The diagnostic goes on the innermost line of this block (the call that failed); when the exception
      // was raised deeper, in a function another block defined, that line is reported too.
      const frames = frameLines(r.error.traceback, filename);
      const last = lineOffset + source.split('\n').length;
      const inBlock = frames.filter((n) => n > lineOffset && n <= last);
      const error: PythonError = {
        type: r.error.type,
        summary: summaryOf(r.error.traceback, r.error.type),
        traceback: r.error.traceback,
        line: inBlock[inBlock.length - 1],
        raisedAt: frames[frames.length - 1],
        timeLimit: r.error.type === 'KeyboardInterrupt' && r.error.message === 'time limit exceeded',
      };
      return { ok: false, error };
    },
  };
}

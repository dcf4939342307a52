// Adapts Pizarra's Python interpreter (src/python/session.ts) to the worker's EngineSession interface:
// one Session whose namespace persists, `numpy` bound to the tensor core with the session's allocation cap,
// output to the worker's capped writer, the shared interrupt flag and a deadline, and errors with the Markdown line of the innermost frame that belongs to the run's file.

import { Session } from '../python/session';
import { sandboxModules } from './index';
import type { EngineOptions, EngineOutcome, EngineSession, PythonError } from './protocol';

/** The innermost `File "<filename>", line N` of a traceback (CPython prints outermost first). */
export function errorLine(traceback: string, filename: string): number | undefined {
  let line: number | undefined;
  const prefix = `  File "${filename}", line `;
  for (const l of traceback.split('\n')) {
    if (l.startsWith(prefix)) line = parseInt(l.slice(prefix.length), 10);
    else if (l.startsWith('Traceback (most recent call last):')) line = undefined; // a chained exception starts over
  }
  return line !== undefined && Number.isFinite(line) ? line : undefined;
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
  return {
    run(source, filename, lineOffset): EngineOutcome {
      const r = session.run(source, { filename, lineOffset, interrupt: options.interrupt, timeoutMs: options.timeoutMs });
      if (r.ok) return { ok: true };
      if (!r.error) {
        // SystemExit with a non-zero code: CPython prints nothing more; say how it ended.
        const summary = `SystemExit: ${r.exitCode ?? 1}`;
        return { ok: false, error: { type: 'SystemExit', summary, traceback: '' } };
      }
      const error: PythonError = {
        type: r.error.type,
        summary: summaryOf(r.error.traceback, r.error.type),
        traceback: r.error.traceback,
        line: errorLine(r.error.traceback, filename),
        timeLimit: r.error.type === 'KeyboardInterrupt' && r.error.message === 'time limit exceeded',
      };
      return { ok: false, error };
    },
  };
}

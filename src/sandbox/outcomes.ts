// The sentences that explain why a run ended early (each names the setting or the action behind it), and
// the safety net that turns a JavaScript failure inside the engine into a Python-shaped error.

import { DEFAULT_LIMITS, type PythonError, type RunResult, type RunStatus, type SessionLimits } from './protocol';

export type LostReason = NonNullable<RunResult['lostReason']>;

export function limitMessage(status: RunStatus, limits: SessionLimits = DEFAULT_LIMITS, reason?: LostReason): string {
  switch (status) {
    case 'interrupted':
      return "Stopped. The session's variables are kept.";
    case 'timeout':
      return `Stopped after ${limits.timeoutSeconds} s (time limit, setting pizarra.run.timeoutSeconds). The session's variables are kept.`;
    case 'lost':
      if (reason === 'memory') {
        return `MemoryError: the session used more than ${limits.memoryMB} MB (memory limit, setting pizarra.run.memoryMB). The session was ended and its variables were lost; the next run starts a new session.`;
      }
      if (reason === 'restarted') return "The session was restarted; its variables were cleared.";
      if (reason === 'unresponsive') {
        return "The session did not answer and was ended; its variables were lost. The next run starts a new session.";
      }
      return "The session ended unexpectedly and its variables were lost. The next run starts a new session.";
    case 'cancelled':
      return 'Not run: stopped before its turn came.';
    default:
      return '';
  }
}

export function truncationNote(limits: SessionLimits = DEFAULT_LIMITS): string {
  return `[output truncated after ${Math.round(limits.outputLimitChars / 1024)} KB (setting pizarra.run.outputLimitKB)]`;
}

/**
 * JavaScript limits that guest code can reach even when the engine guards against them (V8's stack, its
 * maximum string and array lengths) become the Python exceptions CPython raises in the same situation.
 */
export function internalErrorToPython(e: unknown): PythonError {
  const message = e instanceof Error ? e.message : String(e);
  let summary: string;
  if (e instanceof RangeError && /call stack/i.test(message)) summary = 'RecursionError: maximum recursion depth exceeded';
  else if (e instanceof RangeError && /(string|array) length|allocation failed|out of memory/i.test(message)) summary = 'MemoryError';
  else summary = `SystemError: internal error in Pizarra's sandbox: ${message}`;
  const type = summary.split(':')[0];
  return { type, summary, traceback: `Traceback (most recent call last):\n${summary}\n` };
}

/**
 * Output, the truncation note, then the traceback or the limit message: what a reader should see. The
 * editor passes its translations of the note and the message.
 */
export function resultText(
  result: RunResult,
  limits: SessionLimits = DEFAULT_LIMITS,
  words: { truncation?: string; message?: string } = {},
): string {
  const parts: string[] = [];
  if (result.output) parts.push(result.output.replace(/\n$/, ''));
  if (result.truncated) parts.push(words.truncation ?? truncationNote(limits));
  if (result.error && result.status === 'error') parts.push(result.error.traceback.replace(/\n$/, ''));
  const message = words.message ?? result.message;
  if (message) parts.push(message);
  return parts.join('\n');
}

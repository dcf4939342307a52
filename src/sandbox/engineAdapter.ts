// Adapts Pizarra's Python interpreter to the worker's EngineSession interface (src/sandbox/protocol.ts).
// Until the interpreter lands, every run reports that it is not built yet.

import type { EngineOptions, EngineSession } from './protocol';

export function createEngineSession(_options: EngineOptions): EngineSession {
  return {
    run() {
      const summary = "NotImplementedError: Pizarra's Python interpreter is not built yet";
      return { ok: false, error: { type: 'NotImplementedError', summary, traceback: `Traceback (most recent call last):\n${summary}\n` } };
    },
  };
}

// The runner's settings (`pizarra.run.*`), read per document so folders can differ. A change applies to
// sessions started afterwards (Restart Session applies it at once).

import * as vscode from 'vscode';
import type { ClientOptions } from '../../sandbox/client';
import { DEFAULT_LIMITS, DEFAULT_PRELUDE } from '../../sandbox/protocol';

export const RUN_SETTINGS = ['pizarra.run.prelude', 'pizarra.run.timeoutSeconds', 'pizarra.run.memoryMB', 'pizarra.run.outputLimitKB'] as const;

function positive(v: unknown, fallback: number, min: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
}

export function readClientOptions(scope: vscode.Uri): ClientOptions {
  const c = vscode.workspace.getConfiguration('pizarra.run', scope);
  const prelude = c.get<unknown>('prelude');
  return {
    prelude: typeof prelude === 'string' ? prelude : DEFAULT_PRELUDE,
    limits: {
      timeoutSeconds: positive(c.get('timeoutSeconds'), DEFAULT_LIMITS.timeoutSeconds, 0.1),
      memoryMB: Math.round(positive(c.get('memoryMB'), DEFAULT_LIMITS.memoryMB, 64)),
      outputLimitChars: Math.round(positive(c.get('outputLimitKB'), DEFAULT_LIMITS.outputLimitChars / 1024, 1) * 1024),
    },
  };
}

// The sandbox: modules that join the Python interpreter to the tensor core (`numpy`), and the
// resource limits that apply to them (tensor memory cap → MemoryError before allocating).

import * as T from '../tensor';
import type { ModuleFactory, Session } from '../python';
import { PyModule } from '../python/objects';
import { rt } from '../python/runtime';
import { makeNumpy } from './npModule';

export interface SandboxOptions {
  /** Cap on bytes of tensor memory alive at once (default 1 GiB). */
  memoryCapBytes?: number;
  /** Live array memory, to tell garbage from real growth when the cap is reached (see setAllocationCap). */
  liveBytes?: () => number;
}

/** RuntimeWarnings printed like Python's default filter: `file:line: RuntimeWarning: msg` + source, once per site. */
function installWarnings(session: Session): void {
  const seen = new Set<string>();
  T.setWarningSink((category, message) => {
    const f = rt.frame;
    const file = f ? f.code.file : '<string>';
    const line = f ? f.line : 0;
    const key = `${file}:${line}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const src = f ? (f.code.lines[line - 1] ?? '').trim() : '';
    session.err(`${file}:${line + (f ? f.code.lineOffset : 0)}: ${category}: ${message}\n${src ? `  ${src}\n` : ''}`);
  });
}

/** Bytes held by live ArrayBuffers in this process, as V8 accounts them (freed garbage excluded). */
function liveArrayBuffers(): number {
  return process.memoryUsage().arrayBuffers;
}

export function sandboxModules(opts: SandboxOptions = {}): Map<string, ModuleFactory> {
  let np: PyModule | null = null;
  const numpy = (s: Session): PyModule => {
    if (!np) {
      // The cap bounds live tensor memory: the count re-synchronises from `liveBytes` when it reaches the
      // cap, so a loop's dead temporaries never add up to a false MemoryError.
      const cap = opts.memoryCapBytes ?? 1024 * 1024 * 1024;
      const live = opts.liveBytes ?? liveArrayBuffers;
      T.setAllocationCap(cap, live);
      s.runHooks.push(() => T.setAllocationCap(cap, live));
      installWarnings(s);
      np = makeNumpy();
    }
    return np;
  };
  return new Map<string, ModuleFactory>([
    ['numpy', numpy],
    ['numpy.random', (s) => numpy(s).dict.get('random')],
    ['numpy.linalg', (s) => numpy(s).dict.get('linalg')],
  ]);
}

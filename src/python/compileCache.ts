// Compiled programs kept for re-runs, keyed by everything compilation depends on: the file name, the
// line offset and the source text. Re-running an unchanged block (Run or Run All in the editor, whose
// worker keeps its session across runs; a new session on the same source in one thread) reuses the
// closures, so V8 keeps the machine code it optimised for them; a freshly compiled set was de-optimised
// and optimised again on every re-run ("wrong call target": its call sites had learned the previous
// closures).
//
// Sharing is safe because compiled code holds no session: it reaches the session's builtins and modules
// through its frame's globals (frame.ts SessionHost), and every inline cache in it checks identity or a
// type version before trusting what it remembers. What it remembers can keep the last session's objects
// alive (a call site's last callee holds its globals) until the program runs again or is dropped: the
// editor and the CLI give each document its own worker, so this spans one session there; an embedder
// that runs many sessions in one thread holds at most MAX_PROGRAMS programs' worth.

import type { CodeInfo, S } from './frame';

export interface CompiledProgram {
  readonly code: CodeInfo;
  /** Slots of the module frame. */
  readonly nslots: number;
  readonly main: S;
}

// A few dozen programs: an article's blocks, re-run. Oldest dropped first (a Map iterates in insertion
// order, and a hit is re-inserted at the end).
const MAX_PROGRAMS = 64;
const programs = new Map<string, CompiledProgram>();

export function programKey(file: string, lineOffset: number, source: string): string {
  return `${file}\u0000${lineOffset}\u0000${source}`;
}

export function cachedProgram(key: string): CompiledProgram | undefined {
  const p = programs.get(key);
  if (p !== undefined) {
    programs.delete(key);
    programs.set(key, p);
  }
  return p;
}

export function cacheProgram(key: string, p: CompiledProgram): void {
  programs.set(key, p);
  if (programs.size > MAX_PROGRAMS) programs.delete(programs.keys().next().value!);
}

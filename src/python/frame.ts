// Execution frames and code metadata shared by the compiler's closures, plus the helpers that attach
// traceback entries (file, line, function, caret range) as a Python exception unwinds.

import type { Pos } from './ast';
import { fromHostError } from './errors';
import { PyBaseException, PyCell, type TracebackEntry } from './objects';

export interface CodeInfo {
  name: string;
  qualname: string;
  file: string;
  /** Source lines of the whole file (1-based line N is lines[N-1]). */
  lines: string[];
  /** Added to every line number when reporting (a block inside a Markdown file). */
  lineOffset: number;
}

/**
 * What compiled code reaches of the session that runs it. Compiled code is shared by every session that
 * runs the same source (compileCache.ts), so it finds the session's builtins and modules through the
 * frame's globals at run time and never captures them when it is compiled.
 */
export interface SessionHost {
  readonly builtins: Map<string, any>;
  /** The session's `len`, whose call sites skip the call (builtinSites.ts lenSite). */
  readonly len: unknown;
  importModule(name: string): any;
}

/** Module globals: one cell per name, so each load site caches its cell instead of hashing the name. */
export class Globals {
  private readonly cells = new Map<string, PyCell>();
  constructor(readonly host: SessionHost) {}
  get(name: string): any {
    return this.cells.get(name)?.v;
  }
  set(name: string, v: any): void {
    const c = this.cells.get(name);
    if (c) c.v = v;
    else this.cells.set(name, new PyCell(v));
  }
  delete(name: string): boolean {
    const c = this.cells.get(name);
    if (!c || c.v === undefined) return false;
    c.v = undefined;
    return true;
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  /** The cell of `name`, created empty if the name is not bound yet. */
  cell(name: string): PyCell {
    let c = this.cells.get(name);
    if (!c) {
      c = new PyCell(undefined);
      this.cells.set(name, c);
    }
    return c;
  }
}

// Hot classes (one Frame per call) declare their fields and assign them in the constructor: with ES2022
// class-field semantics a field or parameter property is first defined as undefined and then assigned,
// which on this path cost more than the rest of the allocation (callgrind: -15% instructions on a
// constructor loop for the same change in InstanceDict).
export class Frame {
  declare line: number;
  declare ret: any;
  declare readonly code: CodeInfo;
  declare readonly l: any[];
  declare readonly c: PyCell[] | null;
  declare readonly g: Globals;
  declare readonly ns: Map<string, any> | null;
  constructor(code: CodeInfo, l: any[], c: PyCell[] | null, g: Globals, ns: Map<string, any> | null) {
    this.code = code;
    this.l = l;
    this.c = c;
    this.g = g;
    this.ns = ns;
    this.line = 0;
    this.ret = null;
  }
}

/** Statement completion signals. */
export const NORMAL = 0, BREAK = 1, CONTINUE = 2, RETURN = 3;

export type X = (f: Frame) => any;
export type S = (f: Frame) => number;

export interface ErrPos {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  anchors?: [number, number];
}

/** Records the innermost failing expression of the current frame. */
export function at(e: unknown, pos: ErrPos): unknown {
  if (e instanceof PyBaseException) {
    if (e.pendingPos === null) e.pendingPos = pos;
    return e;
  }
  const p = fromHostError(e);
  p.pendingPos = pos;
  return p;
}

/** Adds this frame's traceback entry (once per frame) to an exception leaving or caught in `f`. */
export function record(e: unknown, f: Frame): PyBaseException {
  const p = e instanceof PyBaseException ? e : fromHostError(e);
  if (p.recordedFrame !== f) {
    const pos = p.pendingPos;
    const line = pos ? pos.line : f.line;
    const entry: TracebackEntry = {
      file: f.code.file,
      line: line + f.code.lineOffset,
      name: f.code.name,
      pos: pos ? { ...pos } : null,
      source: f.code.lines[line - 1] ?? null,
    };
    p.tb.push(entry);
    p.recordedFrame = f;
  }
  p.pendingPos = null;
  return p;
}

export function posOf(n: Pos): ErrPos {
  return { line: n.line, col: n.col, endLine: n.endLine, endCol: n.endCol };
}

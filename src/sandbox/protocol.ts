// The messages between the host (extension host or CLI) and the sandbox worker, the result of one run,
// and the small interface the worker needs from the Python engine. Plain data only: everything here
// crosses a worker_threads port by structured clone, so no functions and no host objects.

/**
 * The shared Int32Array has two slots. Slot 0 is the interpreter's flag: non-zero asks it to stop the
 * running code, and it clears the slot when it raises KeyboardInterrupt. Slot 1 keeps why the host asked
 * (the values below), so the worker can tell Stop from the time limit after the flag was cleared.
 */
export const INTERRUPT_SLOTS = 2;
export const REASON_SLOT = 1;
export const INTERRUPT_NONE = 0;
/** The user pressed Stop. */
export const INTERRUPT_STOP = 1;
/** The host's per-run timer expired (`pizarra.run.timeoutSeconds`). */
export const INTERRUPT_TIMEOUT = 2;

/** Limits of one session, all settings the writer can change. */
export interface SessionLimits {
  /** Wall time per run, in seconds (`pizarra.run.timeoutSeconds`, default 30). */
  readonly timeoutSeconds: number;
  /** Worker heap limit in MB, also the base of the tensor core's allocation cap (`pizarra.run.memoryMB`). */
  readonly memoryMB: number;
  /** Characters of output kept per run; the rest is dropped with a note (`pizarra.run.outputLimitKB` × 1024). */
  readonly outputLimitChars: number;
}

export const DEFAULT_LIMITS: SessionLimits = { timeoutSeconds: 30, memoryMB: 512, outputLimitChars: 256 * 1024 };
export const DEFAULT_PRELUDE = 'import numpy as np';

/** The fraction of the heap the tensor core may hold: the rest is for the interpreter and its objects. */
export const TENSOR_SHARE_OF_HEAP = 0.5;

// ---- host → worker -----------------------------------------------------------------------------

export interface InitMessage {
  readonly type: 'init';
  /** The interrupt flag and its reason, shared with the host (INTERRUPT_SLOTS Int32 slots). */
  readonly interrupt: SharedArrayBuffer;
  readonly limits: SessionLimits;
}

export interface RunMessage {
  readonly type: 'run';
  readonly id: number;
  readonly source: string;
  /** What tracebacks name: the Markdown file's path, or `<prelude>`. */
  readonly filename: string;
  /** Lines before the source's first line in `filename`: Python line n is reported as lineOffset + n. */
  readonly lineOffset: number;
}

export type HostMessage = InitMessage | RunMessage;

// ---- worker → host -----------------------------------------------------------------------------

export interface ReadyMessage {
  readonly type: 'ready';
}

export type Stream = 'stdout' | 'stderr';

/**
 * Output while a run goes on, in order, each chunk with its stream; everything is sent before the run's
 * `done` (what the output limit kept), so a caller can print exactly what the program wrote, where it
 * wrote it (`pizarra exec`). The final result repeats all of it, merged.
 */
export interface OutputMessage {
  readonly type: 'output';
  readonly id: number;
  readonly chunks: ReadonlyArray<{ readonly stream: Stream; readonly text: string }>;
}

export interface DoneMessage {
  readonly type: 'done';
  readonly result: RunResult;
}

export type WorkerMessage = ReadyMessage | OutputMessage | DoneMessage;

// ---- results -----------------------------------------------------------------------------------

/**
 * ok: ran to the end. error: an uncaught Python exception. interrupted: Stop was pressed (variables kept).
 * timeout: the time limit stopped it (variables kept). lost: the worker died or did not answer — out of
 * memory, or stuck — and the session's state is gone; the next run starts a new session. cancelled: never
 * started, because Stop or Restart came while it waited its turn.
 */
export type RunStatus = 'ok' | 'error' | 'interrupted' | 'timeout' | 'lost' | 'cancelled';

export interface PythonError {
  /** Exception class name: `ZeroDivisionError`, `KeyboardInterrupt`, `SyntaxError`. */
  readonly type: string;
  /** The exception's last traceback line, e.g. `ZeroDivisionError: division by zero`. */
  readonly summary: string;
  /** The whole traceback as CPython prints it, ending with a newline. */
  readonly traceback: string;
  /** One-based line in `filename` of the innermost frame inside the run's source, if any. */
  readonly line?: number;
  /** One-based line in `filename` of the innermost frame in that file (may be in another block). */
  readonly raisedAt?: number;
  /** One-based column (SyntaxError carets). */
  readonly column?: number;
  /** Set when the engine's own deadline (the backstop of the host's timer) raised the KeyboardInterrupt. */
  readonly timeLimit?: boolean;
}

export interface RunResult {
  readonly id: number;
  readonly status: RunStatus;
  /** stdout and stderr as printed, interleaved, without the traceback; possibly truncated. */
  readonly output: string;
  readonly truncated: boolean;
  readonly error?: PythonError;
  /** For interrupted, timeout and lost: a sentence that names the limit or the action. */
  readonly message?: string;
  /** For lost: why the session ended. */
  readonly lostReason?: 'memory' | 'unresponsive' | 'crashed' | 'restarted';
  /** Wall time from the host's request to the result (for `lost`, until the host gave up). */
  readonly durationMs: number;
}

// ---- what the worker needs from the Python engine ---------------------------------------------

export interface EngineOptions {
  readonly write: (stream: Stream, text: string) => void;
  /** Slot 0 of the shared flag: the interpreter polls it and clears it when it interrupts. */
  readonly interrupt: Int32Array;
  /** Wall time per run in ms: the interpreter's own deadline, a backstop for the host's timer. */
  readonly timeoutMs: number;
  /** Bytes the tensor core may allocate in total before raising MemoryError. */
  readonly tensorBytes: number;
}

export type EngineOutcome = { readonly ok: true } | { readonly ok: false; readonly error: PythonError };

/** One persistent namespace: each run adds to what earlier runs defined. */
export interface EngineSession {
  run(source: string, filename: string, lineOffset: number): EngineOutcome;
}

export function isWorkerMessage(m: unknown): m is WorkerMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

// The sandbox worker (worker_threads entry, bundled to out/worker.js): owns one Python session, runs the
// sources the host sends one at a time, caps their output and reports each result. Guest code runs in
// Pizarra's own interpreter, so it reaches no Node API from here; the worker thread only keeps the
// extension host's thread free and lets the host kill a session that stops answering.

import { parentPort } from 'node:worker_threads';
import { createEngineSession } from './engineAdapter';
import {
  INTERRUPT_NONE,
  INTERRUPT_TIMEOUT,
  REASON_SLOT,
  TENSOR_SHARE_OF_HEAP,
  type EngineOutcome,
  type EngineSession,
  type HostMessage,
  type InitMessage,
  type PythonError,
  type RunMessage,
  type RunResult,
  type Stream,
  type WorkerMessage,
} from './protocol';
import { limitMessage, internalErrorToPython } from './outcomes';
import { enableRelaxedSimd } from './relaxedSimd';

enableRelaxedSimd();

/** Progress messages at most this often, so an output flood cannot flood the port. */
const PROGRESS_EVERY_MS = 100;

const port = parentPort;
let session: EngineSession | undefined;
/** Both slots of the shared flag (slot 0 goes to the interpreter, slot 1 holds the host's reason). */
let flag: Int32Array | undefined;
let init: InitMessage | undefined;

/** Output of the run in progress. */
const out = { id: 0, parts: [] as string[], size: 0, truncated: false, unsent: [] as Array<{ stream: Stream; text: string }>, lastSent: 0 };

function post(m: WorkerMessage): void {
  port?.postMessage(m);
}

/** Sends what was written since the last message, consecutive writes to one stream joined. */
function flush(): void {
  if (out.unsent.length === 0) return;
  const chunks: Array<{ stream: Stream; text: string }> = [];
  for (const c of out.unsent) {
    const last = chunks[chunks.length - 1];
    if (last && last.stream === c.stream) last.text += c.text;
    else chunks.push({ ...c });
  }
  post({ type: 'output', id: out.id, chunks });
  out.unsent = [];
  out.lastSent = Date.now();
}

function write(stream: Stream, text: string): void {
  if (typeof text !== 'string' || text.length === 0) return;
  const room = (init?.limits.outputLimitChars ?? Infinity) - out.size;
  if (text.length > room) out.truncated = true;
  if (room > 0) {
    const kept = text.length > room ? text.slice(0, room) : text;
    out.parts.push(kept);
    out.size += kept.length;
    out.unsent.push({ stream, text: kept });
  }
  if (Date.now() - out.lastSent >= PROGRESS_EVERY_MS) flush();
}

function start(m: InitMessage): void {
  init = m;
  flag = new Int32Array(m.interrupt);
  const tensorBytes = Math.floor(m.limits.memoryMB * 1024 * 1024 * TENSOR_SHARE_OF_HEAP);
  const interrupt = new Int32Array(m.interrupt, 0, 1);
  session = createEngineSession({ write, interrupt, tensorBytes, timeoutMs: m.limits.timeoutSeconds * 1000 });
  post({ type: 'ready' });
}

function run(m: RunMessage): void {
  const t0 = performance.now();
  out.id = m.id;
  out.parts = [];
  out.size = 0;
  out.truncated = false;
  out.unsent = [];
  out.lastSent = Date.now();
  let outcome: EngineOutcome;
  try {
    if (!session) throw new Error('the sandbox worker got a run before init');
    outcome = session.run(m.source, m.filename, m.lineOffset);
  } catch (e) {
    // The engine is meant to turn every failure into a Python exception; this is the safety net.
    outcome = { ok: false, error: internalErrorToPython(e) };
  }
  const reason = flag ? Atomics.load(flag, REASON_SLOT) : INTERRUPT_NONE;
  flush();
  post({ type: 'done', result: resultOf(m.id, outcome, reason, performance.now() - t0) });
  out.parts = [];
}

function resultOf(id: number, outcome: EngineOutcome, reason: number, durationMs: number): RunResult {
  let output = out.parts.join('');
  const base = { id, truncated: out.truncated, durationMs };
  if (outcome.ok) return { ...base, output, status: 'ok' };
  const error: PythonError = outcome.error;
  // The engine also prints the traceback on stderr; the result carries it apart from the output.
  if (output.endsWith(error.traceback)) output = output.slice(0, output.length - error.traceback.length);
  const timedOut = reason === INTERRUPT_TIMEOUT || (reason === INTERRUPT_NONE && error.timeLimit === true);
  if (error.type === 'KeyboardInterrupt' && (reason !== INTERRUPT_NONE || timedOut)) {
    const status = timedOut ? 'timeout' : 'interrupted';
    return { ...base, output, status, error, message: limitMessage(status, init?.limits) };
  }
  return { ...base, output, status: 'error', error };
}

port?.on('message', (m: HostMessage) => {
  if (m.type === 'init') start(m);
  else if (m.type === 'run') run(m);
});

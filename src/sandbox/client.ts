// Host side of a sandbox session: spawns the worker with a heap limit, runs sources one at a time (the
// prelude first in every new session), enforces the time limit through the shared interrupt flag, and
// when the worker does not answer in time, terminates it and says that the session's state was lost.
// Used by the editor (one client per document) and by `pizarra run` / `check` / `render --run`.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { limitMessage, type LostReason } from './outcomes';
import {
  DEFAULT_LIMITS,
  DEFAULT_PRELUDE,
  INTERRUPT_NONE,
  INTERRUPT_SLOTS,
  INTERRUPT_STOP,
  INTERRUPT_TIMEOUT,
  isWorkerMessage,
  REASON_SLOT,
  type RunResult,
  type SessionLimits,
  type Stream,
  type WorkerMessage,
} from './protocol';

export interface ClientOptions {
  /** The bundled worker; defaults to worker.js next to the running bundle (out/). */
  readonly workerPath?: string;
  readonly limits?: Partial<SessionLimits>;
  /** Python run at the start of every session (`pizarra.run.prelude`). */
  readonly prelude?: string;
  /** How long a stopped run may take to answer before the worker is terminated. */
  readonly graceMs?: number;
}

export interface RunRequest {
  readonly source: string;
  readonly filename: string;
  readonly lineOffset: number;
  /** Output as the program writes it, in order, with its stream (the final result repeats all of it, merged). */
  readonly onOutput?: (text: string, stream: Stream) => void;
}

export type SessionState = 'none' | 'starting' | 'idle' | 'running';

interface Running {
  readonly id: number;
  readonly t0: number;
  readonly onOutput?: (text: string, stream: Stream) => void;
  readonly resolve: (r: RunResult) => void;
  timer?: NodeJS.Timeout;
  grace?: NodeJS.Timeout;
}

const DEFAULT_GRACE_MS = 2000;

function newFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(INTERRUPT_SLOTS * 4));
}

let defaultWorkerPath: string | undefined;

/** Where clients find the worker when not told: tests point this at a freshly bundled worker. */
export function setDefaultWorkerPath(p: string | undefined): void {
  defaultWorkerPath = p;
}

/** out/worker.js next to the running bundle (extension or CLI); from sources (tsx), the TypeScript entry. */
function resolveWorker(): { file: string; execArgv: string[] } {
  const file = defaultWorkerPath ?? path.join(__dirname, 'worker.js');
  if (defaultWorkerPath || existsSync(file)) return { file, execArgv: [] };
  const ts = path.join(__dirname, 'worker.ts');
  // Only when running from sources (tsx), where tsx is installed; bundles never take this branch.
  return { file: ts, execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
}

export class SandboxClient {
  readonly limits: SessionLimits;
  private readonly prelude: string;
  private readonly worker0: { file: string; execArgv: string[] };
  private readonly graceMs: number;
  private worker: Worker | undefined;
  private ready: Promise<boolean> | undefined;
  private flag = newFlag();
  private running: Running | undefined;
  private nextId = 1;
  /** Runs wait here for their turn: one at a time, in the order requested. */
  private tail: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private needsPrelude = true;
  private readonly listeners = new Set<(s: SessionState) => void>();
  private stateValue: SessionState = 'none';

  constructor(options: ClientOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.prelude = options.prelude ?? DEFAULT_PRELUDE;
    this.worker0 = options.workerPath ? { file: options.workerPath, execArgv: [] } : resolveWorker();
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** Whether a session with variables exists (false before the first run and after a loss or restart). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  onState(listener: (s: SessionState) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Starts the worker ahead of the first run, so that run does not wait for it. */
  warmUp(): Promise<boolean> {
    return this.ensureWorker();
  }

  /** Queues a run; it starts when the runs requested before it have ended. */
  run(request: RunRequest): Promise<RunResult> {
    const generation = this.generation;
    const result = this.tail.then(() => {
      if (generation !== this.generation) return this.cancelled();
      return this.runNow(request, generation);
    });
    this.tail = result;
    return result;
  }

  /** Stops the running code (keeping the variables) and cancels the runs waiting for their turn. */
  stop(): void {
    this.generation++;
    if (this.running) this.interrupt(INTERRUPT_STOP);
  }

  /** Ends the session: variables are cleared and the next run starts a new one with the prelude. */
  restart(): void {
    this.generation++;
    this.kill('restarted');
  }

  dispose(): void {
    this.restart();
    this.listeners.clear();
  }

  // ---- internals ------------------------------------------------------------------------------

  private setState(s: SessionState): void {
    if (s === this.stateValue) return;
    this.stateValue = s;
    for (const l of this.listeners) l(s);
  }

  private cancelled(): RunResult {
    return { id: this.nextId++, status: 'cancelled', output: '', truncated: false, durationMs: 0, message: limitMessage('cancelled') };
  }

  private async runNow(request: RunRequest, generation: number): Promise<RunResult> {
    const t0 = performance.now();
    if (!(await this.ensureWorker())) return this.lostResult(this.nextId++, t0, 'crashed');
    // Stop may come while the worker starts or the prelude runs.
    if (generation !== this.generation) return this.cancelled();
    let preludeOutput = '';
    if (this.needsPrelude && this.prelude.trim()) {
      this.needsPrelude = false;
      const pre = await this.post({ source: this.prelude, filename: '<prelude>', lineOffset: 0 }, t0);
      if (pre.status !== 'ok') {
        const note = `The prelude (setting pizarra.run.prelude) failed, so this block did not run.`;
        return { ...pre, message: pre.message ? `${pre.message} ${note}` : note };
      }
      // What the prelude prints is shown with the first block, the one that made it run.
      preludeOutput = pre.output;
      if (preludeOutput) request.onOutput?.(preludeOutput, 'stdout');
    }
    this.needsPrelude = false;
    if (generation !== this.generation) return this.cancelled();
    const result = await this.post(request, t0);
    return preludeOutput ? { ...result, output: preludeOutput + result.output } : result;
  }

  private post(request: RunRequest, t0: number): Promise<RunResult> {
    const worker = this.worker;
    const id = this.nextId++;
    if (!worker) return Promise.resolve(this.lostResult(id, t0, 'crashed'));
    return new Promise<RunResult>((resolve) => {
      const running: Running = { id, t0, onOutput: request.onOutput, resolve };
      this.running = running;
      Atomics.store(this.flag, 0, INTERRUPT_NONE);
      Atomics.store(this.flag, REASON_SLOT, INTERRUPT_NONE);
      running.timer = setTimeout(() => this.interrupt(INTERRUPT_TIMEOUT), this.limits.timeoutSeconds * 1000);
      worker.ref();
      this.setState('running');
      worker.postMessage({ type: 'run', id, source: request.source, filename: request.filename, lineOffset: request.lineOffset });
    });
  }

  private interrupt(reason: number): void {
    const running = this.running;
    if (!running) return;
    if (Atomics.load(this.flag, REASON_SLOT) === INTERRUPT_NONE) {
      Atomics.store(this.flag, REASON_SLOT, reason);
      Atomics.store(this.flag, 0, reason);
    }
    clearTimeout(running.timer);
    if (!running.grace) running.grace = setTimeout(() => this.kill('unresponsive'), this.graceMs);
  }

  private finish(result: RunResult): void {
    const running = this.running;
    if (!running || running.id !== result.id) return;
    clearTimeout(running.timer);
    clearTimeout(running.grace);
    this.running = undefined;
    this.worker?.unref();
    this.setState(this.worker ? 'idle' : 'none');
    running.resolve({ ...result, durationMs: performance.now() - running.t0 });
  }

  private lostResult(id: number, t0: number, reason: LostReason): RunResult {
    return { id, status: 'lost', lostReason: reason, output: '', truncated: false, durationMs: performance.now() - t0, message: limitMessage('lost', this.limits, reason) };
  }

  /** Terminates the worker; a run in progress ends as `lost` with the reason. */
  private kill(reason: LostReason, partialOutput = ''): void {
    const worker = this.worker;
    const running = this.running;
    this.worker = undefined;
    this.ready = undefined;
    this.needsPrelude = true;
    // A fresh flag: the old worker may still hold the old one while it dies.
    this.flag = newFlag();
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
    }
    if (running) {
      this.running = running;
      const r = this.lostResult(running.id, running.t0, reason);
      this.finish({ ...r, output: partialOutput });
    }
    this.setState('none');
  }

  private ensureWorker(): Promise<boolean> {
    if (this.ready) return this.ready;
    this.setState('starting');
    const worker = new Worker(this.worker0.file, {
      // The heap limit is the memory setting; V8 ends the worker (not the host) when guest code exceeds it.
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMB, stackSizeMb: 8 },
      env: {},
      argv: [],
      execArgv: this.worker0.execArgv,
      stdout: true,
      stderr: true,
    });
    this.worker = worker;
    const partial: string[] = [];
    this.ready = new Promise<boolean>((resolve) => {
      worker.on('message', (m: unknown) => {
        if (!isWorkerMessage(m)) return;
        this.onMessage(m as WorkerMessage, partial, resolve);
      });
      worker.on('error', (e: Error & { code?: string }) => {
        resolve(false);
        this.kill(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', partial.join(''));
      });
      worker.on('exit', () => {
        resolve(false);
        if (this.worker === worker) this.kill('crashed', partial.join(''));
      });
    });
    worker.postMessage({ type: 'init', interrupt: this.flag.buffer, limits: this.limits });
    return this.ready;
  }

  private onMessage(m: WorkerMessage, partial: string[], ready: (ok: boolean) => void): void {
    if (m.type === 'ready') {
      ready(true);
      this.worker?.unref();
      if (!this.running) this.setState('idle');
    } else if (m.type === 'output') {
      if (this.running?.id !== m.id) return;
      for (const c of m.chunks) {
        partial.push(c.text);
        this.running.onOutput?.(c.text, c.stream);
      }
    } else if (m.type === 'done') {
      partial.length = 0;
      this.finish(m.result);
    }
  }
}

// One document's session: its sandbox client, the records of the blocks it ran, and the order of runs.
// Requests queue behind each other ("Run All" while a block runs waits its turn); a block that does not end
// well stops the rest of its batch, like Jupyter's Run All; Stop interrupts and drops what is queued.

import type { RunnableBlock } from '../../sandbox/blocks';
import { SandboxClient, type ClientOptions, type SessionState } from '../../sandbox/client';
import type { RunResult, SessionLimits } from '../../sandbox/protocol';
import { BlockRecords, type BlockRecord } from './records';

export type SessionView = 'none' | 'idle' | 'running' | 'stopped';

export class DocumentSession {
  readonly records = new BlockRecords();
  private client: SandboxClient;
  private tail: Promise<unknown> = Promise.resolve();
  /** Bumped by Stop and Restart: batches started before it stop taking blocks. */
  private epoch = 0;
  private stoppedByUser = false;
  private readonly changeListeners = new Set<(record: BlockRecord | undefined) => void>();

  constructor(
    readonly filename: string,
    private optionsValue: ClientOptions,
  ) {
    this.client = this.newClient();
  }

  /** idle / running / stopped, or none before the first run and after a restart or a lost session. */
  get view(): SessionView {
    const s: SessionState = this.client.state;
    if (s === 'running' || this.records.all().some((r) => r.state !== 'done')) return 'running';
    if (this.stoppedByUser) return 'stopped';
    return s === 'idle' || s === 'starting' ? 'idle' : 'none';
  }

  get busy(): boolean {
    return this.view === 'running';
  }

  /** Called on every state change: a record's (queued, running, output, done), or the session's (undefined). */
  onChange(listener: (record: BlockRecord | undefined) => void): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Options for the next session (settings changed); the current one keeps its limits until restarted. */
  setOptions(options: ClientOptions): void {
    this.optionsValue = options;
  }

  /** The limits of the current session. */
  get limits(): SessionLimits {
    return this.client.limits;
  }

  /** The options new sessions start with. */
  get options(): ClientOptions {
    return this.optionsValue;
  }

  /** Queues the blocks, in the order given; resolves when the last has ended or the batch stopped. */
  run(blocks: readonly RunnableBlock[]): Promise<void> {
    const epoch = this.epoch;
    const records = blocks.map((b) => this.records.queue(b));
    this.stoppedByUser = false;
    records.forEach((r) => this.emit(r));
    const batch = this.tail.then(async () => {
      for (const record of records) {
        if (record.gone) continue; // its fence was deleted while it waited
        if (epoch !== this.epoch) {
          this.settle(record, undefined);
          continue;
        }
        record.state = 'running';
        this.emit(record);
        const result = await this.client.run({
          source: record.source,
          filename: this.filename,
          lineOffset: record.lineOffset,
          onOutput: (text) => {
            record.partial += text;
            this.emit(record);
          },
        });
        this.settle(record, result);
        if (result.status !== 'ok') this.epoch++;
      }
    });
    this.tail = batch;
    return batch;
  }

  stop(): void {
    this.epoch++;
    this.stoppedByUser = true;
    this.client.stop();
    this.emit(undefined);
  }

  restart(): void {
    this.epoch++;
    this.stoppedByUser = false;
    this.client.dispose();
    this.client = this.newClient();
    this.records.clear();
    void this.client.warmUp();
    this.emit(undefined);
  }

  warmUp(): void {
    void this.client.warmUp();
  }

  dispose(): void {
    this.epoch++;
    this.client.dispose();
    this.changeListeners.clear();
  }

  private newClient(): SandboxClient {
    const c = new SandboxClient(this.optionsValue);
    c.onState(() => this.emit(undefined));
    return c;
  }

  /** A record whose run ended, or that never ran (undefined result: dropped from the queue). */
  private settle(record: BlockRecord, result: RunResult | undefined): void {
    record.state = 'done';
    record.partial = '';
    if (result) record.result = result;
    else if (!record.result) record.gone = true;
    this.emit(record);
  }

  private emit(record: BlockRecord | undefined): void {
    for (const l of this.changeListeners) l(record);
  }
}

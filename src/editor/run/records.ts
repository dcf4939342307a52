// What the editor remembers of each block it ran: where the block is now (its fence lines move with every
// edit above or inside it, so a result that arrives after edits lands on the right block), what source
// ran, and the result. Pure (no `vscode`): edits come in as plain line changes, so it is unit-tested.

import type { RunnableBlock } from '../../sandbox/blocks';
import type { RunResult } from '../../sandbox/protocol';

export type RecordState = 'queued' | 'running' | 'done';

export interface BlockRecord {
  /** Zero-based lines of the opening and closing fences, now. */
  fenceLine: number;
  endLine: number;
  /** The source that ran (or will run); differs from the block's source once the block is edited. */
  source: string;
  /** Markdown line offset of the source at run time (tracebacks count from it). */
  lineOffset: number;
  state: RecordState;
  /** Output received so far while running. */
  partial: string;
  result?: RunResult;
  stale: boolean;
  /** Set when the block under it disappeared (fence deleted): the record is dropped. */
  gone: boolean;
}

/** One edit in the shape VS Code reports it: the replaced range (old text) and the line breaks inserted. */
export interface LineChange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly newLineBreaks: number;
}

export class BlockRecords {
  private readonly records: BlockRecord[] = [];

  all(): readonly BlockRecord[] {
    return this.records;
  }

  at(fenceLine: number): BlockRecord | undefined {
    return this.records.find((r) => r.fenceLine === fenceLine);
  }

  /** A fresh record for a block about to run (replacing the previous one of the same block). */
  queue(block: RunnableBlock): BlockRecord {
    const old = this.records.indexOf(this.at(block.fenceLine)!);
    const record: BlockRecord = {
      fenceLine: block.fenceLine,
      endLine: block.endLine,
      source: block.source,
      lineOffset: block.lineOffset,
      state: 'queued',
      partial: '',
      stale: false,
      gone: false,
    };
    if (old >= 0) {
      this.records[old].gone = true;
      this.records[old] = record;
    } else this.records.push(record);
    return record;
  }

  clear(): void {
    for (const r of this.records) r.gone = true;
    this.records.length = 0;
  }

  /** Moves records through edits; changes are those of one document event (ranges in the old text). */
  applyChanges(changes: readonly LineChange[]): void {
    // Bottom-up, so each change's line numbers are still valid when it is applied.
    const sorted = [...changes].sort((a, b) => b.startLine - a.startLine);
    for (const c of sorted) {
      const delta = c.newLineBreaks - (c.endLine - c.startLine);
      for (const r of this.records) {
        if (c.startLine > r.endLine) continue; // below the block
        if (c.endLine < r.fenceLine || (c.endLine === r.fenceLine && c.endCharacter === 0)) {
          r.fenceLine += delta; // above the block (ending at the start of the fence line counts as above)
          r.endLine += delta;
        } else if (c.startLine > r.fenceLine || (c.startLine === r.fenceLine && c.startCharacter > 0)) {
          r.endLine = Math.max(r.fenceLine, r.endLine + delta); // inside the block
        } else {
          r.gone = true; // the edit replaces the opening fence
        }
      }
    }
  }

  /**
   * Matches the records with the document's blocks after edits: a record keeps its block if a block still
   * opens on its fence line; it becomes stale when that block's source differs from what ran.
   */
  revalidate(blocks: readonly RunnableBlock[]): void {
    const byLine = new Map(blocks.map((b) => [b.fenceLine, b]));
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i];
      const b = r.gone ? undefined : byLine.get(r.fenceLine);
      if (!b) {
        r.gone = true;
        this.records.splice(i, 1);
        continue;
      }
      r.endLine = b.endLine;
      r.stale = b.source !== r.source;
    }
  }
}

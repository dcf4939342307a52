// Runs an article's blocks one after the other in one session, in document order, stopping at the first
// block that does not end well unless told to keep going. Shared by `pizarra run`, `check` and `render --run`.

import type { RunnableBlock } from './blocks';
import type { SandboxClient } from './client';
import type { RunResult } from './protocol';

export interface BlockRun {
  readonly block: RunnableBlock;
  readonly result: RunResult;
}

export interface RunDocumentOptions {
  readonly keepGoing?: boolean;
  /** Called as each block ends, before the next starts. */
  readonly onResult?: (run: BlockRun) => void;
}

export async function runDocument(
  client: SandboxClient,
  blocks: readonly RunnableBlock[],
  filename: string,
  options: RunDocumentOptions = {},
): Promise<BlockRun[]> {
  const runs: BlockRun[] = [];
  for (const block of blocks) {
    const result = await client.run({ source: block.source, filename, lineOffset: block.lineOffset });
    const run = { block, result };
    runs.push(run);
    options.onResult?.(run);
    if (result.status !== 'ok' && !options.keepGoing) break;
  }
  return runs;
}

/** The outputs by the zero-based line of each block's opening fence: what renderers put under the blocks. */
export function outputsByFenceLine(runs: readonly BlockRun[]): Map<number, RunResult> {
  return new Map(runs.map((r) => [r.block.fenceLine, r.result]));
}

// `pizarra run FILE.md`: runs the article's python blocks in order in one session of the same worker
// sandbox the editor uses, printing each block's output under a header with its line number. Exit 1 on
// the first block that fails (its traceback on stderr), or on any failure with --keep-going.

import path from 'node:path';
import { buildModel } from '../markdown/model';
import { runnableBlocks } from '../sandbox/blocks';
import { SandboxClient } from '../sandbox/client';
import type { CodeOutput } from '../markdown/render';
import { resultText, truncationNote } from '../sandbox/outcomes';
import { DEFAULT_LIMITS, DEFAULT_PRELUDE, type SessionLimits } from '../sandbox/protocol';
import { runDocument, type BlockRun } from '../sandbox/runDocument';
import type { OptionSpec, ParsedOptions } from './args';
import { CliError, type CliIO, type Command } from './command';
import { readInput } from './files';

/** The options shared by every command that runs code (`run`, `check`, `render --run`). */
export const runOptions: readonly OptionSpec[] = [
  { name: 'timeout', kind: 'number', value: 'SECONDS', description: `Time limit per block (default ${DEFAULT_LIMITS.timeoutSeconds}, like pizarra.run.timeoutSeconds)` },
  { name: 'prelude', kind: 'string', value: 'CODE', description: `Python run before the first block (default '${DEFAULT_PRELUDE}'; '' for none)` },
  { name: 'memory', kind: 'number', value: 'MB', description: `Memory limit of the session (default ${DEFAULT_LIMITS.memoryMB})` },
];

export function clientFromOptions(options: ParsedOptions): SandboxClient {
  const limits: { -readonly [K in keyof SessionLimits]?: SessionLimits[K] } = {};
  const timeout = options.get('timeout');
  if (timeout !== undefined) {
    if (typeof timeout !== 'number' || timeout <= 0) throw new CliError("option '--timeout' needs a positive number of seconds");
    limits.timeoutSeconds = timeout;
  }
  const memory = options.get('memory');
  if (memory !== undefined) {
    if (typeof memory !== 'number' || memory < 16) throw new CliError("option '--memory' needs at least 16 (MB)");
    limits.memoryMB = memory;
  }
  const prelude = options.get('prelude');
  return new SandboxClient({ limits, prelude: typeof prelude === 'string' ? prelude : DEFAULT_PRELUDE });
}

/** Prints one block's run: header, output, and for failures the traceback or limit message on stderr. */
export function printBlockRun(run: BlockRun, display: string, io: CliIO, limits: SessionLimits): void {
  const { block, result } = run;
  io.stdout(`── ${display}:${block.fenceLine + 1} · block ${block.index + 1} ──\n`);
  if (result.output) io.stdout(result.output.endsWith('\n') ? result.output : result.output + '\n');
  if (result.truncated) io.stdout(truncationNote(limits) + '\n');
  if (result.error) io.stderr(result.error.traceback);
  if (result.message) io.stderr(result.message + '\n');
}

/** Runs the python blocks of an article's text in a new session; `complete` when every block ran to the end. */
export async function runText(
  text: string,
  display: string,
  options: ParsedOptions,
  onResult?: (run: BlockRun, limits: SessionLimits) => void,
): Promise<{ runs: BlockRun[]; complete: boolean; blocks: number }> {
  const blocks = runnableBlocks(buildModel(text).code);
  const client = clientFromOptions(options);
  try {
    const runs = await runDocument(client, blocks, display, {
      keepGoing: options.get('keep-going') === true,
      onResult: (r) => onResult?.(r, client.limits),
    });
    return { runs, blocks: blocks.length, complete: runs.length === blocks.length && runs.every((r) => r.result.status === 'ok') };
  } finally {
    client.dispose();
  }
}

/** How tracebacks name the file: as it was given, like python3 does. */
export function displayName(file: string, absolute: string, cwd: string): string {
  return path.isAbsolute(file) ? file : path.relative(cwd, absolute) || file;
}

/** Runs one article, printing each block; returns whether every block ran to the end. */
export async function runArticle(file: string, options: ParsedOptions, io: CliIO): Promise<boolean> {
  const input = readInput(file, io.cwd);
  const display = displayName(file, input.path, io.cwd);
  const { complete, blocks } = await runText(input.text, display, options, (r, limits) => printBlockRun(r, display, io, limits));
  if (blocks === 0) io.stdout(`${display}: no python blocks to run\n`);
  return complete;
}

/** For `render --run`: each block's output by the model's code block index, and whether all ran well. */
export async function articleOutputs(text: string, display: string, options: ParsedOptions): Promise<{ outputs: Map<number, CodeOutput>; complete: boolean }> {
  const outputs = new Map<number, CodeOutput>();
  const { complete } = await runText(text, display, options, ({ block, result }, limits) => {
    const out = resultText(result, limits);
    if (out) outputs.set(block.code.index, { text: out, error: result.status !== 'ok' });
  });
  return { outputs, complete };
}

export const runCommand: Command = {
  name: 'run',
  summary: "Run an article's python blocks in order in one sandboxed session",
  usage: 'FILE.md [--keep-going] [--timeout SECONDS] [--prelude CODE]',
  options: [{ name: 'keep-going', kind: 'boolean', description: 'Run the remaining blocks after one fails' }, ...runOptions],
  details: 'Blocks run in the same sandbox as the editor: no files, network, processes or environment.\nExit codes: 0 every block ran, 1 a block failed (traceback on stderr), 2 usage error.',
  async run(positional, options, io) {
    if (positional.length !== 1) throw new CliError('expected one Markdown file');
    return (await runArticle(positional[0], options, io)) ? 0 : 1;
  },
};

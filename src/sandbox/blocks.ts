// Which code blocks of an article run, in what order, and where their lines are in the Markdown file:
// every ```python fence (also `py`, `python3`), in document order, each with the line offset that makes
// tracebacks name the Markdown line. A fence whose info string has `norun` is shown, never run (for code
// that illustrates an error, or needs what the sandbox lacks).

/**
 * What this needs of a fenced block of the document model (src/markdown/model.ts `CodeBlock`), declared
 * here because the sandbox layer does not import the Markdown layer; callers pass `model.code`.
 */
export interface Fence {
  /** Position among all the document's fences (the model's `CodeBlock.index`). */
  readonly index: number;
  readonly lang: string;
  readonly info: string;
  readonly content: string;
  readonly fenceLine: number;
  readonly closeLine: number | undefined;
  readonly range: { readonly end: { readonly line: number } };
}

export const PYTHON_LANGS: ReadonlySet<string> = new Set(['python', 'py', 'python3']);

export interface RunnableBlock {
  /** Position among the article's runnable blocks. */
  readonly index: number;
  readonly code: Fence;
  readonly source: string;
  /** Lines before the source's first line: Python line n is Markdown line lineOffset + n (one-based). */
  readonly lineOffset: number;
  /** Zero-based line of the opening fence. */
  readonly fenceLine: number;
  /** Zero-based line of the closing fence, or of the last line when the fence is never closed. */
  readonly endLine: number;
}

export function isRunnable(code: Fence): boolean {
  if (!PYTHON_LANGS.has(code.lang)) return false;
  return !/(^|[\s{,.])no-?run\b/i.test(code.info.slice(code.lang.length));
}

export function runnableBlocks(fences: readonly Fence[]): RunnableBlock[] {
  const out: RunnableBlock[] = [];
  for (const code of fences) {
    if (!isRunnable(code)) continue;
    out.push({
      index: out.length,
      code,
      source: code.content,
      // The content starts on the line after the opening fence (zero-based fenceLine + 1, one-based + 2).
      lineOffset: code.fenceLine + 1,
      fenceLine: code.fenceLine,
      endLine: code.closeLine ?? code.range.end.line,
    });
  }
  return out;
}

/** The block whose fences enclose the zero-based `line`, if any. */
export function blockAtLine(blocks: readonly RunnableBlock[], line: number): RunnableBlock | undefined {
  return blocks.find((b) => b.fenceLine <= line && line <= b.endLine);
}

/** The blocks before `target`, in document order ("Run Above", like Jupyter's, excludes the block itself). */
export function blocksAbove(blocks: readonly RunnableBlock[], target: RunnableBlock): RunnableBlock[] {
  return blocks.filter((b) => b.fenceLine < target.fenceLine);
}

/** The one-based Markdown line of a one-based line of a block's source. */
export function documentLine(block: RunnableBlock, sourceLine: number): number {
  return block.lineOffset + sourceLine;
}

// "Insert Outputs into Document", as pure text edits: after each block that has an output, a marker line
// (src/markdown/outputMarker.ts) and a ```text fence with the output; an existing generated block right
// after the block is replaced, so re-running and inserting again never stacks copies. Nothing else in the
// document is touched. Blocks inside lists or blockquotes get the output with the same line prefix.

import type { DocumentModel } from '../../markdown/model';
import { isOutputMarkerLine, OUTPUT_FENCE_LANG, OUTPUT_MARKER } from '../../markdown/outputMarker';

export interface BlockOutput {
  /** Zero-based lines of the block's fences, in the current text. */
  readonly fenceLine: number;
  readonly endLine: number;
  /** What to write; empty removes a previous generated block. */
  readonly text: string;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** The generated block right after the block closing at `endLine`: [first line (blank or marker), last line]. */
export function generatedAfter(model: DocumentModel, endLine: number): { from: number; to: number } | undefined {
  let line = endLine + 1;
  const blank = (l: number) => l < model.index.lineCount && /^[\s>]*$/.test(model.index.lineText(l));
  while (line - endLine <= 2 && blank(line)) line++;
  if (line >= model.index.lineCount || !isOutputMarkerLine(model.index.lineText(line).replace(/^(\s*>)+\s?/, ''))) return undefined;
  const fence = model.code.find((c) => c.fenceLine === line + 1 && c.lang === OUTPUT_FENCE_LANG);
  if (!fence) return undefined;
  return { from: endLine + 1, to: fence.closeLine ?? fence.range.end.line };
}

function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The container prefix of the closing fence line (`> `, list indentation), repeated on every inserted line. */
function prefixOf(line: string): string {
  return line.match(/^[ \t>]*/)?.[0] ?? '';
}

export function insertOutputsPlan(model: DocumentModel, outputs: readonly BlockOutput[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const index = model.index;
  for (const o of [...outputs].sort((a, b) => a.fenceLine - b.fenceLine)) {
    if (o.endLine >= index.lineCount) continue;
    const old = generatedAfter(model, o.endLine);
    const start = index.lineEnd(o.endLine);
    const end = old ? index.lineEnd(old.to) : start;
    let newText = '';
    if (o.text) {
      const prefix = prefixOf(index.lineText(o.endLine));
      const body = o.text.endsWith('\n') ? o.text.slice(0, -1) : o.text;
      const fence = fenceFor(body);
      const blankPrefix = prefix.replace(/\s+$/, '');
      const lines = ['', OUTPUT_MARKER, fence + OUTPUT_FENCE_LANG, ...body.split('\n'), fence];
      newText = lines.map((l, i) => '\n' + (i === 0 ? blankPrefix : prefix) + l).join('');
    }
    if (newText === index.text.slice(start, end)) continue;
    edits.push({ start, end, newText });
  }
  return edits;
}

// The text edit that adds a macro to an article's front matter `macros:` map, creating the map (or the
// front matter) when missing. Used by katex-error's "define as a macro" quick fix.

import type { Range } from '../common/text';
import type { DocumentModel } from '../markdown/model';

/** `'\name': 'expansion'` in single-quoted YAML: backslashes stay literal, a quote is doubled. */
export function macroLine(name: string, expansion: string): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return `${q(name)}: ${q(expansion)}`;
}

export function macroEdit(model: DocumentModel, name: string, expansion: string): { range: Range; newText: string } {
  const { index } = model;
  const eol = /\r\n/.test(model.text) ? '\r\n' : '\n';
  const line = macroLine(name, expansion);
  const fm = model.frontMatter;
  if (!fm) {
    const at = index.range(0, 0);
    return { range: at, newText: `---${eol}macros:${eol}  ${line}${eol}---${eol}` };
  }
  const first = fm.contentRange.start.line;
  const closing = fm.range.end.line;
  for (let l = first; l < closing; l++) {
    if (!/^macros:\s*$/.test(index.lineText(l))) continue;
    // Insert as the first entry, with the indentation of the entry below (two spaces if none).
    const below = l + 1 < closing ? index.lineText(l + 1) : '';
    const indent = /^(\s+)\S/.exec(below)?.[1] ?? '  ';
    const at = index.lineEnd(l);
    return { range: index.range(at, at), newText: `${eol}${indent}${line}` };
  }
  const at = index.lineStart(closing);
  return { range: index.range(at, at), newText: `macros:${eol}  ${line}${eol}` };
}

// Front matter: the YAML block between `---` lines at the very top of an article, parsed without throwing.

import { parseDocument } from 'yaml';
import type { Diagnostic } from '../common/diagnostic';
import type { LineIndex, Range } from '../common/text';

export interface FrontMatter {
  /** The whole block, fences included. */
  readonly range: Range;
  /** The YAML text between the fences. */
  readonly contentRange: Range;
  readonly raw: string;
  /** The parsed mapping; empty when the YAML is invalid or not a mapping. */
  readonly data: ReadonlyMap<string, unknown>;
}

const OPEN = /^---[ \t]*(\r?\n|$)/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Finds and parses front matter. Like Jekyll, Hugo and VS Code's preview, only a block that starts on the
 * first line counts, and an opening fence that is never closed is not front matter (it is a thematic break).
 */
export function parseFrontMatter(index: LineIndex): { frontMatter?: FrontMatter; diagnostics: Diagnostic[] } {
  const text = index.text;
  if (!OPEN.test(text)) return { diagnostics: [] };
  for (let line = 1; line < index.lineCount; line++) {
    if (!CLOSE.test(index.lineText(line))) continue;
    const contentStart = index.lineStart(1);
    const contentEnd = line > 1 ? index.lineEnd(line - 1) : contentStart;
    const raw = text.slice(contentStart, contentEnd);
    const diagnostics: Diagnostic[] = [];
    const data = new Map<string, unknown>();
    const doc = parseDocument(raw, { prettyErrors: false, strict: false });
    for (const err of doc.errors) {
      const [s, e] = err.pos ?? [0, 0];
      diagnostics.push({
        range: index.range(contentStart + s, contentStart + Math.max(e, s + 1)),
        severity: 'error',
        code: 'front-matter-yaml',
        message: `Invalid YAML in front matter: ${firstLine(err.message)}`,
        source: 'pizarra',
      });
    }
    if (doc.errors.length === 0) {
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) data.set(k, v);
      } else if (value !== null && value !== undefined) {
        diagnostics.push({
          range: index.range(contentStart, contentEnd),
          severity: 'warning',
          code: 'front-matter-yaml',
          message: 'Front matter should be a YAML mapping (key: value lines).',
          source: 'pizarra',
        });
      }
    }
    return {
      frontMatter: {
        range: index.range(0, index.lineEnd(line)),
        contentRange: index.range(contentStart, contentEnd),
        raw,
        data,
      },
      diagnostics,
    };
  }
  return { diagnostics: [] };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

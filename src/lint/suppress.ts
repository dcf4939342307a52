// Suppression comments, as ESLint and markdownlint spell them:
//   <!-- pizarra-disable-next-line rule-id other-id -->  silences those rules on the next line
//   <!-- pizarra-disable rule-id -->                     silences them in the whole file
// No id means every rule. Comments inside code blocks are code, not directives.

import type { DocumentModel } from '../markdown/model';

const DIRECTIVE = /<!--\s*pizarra-(disable-next-line|disable)(?![\w-])([\s\S]*?)-->/g;

export interface Suppressions {
  /** Rule ids disabled for the file; `all` when a directive names none. */
  readonly file: ReadonlySet<string> | 'all';
  /** Zero-based line → rule ids (or `all`) disabled on that line. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string> | 'all'>;
}

export function readSuppressions(model: DocumentModel): Suppressions {
  const file = new Set<string>();
  let fileAll = false;
  const lines = new Map<number, Set<string> | 'all'>();
  if (!model.text.includes('pizarra-disable')) return { file, lines };
  for (const m of model.text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    if (model.code.some((c) => c.range.start.offset <= at && at < c.range.end.offset)) continue;
    const ids = m[2].split(/[\s,]+/).filter((s) => s.length > 0);
    if (m[1] === 'disable') {
      if (ids.length === 0) fileAll = true;
      ids.forEach((id) => file.add(id));
    } else {
      const line = model.index.positionAt(at + m[0].length).line + 1;
      const prev = lines.get(line);
      if (ids.length === 0 || prev === 'all') lines.set(line, 'all');
      else lines.set(line, new Set([...(prev ?? []), ...ids]));
    }
  }
  return { file: fileAll ? 'all' : file, lines };
}

export function isSuppressed(s: Suppressions, rule: string, lines: readonly number[]): boolean {
  if (s.file === 'all' || s.file.has(rule)) return true;
  for (const l of lines) {
    const set = s.lines.get(l);
    if (set === 'all' || set?.has(rule)) return true;
  }
  return false;
}

// Reads the rule case files under test/fixtures/lint/<rule-id>/{fire,silent}/*.md.
//
// A file holds several cases; each starts with `<!-- case: NAME -->` and runs to the next case. Inside a
// case, expectation lines (HTML comments, removed from the linted text) say what must happen:
//   <!-- at: TEXT -->          one finding of the rule whose range covers exactly TEXT (in order);
//   <!-- at: TEXT @L:C -->     …and starts at line L, column C of the case text (1-based);
//   <!-- fixed: TEXT -->       the whole case text after applying the first fix of the first finding
//                              (`⏎` stands for a line break);
//   <!-- nofix -->             the first finding has no quick fix.
// Cases in `silent/` must produce no finding of the rule. Each case is linted as its own document.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fixtures } from '../helpers/golden';

export interface RuleCase {
  readonly rule: string;
  readonly kind: 'fire' | 'silent';
  readonly file: string;
  readonly name: string;
  readonly text: string;
  readonly at: ReadonlyArray<{ text: string; line?: number; column?: number }>;
  readonly fixed: string | undefined;
  readonly nofix: boolean;
}

const EXPECT = /^<!-- (at|fixed|nofix)(?::\s?(.*?))? -->$/;

export function readCases(rule: string, kind: 'fire' | 'silent'): RuleCase[] {
  const dir = fixtures('lint', rule, kind);
  if (!existsSync(dir)) return [];
  const out: RuleCase[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(dir, f);
    const parts = readFileSync(file, 'utf8').split(/^<!-- case: (.+?) -->\r?\n/m);
    for (let i = 1; i + 1 < parts.length; i += 2) {
      const name = parts[i];
      const at: Array<{ text: string; line?: number; column?: number }> = [];
      let fixed: string | undefined;
      let nofix = false;
      const lines: string[] = [];
      for (const line of parts[i + 1].replace(/\r?\n$/, '').split(/\r?\n/)) {
        const m = EXPECT.exec(line);
        if (!m) {
          lines.push(line);
          continue;
        }
        if (m[1] === 'at') {
          const pos = /^(.*?) @(\d+):(\d+)$/.exec(m[2] ?? '');
          at.push(pos ? { text: pos[1], line: Number(pos[2]), column: Number(pos[3]) } : { text: m[2] ?? '' });
        } else if (m[1] === 'fixed') fixed = (m[2] ?? '').replace(/⏎/g, '\n') + '\n';
        else nofix = true;
      }
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      out.push({ rule, kind, file: path.relative(fixtures(), file), name, text: lines.join('\n') + '\n', at, fixed, nofix });
    }
  }
  return out;
}

/** Rule ids that have a case folder. */
export function ruleFolders(): string[] {
  const dir = fixtures('lint');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'fire')))
    .map((d) => d.name)
    .sort();
}

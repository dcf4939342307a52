// Output formats of `pizarra lint`: text like other linters (`file:line:col severity rule message`), a JSON
// array, and SARIF 2.1.0 for code scanning (OASIS SARIF v2.1.0 §3.11 ff.; columns in UTF-16 code units,
// which is also what the document model counts).

import path from 'node:path';
import type { LintDiagnostic } from '../lint/engine';
import type { Lang, Rule } from '../lint/rule';

export interface FileResult {
  /** As given on the command line (text/JSON output) and absolute (SARIF URIs). */
  readonly file: string;
  readonly absolute: string;
  readonly diagnostics: readonly LintDiagnostic[];
}

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(results: readonly FileResult[]): string {
  const rows = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.file,
      rule: d.rule,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      message: d.message,
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(results: readonly FileResult[], rules: readonly Rule[], lang: Lang, version: string, cwd: string): string {
  const ruleIds = [...rules.map((r) => r.id), 'lint-internal'];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pizarra',
            version,
            rules: ruleIds.map((id) => {
              const rule = rules.find((r) => r.id === id);
              return {
                id,
                shortDescription: { text: rule ? rule.summary[lang] : 'A lint rule failed on a formula.' },
                // The docs ship in the package (docs/rules/<id>.md); there is no public URL to point at yet.
                help: { text: `See docs/rules/${id}.md in the Pizarra package.` },
                defaultConfiguration: { level: LEVEL[rule?.defaultSeverity ?? 'warning'] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: toUri(cwd) + '/' } },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            ruleIndex: Math.max(0, ruleIds.indexOf(d.rule)),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: relativeUri(r.absolute, cwd),
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toUri(p: string): string {
  return 'file://' + encodeURI(p.split(path.sep).join('/')).replace(/^\/*/, '/');
}

/** Relative to the working directory (as code-scanning uploads expect) when inside it, else absolute. */
function relativeUri(abs: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: encodeURI(rel.split(path.sep).join('/')), uriBaseId: 'SRCROOT' };
  return { uri: toUri(abs) };
}

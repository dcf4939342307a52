// Lint while typing: debounced per document, published through the DiagnosticsHub with `code` = rule id
// linking to the rule's docs page, and quick fixes as code actions (one WorkspaceEdit = one undo step).
// The engine's per-formula cache lives as long as the extension, so a keystroke re-checks one formula.

import * as vscode from 'vscode';
import type { LintDiagnostic } from '../../lint/engine';
import { Linter } from '../../lint/engine';
import type { Severity } from '../../common/diagnostic';
import { toRange } from '../convert';
import type { DiagnosticsHub } from '../diagnosticsHub';
import { watchMarkdown } from '../documentWatch';
import { modelOf } from '../models';
import { LintCodeActions } from './codeActions';
import { LINT_SETTINGS, readLintOptions } from './settings';

const PRODUCER = 'lint';
const DEBOUNCE_MS = 200;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What the code-action provider needs to find the fixes of a diagnostic VS Code hands back. */
export interface LintState {
  readonly version: number;
  readonly pairs: ReadonlyArray<readonly [vscode.Diagnostic, LintDiagnostic]>;
}

export function registerLint(context: vscode.ExtensionContext, hub: DiagnosticsHub): void {
  const linter = new Linter();
  const states = new Map<string, LintState>();
  const docsUri = (rule: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);

  const toVscode = (d: LintDiagnostic): vscode.Diagnostic => {
    const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
    out.source = 'pizarra';
    out.code = d.rule === 'lint-internal' ? d.rule : { value: d.rule, target: docsUri(d.rule) };
    return out;
  };

  const update = (doc: vscode.TextDocument) => {
    let found: LintDiagnostic[];
    try {
      found = linter.lint(modelOf(doc), readLintOptions(doc.uri));
    } catch (e) {
      // The engine is written never to throw; if it does, clear rather than leave stale squiggles.
      found = [];
      console.error('pizarra lint failed', e);
    }
    const pairs = found.map((d) => [toVscode(d), d] as const);
    states.set(doc.uri.toString(), { version: doc.version, pairs });
    hub.set(doc.uri, PRODUCER, pairs.map(([v]) => v));
  };
  const watch = watchMarkdown(context, DEBOUNCE_MS, update, (doc) => {
    states.delete(doc.uri.toString());
    hub.set(doc.uri, PRODUCER, []);
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (LINT_SETTINGS.some((s) => e.affectsConfiguration(s))) watch.refreshAll();
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new LintCodeActions(states), {
      providedCodeActionKinds: LintCodeActions.kinds,
    }),
  );
}

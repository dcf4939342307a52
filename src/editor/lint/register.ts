// Lint while typing: debounced per document, published through the DiagnosticsHub with `code` = rule id
// linking to the rule's docs page, and quick fixes as code actions (one WorkspaceEdit = one undo step).
// The engine's per-formula cache lives as long as the extension, so a keystroke re-checks one formula.

import * as vscode from 'vscode';
import type { LintDiagnostic } from '../../lint/engine';
import { Linter } from '../../lint/engine';
import type { Severity } from '../../common/diagnostic';
import { toRange } from '../convert';
import type { DiagnosticsHub } from '../diagnosticsHub';
import { isMarkdown, modelOf } from '../models';
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
  const timers = new Map<string, NodeJS.Timeout>();
  const docsUri = (rule: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);

  const toVscode = (d: LintDiagnostic): vscode.Diagnostic => {
    const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
    out.source = 'pizarra';
    out.code = d.rule === 'lint-internal' ? d.rule : { value: d.rule, target: docsUri(d.rule) };
    return out;
  };

  const update = (doc: vscode.TextDocument) => {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    let found: LintDiagnostic[];
    try {
      found = linter.lint(modelOf(doc), readLintOptions(doc.uri));
    } catch (e) {
      // The engine is written never to throw; if it does, say so once rather than leaving stale squiggles.
      found = [];
      console.error('pizarra lint failed', e);
    }
    const pairs = found.map((d) => [toVscode(d), d] as const);
    states.set(key, { version: doc.version, pairs });
    hub.set(doc.uri, PRODUCER, pairs.map(([v]) => v));
  };
  const schedule = (doc: vscode.TextDocument) => {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => update(doc), DEBOUNCE_MS));
  };

  vscode.workspace.textDocuments.forEach(update);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      states.delete(key);
      hub.set(doc.uri, PRODUCER, []);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (LINT_SETTINGS.some((s) => e.affectsConfiguration(s))) vscode.workspace.textDocuments.forEach(update);
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new LintCodeActions(states), {
      providedCodeActionKinds: LintCodeActions.kinds,
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

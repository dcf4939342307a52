// Quick fixes for lint diagnostics: each rule fix becomes one CodeAction whose WorkspaceEdit holds all of
// its edits (VS Code applies a WorkspaceEdit as one undo step), plus "disable for this line / this file"
// actions that insert the suppression comments the engine reads.

import * as vscode from 'vscode';
import { toRange } from '../convert';
import { modelOf } from '../models';
import type { LintState } from './register';

export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly states: ReadonlyMap<string, LintState>) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.states.get(doc.uri.toString());
    // Fixes computed for an older version would edit the wrong text; the next lint brings fresh ones.
    if (!state || state.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      const pair = state.pairs.find(([v]) => v === diag) ?? state.pairs.find(([v]) => sameDiagnostic(v, diag));
      if (!pair) continue;
      const [vdiag, lint] = pair;
      lint.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [vdiag];
        action.isPreferred = i === 0;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, toRange(e.range), e.newText);
        action.edit = edit;
        actions.push(action);
      });
      if (lint.rule === 'lint-internal') continue;
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      // Display formulas: the comment goes above the line where the formula starts (`$$` on its own line).
      // Inside a multi-line `$$` block a comment line would break the formula, so it goes above the block.
      const span = lint.formula >= 0 ? modelOf(doc).math[lint.formula] : undefined;
      const formulaLine = span ? span.range.start.line : lint.range.start.line;
      const line = doc.lineAt(formulaLine);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const lineAction = new vscode.CodeAction(vscode.l10n.t('Disable {0} for the next line', lint.rule), vscode.CodeActionKind.QuickFix);
      lineAction.diagnostics = [vdiag];
      lineAction.edit = new vscode.WorkspaceEdit();
      lineAction.edit.insert(doc.uri, new vscode.Position(formulaLine, 0), `${indent}<!-- pizarra-disable-next-line ${lint.rule} -->${eol}`);
      actions.push(lineAction);
      const fileAction = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this file', lint.rule), vscode.CodeActionKind.QuickFix);
      fileAction.diagnostics = [vdiag];
      fileAction.edit = new vscode.WorkspaceEdit();
      fileAction.edit.insert(doc.uri, new vscode.Position(this.afterFrontMatter(doc), 0), `<!-- pizarra-disable ${lint.rule} -->${eol}`);
      actions.push(fileAction);
    }
    return actions;
  }

  /** Line 0, or the line after the front matter's closing fence. */
  private afterFrontMatter(doc: vscode.TextDocument): number {
    if (doc.lineCount === 0 || !/^---\s*$/.test(doc.lineAt(0).text)) return 0;
    for (let l = 1; l < doc.lineCount; l++) if (/^(---|\.\.\.)\s*$/.test(doc.lineAt(l).text)) return l + 1;
    return 0;
  }
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
  return a.range.isEqual(b.range) && a.message === b.message && code(a) === code(b);
}

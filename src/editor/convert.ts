// Conversions between the pure cores' types and VS Code's.

import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../common/diagnostic';
import type { Range } from '../common/text';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, severities[d.severity]);
  out.source = d.source;
  out.code = d.code;
  return out;
}

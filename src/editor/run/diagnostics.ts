// Python errors as diagnostics at the exact line inside the fence (producer 'runner' of the hub), with the
// exception line as message, and full tracebacks in the "Pizarra" output channel.

import * as vscode from 'vscode';
import type { DiagnosticsHub } from '../diagnosticsHub';
import { formatDuration } from './present';
import type { BlockRecord } from './records';

export const PRODUCER = 'runner';

/** The current document line of a record's error: its source line counted from where the fence is now. */
export function errorLine(record: BlockRecord): number | undefined {
  const r = record.result;
  if (!r?.error?.line || (r.status !== 'error' && r.status !== 'timeout')) return undefined;
  const sourceLine = r.error.line - record.lineOffset; // one-based line in the block's source
  const lines = record.endLine - record.fenceLine - 1;
  if (sourceLine < 1 || sourceLine > Math.max(1, lines)) return record.fenceLine;
  return record.fenceLine + sourceLine;
}

export function publishDiagnostics(hub: DiagnosticsHub, doc: vscode.TextDocument, records: readonly BlockRecord[]): void {
  const out: vscode.Diagnostic[] = [];
  for (const record of records) {
    const r = record.result;
    if (record.state !== 'done' || !r || (r.status !== 'error' && r.status !== 'timeout')) continue;
    const line = errorLine(record) ?? record.fenceLine;
    if (line >= doc.lineCount) continue;
    const text = doc.lineAt(line);
    const range = new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
    const message = r.status === 'timeout' ? (r.message ?? 'timeout') : (r.error?.summary ?? r.message ?? '');
    const d = new vscode.Diagnostic(range, message, r.status === 'timeout' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
    d.source = 'pizarra';
    d.code = r.error?.type ?? r.status;
    const raised = r.error?.raisedAt;
    if (raised !== undefined && raised !== r.error?.line && raised - 1 < doc.lineCount) {
      // Raised in a function defined elsewhere in the article (line as of the run).
      const at = doc.lineAt(raised - 1);
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, at.range), vscode.l10n.t('raised here'))];
    }
    out.push(d);
  }
  hub.set(doc.uri, PRODUCER, out);
}

/** Logs a finished run that did not end well: where, how long, the traceback and the limit message. */
export function logRun(channel: vscode.OutputChannel, filename: string, record: BlockRecord): void {
  const r = record.result;
  if (!r || r.status === 'ok' || r.status === 'cancelled') return;
  channel.appendLine(`── ${filename}:${record.fenceLine + 1} · ${r.status} · ${formatDuration(r.durationMs)} ──`);
  if (r.error) channel.append(r.error.traceback);
  if (r.message) channel.appendLine(r.message);
}

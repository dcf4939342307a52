// Publishes the document model's own diagnostics (invalid front matter) for open Markdown documents.

import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { DiagnosticsHub } from './diagnosticsHub';
import { forgetModel, isMarkdown, modelOf } from './models';

const PRODUCER = 'model';
const DEBOUNCE_MS = 150;

export function registerModelDiagnostics(context: vscode.ExtensionContext, hub: DiagnosticsHub): void {
  const timers = new Map<string, NodeJS.Timeout>();
  const update = (doc: vscode.TextDocument) => {
    if (!isMarkdown(doc)) return;
    hub.set(doc.uri, PRODUCER, modelOf(doc).diagnostics.map(toDiagnostic));
  };
  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => update(doc), DEBOUNCE_MS));
  };
  vscode.workspace.textDocuments.forEach(update);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      clearTimeout(timers.get(doc.uri.toString()));
      forgetModel(doc);
      hub.clear(doc.uri);
    }),
  );
}

// Keeps a per-document feature up to date: runs `update` for every open Markdown document, on open, and
// (debounced per document) after edits; `closed` runs when a document closes. Shared by the producers that
// feed the DiagnosticsHub so they all debounce and clean up the same way.

import * as vscode from 'vscode';
import { isMarkdown } from './models';

export interface MarkdownWatch {
  /** Re-runs `update` on every open Markdown document now (e.g. after a settings change). */
  refreshAll(): void;
}

export function watchMarkdown(
  context: vscode.ExtensionContext,
  delayMs: number,
  update: (doc: vscode.TextDocument) => void,
  closed: (doc: vscode.TextDocument) => void,
): MarkdownWatch {
  const timers = new Map<string, NodeJS.Timeout>();
  const now = (doc: vscode.TextDocument) => {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    update(doc);
  };
  const schedule = (doc: vscode.TextDocument) => {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => now(doc), delayMs));
  };
  const refreshAll = () => vscode.workspace.textDocuments.forEach(now);
  refreshAll();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(now),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      closed(doc);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  return { refreshAll };
}

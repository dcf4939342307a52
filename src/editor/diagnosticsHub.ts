// One DiagnosticCollection for the extension, fed by several producers (document model, linter, runner):
// each producer replaces only its own diagnostics of a document, so they never erase each other's.

import * as vscode from 'vscode';

export class DiagnosticsHub implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pizarra');
  private readonly byDoc = new Map<string, Map<string, readonly vscode.Diagnostic[]>>();

  set(uri: vscode.Uri, producer: string, diagnostics: readonly vscode.Diagnostic[]): void {
    const key = uri.toString();
    let producers = this.byDoc.get(key);
    if (!producers) this.byDoc.set(key, (producers = new Map()));
    producers.set(producer, diagnostics);
    this.collection.set(uri, [...producers.values()].flat());
  }

  clear(uri: vscode.Uri): void {
    this.byDoc.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

// Publishes the document model's own diagnostics (invalid front matter) for open Markdown documents.

import type * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { DiagnosticsHub } from './diagnosticsHub';
import { watchMarkdown } from './documentWatch';
import { forgetModel, modelOf } from './models';

const PRODUCER = 'model';
const DEBOUNCE_MS = 150;

export function registerModelDiagnostics(context: vscode.ExtensionContext, hub: DiagnosticsHub): void {
  watchMarkdown(
    context,
    DEBOUNCE_MS,
    (doc) => hub.set(doc.uri, PRODUCER, modelOf(doc).diagnostics.map(toDiagnostic)),
    (doc) => {
      forgetModel(doc);
      hub.clear(doc.uri);
    },
  );
}

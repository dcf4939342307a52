// The document model of an open editor document, cached by version so every feature shares one parse.

import type * as vscode from 'vscode';
import { ModelCache } from '../markdown/modelCache';
import type { DocumentModel } from '../markdown/model';

const cache = new ModelCache();

export function modelOf(doc: vscode.TextDocument): DocumentModel {
  return cache.get(doc.uri.toString(), doc.version, () => doc.getText());
}

export function forgetModel(doc: vscode.TextDocument): void {
  cache.delete(doc.uri.toString());
}

export function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

// Extension host entry point: wires the editor features and hands VS Code's Markdown preview our
// markdown-it plugin (the `markdown.markdownItPlugins` contribution contract).

import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import { DiagnosticsHub } from './editor/diagnosticsHub';
import { registerLint } from './editor/lint/register';
import { registerMath } from './editor/math/register';
import { registerModelDiagnostics } from './editor/modelDiagnostics';
import { registerShowStructure } from './editor/showStructure';
import { registerPreview } from './editor/preview';
import { registerRunner } from './editor/run';

export function activate(context: vscode.ExtensionContext) {
  const hub = new DiagnosticsHub();
  context.subscriptions.push(hub);
  registerModelDiagnostics(context, hub);
  registerLint(context, hub);
  registerShowStructure(context);
  registerMath(context);
  registerRunner(context, hub);
  const preview = registerPreview(context);
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      return preview.extendMarkdownIt(md);
    },
  };
}

export function deactivate(): void {}

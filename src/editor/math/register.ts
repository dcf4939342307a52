// Registers the editor's math features for Markdown: hover, completion, label navigation, document
// symbols, the "Pizarra: Show Formula" panel, and the warm-up that keeps hovers instant.

import * as vscode from 'vscode';
import { MathCompletionProvider } from './completion';
import { MathHoverProvider } from './hover';
import { LabelDefinitionProvider, LabelReferenceProvider, LabelRenameProvider, LabelSymbolProvider } from './navigation';
import { FormulaPanel } from './panel';
import { registerWarmup } from './warmup';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export function registerMath(context: vscode.ExtensionContext): void {
  const panel = new FormulaPanel();
  context.subscriptions.push(
    panel,
    vscode.languages.registerHoverProvider(MARKDOWN, new MathHoverProvider()),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new MathCompletionProvider(), '\\', '{'),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new LabelDefinitionProvider()),
    vscode.languages.registerReferenceProvider(MARKDOWN, new LabelReferenceProvider()),
    vscode.languages.registerRenameProvider(MARKDOWN, new LabelRenameProvider()),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new LabelSymbolProvider(), { label: 'Pizarra' }),
    vscode.commands.registerCommand('pizarra.showFormula', () => panel.show()),
  );
  registerWarmup(context);
}

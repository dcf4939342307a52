// Command "Pizarra: Show Article Structure": lists the formulas and code blocks Pizarra sees in the active
// article, with their lines, so a writer can check what the preview, linter and runner will work on.

import * as vscode from 'vscode';
import { isMarkdown, modelOf } from './models';

export function registerShowStructure(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('pizarra.showStructure', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isMarkdown(editor.document)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown article to see its structure.'));
        return;
      }
      const model = modelOf(editor.document);
      const lines = [
        `# ${vscode.l10n.t('Structure of {0}', vscode.workspace.asRelativePath(editor.document.uri))}`,
        '',
        `## ${vscode.l10n.t('Formulas ({0})', model.math.length)}`,
        '',
        ...model.math.map((m) => `- ${vscode.l10n.t('line {0}', m.range.start.line + 1)} \`${m.delimiter}\` ${m.display ? 'display' : 'inline'}: \`${m.tex.replace(/\s+/g, ' ').slice(0, 80)}\``),
        '',
        `## ${vscode.l10n.t('Code blocks ({0})', model.code.length)}`,
        '',
        ...model.code.map((c) => `- ${vscode.l10n.t('line {0}', c.fenceLine + 1)} \`${c.lang || 'text'}\`, ${c.content.split('\n').length - 1} ${vscode.l10n.t('lines')}`),
        '',
      ];
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
  );
}

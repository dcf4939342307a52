// Command "Pizarra: Export HTML": the active article as one self-contained HTML file (KaTeX CSS and the
// fonts it uses inlined), with the preview's macros and numbering.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { exportHtml } from '../../export/html';
import { loadExportAssets } from '../../export/assets';
import { isMarkdown } from '../models';
import { readRenderConfig } from './settings';

export function registerExportCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // `target` lets scripts and tests export without the save dialog.
    vscode.commands.registerCommand('pizarra.exportHtml', async (uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc || !isMarkdown(doc)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown article to export it.'));
        return undefined;
      }
      const base = doc.uri.scheme === 'file' ? doc.uri.fsPath.replace(/\.(md|markdown)$/i, '') : 'article';
      target ??= await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.file(`${base}.html`),
        filters: { HTML: ['html'] },
        title: vscode.l10n.t('Export HTML'),
      });
      if (!target) return undefined;
      const assets = loadExportAssets(path.join(context.extensionPath, 'media'));
      const result = exportHtml(doc.getText(), { config: readRenderConfig(doc.uri), assets });
      writeFileSync(target.fsPath, result.html);
      const open = vscode.l10n.t('Open');
      const note = result.errors.length > 0 ? ' ' + vscode.l10n.t('{0} formulas have KaTeX errors.', result.errors.length) : '';
      const exported = target;
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', path.basename(target.fsPath)) + note, open).then((pick) => {
        if (pick === open) void vscode.env.openExternal(exported);
      });
      return target;
    }),
  );
}

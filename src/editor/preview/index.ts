// The preview's editor side: hands VS Code's Markdown preview our markdown-it plugin with live settings,
// refreshes previews when a render setting changes, and registers "Pizarra: Export HTML".

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { pizarraMarkdownIt } from '../../markdown/render';
import { previewOutputs } from '../run/previewOutputs';
import { registerExportCommand } from './exportCommand';
import { readRenderConfig, RENDER_SETTINGS } from './settings';

export interface PreviewContribution {
  /** The `extendMarkdownIt` of the `markdown.markdownItPlugins` contract. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function registerPreview(context: vscode.ExtensionContext): PreviewContribution {
  registerExportCommand(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // VS Code re-renders previews on `markdown.*` changes only; ours need an explicit refresh.
      if (RENDER_SETTINGS.some((s) => e.affectsConfiguration(s))) void vscode.commands.executeCommand('markdown.preview.refresh');
    }),
  );
  return {
    // The settings of the active document's folder: VS Code's preview renders one document at a time and
    // does not tell plugins which (env.currentDocument is not part of the contract).
    extendMarkdownIt: (md) =>
      pizarraMarkdownIt(md, { config: () => readRenderConfig(vscode.window.activeTextEditor?.document.uri), outputs: () => previewOutputs.current() }),
  };
}

// Keeps hovers instant: loads MathJax once the extension is idle (its first conversion costs 100–600 ms of
// set-up), and after typing pauses renders the formula under the cursor so hovering it is a cache hit.

import * as vscode from 'vscode';
import { EMPTY_MACROS } from '../../latex/macros';
import { hoverAt } from './preview';
import { contextOf, enabled, renderer } from './shared';

const WARM_UP_MS = 2000;
const AFTER_TYPING_MS = 400;

export function registerWarmup(context: vscode.ExtensionContext): void {
  const warm = setTimeout(() => renderer.render('x^2', false, EMPTY_MACROS), WARM_UP_MS);
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    { dispose: () => (clearTimeout(warm), clearTimeout(timer)) },
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || e.document !== editor.document || e.document.languageId !== 'markdown') return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (editor.document.isClosed || !enabled(editor.document, 'hover')) return;
        const ctx = contextOf(editor.document);
        if (ctx) hoverAt(ctx, editor.document.offsetAt(editor.selection.active), renderer);
      }, AFTER_TYPING_MS);
    }),
  );
}

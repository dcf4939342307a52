// "Pizarra: Show Formula": a small webview beside the editor that follows the cursor and re-renders the
// formula under it as the writer types (MathJax SVG, the same as the hover). One panel per window.

import * as vscode from 'vscode';
import { svgWithColor } from '../../latex/svg';
import { hoverAt } from './preview';
import { contextOf, renderer } from './shared';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PanelContent {
  readonly html: string;
  /** Line of the formula shown, or -1 when the cursor is not in one. */
  readonly line: number;
}

/** The panel's body for the cursor in `editor`; exported for the integration test. */
export function panelContent(editor: vscode.TextEditor): PanelContent {
  const ctx = contextOf(editor.document);
  const info = ctx && hoverAt(ctx, editor.document.offsetAt(editor.selection.active), renderer);
  const p = info?.formula;
  if (!ctx || !p) return { html: `<p class="hint">${escapeHtml(vscode.l10n.t('Put the cursor in a formula to see it here.'))}</p>`, line: -1 };
  const parts: string[] = [];
  if (info.ref && !info.ref.label) parts.push(`<p class="error">${escapeHtml(vscode.l10n.t('No formula has \\label{{0}}.', info.ref.name.name))}</p>`);
  if (p.katexError) parts.push(`<pre class="error">${escapeHtml(p.katexError)}</pre>`);
  else if (p.svg.svg) parts.push(`<div class="formula">${svgWithColor(p.svg.svg, 'var(--vscode-editor-foreground)')}</div>`);
  else if (p.svg.error) parts.push(`<pre class="error">MathJax: ${escapeHtml(p.svg.error)}</pre>`);
  if (p.numbers.length > 0) parts.push(`<p class="number">(${p.numbers.map(escapeHtml).join('), (')})</p>`);
  parts.push(`<p class="where">${escapeHtml(vscode.l10n.t('line {0}', p.span.range.start.line + 1))}</p>`);
  return { html: parts.join(''), line: p.span.range.start.line };
}

function page(nonce: string): string {
  // No remote content and no inline handlers: a nonce'd script that swaps the body on each message.
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); padding: 8px 12px; }
.formula { overflow-x: auto; padding: 12px 0; }
/* The SVG is sized for a hover; the panel has room to show it larger. */
.formula svg { max-width: none; zoom: 1.6; }
.error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
.hint, .where { color: var(--vscode-descriptionForeground); }
</style></head><body><div id="content"></div>
<script nonce="${nonce}">
const content = document.getElementById('content');
window.addEventListener('message', (e) => { if (e.data && typeof e.data.html === 'string') content.innerHTML = e.data.html; });
acquireVsCodeApi().postMessage({ ready: true });
</script></body></html>`;
}

export class FormulaPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private last = '';
  private timer: NodeJS.Timeout | undefined;

  show(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel('pizarra.formula', vscode.l10n.t('Formula'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    this.panel = panel;
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    panel.webview.html = page(nonce);
    panel.webview.onDidReceiveMessage(() => this.update(true), undefined, this.subscriptions);
    panel.onDidDispose(() => this.dispose(), undefined, this.subscriptions);
    vscode.window.onDidChangeTextEditorSelection(() => this.schedule(), undefined, this.subscriptions);
    vscode.window.onDidChangeActiveTextEditor(() => this.schedule(), undefined, this.subscriptions);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
    }, undefined, this.subscriptions);
    this.update(true);
  }

  /** Coalesces a burst of keystrokes and cursor moves into one render. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(false), 30);
  }

  private update(force: boolean): void {
    const editor = vscode.window.activeTextEditor;
    // Focus in the panel itself or in a non-Markdown editor: keep showing the last formula.
    if (!this.panel || !editor || editor.document.languageId !== 'markdown') return;
    const { html } = panelContent(editor);
    if (!force && html === this.last) return;
    this.last = html;
    void this.panel.webview.postMessage({ html });
  }

  dispose(): void {
    clearTimeout(this.timer);
    const panel = this.panel;
    this.panel = undefined;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    panel?.dispose();
  }
}

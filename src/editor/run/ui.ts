// The runner's views of a document: CodeLens over each python fence (▶ Run · Run Above · Run All, or Stop
// while its session runs), the decoration after each closing fence, its hover, the status bar item, and
// the Shift+Enter context key. All redrawn from the session records, which move with edits.

import * as vscode from 'vscode';
import { blockAtLine, runnableBlocks } from '../../sandbox/blocks';
import { isMarkdown, modelOf } from '../models';
import { hoverMarkdown, inlineSummary } from './present';
import type { BlockRecord } from './records';
import type { DocumentSession } from './session';

export const CURSOR_IN_PYTHON = 'pizarra.run.cursorInPython';

export interface SessionLookup {
  get(uri: vscode.Uri): DocumentSession | undefined;
}

export class RunLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly sessions: SessionLookup) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.sessions.get(doc.uri);
    const lenses: vscode.CodeLens[] = [];
    const uri = doc.uri.toString();
    for (const b of runnableBlocks(modelOf(doc).code)) {
      const range = new vscode.Range(b.fenceLine, 0, b.fenceLine, 0);
      const record = session?.records.at(b.fenceLine);
      if (session?.busy && record && record.state !== 'done') {
        lenses.push(new vscode.CodeLens(range, { title: `■ ${vscode.l10n.t('Stop')}`, command: 'pizarra.run.stop', arguments: [uri] }));
        continue;
      }
      lenses.push(
        new vscode.CodeLens(range, { title: `▶ ${vscode.l10n.t('Run')}`, command: 'pizarra.run.block', arguments: [uri, b.fenceLine] }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Run Above'), command: 'pizarra.run.above', arguments: [uri, b.fenceLine] }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Run All'), command: 'pizarra.run.all', arguments: [uri] }),
      );
      if (session?.busy) lenses.push(new vscode.CodeLens(range, { title: `■ ${vscode.l10n.t('Stop')}`, command: 'pizarra.run.stop', arguments: [uri] }));
    }
    return lenses;
  }
}

const COLORS: Record<string, vscode.ThemeColor> = {
  ok: new vscode.ThemeColor('testing.iconPassed'),
  error: new vscode.ThemeColor('testing.iconFailed'),
  other: new vscode.ThemeColor('editorCodeLens.foreground'),
};

export class RunDecorations implements vscode.Disposable {
  readonly type = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });

  /** The texts drawn in each document, for the hover provider and the integration tests. */
  readonly drawn = new Map<string, Array<{ line: number; text: string }>>();

  draw(editor: vscode.TextEditor, session: DocumentSession | undefined): void {
    const options: vscode.DecorationOptions[] = [];
    const drawn: Array<{ line: number; text: string }> = [];
    for (const r of session?.records.all() ?? []) {
      const text = inlineSummary(r);
      if (!text || r.endLine >= editor.document.lineCount) continue;
      const line = editor.document.lineAt(r.endLine);
      const color = r.state !== 'done' || r.stale ? COLORS.other : r.result?.status === 'ok' ? COLORS.ok : r.result?.status === 'error' ? COLORS.error : COLORS.other;
      options.push({ range: line.range, renderOptions: { after: { contentText: text, color } } });
      drawn.push({ line: r.endLine, text });
    }
    editor.setDecorations(this.type, options);
    this.drawn.set(editor.document.uri.toString(), drawn);
  }

  dispose(): void {
    this.type.dispose();
  }
}

/** Hover over a closing fence (where the decoration is): the block's whole output. */
export class RunHover implements vscode.HoverProvider {
  constructor(private readonly sessions: SessionLookup) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const session = this.sessions.get(doc.uri);
    const record: BlockRecord | undefined = session?.records.all().find((r) => r.endLine === pos.line);
    if (!session || !record || (record.state === 'done' && !record.result)) return undefined;
    return new vscode.Hover(hoverMarkdown(record, session.limits), doc.lineAt(pos.line).range);
  }
}

export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pizarra.run.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = vscode.l10n.t('Pizarra Python session');
  }

  show(editor: vscode.TextEditor | undefined, session: DocumentSession | undefined): void {
    if (!editor || !isMarkdown(editor.document) || runnableBlocks(modelOf(editor.document).code).length === 0) {
      this.item.hide();
      return;
    }
    const view = session?.view ?? 'none';
    const label: Record<string, string> = {
      none: `$(circle-outline) ${vscode.l10n.t('Python: no session')}`,
      idle: `$(circle-filled) ${vscode.l10n.t('Python: idle')}`,
      running: `$(sync~spin) ${vscode.l10n.t('Python: running')}`,
      stopped: `$(debug-stop) ${vscode.l10n.t('Python: stopped')}`,
    };
    this.item.text = label[view];
    // A click never clears variables by surprise: it stops a run, else shows the log (Restart is a command).
    this.item.tooltip = view === 'running' ? vscode.l10n.t('Click to stop') : vscode.l10n.t('Click to show the Pizarra output');
    this.item.command = view === 'running' ? 'pizarra.run.stop' : 'pizarra.run.showLog';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Sets the context key that enables Shift+Enter inside python fences only. */
export function updateCursorContext(editor: vscode.TextEditor | undefined): void {
  let inside = false;
  if (editor && isMarkdown(editor.document)) {
    inside = blockAtLine(runnableBlocks(modelOf(editor.document).code), editor.selection.active.line) !== undefined;
  }
  void vscode.commands.executeCommand('setContext', CURSOR_IN_PYTHON, inside);
}

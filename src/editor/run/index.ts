// Runs the article's python blocks from the editor: one sandboxed session per document (a worker, never
// this thread), commands for the CodeLens, Shift+Enter, Stop and Restart, results drawn after each fence,
// errors in Problems and in the "Pizarra" channel, outputs in the preview, and "Insert Outputs".
// Workspace Trust: nothing here runs by itself; every run is a user's request, which untrusted workspaces
// allow because guest code reaches no host object (see README, "Running code").

import * as vscode from 'vscode';
import { blockAtLine, blocksAbove, runnableBlocks, type RunnableBlock } from '../../sandbox/blocks';
import { DEFAULT_LIMITS } from '../../sandbox/protocol';
import type { DiagnosticsHub } from '../diagnosticsHub';
import { isMarkdown, modelOf } from '../models';
import { logRun, publishDiagnostics } from './diagnostics';
import { insertOutputs } from './insert';
import { previewOutputs } from './previewOutputs';
import type { BlockRecord } from './records';
import { DocumentSession } from './session';
import { readClientOptions, RUN_SETTINGS } from './settings';
import { CURSOR_IN_PYTHON, RunDecorations, RunHover, RunLenses, RunStatusBar, updateCursorContext } from './ui';

const REVALIDATE_MS = 120;

export function registerRunner(context: vscode.ExtensionContext, hub: DiagnosticsHub): void {
  const sessions = new Map<string, DocumentSession>();
  const channel = vscode.window.createOutputChannel('Pizarra');
  const lenses = new RunLenses({ get: (uri) => sessions.get(uri.toString()) });
  const decorations = new RunDecorations();
  const status = new RunStatusBar();
  const timers = new Map<string, NodeJS.Timeout>();
  const selector: vscode.DocumentSelector = { language: 'markdown' };

  const docOf = (key: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  const redraw = (key: string) => {
    const session = sessions.get(key);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) decorations.draw(editor, session);
    const doc = docOf(key);
    if (doc && session) publishDiagnostics(hub, doc, session.records.all());
    lenses.refresh();
    status.show(vscode.window.activeTextEditor, sessions.get(vscode.window.activeTextEditor?.document.uri.toString() ?? ''));
  };

  const sessionFor = (doc: vscode.TextDocument): DocumentSession => {
    const key = doc.uri.toString();
    let s = sessions.get(key);
    if (!s) {
      const filename = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString();
      s = new DocumentSession(filename, readClientOptions(doc.uri));
      s.onChange((record?: BlockRecord) => {
        if (record?.state === 'done') {
          logRun(channel, s!.filename, record);
          if (record.result?.status === 'lost') tellLost(record.result.lostReason, s!.limits.memoryMB);
          const d = docOf(key);
          if (d) previewOutputs.update(d, s!.records.all(), s!.limits);
        }
        redraw(key);
      });
      sessions.set(key, s);
    }
    return s;
  };

  /** A session that ended by itself (memory, no answer) lost its variables: say so once, with the way on. */
  const tellLost = (reason: string | undefined, memoryMB: number | undefined) => {
    if (reason === 'restarted') return;
    const why =
      reason === 'memory' ? vscode.l10n.t('it used more than {0} MB (setting pizarra.run.memoryMB)', memoryMB ?? 512)
      : reason === 'unresponsive' ? vscode.l10n.t('it did not answer Stop in time')
      : vscode.l10n.t('it ended unexpectedly');
    void vscode.window.showWarningMessage(vscode.l10n.t("The Python session was ended because {0}; its variables were lost. The next run starts a new session.", why));
  };

  /** The document and block a command is about: from CodeLens arguments, else the active editor's cursor. */
  const target = (uriArg?: unknown, lineArg?: unknown): { doc: vscode.TextDocument; blocks: RunnableBlock[]; block?: RunnableBlock } | undefined => {
    const editor = vscode.window.activeTextEditor;
    const doc = typeof uriArg === 'string' ? docOf(uriArg) : uriArg instanceof vscode.Uri ? docOf(uriArg.toString()) : editor?.document;
    if (!doc || !isMarkdown(doc)) return undefined;
    const blocks = runnableBlocks(modelOf(doc).code);
    const line = typeof lineArg === 'number' ? lineArg : editor?.document === doc ? editor.selection.active.line : undefined;
    return { doc, blocks, block: line === undefined ? undefined : blockAtLine(blocks, line) };
  };

  /**
   * Starts the worker of an article with python blocks when it becomes active, so its first run does not
   * wait for it (bench/run.ts). Only the interpreter starts: no guest code, not even the prelude, runs.
   */
  const prestart = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    if (!doc || !isMarkdown(doc) || sessions.has(doc.uri.toString())) return;
    if (runnableBlocks(modelOf(doc).code).length > 0) sessionFor(doc).warmUp();
  };

  const run = (doc: vscode.TextDocument, blocks: readonly RunnableBlock[]) => {
    if (blocks.length === 0) return Promise.resolve();
    return sessionFor(doc).run(blocks);
  };

  const command = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  command('pizarra.run.block', (u, l) => {
    const t = target(u, l);
    if (!t?.block) return void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor inside a python block to run it.'));
    return run(t.doc, [t.block]);
  });
  command('pizarra.run.above', (u, l) => {
    const t = target(u, l);
    if (t?.block) return run(t.doc, blocksAbove(t.blocks, t.block));
  });
  command('pizarra.run.all', (u) => {
    const t = target(u);
    if (t) return run(t.doc, t.blocks);
  });
  command('pizarra.run.stop', (u) => {
    const t = target(u);
    if (t) sessions.get(t.doc.uri.toString())?.stop();
  });
  command('pizarra.run.restart', (u) => {
    const t = target(u);
    if (!t) return;
    const s = sessions.get(t.doc.uri.toString());
    if (!s) return;
    s.setOptions(readClientOptions(t.doc.uri));
    s.restart();
    hub.set(t.doc.uri, 'runner', []);
    previewOutputs.update(t.doc, [], s.limits);
  });
  command('pizarra.run.insertOutputs', async (u) => {
    const t = target(u);
    if (!t) return false;
    const s = sessions.get(t.doc.uri.toString());
    return insertOutputs(t.doc, s?.records, s?.limits ?? DEFAULT_LIMITS);
  });
  command('pizarra.run.showLog', () => channel.show(true));
  // For tests and diagnostics of the extension itself: what each open document shows.
  command('pizarra.run._state', (u) => {
    const t = target(u);
    if (!t) return undefined;
    const s = sessions.get(t.doc.uri.toString());
    return { view: s?.view ?? 'none', decorations: decorations.drawn.get(t.doc.uri.toString()) ?? [] };
  });

  context.subscriptions.push(
    channel,
    decorations,
    status,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerHoverProvider(selector, new RunHover({ get: (uri) => sessions.get(uri.toString()) })),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      const s = sessions.get(key);
      if (!s || e.contentChanges.length === 0) return;
      s.records.applyChanges(
        e.contentChanges.map((c) => ({
          startLine: c.range.start.line,
          startCharacter: c.range.start.character,
          endLine: c.range.end.line,
          endCharacter: c.range.end.character,
          newLineBreaks: c.text.split('\n').length - 1,
        })),
      );
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          s.records.revalidate(runnableBlocks(modelOf(e.document).code));
          // Blocks added or removed above shift the preview's code block indices.
          previewOutputs.update(e.document, s.records.all(), s.limits, false);
          redraw(key);
        }, REVALIDATE_MS),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      clearTimeout(timers.get(key));
      sessions.get(key)?.dispose();
      sessions.delete(key);
      previewOutputs.forget(doc);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      prestart(editor);
      status.show(editor, sessions.get(editor?.document.uri.toString() ?? ''));
      updateCursorContext(editor);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) decorations.draw(editor, sessions.get(editor.document.uri.toString()));
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => updateCursorContext(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!RUN_SETTINGS.some((k) => e.affectsConfiguration(k))) return;
      for (const [key, s] of sessions) {
        const doc = docOf(key);
        if (doc) s.setOptions(readClientOptions(doc.uri));
      }
    }),
    { dispose: () => sessions.forEach((s) => s.dispose()) },
  );
  void vscode.commands.executeCommand('setContext', CURSOR_IN_PYTHON, false);
  prestart(vscode.window.activeTextEditor);
  status.show(vscode.window.activeTextEditor, sessions.get(vscode.window.activeTextEditor?.document.uri.toString() ?? ''));
  updateCursorContext(vscode.window.activeTextEditor);
}

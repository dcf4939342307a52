// Helpers shared by the integration suites: the workspace's files, opening documents, waiting for state.

import * as vscode from 'vscode';

export const EXTENSION_ID = 'pizarra.pizarra';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openMarkdown(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function activated(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded (engines.vscode too new?)`);
  await ext.activate();
  return ext;
}

/** Marks a failure of the test machine rather than of Pizarra (index.ts counts them; the launcher exits 2). */
export const INFRA = 'INFRASTRUCTURE:';

/**
 * Waits until VS Code's built-in Markdown language server answers a document-symbol request (Pizarra's own
 * providers answer at once). Under code-server on a busy machine that server sometimes never finishes
 * starting, and then every hover, definition, symbol and CodeLens request waits on it for good: the tests
 * that go through those commands say so in one line instead of timing out one by one.
 */
export async function markdownServerAnswers(uri: vscode.Uri, ms = 30_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  const answer = vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri).then(() => 'ok' as const);
  const r = await Promise.race([answer, timeout]);
  clearTimeout(timer);
  if (r === 'timeout') {
    // Whether the workbench's file search answers (the server lists the workspace's Markdown files through it).
    const search = await Promise.race([
      vscode.workspace.findFiles('**/*.md').then((f) => `file search answered (${f.length} files)`),
      new Promise<string>((res) => setTimeout(() => res('file search did not answer in 5 s either'), 5000)),
    ]);
    throw new Error(`${INFRA} VS Code's built-in Markdown language server did not answer within ${ms / 1000} s; ${search}`);
  }
}


// The runner in a real VS Code: Run All through the CodeLens on the example article, the decorations and
// the hover, a diagnostic at the failing line, Stop on an infinite loop and a variable defined before it
// still there, and Insert Outputs undone in one step.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, markdownServerAnswers, openMarkdown, waitFor, workspaceFile } from './helpers';

interface RunState {
  view: string;
  decorations: Array<{ line: number; text: string }>;
}

const state = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<RunState>('pizarra.run._state', uri.toString()))!;

async function lens(uri: vscode.Uri, line: number, command: string): Promise<vscode.Command> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  const found = lenses.find((l) => l.range.start.line === line && l.command?.command === command);
  assert.ok(found?.command, `a ${command} CodeLens on line ${line + 1}`);
  return found.command;
}

const invoke = (c: vscode.Command) => vscode.commands.executeCommand(c.command, ...(c.arguments ?? []));

/** Waits until the decoration after the fence closing at `line` satisfies `ok`. */
function decoration(uri: vscode.Uri, line: number, ok: (text: string) => boolean, what: string): Promise<string> {
  return waitFor(what, async () => {
    const d = (await state(uri)).decorations.find((x) => x.line === line);
    return d && ok(d.text) ? d.text : undefined;
  }, 30_000);
}

describe('runner', function () {
  this.timeout(90_000);

  it('runs all blocks of the example through the CodeLens and shows each result after its fence', async () => {
    await activated();
    const editor = await openMarkdown('aprendizaje.md');
    const uri = editor.document.uri;
    await markdownServerAnswers(uri); // CodeLens requests wait on it too
    const original = editor.document.getText();
    const fences = [29, 68, 115, 133];
    await invoke(await lens(uri, fences[0], 'pizarra.run.all'));
    const s = await state(uri);
    assert.equal(s.decorations.length, 4, JSON.stringify(s));
    for (const d of s.decorations) assert.match(d.text, /^✓ \d+(\.\d+)? m?s/);
    assert.match(s.decorations[0].text, /\(3, 2\) \[0\. 0\.\]$/);
    assert.match(s.decorations[3].text, /predicción: \[1 1 1 1 0 1 1 1\]/);
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pizarra' && d.code === 'ZeroDivisionError'), []);

    // The hover over the closing fence of the softmax block shows all of its output.
    const closing = s.decorations[1].line;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(closing, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\[\[0\.65900114 0\.24243297 0\.09856589\]\n \[0\.07050946 0\.07050946 0\.85898108\]\]\n\[1\. 1\.\]/);

    // The preview (VS Code's Markdown engine with Pizarra's plugin) draws each output under its block.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', original);
    assert.match(html, /<div class="pizarra-output">\(3, 2\) \[0\. 0\.\]<\/div>/);
    assert.equal(html.split('class="pizarra-output"').length, 5);

    // Editing a block marks its result stale; undoing the edit makes it fresh again.
    await editor.edit((b) => b.insert(new vscode.Position(fences[1] + 1, 0), '# nota\n'));
    await decoration(uri, s.decorations[1].line + 1, (t) => /stale/.test(t), 'the stale mark');
    await vscode.commands.executeCommand('undo');
    await decoration(uri, s.decorations[1].line, (t) => !/stale/.test(t), 'the fresh mark');

    // Insert Outputs: one edit, one undo step.
    assert.equal(await vscode.commands.executeCommand('pizarra.run.insertOutputs', uri.toString()), true);
    const inserted = editor.document.getText();
    assert.equal(inserted.split('<!-- pizarra-output -->').length, 5);
    assert.match(inserted, /```\n\n<!-- pizarra-output -->\n```text\n\(3, 2\) \[0\. 0\.\]\n```\n/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('stops an infinite loop, keeps the variables, and puts an error at its line', async () => {
    const editor = await openMarkdown('run-stop.md');
    const uri = editor.document.uri;
    await invoke(await lens(uri, 2, 'pizarra.run.block'));
    await decoration(uri, 4, (t) => t.startsWith('✓'), 'the first block to run');
    const loop = invoke(await lens(uri, 6, 'pizarra.run.block'));
    await decoration(uri, 9, (t) => t.includes('⏳'), 'the loop to be running');
    // Lines written above while the loop runs: its result must land after its own fence, two lines down.
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Escrito durante la ejecución.\n\n'));
    const shift = 2;
    await invoke(await lens(uri, 6 + shift, 'pizarra.run.stop'));
    await loop;
    await decoration(uri, 9 + shift, (t) => t.startsWith('■'), 'the loop to be stopped');
    await invoke(await lens(uri, 11 + shift, 'pizarra.run.block'));
    await decoration(uri, 13 + shift, (t) => /^✓ .* · 42$/.test(t), 'the variable defined before the loop');

    await invoke(await lens(uri, 15 + shift, 'pizarra.run.block'));
    await decoration(uri, 20 + shift, (t) => t.startsWith('✗') && t.includes('ZeroDivisionError: division by zero'), 'the error');
    const diag = await waitFor('the diagnostic', () => vscode.languages.getDiagnostics(workspaceFile('run-stop.md')).find((d) => d.code === 'ZeroDivisionError'));
    // The innermost frame inside the block: the division (0-based line 17 before the insertion).
    assert.equal(diag.range.start.line, 17 + shift);
    assert.equal(diag.range.start.character, 4);
    assert.equal(diag.message, 'ZeroDivisionError: division by zero');
  });
});

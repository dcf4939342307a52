// Writing math in the real VS Code: the hover shows a formula as an SVG image (or KaTeX's error),
// completion inside math offers KaTeX's commands and the article's macros, and labels navigate and rename.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { panelContent } from '../../../src/editor/math/panel';
import { activated, markdownServerAnswers, openMarkdown, waitFor } from './helpers';

function positionOf(doc: vscode.TextDocument, needle: string, shift = 0, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in ${doc.uri.path}`);
  return doc.positionAt(at + shift);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('math in the editor', () => {
  let doc: vscode.TextDocument;

  /**
   * VS Code asks every hover provider (the built-in Markdown language server's too) and a slow one can
   * return nothing while the machine is busy: ask again until ours has answered, or fail with what came.
   */
  async function hoverAt(position: vscode.Position, expected: RegExp): Promise<string> {
    let last = '';
    try {
      return await waitFor(`a hover matching ${expected}`, async () => {
        last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
        return expected.test(last) ? last : undefined;
      });
    } catch {
      return last;
    }
  }

  before(async () => {
    await activated();
    doc = (await openMarkdown('math.md')).document;
    await markdownServerAnswers(doc.uri);
  });

  it('hover shows a formula as an SVG image', async () => {
    const text = await hoverAt(positionOf(doc, '\\mathcal{L}', 3), /data:image/);
    const m = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(text);
    assert.ok(m, `an SVG image in: ${text.slice(0, 200)}`);
    assert.match(Buffer.from(m[1], 'base64').toString('utf8'), /^<svg style="color:[^"]+" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("hover on a broken formula shows KaTeX's error", async () => {
    const text = await hoverAt(positionOf(doc, '\\frac{a}{', 2), /KaTeX/);
    assert.match(text, /KaTeX parse error: .*\\frac\{a\}\{/);
    assert.doesNotMatch(text, /data:image\/svg/);
  });

  it('hover on \\eqref shows the referenced equation', async () => {
    const text = await hoverAt(positionOf(doc, '\\eqref{eq:ce}', 3), /data:image/);
    assert.match(text, /\(1\)/);
    assert.match(text, /data:image\/svg\+xml;base64,/);
  });

  it('completion inside $\\so|$ offers \\sum, \\sqrt and the front-matter macro', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, '$\\so$', 4));
    const labels = new Set(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    for (const want of ['\\sum', '\\sqrt', '\\softplus']) assert.ok(labels.has(want), `${want} is offered`);
    const sum = list.items.find((i) => i.label === '\\sum')!;
    assert.match(sum.detail ?? '', /∑/);
  });

  it('go to definition jumps from \\eqref to its \\label', async () => {
    const ours = await waitFor('a definition covering the label name', async () => {
      const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, '\\eqref{eq:ce}', 9));
      return defs.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetRange } : d)).find((d) => doc.getText(d.range) === 'eq:ce');
    });
    assert.deepEqual(ours.range.start, positionOf(doc, '\\label{eq:ce}', '\\label{'.length));
  });

  it('rename changes the label and every reference', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, '\\label{eq:ce}', 9), 'eq:xent');
    const edits = edit.get(doc.uri);
    assert.equal(edits.length, 3);
    for (const e of edits) {
      assert.equal(doc.getText(e.range), 'eq:ce');
      assert.equal(e.newText, 'eq:xent');
    }
  });

  it('document symbols list the labelled equation', async () => {
    const flat: string[] = [];
    const walk = (xs: Array<vscode.DocumentSymbol | vscode.SymbolInformation>) => {
      for (const s of xs ?? []) {
        flat.push(s.name);
        if ('children' in s) walk(s.children);
      }
    };
    await waitFor('the labelled equation among the symbols', async () => {
      flat.length = 0;
      walk(await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', doc.uri));
      return flat.includes('eq:ce') ? true : undefined;
    });
  });

  it('Pizarra: Show Formula opens a panel beside the editor', async () => {
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(positionOf(doc, '\\mathcal{L}', 2), positionOf(doc, '\\mathcal{L}', 2)) });
    await vscode.commands.executeCommand('pizarra.showFormula');
    const tab = await waitFor('the Formula tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('pizarra.formula')),
    );
    assert.equal(tab.label, 'Formula');
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside the editor');
    // What the panel shows follows the cursor: the formula under it, then KaTeX's error for the broken one.
    const editor = vscode.window.activeTextEditor!;
    const shown = panelContent(editor);
    assert.match(shown.html, /<div class="formula"><svg /);
    assert.equal(shown.line, positionOf(doc, '$$').line);
    const broken = positionOf(doc, '\\frac{a}{', 2);
    editor.selection = new vscode.Selection(broken, broken);
    assert.match(panelContent(editor).html, /<pre class="error">KaTeX parse error/);
  });
});

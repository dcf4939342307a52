// The foundation in a real VS Code: the extension activates on Markdown, its commands exist, the model's
// diagnostics reach the Problems panel, and VS Code's Markdown engine runs Pizarra's markdown-it plugin.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openMarkdown, waitFor, workspaceFile } from './helpers';

describe('foundation', () => {
  it('activates when a Markdown file opens', async () => {
    await openMarkdown('article.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await waitFor('activation', () => (ext.isActive ? true : undefined));
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    const declared: Array<{ command: string }> = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands);
    assert.ok(declared.length > 0);
    for (const { command } of declared) assert.ok(all.includes(command), `command ${command} is registered`);
  });

  it("runs Pizarra's markdown-it plugin inside VS Code's Markdown engine", async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', '$$\n\\frac{a}{b}\n$$\n\nText with $x^2$.\n');
    assert.match(html, /class="[^"]*\bpizarra-math-block\b/);
    assert.match(html, /class="katex-display"/);
    assert.match(html, /class="katex"/);
  });

  it('reports invalid front matter as a diagnostic at its line', async () => {
    const uri = workspaceFile('bad-front-matter.md');
    await openMarkdown('bad-front-matter.md');
    const diags = await waitFor('front matter diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.code === 'front-matter-yaml');
      return d.length ? d : undefined;
    });
    assert.equal(diags[0].source, 'pizarra');
    assert.equal(diags[0].range.start.line, 2);
  });
});

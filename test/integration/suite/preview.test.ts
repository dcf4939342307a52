// The preview in a real VS Code, through `markdown.api.render` (VS Code's own markdown-it instance with
// every installed plugin, including the built-in markdown-math): each formula of the example article is
// rendered exactly once whatever `markdown.math.enabled` says, equations are numbered and `\eqref`s link
// to them, display math carries `data-line`, and the numbering setting applies without a reload.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { buildModel } from '../../../src/markdown/model';
import { activated } from './helpers';

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

async function render(text: string): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', text);
}

async function setGlobal(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

describe('preview (markdown.api.render)', function () {
  let article = '';
  let formulas = 0;
  let labels = 0;

  before(async () => {
    const ext = await activated();
    article = readFileSync(path.join(ext.extensionPath, 'examples', 'matematicas-del-aprendizaje-profundo.md'), 'utf8');
    formulas = buildModel(article).math.length;
    labels = count(article, /\\label\{/g);
    assert.ok(formulas > 10 && labels > 0, 'the example article has formulas and labels');
  });

  after(async () => {
    await setGlobal('markdown.math', 'enabled', undefined);
    await setGlobal('pizarra.math', 'numbering', undefined);
    await vscode.commands.executeCommand('markdown.api.reloadPlugins');
  });

  for (const enabled of [true, false]) {
    it(`renders each formula once with markdown.math.enabled = ${enabled}`, async () => {
      await setGlobal('markdown.math', 'enabled', enabled);
      // markdown-math re-registers its plugin on this command when its setting changes.
      await vscode.commands.executeCommand('markdown.api.reloadPlugins');
      const html = await render(article);
      assert.equal(count(html, /<span class="katex">/g), formulas, 'one KaTeX rendering per formula');
      assert.equal(count(html, /class="katex-block/g), 0, 'nothing drawn by the built-in plugin');
      assert.equal(count(html, /class="(?:katex-error|pizarra-math-error)/g), 0, 'no formula failed');
    });
  }

  it('numbers labelled equations and links every \\eqref to its anchor', async () => {
    const html = await render(article);
    const anchors = new Set([...html.matchAll(/\bid="(pizarra-eq-[^"]+)"/g)].map((m) => m[1]));
    assert.equal(anchors.size, labels);
    const links = [...html.matchAll(/class="pizarra-ref" href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0, 'the article has prose \\eqref links');
    for (const l of links) assert.ok(anchors.has(l), `link #${l} has its anchor`);
    assert.ok(html.includes('<mtext>(1)</mtext>'), 'equation (1) is tagged');
  });

  it('shows the front matter as the article header, not as YAML', async () => {
    const html = await render(article);
    // The example repeats its title as its first `# Heading`, so the header shows date, description and tags.
    assert.match(html, /<header class="pizarra-article-header">/);
    assert.match(html, /<time class="pizarra-date" datetime="2026-11-29">/);
    assert.match(html, /<ul class="pizarra-tags"><li>Matemáticas<\/li>/);
    assert.equal((html.match(/Las matemáticas de una red neuronal, paso a paso/g) ?? []).length, 1, 'the title is shown once');
    assert.ok(!/^title:/m.test(html.replace(/<[^>]+>/g, '')), 'no raw YAML');
  });

  it('puts data-line on display math for scroll sync', async () => {
    const html = await render('Text.\n\n$$\nx^2\n$$\n\n```math\ny\n```\n');
    const lines = [...html.matchAll(/<div[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => tag.includes('pizarra-math-display'))
      .map((tag) => /data-line="(\d+)"/.exec(tag)?.[1]);
    assert.deepEqual(lines, ['2', '6']);
  });

  it('applies pizarra.math.numbering without reloading', async () => {
    const text = '$$ a $$\n\n$$ b $$\n';
    await setGlobal('pizarra.math', 'numbering', 'none');
    const none = await render(text);
    await setGlobal('pizarra.math', 'numbering', 'all');
    const all = await render(text);
    assert.ok(!none.includes('<mtext>(1)</mtext>'));
    assert.ok(all.includes('<mtext>(1)</mtext>') && all.includes('<mtext>(2)</mtext>'));
  });
});

describe('Pizarra: Export HTML', () => {
  it('writes a self-contained HTML file with the preview rendering', async () => {
    const ext = await activated();
    const source = vscode.Uri.file(path.join(ext.extensionPath, 'examples', 'matematicas-del-aprendizaje-profundo.md'));
    const target = vscode.Uri.file(path.join(tmpdir(), `pizarra-export-${Date.now()}.html`));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('pizarra.exportHtml', source, target);
    assert.equal(written?.fsPath, target.fsPath);
    const html = readFileSync(target.fsPath, 'utf8');
    assert.ok(html.includes('<span class="katex">') && html.includes('class="pizarra-ref"'));
    const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(urls.length > 0 && urls.every((u) => u.startsWith('data:font/woff2')), 'fonts embedded');
  });
});

// The HTML export and `pizarra render`: self-contained output with only the fonts it uses, outputs under
// code blocks, and the --assets alternative.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadExportAssets } from '../../../src/export/assets';
import { exportHtml } from '../../../src/export/html';
import { readKatexCss, usedFaces } from '../../../src/export/fonts';
import { main } from '../../../src/cli/main';
import { fixtures, repoRoot } from '../helpers/golden';
import { tempDir } from '../helpers/tmp';

const assets = loadExportAssets(path.join(repoRoot, 'media'));

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), cwd, isTTY: false }, out, err };
}

describe('HTML export', () => {
  it('embeds only the font faces the page draws, and needs no network', () => {
    const r = exportHtml('Plain $x$ and $\\mathbb{R}$.\n', { assets });
    assert.deepEqual(r.fonts, ['KaTeX_AMS-Regular.woff2', 'KaTeX_Math-Italic.woff2']);
    const urls = [...r.html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    assert.equal(urls.length, 2);
    assert.ok(urls.every((u) => u.startsWith('data:font/woff2;base64,')));
    assert.ok(!/(src|href)="https?:/.test(r.html));
  });

  it('follows KaTeX CSS inheritance to pick faces (bold text, big operators, hidden MathML)', () => {
    const fonts = readKatexCss(assets.katexCss);
    const html = '<span class="katex"><span class="katex-mathml"><math><mi>q</mi></math></span><span class="mord textbf"><span class="mord">B</span></span><span class="mop op-symbol large-op">∑</span></span>';
    assert.deepEqual(usedFaces(html, fonts).map((f) => f.file).sort(), ['KaTeX_Main-Bold.woff2', 'KaTeX_Size2-Regular.woff2']);
  });

  it('takes the title and language from the front matter and shows the header', () => {
    const r = exportHtml('---\ntitle: Normas\nlang: es\n---\n\n# Otra\n', { assets });
    assert.match(r.html, /<html lang="es">/);
    assert.match(r.html, /<title>Normas<\/title>/);
    assert.match(r.html, /<h1 class="pizarra-title">Normas<\/h1>/);
  });

  it('shows code outputs under their blocks, counting every fence like the document model', () => {
    const md = '```math\nx\n```\n\n```python\nprint(1)\n```\n\n```python\n1/0\n```\n';
    const outputs = new Map([[1, { text: '1\n' }], [2, { text: 'ZeroDivisionError: division by zero', error: true }]]);
    const r = exportHtml(md, { assets, outputs });
    assert.match(r.html, /print\(1\)\n<\/code><\/pre>\n<div class="pizarra-output">1\n<\/div>/);
    assert.match(r.html, /<div class="pizarra-output pizarra-output-error">ZeroDivisionError/);
  });

  it('reports KaTeX errors', () => {
    assert.deepEqual(exportHtml('$\\frac{1}{$ and $\\nope$', { assets }).errors, [
      "Unexpected end of input in a macro argument, expected '}'",
      'Undefined control sequence: \\nope',
    ]);
  });
});

describe('pizarra render', () => {
  it('writes FILE.html with the settings of the nearest .vscode/settings.json', async () => {
    const dir = tempDir('pizarra-render-');
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{\n  // comment\n  "pizarra.math.numbering": "all",\n  "pizarra.math.macros": { "\\\\vv": "\\\\mathbf{v}" },\n}\n');
    writeFileSync(path.join(dir, 'a.md'), '$$\\vv$$\n');
    const t = io(dir);
    assert.equal(await main(['render', 'a.md'], t.io), 0);
    const html = readFileSync(path.join(dir, 'a.html'), 'utf8');
    assert.ok(html.includes('<mtext>(1)</mtext>'), 'numbered by the setting');
    assert.ok(html.includes('<mi mathvariant="bold">v</mi>'), 'macro from the setting');
  });

  it('writes fonts beside the HTML with --assets, and exits 1 on KaTeX errors', async () => {
    const dir = tempDir('pizarra-render-');
    const t = io(dir);
    writeFileSync(path.join(dir, 'b.md'), readFileSync(fixtures('render', 'errors.md'), 'utf8'));
    assert.equal(await main(['render', 'b.md', '-o', 'out/b.html', '--assets', 'out/fonts'], t.io), 1);
    const html = readFileSync(path.join(dir, 'out', 'b.html'), 'utf8');
    const files = readdirSync(path.join(dir, 'out', 'fonts'));
    assert.ok(files.length > 0);
    for (const f of files) assert.ok(html.includes(`url(fonts/${f})`));
    assert.ok(!html.includes('data:font'));
    assert.match(t.err.join(''), /KaTeX error: Undefined control sequence: \\foo/);
  });

  it('rejects --assets without -o', async () => {
    const t = io(fixtures('render'));
    assert.equal(await main(['render', 'labels.md', '-o', '-', '--assets', 'x'], t.io), 2);
  });
});

describe('localized notes', () => {
  it("writes Pizarra's own chips in Spanish and keeps KaTeX's message as KaTeX wrote it", () => {
    const r = exportHtml('$\\nope$ and \\eqref{x}', { assets, config: { numbering: 'none', macros: {}, lang: 'es' } });
    assert.ok(r.html.includes('\\eqref{x}: etiqueta desconocida'));
    assert.ok(r.html.includes('title="Error de KaTeX: Undefined control sequence: \\nope"'));
  });
});

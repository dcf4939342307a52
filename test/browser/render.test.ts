// Real browser check of exported articles: the project's example and the writer's draft rendered to
// self-contained HTML, opened in headless Chromium with the network cut off. Asserts that no formula
// failed, that every formula the document model finds was drawn, that the embedded KaTeX fonts loaded
// (document.fonts), and that an \eqref link scrolls to its equation. Screenshots go to test-artifacts/
// (gitignored) for a human to look at.

import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadExportAssets } from '../../src/export/assets';
import { exportHtml } from '../../src/export/html';
import { buildModel } from '../../src/markdown/model';
import type { RenderConfig } from '../../src/markdown/renderPlan';

// The callbacks given to page.evaluate run in the page; the project's type-check has no DOM lib (Node code
// must not see browser globals), so these two are declared here, for this file only.
declare const document: any, window: any;

const root = path.resolve(__dirname, '..', '..');
const artifacts = path.join(root, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Article {
  readonly name: string;
  readonly file: string;
  readonly skip?: string;
  readonly config?: RenderConfig;
}

const example = path.join(root, 'examples', 'matematicas-del-aprendizaje-profundo.md');
const draft = path.join(root, '..', 'shared', 'seed', 'matematicas-tras-el-aprendizaje-profundo.md');
const articles: Article[] = [
  existsSync(example)
    ? { name: 'example', file: example }
    : { name: 'example-fixture', file: path.join(root, 'test', 'fixtures', 'render', 'labels.md') },
  { name: 'writer-draft', file: draft, skip: existsSync(draft) ? undefined : `the writer's draft is not at ${draft} (../shared is absent)` },
  { name: 'labels-all', file: path.join(root, 'test', 'fixtures', 'render', 'labels-all.md'), config: { numbering: 'all', macros: {} } },
];

interface PageFacts {
  readonly formulas: number;
  readonly errors: string[];
  readonly faces: Array<{ family: string; status: string }>;
  readonly mainReady: boolean;
}

async function facts(page: Page): Promise<PageFacts> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => ({
    formulas: document.querySelectorAll('.pizarra-math > .katex, .pizarra-math .katex-display > .katex, .pizarra-math-display > .katex-display > .katex').length,
    errors: [...document.querySelectorAll('.pizarra-math-error, .katex-error, .pizarra-chip-katex')].map((e) => e.textContent ?? ''),
    faces: [...document.fonts].map((f) => ({ family: f.family, status: f.status })),
    mainReady: document.fonts.check('16px KaTeX_Main') && document.fonts.check('italic 16px KaTeX_Math'),
  }));
}

describe('exported articles in headless Chromium', function () {
  let browser: Browser | undefined;
  const requests: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  after(async () => browser?.close());

  async function open(file: string): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
    requests.length = 0;
    // The export must need no network: record (and refuse) anything that is not the file itself.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto('file://' + file);
    return page;
  }

  for (const a of articles) {
    it(`renders ${a.name} with every formula drawn and KaTeX fonts loaded`, async function () {
      if (a.skip) {
        console.log(`      skipped: ${a.skip}`);
        this.skip();
      }
      const markdown = readFileSync(a.file, 'utf8');
      const result = exportHtml(markdown, { assets: loadExportAssets(path.join(root, 'media')), config: a.config });
      assert.deepEqual(result.errors, [], 'KaTeX errors while exporting');
      const out = path.join(artifacts, `${a.name}.html`);
      writeFileSync(out, result.html);
      const page = await open(out);
      const f = await facts(page);
      await page.screenshot({ path: path.join(artifacts, `${a.name}.png`), fullPage: true });
      // The first screen at full size, where the header and the first formulas are easy to inspect.
      await page.screenshot({ path: path.join(artifacts, `${a.name}-top.png`) });
      await page.evaluate(() => document.querySelector('.pizarra-math-display')?.scrollIntoView());
      await page.screenshot({ path: path.join(artifacts, `${a.name}-math.png`) });
      assert.deepEqual(f.errors, [], 'formulas shown as errors');
      assert.equal(f.formulas, buildModel(markdown).math.length, 'every formula of the document model is drawn once');
      assert.ok(f.faces.length > 0 && f.faces.every((x) => x.status === 'loaded'), `fonts: ${JSON.stringify(f.faces)}`);
      assert.ok(f.faces.some((x) => x.family === 'KaTeX_Main'));
      assert.ok(f.mainReady, 'KaTeX_Main and KaTeX_Math are available');
      // The writer's own remote images are theirs to fetch; nothing of ours (CSS, fonts, scripts) may be.
      assert.deepEqual(requests.filter((u) => !markdown.includes(u)), [], 'no network requests of our own');
      await page.close();
    });
  }

  it('scrolls to the equation when an \\eqref link is clicked', async () => {
    const markdown = readFileSync(path.join(root, 'test', 'fixtures', 'render', 'labels.md'), 'utf8') + '\n' + 'Filler.\n\n'.repeat(150) + 'Back to \\eqref{eq:grad}.\n';
    const result = exportHtml(markdown, { assets: loadExportAssets(path.join(root, 'media')) });
    const out = path.join(artifacts, 'eqref-scroll.html');
    writeFileSync(out, result.html);
    const page = await open(out);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click('text=Back to >> a.pizarra-ref');
    const visible = await page.evaluate(() => {
      const r = document.getElementById('pizarra-eq-eq:grad')!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    assert.ok(visible, 'the labelled row is in view after the click');
    await page.close();
  });

  it("scrolls to the equation inside VS Code's preview, whose <base href> breaks plain #links (media/preview.js)", async function () {
    const script = path.join(root, 'media', 'preview.js');
    if (!existsSync(script)) this.skip(); // built by npm run build
    const markdown = '$$ a \\label{far} $$\n\n' + 'Filler.\n\n'.repeat(150) + 'Back to \\eqref{far}.\n';
    const result = exportHtml(markdown, { assets: loadExportAssets(path.join(root, 'media')) });
    // As in the webview: a <base> pointing at the document's folder, and our preview script.
    const html = result.html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '') // the webview has its own CSP
      .replace('<head>', '<head>\n<base href="https://file+.vscode-resource.vscode-cdn.net/some/folder/">')
      .replace('</body>', `<script>${readFileSync(script, 'utf8')}</script>\n</body>`);
    const out = path.join(artifacts, 'eqref-base-href.html');
    writeFileSync(out, html);
    const page = await open(out);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click('a.pizarra-ref');
    // Smooth scrolling takes a moment, longer on a loaded machine.
    await page
      .waitForFunction(() => {
        const r = document.getElementById('pizarra-eq-far')!.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      }, undefined, { timeout: 5000 })
      .catch(() => undefined);
    const state = await page.evaluate(() => {
      const r = document.getElementById('pizarra-eq-far')!.getBoundingClientRect();
      return { visible: r.top >= 0 && r.top < window.innerHeight, url: window.location.href, top: r.top, y: window.scrollY };
    });
    assert.ok(state.url.startsWith('file:'), `stayed on the page (${state.url})`);
    assert.ok(state.visible, `the equation is in view after the click: ${JSON.stringify(state)}`);
    await page.close();
  });

  it("does not run an article's scripts when the export is opened", async () => {
    const markdown = 'Hi $x$.\n\n<script>window.pwned = 1</script>\n\n<img src="data:," onerror="window.pwned = 2">\n';
    const out = path.join(artifacts, 'no-scripts.html');
    writeFileSync(out, exportHtml(markdown, { assets: loadExportAssets(path.join(root, 'media')) }).html);
    const page = await open(out);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await page.close();
  });
});

// Golden tests of the markdown-it plugin: each test/fixtures/render/NAME.md rendered (with
// NAME.config.json as settings, if present) must equal NAME.html after KaTeX's HTML is summarized.
// Regenerate with UPDATE_GOLDEN=1 and review the diff.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createMarkdownIt } from '../../../src/markdown/engine';
import { pizarraMarkdownIt } from '../../../src/markdown/render';
import { DEFAULT_CONFIG, type RenderConfig } from '../../../src/markdown/renderPlan';
import { checkGolden, fixtures } from '../helpers/golden';
import { normalizeKatex } from './normalize';

function configOf(name: string): RenderConfig {
  const file = fixtures('render', `${name}.config.json`);
  if (!existsSync(file)) return DEFAULT_CONFIG;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<RenderConfig>;
  return { ...DEFAULT_CONFIG, ...raw };
}

export function renderFixture(name: string): string {
  const config = configOf(name);
  const md = pizarraMarkdownIt(createMarkdownIt(), { config: () => config });
  return md.render(readFileSync(fixtures('render', `${name}.md`), 'utf8'));
}

const names = readdirSync(fixtures('render'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));

describe('render goldens', () => {
  it('has fixtures', () => assert.ok(names.length >= 8));
  for (const name of names) {
    it(`renders ${name}.md`, () => {
      checkGolden(normalizeKatex(renderFixture(name)), fixtures('render', `${name}.html`));
    });
  }
  it('renders each formula once and never leaves a raw delimiter in delimiters.md', () => {
    const html = renderFixture('delimiters');
    assert.equal(html.split('<span class="katex">').length - 1, 11);
    assert.ok(!/\$|\\\(|\\\[/.test(html.replace(/<annotation[^]*?<\/annotation>/g, '')));
  });
});


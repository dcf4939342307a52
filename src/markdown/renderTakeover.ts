// Exactly one math renderer per formula. VS Code's built-in markdown-math extension (when
// `markdown.math.enabled` is true) adds @vscode/markdown-it-katex to the same markdown-it instance the
// preview uses, claiming `$`, `$$`, bare `\begin{…}` and ```math fences (Markdown All in One #1515,
// #1008, #967: two math extensions fighting over `$`). Extensions' plugins are applied in activation
// order, so at registration time its rules may not exist yet: this core rule runs first on every parse
// and switches them off, and turns foreign tokens we also handle into ours.

import type MarkdownIt from 'markdown-it';
import { FRONT_MATTER, frontMatterMetaFromYaml } from './renderFrontMatter';

/** Rule names of @vscode/markdown-it-katex (dist/index.js) and of the markdown-it-katex it derives from. */
const FOREIGN_INLINE = ['math_inline', 'math_inline_block', 'math_inline_bare_block'];
const FOREIGN_BLOCK = ['math_block'];
const FOREIGN_CORE = ['math_block_in_html_block', 'math_inline_in_html_block'];

export const MATH_FENCE = 'pizarra_math_fence';

interface RuleEntry {
  readonly name: string;
  readonly enabled: boolean;
}

/** markdown-it keeps rule state in `Ruler.__rules__` (lib/ruler.mjs); read-only use, to avoid recompiling each parse. */
function anyEnabled(ruler: unknown, names: readonly string[]): boolean {
  const rules = (ruler as { __rules__?: RuleEntry[] }).__rules__ ?? [];
  return rules.some((r) => r.enabled && names.includes(r.name));
}

export function disableForeignMath(md: MarkdownIt): void {
  if (anyEnabled(md.inline.ruler, FOREIGN_INLINE)) md.inline.ruler.disable(FOREIGN_INLINE, true);
  if (anyEnabled(md.block.ruler, FOREIGN_BLOCK)) md.block.ruler.disable(FOREIGN_BLOCK, true);
  if (anyEnabled(md.core.ruler, FOREIGN_CORE)) md.core.ruler.disable(FOREIGN_CORE, true);
}

/**
 * Retypes tokens other plugins would render: ```math fences (VS Code's markdown-math wraps the fence
 * renderer to draw them itself) and VS Code's `front_matter` token (markdown-it-front-matter, rendered
 * as nothing).
 */
export function retypeForeignTokens(tokens: MarkdownIt.Token[]): void {
  for (const t of tokens) {
    if (t.type === 'fence' && t.info.trim().split(/\s+/)[0].toLowerCase() === 'math') {
      t.type = MATH_FENCE;
    } else if (t.type === 'front_matter') {
      t.type = FRONT_MATTER;
      t.meta = frontMatterMetaFromYaml(typeof t.meta === 'string' ? t.meta : t.content);
    }
  }
}

export function takeOverMath(md: MarkdownIt): void {
  md.core.ruler.before('normalize', 'pizarra_take_over_math', () => {
    disableForeignMath(md);
    return false;
  });
}

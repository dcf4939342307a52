// Renders Pizarra's math tokens with KaTeX inside any markdown-it instance (VS Code's preview, the CLI's).

import katex from 'katex';
import type MarkdownIt from 'markdown-it';
import { mathSyntax, MATH_BLOCK, MATH_DISPLAY_INLINE, MATH_INLINE } from './mathSyntax';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function renderTex(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return `<span class="pizarra-math-error" title="${escapeHtml(message)}"><code>${escapeHtml(tex)}</code></span>`;
  }
}

/** The markdown-it plugin: math tokenizing rules plus KaTeX renderers. */
export function pizarraMarkdownIt(md: MarkdownIt): MarkdownIt {
  mathSyntax(md);
  md.renderer.rules[MATH_INLINE] = (tokens, idx) => renderTex(tokens[idx].content, false);
  md.renderer.rules[MATH_DISPLAY_INLINE] = (tokens, idx) => renderTex(tokens[idx].content, true);
  md.renderer.rules[MATH_BLOCK] = (tokens, idx) => {
    const t = tokens[idx];
    const line = t.map ? ` data-line="${t.map[0]}"` : '';
    return `<div class="pizarra-math-block"${line}>${renderTex(t.content, true)}</div>\n`;
  };
  return md;
}

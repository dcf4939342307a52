// Pizarra's markdown-it plugin, shared by VS Code's preview (`extendMarkdownIt`), the HTML export and the
// CLI: math tokenizing rules, prose `\eqref`, the front matter header, taking over VS Code's built-in math,
// and renderers that draw each formula once, from the render cache when nothing changed.

import type MarkdownIt from 'markdown-it';
import { mathSyntax, MATH_BLOCK, MATH_DISPLAY_INLINE, MATH_INLINE } from './mathSyntax';
import { refText } from '../latex/labels';
import { refSyntax, PROSE_REF, type ProseRefMeta } from './refSyntax';
import { FRONT_MATTER, frontMatterRule, renderFrontMatterHeader, titleRepeatedByHeading, type FrontMatterMeta } from './renderFrontMatter';
import { escapeHtml } from './renderFormula';
import { DEFAULT_CONFIG, planDocument, plannedOf, unknownLabelChip, type RenderConfig } from './renderPlan';
import { MATH_FENCE, takeOverMath } from './renderTakeover';

type Token = MarkdownIt.Token;
type Renderer = MarkdownIt.Renderer;

/** What the runner produced for a code block, drawn right under it (quarto #346). */
export interface CodeOutput {
  readonly text: string;
  readonly error?: boolean;
}

export interface PluginOptions {
  /** Read at every render, so settings changes apply without reloading the preview. */
  readonly config?: () => RenderConfig;
  /** The runner's latest outputs by code block index (every fence, in document order), read at every render. */
  readonly outputs?: () => ReadonlyMap<number, CodeOutput> | undefined;
}

/** Draws each code block's output under it; fences are counted in document order like the document model. */
function renderOutputs(md: MarkdownIt, outputs: () => ReadonlyMap<number, CodeOutput> | undefined): void {
  md.core.ruler.push('pizarra_code_index', (state) => {
    let index = 0;
    for (const t of state.tokens) if (t.type === 'fence' || t.type === MATH_FENCE) t.meta = { ...(t.meta ?? {}), codeIndex: index++ };
    return false;
  });
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    const html = fence(tokens, idx, opts, env, self);
    const out = outputs()?.get((tokens[idx].meta as { codeIndex?: number } | null)?.codeIndex ?? -1);
    if (!out) return html;
    const cls = out.error ? 'pizarra-output pizarra-output-error' : 'pizarra-output';
    return `${html}<div class="${cls}">${escapeHtml(out.text)}</div>\n`;
  };
}

/** Block display math: a `<div>` with VS Code's `data-line`/`code-line` for formula-level scroll sync. */
function renderBlock(tokens: Token[], idx: number, self: Renderer): string {
  const t = tokens[idx];
  const planned = plannedOf(t);
  if (t.map && !t.attrGet('data-line')) t.attrSet('data-line', String(t.map[0]));
  // VS Code's source-map rule may already have added `code-line`; do not repeat it.
  const classes = (t.attrGet('class') ?? '').split(' ').filter(Boolean);
  for (const c of ['pizarra-math', 'pizarra-math-display', 'pizarra-math-block', 'code-line']) if (!classes.includes(c)) classes.push(c);
  t.attrSet('class', classes.join(' '));
  const body = planned ? planned.plan.html(planned.formula) : escapeHtml(t.content);
  return `<div${self.renderAttrs(t)}>${body}</div>\n`;
}

function renderInlineMath(tokens: Token[], idx: number): string {
  const t = tokens[idx];
  const planned = plannedOf(t);
  if (!planned) return escapeHtml(t.markup + t.content + t.markup);
  const f = planned.plan.formulas[planned.formula];
  const body = planned.plan.html(planned.formula);
  if (!f.display) return `<span class="pizarra-math">${body}</span>`;
  // `$$…$$` inside a paragraph: still its own scroll-sync target.
  const line = f.line === undefined ? '' : ` data-line="${f.line}"`;
  return `<span class="pizarra-math pizarra-math-display code-line"${line}>${body}</span>`;
}

function renderProseRef(tokens: Token[], idx: number): string {
  const t = tokens[idx];
  const planned = plannedOf(t);
  const { kind, name } = t.meta as ProseRefMeta;
  if (!planned) return escapeHtml(t.content);
  const { text, anchor } = refText(planned.plan.labels, kind, name);
  if (!anchor) return `${escapeHtml(text)}${unknownLabelChip(kind, name, planned.plan.config.lang)}`;
  return `<a class="pizarra-ref" href="#${escapeHtml(anchor)}">${escapeHtml(text)}</a>`;
}

/** The markdown-it plugin. Call once per markdown-it instance. */
export function pizarraMarkdownIt(md: MarkdownIt, options: PluginOptions = {}): MarkdownIt {
  const config = options.config ?? (() => DEFAULT_CONFIG);
  // createMarkdownIt() (CLI, export) already carries the tokenizing rules; VS Code's instance does not.
  const rules = (md.inline.ruler as unknown as { __rules__: Array<{ name: string }> }).__rules__;
  if (!rules.some((r) => r.name === 'pizarra_math_dollar')) mathSyntax(md);
  refSyntax(md);
  md.block.ruler.before('table', 'pizarra_front_matter', frontMatterRule);
  takeOverMath(md);
  md.core.ruler.push('pizarra_plan', (state) => {
    // `renderInline` of the header's title runs a nested parse; it plans its own few tokens.
    const plan = planDocument(state.tokens, config());
    if (state.env && typeof state.env === 'object') (state.env as { pizarraPlan?: unknown }).pizarraPlan = plan;
    return false;
  });
  md.renderer.rules[MATH_INLINE] = renderInlineMath;
  md.renderer.rules[MATH_DISPLAY_INLINE] = renderInlineMath;
  md.renderer.rules[MATH_BLOCK] = (tokens, idx, _o, _e, self) => renderBlock(tokens, idx, self);
  md.renderer.rules[MATH_FENCE] = (tokens, idx, _o, _e, self) => renderBlock(tokens, idx, self);
  md.renderer.rules[PROSE_REF] = renderProseRef;
  if (options.outputs) renderOutputs(md, options.outputs);
  md.renderer.rules[FRONT_MATTER] = (tokens, idx) => {
    const meta = tokens[idx].meta as FrontMatterMeta;
    if (!titleRepeatedByHeading(meta, tokens, idx)) return renderFrontMatterHeader(meta, (s) => md.renderInline(s));
    // The article's own `# Title` comes first; date, description and tags follow it, as a reader expects.
    const closing = tokens[idx + 3];
    closing.meta = { ...(closing.meta ?? {}), pizarraAfter: renderFrontMatterHeader(meta, (s) => md.renderInline(s), { omitTitle: true }) };
    return '';
  };
  const headingClose = md.renderer.rules.heading_close;
  md.renderer.rules.heading_close = (tokens, idx, opts, env, self) =>
    (headingClose ? headingClose(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts)) +
    ((tokens[idx].meta as { pizarraAfter?: string } | null)?.pizarraAfter ?? '');
  return md;
}

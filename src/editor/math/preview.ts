// What a hover or the Show Formula panel shows for a formula: its SVG (MathJax, with the article's
// macros), KaTeX's error message when the preview cannot render it, and its equation numbers; for a
// `\eqref{x}`/`\ref{x}` the referenced equation. Pure (no `vscode`), so bench/hover.ts times exactly this.

import katex from 'katex';
import { katexOptions } from '../../latex/katexOptions';
import { refText, type LabelDef } from '../../latex/labels';
import type { SvgRenderer, SvgResult } from '../../latex/svg';
import type { MathSpan } from '../../markdown/model';
import type { MathContext } from './context';
import { nameAt, spanAt, type NameAt } from './locate';

export interface FormulaPreview {
  readonly span: MathSpan;
  /** KaTeX's message (the preview shows the same), or undefined when the formula renders. */
  readonly katexError?: string;
  readonly svg: SvgResult;
  /** Equation numbers the formula shows, without parentheses. */
  readonly numbers: readonly string[];
}

export interface HoverInfo {
  /** Document offsets of what the hover is about (the formula, or the reference command). */
  readonly start: number;
  readonly end: number;
  /** Set when the hover is on `\eqref{x}`/`\ref{x}`. */
  readonly ref?: { readonly name: NameAt; readonly label?: LabelDef };
  /** The formula itself, or the referenced one. */
  readonly formula?: FormulaPreview;
}

/**
 * The TeX the SVG renderer gets: `\label{}` dropped (MathJax would number it its own way) and each
 * reference replaced by the number the preview shows, so `\eqref{x}` reads `(3)` in the hover too.
 */
export function texForSvg(ctx: MathContext, formula: number): string {
  const tex = ctx.model.math[formula].tex;
  const plan = ctx.labels.formulas[formula];
  if (!plan || (plan.labels.length === 0 && plan.refs.length === 0)) return tex;
  const edits = [
    ...plan.labels.map((l) => ({ start: l.start, end: l.end, text: '' })),
    ...plan.refs.map((r) => ({ start: r.start, end: r.end, text: `\\text{${refText(ctx.labels, r.kind, r.name).text}}` })),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += tex.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + tex.slice(at);
}

/** KaTeX's verdict on the formula, with exactly the preview's options and macros. */
export function katexErrorOf(ctx: MathContext, formula: number): string | undefined {
  const span = ctx.model.math[formula];
  try {
    (katex as unknown as { __parse(t: string, o: object): unknown }).__parse(ctx.prepared[formula].tex, katexOptions(span.display, ctx.envs[formula]));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function previewFormula(ctx: MathContext, formula: number, renderer: SvgRenderer): FormulaPreview {
  const span = ctx.model.math[formula];
  const katexError = katexErrorOf(ctx, formula);
  const svg = renderer.render(texForSvg(ctx, formula), span.display, ctx.envs[formula]);
  return { span, katexError, svg, numbers: ctx.labels.formulas[formula]?.numbers ?? [] };
}

/** The hover at a document offset: a reference's target, else the formula under the cursor. */
export function hoverAt(ctx: MathContext, offset: number, renderer: SvgRenderer): HoverInfo | undefined {
  const name = nameAt(ctx, offset);
  if (name && name.kind !== 'label') {
    const label = ctx.labels.labels.get(name.name);
    const formula = label ? previewFormula(ctx, label.formula, renderer) : undefined;
    return { start: name.start, end: name.end, ref: { name, label }, formula };
  }
  const span = spanAt(ctx.model, offset);
  if (!span) return undefined;
  return { start: span.range.start.offset, end: span.range.end.offset, formula: previewFormula(ctx, span.index, renderer) };
}

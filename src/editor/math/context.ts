// What the editor's math features know about an article beyond its model: the label index, each
// formula's TeX as KaTeX gets it, and the macros in effect at each formula, computed exactly as the
// linter and the preview do (labels.ts, macros.ts). Pure (no `vscode`) so benches and unit tests use it.

import { indexLabels, prepareTex, type LabelIndex, type PreparedTex } from '../../latex/labels';
import { baseMacros, macrosAtEachFormula, type MacroEnv } from '../../latex/macros';
import type { DocumentModel } from '../../markdown/model';
import type { RenderConfig } from '../../markdown/renderPlan';

export interface MathContext {
  readonly model: DocumentModel;
  readonly labels: LabelIndex;
  readonly prepared: readonly PreparedTex[];
  /** Macros in effect before each formula (what it renders with). */
  readonly envs: readonly MacroEnv[];
  /** Macros after the last formula: every macro the article can use, for completion. */
  readonly after: MacroEnv;
}

const contexts = new WeakMap<DocumentModel, { key: string; ctx: MathContext }>();

function configKey(config: RenderConfig): string {
  return JSON.stringify([config.numbering, config.macros.pizarra ?? null, config.macros.vscode ?? null]);
}

/** Cached per model object (models are cached per document version) and settings. */
export function mathContextOf(model: DocumentModel, config: RenderConfig): MathContext {
  const key = configKey(config);
  const hit = contexts.get(model);
  if (hit && hit.key === key) return hit.ctx;
  const labels = indexLabels(model.math, config.numbering);
  const prepared = model.math.map((m) => prepareTex(labels, m.index, m.tex));
  const base = baseMacros({ ...config.macros, frontMatter: model.frontMatter?.data.get('macros') }).env;
  const { before, after } = macrosAtEachFormula(
    prepared.map((p, i) => ({ tex: p.tex, display: model.math[i].display })),
    base,
  );
  const ctx: MathContext = { model, labels, prepared, envs: before, after };
  contexts.set(model, { key, ctx });
  return ctx;
}

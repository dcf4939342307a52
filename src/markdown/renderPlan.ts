// The per-render state of one document: its formulas in document order (the same order as the document
// model's `math`, so preview, linter and CLI agree on numbers), their labels and references, the macro
// table in effect at each, and cached KaTeX output. Built by a core rule after parsing; formulas are
// rendered lazily by the renderer rules, so VS Code's parse-only uses (outline, folding) pay almost nothing.

import type MarkdownIt from 'markdown-it';
import { indexLabels, prepareTex, type LabelIndex, type Numbering, type PreparedTex } from '../latex/labels';
import { baseMacros, mayDefineMacros, type MacroEnv, type MacroSources } from '../latex/macros';
import { formulaKey, LruCache } from '../latex/renderCache';
import { MATH_BLOCK, MATH_DISPLAY_INLINE, MATH_INLINE, type MathDelimiter, type MathTokenMeta } from './mathSyntax';
import { FRONT_MATTER, type FrontMatterMeta } from './renderFrontMatter';
import { chip, renderFormula, type RenderedFormula } from './renderFormula';
import { PROSE_REF } from './refSyntax';
import { messages, type RenderLang } from './renderMessages';
import { MATH_FENCE, retypeForeignTokens } from './renderTakeover';

type Token = MarkdownIt.Token;

/** What the renderer reads from settings (VS Code) or flags (CLI) at each render. */
export interface RenderConfig {
  readonly numbering: Numbering;
  /** `pizarra.math.macros` and VS Code's `markdown.math.macros`; the front matter is read from the document. */
  readonly macros: Pick<MacroSources, 'pizarra' | 'vscode'>;
  /** Language of the preview's own chips (default English). */
  readonly lang?: RenderLang;
}

export const DEFAULT_CONFIG: RenderConfig = { numbering: 'none', macros: {} };

interface Formula {
  readonly token: Token;
  readonly tex: string;
  readonly display: boolean;
  readonly delimiter: MathDelimiter;
  /** Zero-based source line, for `data-line` (scroll sync). */
  readonly line: number | undefined;
}

/** `token.meta.pizarra` of every math and prose reference token after planning. */
export interface PlannedMeta {
  readonly plan: DocumentPlan;
  readonly formula: number;
}

/**
 * One cache per process: (TeX, display, macros) fully determines KaTeX's output. 4,000 formulas or 32 M
 * UTF-16 units of HTML (about 64 MB) cover several long articles open at once.
 */
export const renderCache = new LruCache<RenderedFormula>({ maxEntries: 4000, maxWeight: 32_000_000 }, (r) => r.html.length + 64);

export class DocumentPlan {
  readonly labels: LabelIndex;
  private readonly prepared: PreparedTex[];
  private readonly envs: MacroEnv[] = [];

  constructor(
    readonly formulas: readonly Formula[],
    readonly config: RenderConfig,
    frontMatter: ReadonlyMap<string, unknown> | undefined,
    private readonly cache: LruCache<RenderedFormula>,
  ) {
    this.labels = indexLabels(formulas, config.numbering);
    this.prepared = formulas.map((f, i) => prepareTex(this.labels, i, f.tex));
    let env = baseMacros({ ...config.macros, frontMatter: frontMatter?.get('macros') }).env;
    // Only formulas that define macros must be rendered now, to know the table the next ones see.
    formulas.forEach((f, i) => {
      this.envs.push(env);
      if (mayDefineMacros(this.prepared[i].tex)) env = this.rendered(i).after;
    });
  }

  private rendered(i: number): RenderedFormula {
    const f = this.formulas[i];
    const tex = this.prepared[i].tex;
    // The error chip's tooltip is localized, and the output shows the source (annotation, error text)
    // when our rewriting changed it: both are part of the key.
    const source = tex === f.tex ? '' : `\u0000${f.tex}`;
    const key = (this.config.lang ?? 'en') + formulaKey(tex, f.display, this.envs[i]) + source;
    let r = this.cache.get(key);
    if (!r) {
      r = renderFormula(tex, f.display, this.envs[i], f.tex, f.delimiter, this.config.lang);
      this.cache.set(key, r);
    }
    return r;
  }

  /** KaTeX's HTML for formula `i`, followed by a chip for each reference to an unknown label. */
  html(i: number): string {
    const html = this.rendered(i).html;
    const unknown = this.prepared[i].unknownRefs;
    if (unknown.length === 0) return html;
    return html + unknown.map((r) => unknownLabelChip(r.kind, r.name, this.config.lang)).join('');
  }

  /** KaTeX errors of this render (for tests and the export's summary). */
  errors(): string[] {
    return this.formulas.map((_, i) => this.rendered(i).error).filter((e): e is string => e !== undefined);
  }
}

export function unknownLabelChip(kind: string, name: string, lang: RenderLang | undefined): string {
  const m = messages(lang);
  return chip(m.unknownLabel(kind, name), m.unknownLabelDetail(name), 'ref');
}

/** The line of an inline token's child: its own line plus the line breaks before the child. */
function childLine(inline: Token, child: Token): number | undefined {
  if (!inline.map || !inline.children) return undefined;
  let line = inline.map[0];
  for (const c of inline.children) {
    if (c === child) return line;
    if (c.type === 'softbreak' || c.type === 'hardbreak') line++;
    else if (c.content.includes('\n')) line += c.content.split('\n').length - 1;
  }
  return line;
}

/** Collects formulas and prose references in document order and attaches the plan to their tokens. */
export function planDocument(tokens: Token[], config: RenderConfig, cache: LruCache<RenderedFormula> = renderCache): DocumentPlan {
  retypeForeignTokens(tokens);
  const formulas: Formula[] = [];
  const refs: Token[] = [];
  let frontMatter: ReadonlyMap<string, unknown> | undefined;
  for (const t of tokens) {
    if (t.type === FRONT_MATTER) frontMatter = (t.meta as FrontMatterMeta).data;
    else if (t.type === MATH_BLOCK) {
      formulas.push({ token: t, tex: t.content, display: true, delimiter: (t.meta as MathTokenMeta).delimiter, line: t.map?.[0] });
    } else if (t.type === MATH_FENCE) {
      formulas.push({ token: t, tex: t.content.replace(/\n$/, ''), display: true, delimiter: 'math-fence', line: t.map?.[0] });
    } else if (t.type === 'inline' && t.children) {
      for (const c of t.children) {
        if (c.type === MATH_INLINE || c.type === MATH_DISPLAY_INLINE) {
          const meta = c.meta as MathTokenMeta;
          // Only display math needs its line (a scroll-sync target); inline formulas skip the walk.
          const line = meta.display ? childLine(t, c) : undefined;
          formulas.push({ token: c, tex: c.content, display: meta.display, delimiter: meta.delimiter, line });
        } else if (c.type === PROSE_REF) refs.push(c);
      }
    }
  }
  const plan = new DocumentPlan(formulas, config, frontMatter, cache);
  formulas.forEach((f, formula) => attach(f.token, { plan, formula }));
  for (const r of refs) attach(r, { plan, formula: -1 });
  return plan;
}

/** The plan of the last parse with `env` (the object passed to `md.parse`/`md.render`). */
export function planOf(env: unknown): DocumentPlan | undefined {
  return env && typeof env === 'object' ? ((env as { pizarraPlan?: DocumentPlan }).pizarraPlan ?? undefined) : undefined;
}

function attach(token: Token, planned: PlannedMeta): void {
  // Adds a field to the tokenizer's meta object rather than copying it: this runs for every formula on
  // every keystroke.
  if (!token.meta) token.meta = {};
  (token.meta as { pizarra?: PlannedMeta }).pizarra = planned;
}

export function plannedOf(token: Token): PlannedMeta | undefined {
  return (token.meta as { pizarra?: PlannedMeta } | null)?.pizarra;
}

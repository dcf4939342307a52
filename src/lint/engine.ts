// The lint engine: runs the registry's rules over a DocumentModel. Per-formula findings are cached by the
// formula's TeX, display mode, macros in effect and label rewrite, so a keystroke re-checks only the
// formulas it changed; article rules (symbol table, labels, code blocks) run on every lint over cached
// per-formula facts. Applies severity settings, the Einstein option and suppression comments, and maps
// TeX offsets to document ranges. Never throws: a failing rule becomes a `lint-internal` diagnostic.

import type { Severity } from '../common/diagnostic';
import type { Range } from '../common/text';
import { indexLabels, prepareTex, type LabelIndex, type PreparedTex } from '../latex/labels';
import { baseMacros, macrosAtEachFormula, type MacroEnv } from '../latex/macros';
import { texOffsetToDocument, type DocumentModel, type MathSpan } from '../markdown/model';
import { createFormulaContext } from './formulaContext';
import { RULES } from './registry';
import { macroEdit } from './frontMatterEdit';
import type { ArticleContext, ArticleFinding, ArticleFormula, Edit, Finding, FormulaContext, Lang, LintOptions, Rule, SeveritySetting } from './rule';
import { isSuppressed, readSuppressions } from './suppress';
import { formulaSymbols, SymbolTable } from './symbols';

export interface LintEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface LintFix {
  readonly title: string;
  readonly edits: readonly LintEdit[];
}

export interface LintDiagnostic {
  /** The rule id (`lint-internal` when a rule failed). */
  readonly rule: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly fixes: readonly LintFix[];
  /** The formula it is about, or -1. */
  readonly formula: number;
}

interface Entry {
  readonly ctx: FormulaContext;
  /** Per rule, by its position in the linter's rule list. */
  readonly findings: Array<readonly Finding[] | Error | undefined>;
}

const INTERNAL = 'lint-internal';
const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];
const CACHE_CAPACITY = 4096;

export class Linter {
  private readonly cache = new Map<string, Entry>();
  private lastArticle: { key: string; ctxs: FormulaContext[]; results: Map<string, ArticleFinding[] | Error> } | undefined;
  /** The previous lint's symbol table, patched rather than rebuilt when few formulas changed. */
  private lastSymbols: SymbolTable | undefined;
  /** Formula contexts created since construction: the benchmark and tests read it to prove cache hits. */
  misses = 0;

  constructor(private readonly rules: readonly Rule[] = RULES) {}

  /** The effective severity of a rule under `options`, or `off`. */
  severityOf(rule: Rule, options: LintOptions): SeveritySetting {
    if (rule.id === 'implicit-sum' && options.einsteinNotation) return 'off';
    return options.rules?.get(rule.id) ?? rule.defaultSeverity;
  }

  lint(model: DocumentModel, options: LintOptions = {}): LintDiagnostic[] {
    const lang: Lang = options.lang ?? 'en';
    const suppressions = readSuppressions(model);
    const active = this.rules.filter((r) => this.severityOf(r, options) !== 'off' && !isSuppressed(suppressions, r.id, []));
    const { formulas, labels, entries } = this.prepare(model, options);
    const out: LintDiagnostic[] = [];
    const emit = (rule: string, severity: Severity, formula: number, f: Finding, span: MathSpan | undefined) => {
      const range = toRange(model, span, f.start, f.end);
      const lines = [range.start.line, ...(span ? [span.range.start.line] : [])];
      if (isSuppressed(suppressions, rule, lines)) return;
      // Fixes are mapped to document ranges only when asked for (code actions, tests): the CLI and most
      // keystrokes never need them, and an article-wide fix can hold an edit per use of a symbol.
      let fixes: LintFix[] | undefined;
      const raw = f.fixes ?? [];
      out.push({
        rule,
        severity,
        range,
        message: f.message[lang],
        formula,
        get fixes() {
          return (fixes ??= raw.map((fx) => ({ title: fx.title[lang], edits: fx.edits.map((e) => toEdit(model, e, span)) })));
        },
      });
    };

    // One reporter for every (formula, rule) pair, pushing into the current list: a fresh closure per pair
    // was 16 × (formulas) allocations per full lint. Most pairs find nothing and share one frozen list.
    let list: Finding[] = NO_FINDINGS;
    const report = (f: Finding) => {
      if (list === NO_FINDINGS) list = [];
      list.push(f);
    };
    // Indexed loops and per-rule slots (not a Map by id): this runs for every (formula, rule) pair on every
    // keystroke, cached or not.
    const formulaRules: number[] = [];
    for (let r = 0; r < this.rules.length; r++) if (this.rules[r].checkFormula && active.includes(this.rules[r])) formulaRules.push(r);
    for (let i = 0; i < formulas.length; i++) {
      const { span, ctx } = formulas[i];
      const findings = entries[i].findings;
      for (let k = 0; k < formulaRules.length; k++) {
        const r = formulaRules[k];
        const rule = this.rules[r];
        let found = findings[r];
        if (found === undefined) {
          list = NO_FINDINGS;
          try {
            rule.checkFormula!(ctx, report);
            found = list;
          } catch (e) {
            found = e instanceof Error ? e : new Error(String(e));
          }
          findings[r] = found;
        }
        if (found instanceof Error) emit(INTERNAL, 'warning', span.index, internal(rule.id, found, ctx.tex.length), span);
        else if (found.length > 0) {
          const severity = this.severityOf(rule, options) as Severity;
          const own = options.rules?.get(rule.id) === undefined;
          for (let j = 0; j < found.length; j++) emit(rule.id, own && found[j].severity ? found[j].severity! : severity, span.index, found[j], span);
        }
      }
    }

    const articleRules = active.filter((r) => r.checkArticle);
    if (articleRules.length > 0) {
      let symbols: SymbolTable | undefined;
      const lastSymbols = this.lastSymbols;
      const remember = (t: SymbolTable) => (this.lastSymbols = t);
      const article: ArticleContext = {
        model,
        formulas,
        code: model.code,
        options,
        labels,
        // Built only when a rule asks; each formula's uses (with its index) are memoized with the formula.
        get symbols() {
          if (!symbols) {
            // Each formula's uses, built with its index (memoized with the formula: no per-use copies).
            const parts = formulas.map(({ span, ctx }) => ctx.memo(`symbols@${span.index}`, () => formulaSymbols(ctx.tex, ctx.tree, span.index)));
            // After a keystroke only the edited formula's uses are re-indexed (see SymbolTable.patched).
            symbols = SymbolTable.patched(lastSymbols, parts, (i) => formulas[i].span.index);
            remember(symbols);
          }
          return symbols;
        },
      };
      // Typing in prose changes no formula: reuse the article rules' findings (they are in TeX offsets of
      // formulas, so they map to the new positions) unless one was in document offsets.
      const key = articleKey(model, options);
      const reuse = this.lastArticle !== undefined && this.lastArticle.key === key && sameContexts(this.lastArticle.ctxs, formulas);
      const results = reuse ? this.lastArticle!.results : new Map<string, Array<ArticleFinding> | Error>();
      for (const rule of articleRules) {
        const severity = this.severityOf(rule, options) as Severity;
        let found = results.get(rule.id);
        if (found === undefined) {
          const list: ArticleFinding[] = [];
          try {
            rule.checkArticle!(article, (f) => list.push(f));
            found = list;
          } catch (e) {
            found = e instanceof Error ? e : new Error(String(e));
          }
          results.set(rule.id, found);
        }
        if (found instanceof Error) emit(INTERNAL, 'warning', -1, internal(rule.id, found, 0), undefined);
        else for (const f of found) emit(rule.id, severity, f.formula, f, f.formula >= 0 ? model.math[f.formula] : undefined);
      }
      const cacheable = [...results.values()].every((r) => r instanceof Error || r.every((f) => f.formula >= 0));
      this.lastArticle = cacheable ? { key, ctxs: formulas.map((f) => f.ctx), results } : undefined;
    }
    return out.sort((a, b) => a.range.start.offset - b.range.start.offset || a.rule.localeCompare(b.rule));
  }

  /** The article's formulas with their (cached) contexts, and the label index they were prepared with. */
  formulas(model: DocumentModel, options: LintOptions): { formulas: ArticleFormula[]; labels: LabelIndex } {
    const { formulas, labels } = this.prepare(model, options);
    return { formulas, labels };
  }

  private prepare(model: DocumentModel, options: LintOptions): { formulas: ArticleFormula[]; labels: LabelIndex; entries: Entry[] } {
    const labels = indexLabels(model.math, options.numbering ?? 'none');
    const prepared: PreparedTex[] = model.math.map((m) => prepareTex(labels, m.index, m.tex));
    const base = baseMacros({ ...options.macroSources, frontMatter: model.frontMatter?.data.get('macros') }).env;
    const envs = macrosAtEachFormula(
      prepared.map((p, i) => ({ tex: p.tex, display: model.math[i].display })),
      base,
    ).before;
    const entries = model.math.map((span, i) => this.entry(span, envs[i], prepared[i]));
    const formulas = model.math.map((span, i) => ({ span, ctx: entries[i].ctx }));
    return { formulas, labels, entries };
  }

  private entry(span: MathSpan, env: MacroEnv, prepared: PreparedTex): Entry {
    const key = cacheKey(span.tex, span.display, env, prepared);
    let entry = this.cache.get(key);
    if (entry) {
      // Refresh recency (Map iteration order is insertion order).
      this.cache.delete(key);
    } else {
      this.misses++;
      const ctx = createFormulaContext(span.tex, span.display, env, prepared.tex === span.tex ? undefined : prepared);
      entry = { ctx, findings: [] };
    }
    this.cache.set(key, entry);
    while (this.cache.size > CACHE_CAPACITY) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}

function cacheKey(tex: string, display: boolean, env: MacroEnv, prepared: PreparedTex): string {
  return `${display ? 'D' : 'I'}\u0000${env.signature}\u0000${prepared.tex === tex ? '' : prepared.tex}\u0000${tex}`;
}

/** What article rules read besides the formulas: code blocks' text, settings. */
function articleKey(model: DocumentModel, options: LintOptions): string {
  const rules = options.rules ? [...options.rules].map(([k, v]) => `${k}=${v}`).join(',') : '';
  const code = model.code.map((c) => `${c.lang}\u0001${c.content}`).join('\u0002');
  return `${options.einsteinNotation ? 1 : 0}|${options.lang ?? 'en'}|${options.numbering ?? ''}|${rules}|${code}`;
}

function sameContexts(a: readonly FormulaContext[], b: readonly ArticleFormula[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i].ctx) return false;
  return true;
}

function internal(rule: string, e: Error, end: number): Finding {
  const m = e.message;
  return {
    start: 0,
    end,
    message: { en: `Rule ${rule} failed on this formula: ${m}`, es: `La regla ${rule} falló en esta fórmula: ${m}` },
  };
}

function docOffset(span: MathSpan | undefined, o: number): number {
  if (!span) return o;
  return texOffsetToDocument(span, Math.max(0, Math.min(o, span.tex.length)));
}

function toRange(model: DocumentModel, span: MathSpan | undefined, start: number, end: number): Range {
  const s = docOffset(span, start);
  return model.index.range(s, Math.max(s, docOffset(span, end)));
}

function toEdit(model: DocumentModel, e: Edit, span: MathSpan | undefined): LintEdit {
  if ('macro' in e) return macroEdit(model, e.macro, e.expansion);
  const target = e.formula === undefined ? span : e.formula >= 0 ? model.math[e.formula] : undefined;
  return { range: toRange(model, target, e.start, e.end), newText: e.newText };
}

/** The text after applying one fix (for tests and the CLI's `--fix` preview). */
export function applyFix(text: string, fix: LintFix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

// The contract every lint rule implements, and the contexts the engine hands them.
//
// HOW TO ADD A RULE (for everyone, 7b first):
//  1. Create src/lint/rules/<id>.ts exporting one `Rule` (see rules/conditionalBar.ts for a small model).
//     - `checkFormula(ctx, report)` for what one formula shows on its own. It must be a pure function of
//       (TeX, display mode, macros): the engine caches its findings per formula, so a keystroke re-checks
//       only the formulas that changed. Positions are TeX offsets (ctx.tex), never document offsets.
//     - `checkArticle(ctx, report)` for what needs several formulas, the code blocks or the symbol table
//       (`ctx.symbols`). Keep it linear; reuse per-formula facts via `ctx.formulas`. It must depend only on
//       the formulas, the code blocks' text, the labels and the options: the engine reuses its findings
//       while those are unchanged (typing prose), unless a finding used document offsets (`formula: -1`).
//     - Share expensive per-formula facts between rules with `ctx.memo('my-fact', () => …)`.
//  2. Messages carry the evidence, in English and Spanish: `report({ start, end, message: t(en, es) })`.
//  3. A quick fix is `fix(title, edits)`: TeX-offset edits of this formula (or, for article findings,
//     of any formula via `edit.formula`). The editor applies all edits of one fix as one undo step.
//  4. Add the rule to the list in src/lint/registry.ts, write docs/rules/<id>.md (diagnostics link to it),
//     and put ≥ 15 cases each under test/fixtures/lint/<id>/{fire,silent}/*.md — `<!-- case: name -->`,
//     the Markdown, then `<!-- at: covered text @line:col -->` and `<!-- fixed: text after the first fix -->`
//     (format in test/unit/lint/cases.ts; test/unit/lint/rules.test.ts runs every folder). Correct ML
//     formulas in test/fixtures/lint/ml-silent.md must stay silent under every rule.
//  Never throw: the engine catches a throwing rule and reports `lint-internal`, but that hides findings.

import type { Severity } from '../common/diagnostic';
import type { Expr, Span } from '../latex/tree';
import type { LabelIndex, Numbering } from '../latex/labels';
import type { MacroEnv, MacroSources } from '../latex/macros';
import type { TexParse } from '../latex/parse';
import type { TexToken } from '../latex/treeSpans';
import type { CodeBlock, DocumentModel, MathSpan } from '../markdown/model';
import type { SymbolTable } from './symbols';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

/** One text in every language the linter speaks. */
export interface Localized {
  readonly en: string;
  readonly es: string;
}

export const t = (en: string, es: string): Localized => ({ en, es });

/** A replacement of [start, end) by `newText`, in TeX offsets of a formula. */
export interface TexEdit extends Span {
  readonly newText: string;
  /** Index of the formula in the document (article findings only; default: the finding's formula). */
  readonly formula?: number;
}

/** Adds `macro` to the front matter's `macros:` map (creating the map or the front matter if needed). */
export interface MacroEdit {
  readonly macro: string;
  readonly expansion: string;
}

export type Edit = TexEdit | MacroEdit;

export interface Fix {
  readonly title: Localized;
  /** Applied together as one edit (one undo step). Edits must not overlap. */
  readonly edits: readonly Edit[];
}

export const fix = (title: Localized, edits: readonly Edit[]): Fix => ({ title, edits });

/** What a per-formula rule reports, in TeX offsets of that formula. */
export interface Finding extends Span {
  readonly message: Localized;
  readonly fixes?: readonly Fix[];
  /** A finding milder than its rule (KaTeX strict warnings under katex-error); a user setting still wins. */
  readonly severity?: Severity;
}

/** What an article rule reports: the same, plus which formula (or `formula: -1` for document offsets). */
export interface ArticleFinding extends Finding {
  readonly formula: number;
}

/** Everything a rule may read about one formula. Built lazily and cached with the formula. */
export interface FormulaContext {
  readonly tex: string;
  readonly display: boolean;
  /** Macros in effect at this formula (settings, front matter, earlier \newcommand): src/latex/macros.ts. */
  readonly macros: MacroEnv;
  /** KaTeX's verdict with the preview's options. */
  readonly parse: TexParse;
  /** The expression tree, or undefined when KaTeX refused the formula. */
  readonly tree: Expr | undefined;
  /** The TeX re-tokenized (control words, characters), with offsets. */
  readonly tokens: readonly TexToken[];
  /** Per-formula memo shared by all rules: computed once per formula text. */
  memo<T>(key: string, compute: () => T): T;
}

/** One formula of the article, with its place in the document. */
export interface ArticleFormula {
  readonly span: MathSpan;
  readonly ctx: FormulaContext;
}

export interface ArticleContext {
  readonly model: DocumentModel;
  readonly formulas: readonly ArticleFormula[];
  readonly code: readonly CodeBlock[];
  /** Styles, roles and occurrences of every symbol across formulas (src/lint/symbols.ts). */
  readonly symbols: SymbolTable;
  /** `\label`s and `\eqref`/`\ref`s of every formula (src/latex/labels.ts). */
  readonly labels: LabelIndex;
  readonly options: LintOptions;
}

export interface Rule {
  /** Kebab-case id: the diagnostic `code`, the settings key, the suppression-comment word, the docs page. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for settings UI and `pizarra lint --help`; the long form is docs/rules/<id>.md. */
  readonly summary: Localized;
  readonly checkFormula?: (ctx: FormulaContext, report: (f: Finding) => void) => void;
  readonly checkArticle?: (ctx: ArticleContext, report: (f: ArticleFinding) => void) => void;
}

export type SeveritySetting = Severity | 'off';

export interface LintOptions {
  /** Per-rule severity overrides (rule id → severity or off). */
  readonly rules?: ReadonlyMap<string, SeveritySetting>;
  /** Einstein summation convention: repeated indices are sums, so `implicit-sum` is off. */
  readonly einsteinNotation?: boolean;
  readonly lang?: Lang;
  /** Macro settings (`pizarra.math.macros`, `markdown.math.macros`); the front matter's come from the model. */
  readonly macroSources?: Omit<MacroSources, 'frontMatter'>;
  /** The `pizarra.math.numbering` setting: what KaTeX is given depends on it (labels.ts). */
  readonly numbering?: Numbering;
}

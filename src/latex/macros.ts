// Macros in effect at each formula of an article, in the order the issue fixes: the `pizarra.math.macros`
// setting, VS Code's `markdown.math.macros`, the front matter's `macros:` map (later sources override
// earlier ones), then `\newcommand`/`\renewcommand`/`\def` in earlier formulas, which persist downwards as
// in a LaTeX document. The preview, export, CLI and linter all ask this file, so they agree.

import katex from 'katex';
import { katexOptions } from './katexOptions';

/**
 * What KaTeX stores for `\newcommand`/`\def` (its `MacroDefinition`, src/MacroExpander.js): expansion
 * tokens in reverse order and the argument count. Opaque to us except for the tokens' text, which gives
 * the definition a stable signature. Sources we read from settings and front matter are plain strings.
 */
export interface KatexMacroDefinition {
  readonly tokens: ReadonlyArray<{ readonly text: string }>;
  readonly numArgs: number;
  readonly delimiters?: ReadonlyArray<ReadonlyArray<string>>;
}

export type MacroValue = string | KatexMacroDefinition;

/** An immutable macro table. Formulas that define nothing share their predecessor's table. */
export interface MacroEnv {
  readonly macros: ReadonlyMap<string, MacroValue>;
  /** Equal tables have equal signatures: the render cache keys on it. */
  readonly signature: string;
}

export type MacroOrigin = 'pizarra.math.macros' | 'markdown.math.macros' | 'front matter';

/** A source entry that was skipped, with the reason (shown by the linter / the settings UI). */
export interface MacroProblem {
  readonly origin: MacroOrigin;
  readonly name: string;
  readonly message: string;
}

export interface MacroSources {
  /** The `pizarra.math.macros` setting: `{ "\\R": "\\mathbb{R}" }`. */
  readonly pizarra?: unknown;
  /** VS Code's `markdown.math.macros` setting, same shape. */
  readonly vscode?: unknown;
  /** The front matter's `macros:` value (a YAML mapping), if any. */
  readonly frontMatter?: unknown;
}

function signatureOf(macros: ReadonlyMap<string, MacroValue>): string {
  const parts: string[] = [];
  for (const name of [...macros.keys()].sort()) {
    const v = macros.get(name)!;
    if (typeof v === 'string') parts.push(`${name}\u0001${v}`);
    else {
      const delims = (v.delimiters ?? []).map((d) => d.join('\u0004')).join('\u0005');
      const body = v.tokens.map((t) => t.text).join('\u0003');
      parts.push(`${name}\u0001#${v.numArgs}\u0006${delims}\u0006${body}`);
    }
  }
  return parts.join('\u0002');
}

export function macroEnv(macros: ReadonlyMap<string, MacroValue>): MacroEnv {
  return { macros, signature: signatureOf(macros) };
}

export const EMPTY_MACROS: MacroEnv = macroEnv(new Map());

/** Entries of a `{ name: expansion }` mapping, from a setting (plain object) or the front matter (Map or object). */
function entriesOf(value: unknown): Array<[string, unknown]> | undefined {
  if (value === undefined || value === null) return [];
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  if (typeof value === 'object' && !Array.isArray(value)) return Object.entries(value as Record<string, unknown>);
  return undefined;
}

/** The table from settings and front matter, before any formula runs. */
export function baseMacros(sources: MacroSources): { env: MacroEnv; problems: MacroProblem[] } {
  const macros = new Map<string, MacroValue>();
  const problems: MacroProblem[] = [];
  const origins: Array<[MacroOrigin, unknown]> = [
    ['pizarra.math.macros', sources.pizarra],
    ['markdown.math.macros', sources.vscode],
    ['front matter', sources.frontMatter],
  ];
  for (const [origin, value] of origins) {
    const entries = entriesOf(value);
    if (!entries) {
      problems.push({ origin, name: '', message: `${origin}: macros must be a mapping from names such as \\R to their expansions.` });
      continue;
    }
    for (const [rawName, expansion] of entries) {
      // VS Code's setting accepts "\\R" and KaTeX also accepts "R"; we store the canonical "\R".
      const name = rawName.startsWith('\\') ? rawName : `\\${rawName}`;
      if (!/^\\(?:[A-Za-z@]+|[^A-Za-z@])$/.test(name)) {
        problems.push({ origin, name: rawName, message: `${origin}: '${rawName}' is not a TeX control sequence name.` });
      } else if (typeof expansion !== 'string' && typeof expansion !== 'number') {
        problems.push({ origin, name: rawName, message: `${origin}: the expansion of ${name} must be a string.` });
      } else macros.set(name, String(expansion));
    }
  }
  return { env: macroEnv(macros), problems };
}

/** Cheap pre-check: only formulas that may define macros need a parse to find their definitions. */
const DEFINING = /\\(?:newcommand|renewcommand|providecommand|def|gdef|edef|xdef|let|futurelet|global)(?![A-Za-z])/;

export function mayDefineMacros(tex: string): boolean {
  return DEFINING.test(tex);
}

/**
 * The table after a KaTeX call that was given `katexMacros` (from `katexOptions(…, before)`): KaTeX wrote
 * the formula's global definitions into that object, even when it threw later in the formula.
 */
export function captureDefinitions(before: MacroEnv, katexMacros: Readonly<Record<string, unknown>>): MacroEnv {
  let changed = false;
  const next = new Map(before.macros);
  for (const name of Object.keys(katexMacros)) {
    const v = katexMacros[name] as MacroValue;
    if (before.macros.get(name) !== v) {
      next.set(name, v);
      changed = true;
    }
  }
  for (const name of before.macros.keys()) {
    if (!Object.prototype.hasOwnProperty.call(katexMacros, name)) {
      next.delete(name);
      changed = true;
    }
  }
  return changed ? macroEnv(next) : before;
}

/** The TeX a consumer hands KaTeX for one formula: labels.ts `prepareTex` output, and display mode. */
export interface PreparedFormula {
  readonly tex: string;
  readonly display: boolean;
}

/**
 * The table in effect *before* each formula (what it renders with), plus the table after the last one.
 * Only formulas that look like definitions are parsed (with KaTeX's own parser, so `\def` with delimited
 * arguments, `\renewcommand` errors and the like behave exactly as when rendering).
 */
export function macrosAtEachFormula(formulas: readonly PreparedFormula[], base: MacroEnv): { before: MacroEnv[]; after: MacroEnv } {
  const before: MacroEnv[] = [];
  let env = base;
  for (const f of formulas) {
    before.push(env);
    if (!mayDefineMacros(f.tex)) continue;
    env = definitionsOf(f.tex, f.display, env);
  }
  return { before, after: env };
}

/** The table after one formula, parsing it with KaTeX (errors are the linter's business, not ours). */
export function definitionsOf(tex: string, display: boolean, env: MacroEnv): MacroEnv {
  const options = katexOptions(display, env);
  try {
    (katex as unknown as { __parse(t: string, o: object): unknown }).__parse(tex, options);
  } catch {
    // Definitions made before the error still count, as they do when the preview renders the formula.
  }
  return captureDefinitions(env, options.macros);
}

// The exact KaTeX options Pizarra renders and checks formulas with. The preview, the HTML export, the CLI
// and the linter's `katex-error` rule all build their options here, so a formula that renders in the
// preview is exactly a formula the linter accepts (and vice versa).

import type { KatexOptions, TrustContext } from 'katex';
import { ANCHOR_PREFIX } from './labels';
import type { MacroEnv, MacroValue } from './macros';

/**
 * KaTeX's `trust` hook. Untrusted documents must not get arbitrary links or HTML attributes (KaTeX's
 * "Security" docs), but our own label rewriting (labels.ts) needs two commands: `\htmlId{pizarra-eq-…}{}`
 * for the anchor that `\label` becomes, and `\href{#pizarra-eq-…}{…}` for `\eqref`/`\ref`. Only those
 * exact shapes are trusted; a writer's own `\href{https://…}` renders as KaTeX's "untrusted" red text.
 */
export function trustPizarraCommands(context: TrustContext): boolean {
  const c = context as TrustContext & { id?: string; url?: string };
  if (c.command === '\\htmlId') return typeof c.id === 'string' && c.id.startsWith(ANCHOR_PREFIX);
  if (c.command === '\\href') return typeof c.url === 'string' && c.url.startsWith('#' + ANCHOR_PREFIX);
  return false;
}

/** Everything but the per-call parts (display mode, macros). */
export const BASE_KATEX_OPTIONS: Readonly<KatexOptions> = Object.freeze({
  // We catch KaTeX's ParseError ourselves: the preview shows the source with a chip carrying KaTeX's
  // message, the linter turns it into a diagnostic. KaTeX's own red-text fallback hides the real message.
  throwOnError: true,
  // MathML for screen readers and copy-paste, HTML for the look: KaTeX's default, and VS Code's.
  output: 'htmlAndMathml',
  // `\newcommand` at the top level of a formula persists to later formulas (as VS Code's markdown-math
  // does with `globalGroup: true`); macros.ts captures the definitions KaTeX writes into `macros`.
  globalGroup: true,
  // KaTeX's default 'warn' prints to the console for every Spanish accent inside `\text{}` and for our own
  // `\htmlId`; the linter has dedicated rules for LaTeX-compatibility concerns instead.
  strict: 'ignore',
  trust: trustPizarraCommands,
  // KaTeX's default expansion limit; it guards against `\def\a{\a\a}` bombs. Named here so every consumer
  // shares it.
  maxExpand: 1000,
});

/**
 * The options for one formula. `macros` is a fresh object per call: KaTeX writes the formula's own
 * `\newcommand`/`\def` definitions into it (see `captureDefinitions` in macros.ts), and we never let one
 * formula's call mutate another's table.
 */
export function katexOptions(displayMode: boolean, env: MacroEnv): KatexOptions & { macros: Record<string, MacroValue> } {
  return { ...BASE_KATEX_OPTIONS, displayMode, macros: toKatexMacros(env) };
}

/**
 * KaTeX takes macros as a plain object (and calls `hasOwnProperty` on it, so it cannot be a
 * null-prototype object); user-chosen names otherwise live in Maps. Every name here starts with a
 * backslash (baseMacros checks it, KaTeX's own definitions are control sequences), so none can meet an
 * Object.prototype property such as `constructor`.
 */
export function toKatexMacros(env: MacroEnv): Record<string, MacroValue> {
  const out: Record<string, MacroValue> = {};
  for (const [name, value] of env.macros) out[name] = value;
  return out;
}

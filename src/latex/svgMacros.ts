// Translates the macro table KaTeX renders with (macros.ts) into MathJax's `macros` option, so the SVG a
// hover shows expands `\R`, front-matter macros and earlier `\newcommand`s exactly like the preview.

import type { MacroEnv, MacroValue } from './macros';
import { MATHJAX_SHIMS } from './svgShims';

/** MathJax's TeX `macros` option: name without backslash → body, or [body, argument count]. */
export type MathJaxMacros = Record<string, string | [string, number]>;

/**
 * KaTeX-only commands the preview relies on, given MathJax meanings: labels.ts turns `\label` into
 * `\htmlId{…}{}`, and writers may use KaTeX's other `\html…` commands. Their visible content is the
 * last argument (KaTeX docs, "HTML extension").
 */
const KATEX_SHIMS: ReadonlyArray<[string, [string, number]]> = [
  ['htmlId', ['#2', 2]],
  ['htmlClass', ['#2', 2]],
  ['htmlStyle', ['#2', 2]],
  ['htmlData', ['#2', 2]],
];

/**
 * Highest `#n` in a macro body (KaTeX infers the argument count the same way for string macros); `##` is
 * a literal `#` (KaTeX's colour macros: `\textcolor{##6495ed}{#1}`).
 */
function argCount(body: string): number {
  let n = 0;
  for (const m of body.replace(/##/g, '').matchAll(/#([1-9])/g)) n = Math.max(n, Number(m[1]));
  return n;
}

/**
 * The TeX text of a definition KaTeX stored for `\newcommand` (tokens in reverse order, src/MacroExpander.js).
 * A control word followed by a letter needs a space so `\alpha` `x` does not become `\alphax`.
 */
export function definitionText(tokens: ReadonlyArray<{ readonly text: string }>): string {
  let out = '';
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].text;
    if (/\\[A-Za-z]+$/.test(out) && /^[A-Za-z#]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}

function translate(value: MacroValue): [string, number] | undefined {
  if (typeof value === 'string') return [value, argCount(value)];
  // Delimited `\def\f#1.{…}` has no MathJax option form; such macros stay undefined in the hover.
  if (value.delimiters && value.delimiters.some((d) => d.length > 0)) return undefined;
  return [definitionText(value.tokens), value.numArgs];
}

export function mathJaxMacros(env: MacroEnv): MathJaxMacros {
  // A plain object because MathJax's option merging walks own keys; names are control sequences
  // (letters only, or one non-letter), so none can be `__proto__`.
  const out: MathJaxMacros = {};
  // KaTeX's own commands MathJax lacks (`\R`, `\argmax`, `\bm`…, generated), then the article's macros,
  // which may redefine them as they do in the preview.
  for (const [name, body] of MATHJAX_SHIMS) {
    const n = argCount(body);
    out[name.slice(1)] = n === 0 ? body : [body, n];
  }
  for (const [name, def] of KATEX_SHIMS) out[name] = def;
  for (const [name, value] of env.macros) {
    const bare = name.slice(1);
    if (!/^(?:[A-Za-z]+|[^A-Za-z])$/.test(bare) || bare === '__proto__') continue;
    const t = translate(value);
    if (t) out[bare] = t[1] === 0 ? t[0] : t;
  }
  return out;
}

// operator-upright: `log x`, `softmax(z)`, `max_j` typed as letters render as a product of italic
// variables (l·o·g·x); function names are upright (ISO 80000-2, and every style guide since the TeXbook).
// A run of adjacent italic letters fires when it is a KaTeX operator name (`log` → `\log`), a known ML
// function (`softmax` → `\operatorname{softmax}`), or any run of three or more letters followed by `(`.
// Short names (`ln`, `tr`, `sin`) need a following `(` so that `tr`, `kl` as products stay silent.

import { forEachChild, type Expr } from '../../latex/tree';
import { fix, t, type Rule } from '../rule';
import { KATEX_OPERATORS, LIMIT_OPERATORS, NAMED_FUNCTIONS, SHORT_NAMES } from './words';

/** The upright spelling of a name. */
function upright(name: string, limits: boolean): string {
  const lower = name.toLowerCase();
  if (KATEX_OPERATORS.has(name)) return `\\${name}`;
  return limits && LIMIT_OPERATORS.has(lower) ? `\\operatorname*{${name}}` : `\\operatorname{${name}}`;
}

export const operatorUpright: Rule = {
  id: 'operator-upright',
  defaultSeverity: 'warning',
  summary: t('Function names typed as letters render as italic products: write \\log, \\operatorname{softmax}.', 'Los nombres de funciones escritos con letras salen como productos en cursiva: escribe \\log, \\operatorname{softmax}.'),
  checkFormula(ctx, report) {
    const tree = ctx.tree;
    if (!tree) return;
    const tex = ctx.tex;
    // Start offsets of italic one-letter symbols: letters inside \text, \mathrm, \operatorname are not here.
    // Scripts are left to subscript-label (`x_{max}` is a label, not a function).
    const italic = new Set<number>();
    const visit = (e: Expr) => {
      if (e.kind === 'symbol' && e.style === 'italic' && !e.accent && /^[A-Za-z]$/.test(e.name) && e.span.end === e.span.start + 1) italic.add(e.span.start);
      if (e.kind === 'script') visit(e.base);
      else if (e.kind === 'bigop') {
        if (e.body) visit(e.body);
      } else forEachChild(e, visit);
    };
    visit(tree);
    // No italic letter, no run to read: most formulas stop here.
    if (italic.size === 0) return;
    const tokens = ctx.tokens;
    for (let k = 0; k < tokens.length; ) {
      if (!italic.has(tokens[k].start) || tokens[k - 1]?.text === '_' || tokens[k - 1]?.text === '^') {
        k++;
        continue;
      }
      let j = k + 1;
      while (j < tokens.length && italic.has(tokens[j].start) && tokens[j].start === tokens[j - 1].end) j++;
      const run = tokens.slice(k, j).map((x) => x.text).join('');
      const after = tokens[j];
      const paren = after?.text === '(' || after?.text === '\\left';
      const found = match(run, paren);
      if (found) {
        const start = tokens[k].start;
        const end = start + found.length;
        const nextChar = tex[end] ?? '';
        const limits = nextChar === '_';
        let newText = upright(found, limits);
        if (/[A-Za-z]/.test(nextChar) && newText.startsWith('\\') && !newText.endsWith('}')) newText += ' ';
        report({
          start,
          end,
          message: t(
            `"${found}" is typeset as a product of italic variables; write ${upright(found, limits)} so it reads as a function name.`,
            `"${found}" se compone como un producto de variables en cursiva; escribe ${upright(found, limits)} para que se lea como nombre de función.`,
          ),
          fixes: [fix(t(`Write ${upright(found, limits)}`, `Escribir ${upright(found, limits)}`), [{ start, end, newText }])],
        });
      }
      k = j;
    }
  },
};

/** The function name a letter run starts with, if any. */
function match(run: string, paren: boolean): string | undefined {
  const lower = run.toLowerCase();
  const known = (w: string) => KATEX_OPERATORS.has(w) || NAMED_FUNCTIONS.has(w);
  if (known(lower)) {
    if (SHORT_NAMES.has(lower) && !paren) return undefined;
    // KaTeX's commands are lower case: `Log` is not `\log`.
    if (KATEX_OPERATORS.has(lower) && lower !== run && !NAMED_FUNCTIONS.has(lower)) return paren ? run : undefined;
    return run;
  }
  // `logx`, `expz`: a long-enough operator name glued to its argument letter.
  for (const w of ['softmax', 'sigmoid', 'argmax', 'argmin', 'tanh', 'log', 'exp', 'max', 'min']) {
    if (lower.startsWith(w) && lower.length === w.length + 1 && run.slice(0, w.length) === w) return w;
  }
  if (paren && run.length >= 3) return run;
  return undefined;
}

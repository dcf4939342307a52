// subscript-label: `n_{in}`, `L_{train}` set the label as a product of italic variables (i·n); a word
// in a subscript is text: `n_{\text{in}}` (ISO 80000-2 §3: descriptive subscripts are upright). This also
// tells the index rules that `in` is not two indices. Fires on braced subscripts whose letters form a known
// label word, or any four-plus-letter word with a vowel other than i (index runs like `ijkl` stay silent).

import { forEachChild, type Expr } from '../../latex/tree';
import { fix, t, type Rule } from '../rule';
import { SUBSCRIPT_WORDS } from './words';

/** The letters of a subscript made only of adjacent italic one-letter symbols, with its span. */
function letters(e: Expr): { word: string; start: number; end: number } | undefined {
  const leaves: Expr[] = e.kind === 'product' ? [...e.factors] : [e];
  if (e.kind === 'product' && e.joins.some((j) => j !== '')) return undefined;
  let word = '';
  let prevEnd = -1;
  for (const l of leaves) {
    if (l.kind !== 'symbol' || l.style !== 'italic' || l.accent || !/^[A-Za-z]$/.test(l.name)) return undefined;
    if (prevEnd >= 0 && l.span.start !== prevEnd) return undefined;
    word += l.name;
    prevEnd = l.span.end;
  }
  return word.length >= 2 ? { word, start: leaves[0].span.start, end: prevEnd } : undefined;
}

function isLabelWord(word: string): boolean {
  const lower = word.toLowerCase();
  return SUBSCRIPT_WORDS.has(lower) || (word.length >= 4 && /[aeouy]/.test(lower));
}

export const subscriptLabel: Rule = {
  id: 'subscript-label',
  defaultSeverity: 'info',
  summary: t('A word in a subscript is a label, not a product of variables: n_{\\text{in}}.', 'Una palabra en un subíndice es una etiqueta, no un producto de variables: n_{\\text{in}}.'),
  checkFormula(ctx, report) {
    if (!ctx.tree) return;
    const visit = (e: Expr) => {
      if (e.kind === 'script' && e.sub) {
        const w = letters(e.sub);
        // Only braced subscripts: `n_in` is unbraced-script's finding.
        if (w && ctx.tex[w.start - 1] === '{' && isLabelWord(w.word)) {
          const fixed = `\\text{${w.word}}`;
          report({
            start: w.start,
            end: w.end,
            message: t(
              `The subscript "${w.word}" is a label but is typeset as a product of italic variables; write \\text{${w.word}}.`,
              `El subíndice "${w.word}" es una etiqueta pero se compone como un producto de variables en cursiva; escribe \\text{${w.word}}.`,
            ),
            fixes: [fix(t(`Write ${fixed}`, `Escribir ${fixed}`), [{ start: w.start, end: w.end, newText: fixed }])],
          });
        }
      }
      forEachChild(e, visit);
    };
    visit(ctx.tree);
  },
};

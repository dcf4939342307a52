// unbraced-script: a script takes exactly one token, so `e^-x` renders e⁻x, `x^10` x¹0, `W_ij` W_i j,
// `x^(2)` x⁽2), `\sum_i=1^n` Σᵢ=1ⁿ and `\sqrt(x)` √( x) — KaTeX accepts all of them silently. Read on the
// re-tokenized TeX (a script is the token right after `^`/`_`), only when KaTeX parsed the formula.
// `W_ij` fires only when both letters are index letters (i…n, p…t) or the word is a known label
// (`L_train`): `w_ix_i` and `\sum_i w_ix` are products and stay silent.

import type { TexToken } from '../../latex/treeSpans';
import { fix, t, type Fix, type Rule } from '../rule';
import { SUBSCRIPT_WORDS } from './words';

const INDEX_LETTERS = /^[i-np-t]$/;
const BIG_OPS = new Set(['\\sum', '\\prod', '\\bigcup', '\\bigcap', '\\coprod', '\\bigoplus', '\\bigotimes']);
const isLetter = (s: string | undefined) => s !== undefined && /^[A-Za-z]$/.test(s);
const isDigit = (s: string | undefined) => s !== undefined && /^[0-9]$/.test(s);

/** Index just past the operand starting at token k: a digit run, a braced group, or one token. */
function operandEnd(tokens: readonly TexToken[], k: number): number {
  const tok = tokens[k];
  if (!tok) return k;
  if (tok.text === '{') return matching(tokens, k, '{', '}');
  if (isDigit(tok.text)) {
    let j = k + 1;
    while (j < tokens.length && (isDigit(tokens[j].text) || (tokens[j].text === '.' && isDigit(tokens[j + 1]?.text))) && tokens[j].start === tokens[j - 1].end) j++;
    return j;
  }
  return k + 1;
}

/** Index just past the token closing the group opened at k (or the end). */
function matching(tokens: readonly TexToken[], k: number, open: string, close: string): number {
  let depth = 0;
  for (let j = k; j < tokens.length; j++) {
    if (tokens[j].text === open) depth++;
    else if (tokens[j].text === close && --depth === 0) return j + 1;
  }
  return tokens.length;
}

export const unbracedScript: Rule = {
  id: 'unbraced-script',
  defaultSeverity: 'warning',
  summary: t('A script without braces takes one token only: e^-x, x^10, W_ij, x^(2), \\sqrt(x).', 'Un índice sin llaves toma un solo token: e^-x, x^10, W_ij, x^(2), \\sqrt(x).'),
  checkFormula(ctx, report) {
    if (ctx.parse.error) return;
    const tex = ctx.tex;
    const tokens = ctx.tokens;
    const wrap = (start: number, end: number): Fix =>
      fix(t('Wrap the script in {}', 'Encerrar el índice entre {}'), [
        { start, end: start, newText: '{' },
        { start: end, end, newText: '}' },
      ]);
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (tok.text === '\\sqrt' && tokens[k + 1]?.text === '(') {
        const close = matching(tokens, k + 1, '(', ')');
        const last = tokens[close - 1];
        if (last?.text !== ')') continue;
        const open = tokens[k + 1];
        report({
          start: tok.start,
          end: last.end,
          message: t(
            `\\sqrt takes a braced argument: ${tex.slice(tok.start, last.end)} puts only "(" under the root; write \\sqrt{${tex.slice(open.end, last.start)}}.`,
            `\\sqrt toma un argumento entre llaves: ${tex.slice(tok.start, last.end)} deja solo "(" bajo la raíz; escribe \\sqrt{${tex.slice(open.end, last.start)}}.`,
          ),
          fixes: [fix(t('Use braces instead of parentheses', 'Usar llaves en lugar de paréntesis'), [
            { start: open.start, end: open.end, newText: '{' },
            { start: last.start, end: last.end, newText: '}' },
          ])],
        });
        continue;
      }
      if (tok.text !== '^' && tok.text !== '_') continue;
      const next = tokens[k + 1];
      if (!next || next.text === '{' || next.start !== tok.end) continue;
      const kind = tok.text === '^' ? t('superscript', 'superíndice') : t('subscript', 'subíndice');
      let endTok = -1;
      let why: { en: string; es: string } | undefined;
      let word: string | undefined;
      if (next.text === '-' || next.text === '+') {
        endTok = operandEnd(tokens, k + 2);
        if (endTok === k + 2) continue;
        why = t(`only "${next.text}" is raised`, `solo "${next.text}" queda como índice`);
      } else if (next.text === '(') {
        endTok = matching(tokens, k + 1, '(', ')');
        if (tokens[endTok - 1]?.text !== ')') continue;
        why = t('only "(" is raised', 'solo "(" queda como índice');
      } else if (isDigit(next.text) && isDigit(tokens[k + 2]?.text) && tokens[k + 2].start === next.end) {
        endTok = operandEnd(tokens, k + 1);
        why = t(`only "${next.text}" is raised`, `solo "${next.text}" queda como índice`);
      } else if (isLetter(next.text)) {
        // Letters glued to the script letter, stopping before a letter that starts a new scripted symbol.
        let j = k + 2;
        while (j < tokens.length && isLetter(tokens[j].text) && tokens[j].start === tokens[j - 1].end) j++;
        if (j < tokens.length && (tokens[j].text === '_' || tokens[j].text === '^') && j - 1 > k + 1) j--;
        const run = tokens.slice(k + 1, j).map((x) => x.text).join('');
        const bigop = BIG_OPS.has(tokens[k - 1]?.text ?? '') && tokens[k + 2]?.text === '=';
        if (bigop) {
          endTok = operandEnd(tokens, k + 3);
          why = t(`only "${next.text}" is the lower limit`, `solo "${next.text}" queda como límite inferior`);
        } else if (run.length === 2 && INDEX_LETTERS.test(run[0]) && INDEX_LETTERS.test(run[1])) {
          endTok = j;
          why = t(`only "${next.text}" is the ${kind.en}`, `solo "${next.text}" queda como ${kind.es}`);
        } else if (run.length >= 2 && SUBSCRIPT_WORDS.has(run.toLowerCase())) {
          endTok = j;
          word = run;
          why = t(`only "${next.text}" is the ${kind.en}`, `solo "${next.text}" queda como ${kind.es}`);
        } else continue;
      } else continue;
      const start = next.start;
      const end = tokens[endTok - 1].end;
      const body = tex.slice(start, end);
      const fixes = [wrap(start, end)];
      if (word) fixes.push(fix(t(`Write ${tok.text}{\\text{${word}}}`, `Escribir ${tok.text}{\\text{${word}}}`), [{ start, end, newText: `{\\text{${word}}}` }]));
      report({
        start: tok.start,
        end,
        message: t(
          `The ${kind.en} ${tok.text}${body} has no braces: ${why!.en}. Write ${tok.text}{${body}}.`,
          `El ${kind.es} ${tok.text}${body} no lleva llaves: ${why!.es}. Escribe ${tok.text}{${body}}.`,
        ),
        fixes,
      });
    }
  },
};

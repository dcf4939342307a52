// conditional-bar: `P(y=j|\mathbf x)` typesets `|` as an ordinary symbol with no space around it; the
// conditioning bar is `\mid`, a relation with relation spacing (amsmath guide §4.14, TeXbook ch. 18).
// Fires on exactly one bare `|`/`\vert` at the top level of the argument of a probability-like function
// (P, p, Q, q, L, ℓ, H, I, π, \Pr, 𝔼, ℙ, 𝒩); two bars are an absolute value or a norm and stay silent.

import { baseSymbol, type Expr } from '../../latex/tree';
import { walk } from '../../latex/tree';
import { fix, t, type Rule } from '../rule';

const CALLEES = new Set(['P', 'p', 'Q', 'q', 'L', '\\ell', 'H', 'I', '\\pi', 'E', '\\Pr', 'Pr']);

function isProbabilityLike(fn: Expr): boolean {
  const target = fn.kind === 'script' ? fn.base : fn;
  if (target.kind === 'operator') return target.name === '\\Pr' || target.name === 'Pr' || target.name === 'E' || target.name === 'P';
  const sym = baseSymbol(target);
  // 𝒩(x | μ, Σ): a Gaussian density conditioned on its parameters (Bishop, PRML ch. 2).
  return sym !== undefined && (CALLEES.has(sym.name) || (sym.name === 'N' && sym.style === 'cal'));
}

/** Bare bars at the top level of a fence body (not inside nested fences, calls, fractions or scripts). */
function topLevelBars(body: Expr): { bars: Array<Extract<Expr, { kind: 'atom' }>>; mids: number } {
  const bars: Array<Extract<Expr, { kind: 'atom' }>> = [];
  let mids = 0;
  walk(body, (e) => {
    if (e.kind === 'atom' && (e.text === '|' || e.text === '\\vert')) bars.push(e);
    if (e.kind === 'atom' && e.text === '\\mid') mids++;
    if (e.kind === 'relation') mids += e.ops.filter((o) => o.text === '\\mid').length;
    return !(e.kind === 'fence' || e.kind === 'apply' || e.kind === 'frac' || e.kind === 'script' || e.kind === 'sqrt');
  });
  return { bars, mids };
}

export const conditionalBar: Rule = {
  id: 'conditional-bar',
  defaultSeverity: 'info',
  summary: t('Use \\mid, not |, for the conditioning bar in P(…|…), p(…|…), L(…|…), 𝔼[…|…].', 'Usa \\mid, no |, como barra de condición en P(…|…), p(…|…), L(…|…), 𝔼[…|…].'),
  checkFormula(ctx, report) {
    if (!ctx.tree) return;
    walk(ctx.tree, (e) => {
      if (e.kind !== 'apply' || e.arg.kind !== 'fence' || !isProbabilityLike(e.fn)) return;
      const { bars, mids } = topLevelBars(e.arg.body);
      if (bars.length !== 1 || mids > 0) return;
      const bar = bars[0];
      const callee = ctx.tex.slice(e.fn.span.start, e.fn.span.end);
      // `\mid` followed by a letter would read as one longer command (`\midx`).
      const next = ctx.tex[bar.span.end] ?? '';
      const newText = /[A-Za-z]/.test(next) ? '\\mid ' : '\\mid';
      report({
        start: bar.span.start,
        end: bar.span.end,
        message: t(
          `The bar in ${callee}(…|…) is typeset as an ordinary symbol without spacing; write the conditioning bar as \\mid.`,
          `La barra de ${callee}(…|…) se compone como un símbolo ordinario, sin espacios; escribe la barra de condición como \\mid.`,
        ),
        fixes: [fix(t('Replace | with \\mid', 'Cambiar | por \\mid'), [{ start: bar.span.start, end: bar.span.end, newText }])],
      });
    });
  },
};

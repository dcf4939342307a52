// implicit-sum: an index repeated across the factors of one term and absent from the other side is summed
// only under Einstein's convention, as in the chain rule
// `\frac{\partial L}{\partial W_i}=\frac{\partial L}{\partial y_j}\frac{\partial y_j}{\partial W_i}` (the
// writer's draft). Info by default, and off when the user writes in Einstein notation. Fix: insert `\sum_{j}`.

import { analyzeIndices, EQUALITIES, factorsOf, freeIndexLetters, statements, termsOf } from '../indices';
import { fix, t, type Finding, type FormulaContext, type Rule } from '../rule';
import type { Expr } from '../../latex/tree';

export const implicitSum: Rule = {
  id: 'implicit-sum',
  defaultSeverity: 'info',
  summary: t(
    'An index repeats inside one term but not on the other side: an implicit (Einstein) sum.',
    'Un índice se repite dentro de un término pero no al otro lado: una suma implícita (de Einstein).',
  ),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    for (const stmt of statements(ctx.tree)) {
      if (stmt.kind !== 'relation' || !stmt.ops.every((o) => EQUALITIES.has(o.text))) continue;
      const sideFree = stmt.sides.map((s) => new Set(freeIndexLetters(analyzeIndices(s, ctx.tex))));
      stmt.sides.forEach((side, si) => {
        const elsewhere = new Set<string>();
        sideFree.forEach((set, sj) => sj !== si && set.forEach((l) => elsewhere.add(l)));
        const terms = termsOf(side);
        for (const [ti, term] of terms.entries()) {
          // `\sum_i -y_i \log \hat y_i`: the tree closes Σ_i at the minus; the term is really its body.
          const before = terms[ti - 1]?.expr;
          if (before?.kind === 'bigop' && !before.body) continue;
          // `t` is a time step or the target class (`\alpha_t (1-p_t)^\gamma \log p_t`, the focal loss):
          // texts sum over time explicitly, so a repeated t is never an Einstein contraction.
          const repeated = repeatedIndices(term.expr, ctx.tex).filter((l) => !elsewhere.has(l) && l !== 't');
          if (repeated.length === 0) continue;
          const list = repeated.join(',');
          const sigma = `\\sum_{${list}} `;
          const at = term.expr.span.start;
          report({
            start: term.expr.span.start,
            end: term.expr.span.end,
            message: t(
              `Index ${quoteAll(repeated)} appears in ${repeated.length > 1 ? 'several' : 'two'} factors of this term but not on the other side, so the term is summed over it only under Einstein's convention. Write the sum \`${sigma.trim()}\` (or turn on Einstein notation).`,
              `El índice ${quoteAll(repeated)} aparece en ${repeated.length > 1 ? 'varios' : 'dos'} factores de este término pero no al otro lado, así que solo se suma con la convención de Einstein. Escribe la suma \`${sigma.trim()}\` (o activa la notación de Einstein).`,
            ),
            fixes: [fix(t(`Insert \`${sigma.trim()}\``, `Insertar \`${sigma.trim()}\``), [{ start: at, end: at, newText: sigma }])],
          });
        }
      });
    }
  },
};

/** Free index letters that occur in at least two different top-level factors of `term`. */
export function repeatedIndices(term: Expr, tex: string): string[] {
  const seen = new Map<string, number>();
  for (const f of factorsOf(term)) {
    for (const l of freeIndexLetters(analyzeIndices(f, tex))) seen.set(l, (seen.get(l) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n >= 2).map(([l]) => l);
}

const quoteAll = (ls: readonly string[]) => ls.map((l) => `\`${l}\``).join(', ');

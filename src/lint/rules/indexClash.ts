// index-clash: a letter bound by Σ/Π (or \max_k) that is also free in the same statement, as in the softmax
// erratum `\frac{e^{z_j}}{\sum_j e^{z_j}}`. Purely syntactic on purpose: with shadowing the clashing
// softmax still sums to 1, so no numeric check can see it (docs/LINT-RULES.md). Fix: rename the bound
// index to a fresh letter (k, l, m, …) inside that Σ only.

import { fix, t, type Finding, type FormulaContext, type Rule } from '../rule';
import { analyzeIndices, boundSites, EQUALITIES, freeIndexLetters, freshLetter, lettersUsed, renameInSpan, statements } from '../indices';

export const indexClash: Rule = {
  id: 'index-clash',
  defaultSeverity: 'warning',
  summary: t(
    'An index bound by a sum or product is also used free in the same formula.',
    'Un índice ligado por un sumatorio o producto también aparece libre en la misma fórmula.',
  ),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    const used = lettersUsed(ctx.tree);
    for (const stmt of statements(ctx.tree)) {
      const a = analyzeIndices(stmt, ctx.tex);
      // In `\hat y_i = \sum_j W_{ij} x_j + b_j` the free j is stray: index-mismatch reports it (with its fix),
      // so a clash is only a letter the left side also leaves free, or any letter when there is no left side.
      const lhs = stmt.kind === 'relation' && stmt.ops.every((o) => EQUALITIES.has(o.text)) ? stmt.sides[0] : undefined;
      const lhsFree = lhs ? new Set(freeIndexLetters(analyzeIndices(lhs, ctx.tex))) : new Set<string>();
      const deferred = (letter: string, at: number) => lhsFree.size > 0 && !lhsFree.has(letter) && lhs !== undefined && (at < lhs.span.start || at >= lhs.span.end);
      for (const b of a.binders) {
        // A Σ with nothing after it (`\sum_i -y_i …`, read as Σ_i then − y_i) has no scope to clash in.
        if (!b.body) continue;
        const free = a.occurrences.find((o) => o.letter === b.letter && o.asIndex && o.boundBy === undefined && !deferred(o.letter, o.node.span.start));
        const shadowed = b.shadows.length > 0;
        if (!free && !shadowed) continue;
        const fresh = freshLetter(used);
        const where = free
          ? t(`it is also free in \`${src(ctx.tex, free.owner)}\``, `también aparece libre en \`${src(ctx.tex, free.owner)}\``)
          : t('an enclosing operator already binds it', 'un operador exterior ya lo liga');
        const op = opName(ctx.tex, b.node);
        const fixes = fresh
          ? [
              fix(t(`Rename the bound index to \`${fresh}\``, `Renombrar el índice ligado a \`${fresh}\``), [
                { start: b.node.span.start, end: b.node.span.end, newText: renameInSpan(ctx.tex, b.node.span, boundSites(a, b), fresh) },
              ]),
            ]
          : [];
        report({
          start: b.letterNode.span.start,
          end: b.letterNode.span.end,
          message: t(
            `Index \`${b.letter}\` is bound by ${op} but ${where.en}: the two meanings clash (a reader cannot tell which \`${b.letter}\` is which). Rename the bound index.`,
            `El índice \`${b.letter}\` está ligado por ${op} pero ${where.es}: los dos significados chocan (quien lee no sabe cuál \`${b.letter}\` es cuál). Renombra el índice ligado.`,
          ),
          fixes,
        });
      }
    }
  },
};

function opName(tex: string, node: { span: { start: number } }): string {
  const m = /^\\[A-Za-z]+/.exec(tex.slice(node.span.start));
  return m ? `\`${m[0]}\`` : 'the operator';
}

const src = (tex: string, e: { span: { start: number; end: number } }) => tex.slice(e.span.start, e.span.end);

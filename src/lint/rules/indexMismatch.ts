// index-mismatch: free indices that disagree between the sides or terms of an equation
// (`\hat y_i=\sum_j W_{ij}x_j+b_j`: the bias carries j, not i), and a Σ whose index never appears in its
// summand (`\sum_k e^{z_j}`). Indices repeated inside one term are left to implicit-sum. Fix: replace the
// stray index when exactly one replacement makes the term agree.

import type { Expr } from '../../latex/tree';
import {
  analyzeIndices, EQUALITIES, freeIndexLetters, lettersUsed, renameInSpan, statements, termsOf, type IndexAnalysis,
} from '../indices';
import { fix, t, type Finding, type FormulaContext, type Rule } from '../rule';
import { repeatedIndices } from './implicitSum';

export const indexMismatch: Rule = {
  id: 'index-mismatch',
  defaultSeverity: 'warning',
  summary: t(
    'Free indices differ between the sides or terms of an equation, or a sum index is unused.',
    'Los índices libres difieren entre los lados o términos de una ecuación, o un índice de suma no se usa.',
  ),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    for (const stmt of statements(ctx.tree)) {
      unusedSumIndex(ctx.tex, analyzeIndices(stmt, ctx.tex), report);
      if (stmt.kind === 'relation' && stmt.ops.every((o) => EQUALITIES.has(o.text))) sidesDisagree(ctx.tex, stmt.sides, report);
    }
  },
};

function sidesDisagree(tex: string, sides: readonly Expr[], report: (f: Finding) => void): void {
  const lhs = new Set(freeIndexLetters(analyzeIndices(sides[0], tex)));
  // A scalar left side (`L = …`) says nothing about which indices the right side may carry.
  if (lhs.size === 0) return;
  for (const side of sides.slice(1)) {
    let strays = 0;
    for (const term of termsOf(side)) {
      const a = analyzeIndices(term.expr, tex);
      const contracted = new Set(repeatedIndices(term.expr, tex));
      const free = freeIndexLetters(a).filter((l) => !(contracted.has(l) && !lhs.has(l)));
      const stray = free.filter((l) => !lhs.has(l));
      if (stray.length === 0) continue;
      strays++;
      const missing = [...lhs].filter((l) => !free.includes(l));
      const first = a.occurrences.find((o) => o.asIndex && !o.boundBy && o.letter === stray[0])!;
      const fixes = [];
      if (stray.length === 1 && missing.length === 1) {
        const sites = a.occurrences.filter((o) => o.letter === stray[0] && !o.boundBy).map((o) => o.node);
        const newText = renameInSpan(tex, term.expr.span, sites, missing[0]);
        fixes.push(fix(t(`Replace \`${stray[0]}\` with \`${missing[0]}\` in this term`, `Cambiar \`${stray[0]}\` por \`${missing[0]}\` en este término`), [
          { start: term.expr.span.start, end: term.expr.span.end, newText },
        ]));
      }
      const src = tex.slice(term.expr.span.start, term.expr.span.end);
      report({
        start: first.node.span.start,
        end: first.node.span.end,
        message: t(
          `The left side has free ${plural(lhs, 'index', 'indices')} ${quote([...lhs])} but the term \`${src}\` has ${quote(free)}: \`${stray[0]}\` is free on one side only.`,
          `El lado izquierdo tiene ${[...lhs].length === 1 ? 'el índice libre' : 'los índices libres'} ${quote([...lhs])} pero el término \`${src}\` tiene ${quote(free)}: \`${stray[0]}\` solo está libre en un lado.`,
        ),
        fixes,
      });
    }
    // A stray index usually is the lost one (`B_{kl}` for `B_{kj}`): its finding and fix say it all.
    if (strays === 0) lostIndex(tex, sides[0], lhs, side, report);
  }
}

/**
 * `G_t = \sum_k \gamma^k r_{k+1}`: the left side's `t` appears nowhere on a right side that does use
 * indices (a right side without any index is a broadcast scalar and stays silent).
 */
function lostIndex(tex: string, lhsExpr: Expr, lhs: ReadonlySet<string>, side: Expr, report: (f: Finding) => void): void {
  const a = analyzeIndices(side, tex);
  if (!a.occurrences.some((o) => o.asIndex)) return;
  const used = new Set(a.occurrences.map((o) => o.letter));
  const lhsA = analyzeIndices(lhsExpr, tex);
  for (const letter of lhs) {
    if (used.has(letter)) continue;
    const at = lhsA.occurrences.find((o) => o.letter === letter && o.asIndex && !o.boundBy)!;
    const src = tex.slice(side.span.start, side.span.end);
    report({
      start: at.node.span.start,
      end: at.node.span.end,
      message: t(
        `The left side is indexed by \`${letter}\` but the right side \`${src}\` never uses \`${letter}\`: every \`${letter}\` would get the same value.`,
        `El lado izquierdo lleva el índice \`${letter}\` pero el lado derecho \`${src}\` nunca usa \`${letter}\`: todos los \`${letter}\` tendrían el mismo valor.`,
      ),
    });
  }
}

function unusedSumIndex(tex: string, a: IndexAnalysis, report: (f: Finding) => void): void {
  for (const b of a.binders) {
    if (!b.body || b.body.kind === 'number') continue;
    if (a.occurrences.some((o) => o.boundBy === b)) continue;
    // `\sum_i \sum_i …`: the inner sum shadows this one; index-clash reports the shadowing.
    if (a.binders.some((inner) => inner.shadows.includes(b))) continue;
    // Only letters still free inside the body could be the intended index.
    const candidates = freeIndexLetters(analyzeIndices(b.body, tex)).filter((l) => l !== b.letter);
    const fixes = [];
    if (candidates.length === 1 && !lettersUsedIn(b.body).has(b.letter)) {
      const inner = analyzeIndices(b.body, tex);
      const sites = inner.occurrences.filter((o) => o.letter === candidates[0] && !o.boundBy && o.asIndex).map((o) => o.node);
      fixes.push(fix(t(`Use \`${b.letter}\` in the summand`, `Usar \`${b.letter}\` en el sumando`), [
        { start: b.body.span.start, end: b.body.span.end, newText: renameInSpan(tex, b.body.span, sites, b.letter) },
      ]));
    }
    const body = tex.slice(b.body.span.start, b.body.span.end);
    report({
      start: b.letterNode.span.start,
      end: b.letterNode.span.end,
      message: t(
        `The sum runs over \`${b.letter}\` but its summand \`${body}\` never uses \`${b.letter}\`${candidates.length === 1 ? ` (it uses \`${candidates[0]}\`)` : ''}: every term of the sum is the same.`,
        `La suma recorre \`${b.letter}\` pero su sumando \`${body}\` nunca usa \`${b.letter}\`${candidates.length === 1 ? ` (usa \`${candidates[0]}\`)` : ''}: todos los términos de la suma son iguales.`,
      ),
      fixes,
    });
  }
}

const lettersUsedIn = (e: Expr) => lettersUsed(e);
const quote = (ls: readonly string[]) => (ls.length ? ls.map((l) => `\`${l}\``).join(', ') : 'none');
const plural = (s: ReadonlySet<string>, one: string, many: string) => (s.size === 1 ? one : many);

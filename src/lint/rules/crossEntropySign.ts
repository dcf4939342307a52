// cross-entropy-sign: a cross-entropy (or entropy, or binary cross-entropy) written without its minus,
// `L=\sum_i y_i\log\hat y_i`, is negative for every probability vector: the most common erratum filed
// against ML notes. Template (a weighted log: a factor times the log of something) + numeric check: the
// right side evaluates below 0 at every seeded sample with y, ŷ on the simplex. Fix: insert the minus.

import { evaluate, fmt, samplePoints, type SamplePoint } from '../../latex/evaluate';
import { freeVars, hasUnknown, type NumExpr } from '../../latex/evaluateExpr';
import { toNum } from '../../latex/evaluateFromTree';
import { mlRoles, prettyName } from '../../latex/evaluateRoles';
import { walk, type Expr } from '../../latex/tree';
import { EQUALITIES, statements } from '../indices';
import { fix, t, type Finding, type FormulaContext, type Rule } from '../rule';

export const crossEntropySign: Rule = {
  id: 'cross-entropy-sign',
  defaultSeverity: 'warning',
  summary: t('A cross-entropy written without its minus sign is negative.', 'Una entropía cruzada escrita sin su signo menos es negativa.'),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    for (const stmt of statements(ctx.tree)) {
      if (stmt.kind !== 'relation' || !stmt.ops.every((o) => EQUALITIES.has(o.text))) continue;
      // `\log p(x) = \sum_i \log p(x_i)` and `\ell(\theta) = …` are log-likelihoods, negative by nature.
      if (hasLog(stmt.sides[0]) || isLogLikelihood(ctx.tex, stmt.sides[0])) continue;
      for (const side of stmt.sides.slice(1)) {
        if (!hasWeightedLog(side)) continue;
        const evidence = alwaysNegative(toNum(side, ctx.tex, { opaqueCalls: true }));
        if (!evidence) continue;
        const src = ctx.tex.slice(side.span.start, side.span.end);
        const newText = side.kind === 'sum' && side.terms.length > 1 ? `-\\left(${src}\\right)` : `-${src}`;
        report({
          start: side.span.start,
          end: side.span.end,
          message: t(
            `This cross-entropy is missing its minus sign: it is ${evidence.value} at ${evidence.point}, but −Σ y log ŷ is never negative for probabilities.`,
            `A esta entropía cruzada le falta el signo menos: vale ${evidence.value} en ${evidence.point}, pero −Σ y log ŷ nunca es negativa para probabilidades.`,
          ),
          fixes: [fix(t('Insert the minus sign', 'Insertar el signo menos'), [{ start: side.span.start, end: side.span.end, newText }])],
        });
      }
    }
  },
};

/** `\ell`, `\ell(\theta)`: the log-likelihood's name; `\ell(\hat y, y)` (predictions as arguments) is a loss. */
function isLogLikelihood(tex: string, lhs: Expr): boolean {
  const callee = lhs.kind === 'apply' ? lhs.fn : lhs;
  const base = callee.kind === 'script' ? callee.base : callee;
  if (base.kind !== 'symbol' || base.name !== '\\ell') return false;
  return lhs.kind !== 'apply' || !/\\(wide)?hat/.test(tex.slice(lhs.arg.span.start, lhs.arg.span.end));
}

const LOGS = new Set(['\\log', '\\ln', 'log', 'ln']);

export function isLog(e: Expr): boolean {
  const f = e.kind === 'script' ? e.base : e;
  return f.kind === 'operator' && LOGS.has(f.name);
}

function hasLog(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.kind === 'apply' && isLog(n.fn)) found = true;
    return !found;
  });
  return found;
}

/** A product with a log factor and a non-log factor: `y_i \log\hat y_i`, `(1-y)\log(1-\hat y)`. */
export function hasWeightedLog(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.kind === 'product') {
      const logs = n.factors.filter((f) => f.kind === 'apply' && isLog(f.fn));
      const weights = n.factors.filter((f) => !(f.kind === 'apply' && isLog(f.fn)) && f.kind !== 'number' && !hasLog(f));
      if (logs.length > 0 && weights.length > 0) found = true;
    }
    return !found;
  });
  return found;
}

/** The value at the first sample and the sample, when the expression is negative at every sample. */
function alwaysNegative(e: NumExpr): { value: string; point: string } | undefined {
  if (hasUnknown(e)) return undefined;
  const roles = mlRoles([e]);
  const points = samplePoints({ roles, size: 3 }, 6);
  let first: { v: number; p: SamplePoint } | undefined;
  for (const p of points) {
    const v = evaluate(e, p);
    if (!Number.isFinite(v) || v >= -1e-9) return undefined;
    first ??= { v, p };
  }
  if (!first) return undefined;
  const names = [...freeVars(e)].filter((n) => roles.get(n) !== 'count');
  return { value: fmt(first.v), point: names.map((n) => first!.p.describe(n, prettyName)).join(', ') };
}

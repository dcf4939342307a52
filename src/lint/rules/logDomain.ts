// log-domain: a logarithm of something that can be 0 or negative: a one-hot label (`\log y_i`, `\log(1-y)`),
// a logit (`\log z_j`), a ReLU output, a norm or square without an ε. Interval reasoning over roles: hats,
// σ(·), softmax and exp are in (0, 1) or (0, ∞) and stay silent (the draft's `\log(\hat y_i)` is fine in
// exact arithmetic); a label y (in a formula that also has its prediction ŷ) is in [0, 1]; z is any real.
// A hint, without a fix: the remedy (ε, clipping, log-sum-exp) depends on the model.

import { toNum } from '../../latex/evaluateFromTree';
import { intervalOf, iv, reachesNonPositive, showInterval, type Interval } from '../../latex/evaluateInterval';
import { baseLetter } from '../../latex/evaluateRoles';
import { walk, type Expr } from '../../latex/tree';
import { t, type Finding, type FormulaContext, type Rule } from '../rule';

export const logDomain: Rule = {
  id: 'log-domain',
  defaultSeverity: 'hint',
  summary: t('The argument of a log can be 0 or negative.', 'El argumento de un logaritmo puede ser 0 o negativo.'),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    const hasPrediction = mentionsHat(ctx.tree);
    const why = new Map<string, string>();
    const rangeOf = (name: string): Interval | undefined => {
      const r = role(name, hasPrediction);
      if (r) why.set(name, r.why);
      return r?.range;
    };
    walk(ctx.tree, (e) => {
      const arg = logArgument(e);
      if (!arg) return;
      why.clear();
      const x = intervalOf(toNum(arg, ctx.tex), rangeOf);
      if (!x || !reachesNonPositive(x)) return;
      const src = ctx.tex.slice(arg.span.start, arg.span.end);
      const reasons = [...why.values()];
      report({
        start: arg.span.start,
        end: arg.span.end,
        message: t(
          `\`${src}\` ranges over ${showInterval(x)}${reasons.length ? ` (${reasons.join('; ')})` : ''}, so its log can be ${x.lo < 0 ? 'undefined' : '−∞'}. Add an ε, clip, or use a log-sum-exp form.`,
          `\`${src}\` recorre ${showInterval(x)}${reasons.length ? ` (${reasons.map(toSpanish).join('; ')})` : ''}, así que su logaritmo puede ser ${x.lo < 0 ? 'indefinido' : '−∞'}. Añade un ε, recorta o usa una forma log-sum-exp.`,
        ),
      });
    });
  },
};

const LOGS = new Set(['\\log', '\\ln', 'log', 'ln']);

function logArgument(e: Expr): Expr | undefined {
  if (e.kind !== 'apply') return undefined;
  const fn = e.fn.kind === 'script' && !e.fn.sup ? e.fn.base : e.fn;
  return fn.kind === 'operator' && LOGS.has(fn.name) ? e.arg : undefined;
}

function mentionsHat(tree: Expr): boolean {
  let hat = false;
  walk(tree, (n) => {
    if (n.kind === 'symbol' && (n.accent === '\\hat' || n.accent === '\\widehat')) hat = true;
    return !hat;
  });
  return hat;
}

/** Known ranges by naming convention; everything else is unknown (and keeps the rule silent). */
function role(name: string, hasPrediction: boolean): { range: Interval; why: string } | undefined {
  const letter = baseLetter(name);
  if (/^(hat|widehat) /.test(name)) return { range: iv(0, 1, true, true), why: '' };
  if (['\\epsilon', '\\varepsilon', '\\sigma', '\\eta', '\\lambda', '\\tau'].includes(letter)) return { range: iv(0, Infinity, true), why: '' };
  if ((letter === 'y' || letter === 't') && name === letter && hasPrediction) return { range: iv(0, 1), why: `${letter} is a label, 0 or 1` };
  if (letter === 'z' && name === 'z') return { range: iv(-Infinity, Infinity), why: 'z is a logit, any real number' };
  return undefined;
}

function toSpanish(reason: string): string {
  return reason.replace(/^(\w) is a label, 0 or 1$/, '$1 es una etiqueta, 0 o 1').replace(/^z is a logit, any real number$/, 'z es un logit, cualquier número real');
}

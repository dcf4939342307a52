// log-domain: a logarithm of something that can be 0 or negative: a one-hot label (`\log y_i`, `\log(1-y)`),
// a logit (`\log z_j`), a ReLU output, a norm or square without an ε. Interval reasoning over roles: hats,
// σ(·), softmax and exp are in (0, 1) or (0, ∞) and stay silent (the draft's `\log(\hat y_i)` is fine in
// exact arithmetic); a label y (in a formula that also has its prediction ŷ) is in [0, 1]; z is any real.
// In the article's python (read statically, never run) the floating-point side of "ŷ without ε": a loss that
// takes `np.log(y_pred)` or `np.log(1 - y_pred)` of a bare prediction gets −inf (and 0·−inf = nan) as soon as
// a probability underflows to 0, which is why Keras and PyTorch clip by ε.
// A hint, without a fix: the remedy (ε, clipping, log-sum-exp) depends on the model.

import { toNum } from '../../latex/evaluateFromTree';
import { intervalOf, iv, reachesNonPositive, showInterval, type Interval } from '../../latex/evaluateInterval';
import { baseLetter } from '../../latex/evaluateRoles';
import { walk, type Expr } from '../../latex/tree';
import type { PyExpr } from '../codeExpr';
import { isReducedLoss, logBase, pyToNum } from '../codeNumeric';
import { readPythonCached } from '../codeRead';
import { t, type ArticleContext, type ArticleFinding, type Finding, type FormulaContext, type Rule } from '../rule';

export const logDomain: Rule = {
  id: 'log-domain',
  defaultSeverity: 'hint',
  summary: t('The argument of a log can be 0 or negative.', 'El argumento de un logaritmo puede ser 0 o negativo.'),
  checkArticle: checkCode,
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

/** `np.log(y_pred)` and `np.log(1 - y_pred)` inside a reduced loss: the log of a bare prediction. */
function checkCode(ctx: ArticleContext, report: (f: ArticleFinding) => void): void {
  for (const block of ctx.code) {
    if (block.lang !== 'python' && block.lang !== 'py' && block.lang !== 'python3') continue;
    const base = block.contentRange.start.offset;
    for (const s of readPythonCached(block.content).exprs) {
      let loss: boolean | undefined;
      for (const call of logCalls(s.expr)) {
        const arg = call.args[0];
        const bare = arg.kind === 'name' || (arg.kind === 'bin' && arg.op === '-' && arg.left.kind === 'num' && arg.left.value === 1 && arg.right.kind === 'name');
        if (!bare || /eps|clip|safe/i.test(block.content.slice(arg.start, arg.end))) continue;
        loss ??= isReducedLoss(pyToNum(s.expr));
        if (!loss) break;
        const src = block.content.slice(arg.start, arg.end);
        const fn = block.content.slice(call.fn.start, call.fn.end);
        report({
          formula: -1,
          start: base + arg.start,
          end: base + arg.end,
          message: t(
            `\`${src}\` can round to 0 in floating point, where \`${fn}\` gives −inf (and 0·−inf = nan in the loss). Add a small ε or clip: \`${fn}(np.clip(${src}, 1e-12, 1))\`.`,
            `\`${src}\` puede redondearse a 0 en coma flotante, donde \`${fn}\` da −inf (y 0·−inf = nan en la pérdida). Añade un ε pequeño o recorta: \`${fn}(np.clip(${src}, 1e-12, 1))\`.`,
          ),
        });
      }
    }
  }
}

function logCalls(e: PyExpr, out: Array<Extract<PyExpr, { kind: 'call' }>> = []): Array<Extract<PyExpr, { kind: 'call' }>> {
  if (e.kind === 'call' && logBase(e) !== undefined && e.args.length >= 1) out.push(e);
  switch (e.kind) {
    case 'call':
      e.args.forEach((a) => logCalls(a, out));
      e.kwargs.forEach((a) => logCalls(a, out));
      break;
    case 'method':
      logCalls(e.obj, out);
      e.args.forEach((a) => logCalls(a, out));
      break;
    case 'bin':
      logCalls(e.left, out);
      logCalls(e.right, out);
      break;
    case 'unary':
      logCalls(e.operand, out);
      break;
    case 'tuple':
      e.items.forEach((a) => logCalls(a, out));
      break;
    case 'lambda':
      logCalls(e.body, out);
      break;
    default:
  }
  return out;
}

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

// softmax-normalization: a softmax whose denominator is not the sum of its numerator's exponential form
// (`\frac{e^{z_j}}{\sum_k z_k}`: the exp is missing; `\sum_k e^{x_k}`: the wrong vector; `e^{z_j/T}` over
// `\sum_k e^{z_k}`: the temperature dropped). Template: a fraction with an exponential in it, a free index
// in the numerator and a Σ in the denominator. Numeric: summing the fraction over that index, over the
// denominator's range, must give 1 at every seeded z. An index clash still sums to 1 (index-clash sees it).
// Fix: rebuild the denominator as the Σ of the numerator with the bound index, checked to sum to 1.

import { evaluate, fmt, samplePoints, type SampleRole } from '../../latex/evaluate';
import * as N from '../../latex/evaluateExpr';
import { bigopIndex, toNum } from '../../latex/evaluateFromTree';
import { prettyName } from '../../latex/evaluateRoles';
import { parseTex } from '../../latex/parse';
import { walk, type Expr, type ExprOf } from '../../latex/tree';
import { buildTree } from '../../latex/treeBuild';
import { analyzeIndices, freeIndexLetters, renameInSpan } from '../indices';
import { fix, t, type Finding, type FormulaContext, type Rule } from '../rule';

export const softmaxNormalization: Rule = {
  id: 'softmax-normalization',
  defaultSeverity: 'warning',
  summary: t(
    'A softmax whose denominator is not the sum of its numerator over all classes does not sum to 1.',
    'Un softmax cuyo denominador no es la suma de su numerador sobre todas las clases no suma 1.',
  ),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    walk(ctx.tree, (e) => {
      if (e.kind !== 'frac') return;
      const found = check(ctx.tex, e);
      if (!found) return;
      const part = found.wrongPart === 'num' ? e.num : e.den;
      const partName = found.wrongPart === 'num' ? t('numerator', 'numerador') : t('denominator', 'denominador');
      report({
        start: part.span.start,
        end: part.span.end,
        message: t(
          `This softmax does not sum to 1: summed over \`${found.letter}\` it gives ${found.total} at ${found.point}, not 1. The denominator must be the sum of the numerator's exponential form over every class.`,
          `Este softmax no suma 1: sumado sobre \`${found.letter}\` da ${found.total} en ${found.point}, no 1. El denominador debe ser la suma de la forma exponencial del numerador sobre todas las clases.`,
        ),
        fixes: found.fixed
          ? [fix(t(`Rebuild the ${partName.en} as \`${found.fixed}\``, `Reconstruir el ${partName.es} como \`${found.fixed}\``), [{ start: part.span.start, end: part.span.end, newText: found.fixed }])]
          : [],
      });
      return false;
    });
  },
};

interface Found {
  readonly letter: string;
  readonly total: string;
  readonly point: string;
  readonly fixed: string | undefined;
  /** The numerator when it lacks the exp its denominator has (`z_j / \sum_k e^{z_k}`), else the denominator. */
  readonly wrongPart: 'num' | 'den';
}

function containsExp(n: N.NumExpr): boolean {
  let found = false;
  N.visit(n, (x) => {
    if (x.k === 'fn' && x.fn === 'exp') found = true;
  });
  return found;
}

function firstSum(e: Expr): ExprOf<'bigop'> | undefined {
  let found: ExprOf<'bigop'> | undefined;
  walk(e, (n) => {
    if (!found && n.kind === 'bigop' && n.op === '\\sum') found = n;
    return !found;
  });
  return found;
}

/** The normalisation evidence for a fraction, or undefined when it is not a softmax or sums to 1. */
/** `verifying`: checking a rebuilt fraction, so no fix is built for it (no recursion). */
function check(tex: string, frac: ExprOf<'frac'>, verifying = false): Found | undefined {
  const sum = firstSum(frac.den);
  const bound = sum && bigopIndex(sum);
  if (!sum || !bound || !sum.body) return undefined;
  // `\frac{e^{z_j}}{1 + \sum_k e^{z_k}}` is the reference-class form of multinomial logistic regression.
  if (frac.den.kind === 'sum' && frac.den.terms.some((tm) => tm.expr.kind === 'number')) return undefined;
  const num = toNum(frac.num, tex);
  const den = toNum(frac.den, tex);
  if (N.hasUnknown(num) || N.hasUnknown(den) || !(containsExp(num) || containsExp(den))) return undefined;
  // The normalised index is a free index of the numerator that the denominator does not carry (j in
  // α_ij = exp(e_ij)/Σ_k exp(e_ik)); try those first, then the others.
  const denFree = new Set(freeIndexLetters(analyzeIndices(frac.den, tex)));
  const numFree = freeIndexLetters(analyzeIndices(frac.num, tex)).filter((l) => l !== bound.letter);
  const free = [...numFree.filter((l) => !denFree.has(l)), ...numFree.filter((l) => denFree.has(l))];
  if (free.length === 0) return undefined;
  const whole = N.div(num, den);
  const from = bound.from ? toNum(bound.from, tex) : undefined;
  const to = sum.sup ? toNum(sum.sup, tex) : undefined;
  // Indexed symbols are logits (any real); scalars are temperatures, scales and widths (positive); the
  // bounds K, N, n are the class count.
  const roles = new Map<string, SampleRole>();
  N.visit(whole, (x) => {
    if (x.k === 'var' && !roles.has(x.name)) roles.set(x.name, x.idx.length > 0 ? 'real' : 'positive');
  });
  if (to?.k === 'var') roles.set(to.name, 'count');
  let failure: Found | undefined;
  // The normalised index is one of the numerator's free indices (j in α_ij); the others stay fixed.
  for (const letter of free) {
    const total = N.big('sum', letter, whole, from, to);
    const points = samplePoints({ roles, size: 3 }, 5);
    let bad: { v: number; p: (typeof points)[number] } | undefined;
    let finite = true;
    for (const p of points) {
      const fixed = new Map(free.filter((l) => l !== letter).map((l) => [l, 2] as [string, number]));
      const v = evaluate(total, p, fixed);
      if (!Number.isFinite(v)) finite = false;
      else if (Math.abs(v - 1) > 1e-6) bad ??= { v, p };
    }
    if (!finite) return undefined;
    if (!bad) return undefined;
    if (!failure) {
      const names = [...N.freeVars(whole)].filter((n) => !free.includes(n) && n !== bound.letter && roles.get(n) !== 'count');
      const wrongPart = containsExp(num) ? 'den' : 'num';
      const fixed = verifying ? undefined : wrongPart === 'den' ? rebuildDen(tex, frac, sum, bound.letter, letter) : rebuildNum(tex, frac, sum, bound.letter, letter);
      failure = { letter, total: fmt(bad.v), point: names.map((n) => bad!.p.describe(n, prettyName)).join(', '), fixed, wrongPart };
    }
  }
  return failure;
}

/** `\sum_{k=1}^{K} <numerator with j→k>`, offered only when the rebuilt softmax sums to 1. */
function rebuildDen(tex: string, frac: ExprOf<'frac'>, sum: ExprOf<'bigop'>, k: string, j: string): string | undefined {
  const a = analyzeIndices(frac.num, tex);
  const sites = a.occurrences.filter((o) => o.letter === j && o.asIndex && !o.boundBy).map((o) => o.node);
  let body = unbrace(renameInSpan(tex, frac.num.span, sites, k));
  if (frac.num.kind === 'sum') body = `(${body})`;
  const head = tex.slice(sum.span.start, sum.body!.span.start).trimEnd();
  const candidate = `${head} ${body}`;
  return sumsToOne(unbrace(tex.slice(frac.num.span.start, frac.num.span.end)), candidate) ? candidate : undefined;
}

/** The Σ's summand with k→j, when the numerator lost the exponential its denominator has. */
function rebuildNum(tex: string, frac: ExprOf<'frac'>, sum: ExprOf<'bigop'>, k: string, j: string): string | undefined {
  const body = sum.body!;
  const a = analyzeIndices(body, tex);
  const sites = a.occurrences.filter((o) => o.letter === k && o.asIndex && !o.boundBy).map((o) => o.node);
  const candidate = unbrace(renameInSpan(tex, body.span, sites, j));
  return sumsToOne(candidate, unbrace(tex.slice(frac.den.span.start, frac.den.span.end))) ? candidate : undefined;
}

const unbrace = (s: string) => s.replace(/^\{([\s\S]*)\}$/, '$1');

function sumsToOne(num: string, den: string): boolean {
  const test = `\\frac{${num}}{${den}}`;
  const parsed = parseTex(test, true);
  if (!parsed.nodes) return false;
  const tree = buildTree(test, parsed.nodes);
  return tree.kind === 'frac' && containsExp(toNum(tree.den, test)) && !check(test, tree, true);
}

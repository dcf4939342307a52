// reference-formula: textbook formulas that errata lists correct again and again, checked against their
// reference by evaluating both at seeded random points (so any equivalent form passes):
//   σ′(x) = σ(x)(1 − σ(x)); tanh′(x) = 1 − tanh²(x);
//   Adam (Kingma & Ba 2015, Algorithm 1): m̂_t = m_t/(1 − β₁ᵗ), v̂_t = v_t/(1 − β₂ᵗ),
//     m_t = β₁m_{t−1} + (1 − β₁)g_t, v_t = β₂v_{t−1} + (1 − β₂)g_t²;
//   initialisation variance × fan: Glorot/Xavier (Glorot & Bengio 2010, eq. 16) Var = 2/(n_in + n_out), so
//   the uniform bound is √(6/(n_in+n_out)) and the normal std √(2/(n_in+n_out)); fan-in only: He (He et
//   al. 2015) Var = 2/n_in, LeCun (LeCun et al. 1998) Var = 1/n_in, PyTorch's default U(±1/√n_in) Var = 1/(3n_in).
// Fix: replace the right side (or the bound) with the reference form written with the formula's symbols.

import { evaluate, findDisagreement, fmt, type SampleRole } from '../../latex/evaluate';
import * as N from '../../latex/evaluateExpr';
import { toNum } from '../../latex/evaluateFromTree';
import { prettyName } from '../../latex/evaluateRoles';
import { walk, type Expr, type Span } from '../../latex/tree';
import { EQUALITIES, statements } from '../indices';
import { fix, t, type Finding, type FormulaContext, type Localized, type Rule } from '../rule';
import { derivativeOf, initQuantities, initVariance, type InitKind, type InitQuantity } from './referenceFormulaMatch';

export const referenceFormula: Rule = {
  id: 'reference-formula',
  defaultSeverity: 'warning',
  summary: t(
    'A well-known formula (σ′, tanh′, Adam, Glorot/He/LeCun initialisation) differs from its reference.',
    'Una fórmula conocida (σ′, tanh′, Adam, inicialización de Glorot/He/LeCun) difiere de su referencia.',
  ),
  checkFormula(ctx: FormulaContext, report: (f: Finding) => void): void {
    if (!ctx.tree) return;
    for (const stmt of statements(ctx.tree)) {
      if (stmt.kind === 'relation' && stmt.sides.length === 2 && EQUALITIES.has(stmt.ops[0].text)) {
        const rhs = rightSide(ctx.tex, stmt.ops[0].span.end, stmt.sides[1]);
        checkDerivative(ctx.tex, stmt.sides[0], stmt.sides[1], rhs, report);
        checkAdam(ctx.tex, stmt.sides[0], stmt.sides[1], rhs, report);
      }
    }
    for (const q of initQuantities(ctx.tree, ctx.tex)) checkInit(ctx.tex, q, report);
  },
};

/**
 * The right side's range, from the first character after the relation: the tree's span of a side that
 * follows a primed function (`\tanh'(z) = \tanh(z)…`) can start late, because KaTeX gives `'` no location.
 */
function rightSide(tex: string, after: number, side: Expr): Span {
  let start = after;
  while (start < side.span.end && /\s/.test(tex[start])) start++;
  return { start: Math.min(start, side.span.start), end: side.span.end };
}

// ---- σ′ and tanh′ -----------------------------------------------------------------------------------

function checkDerivative(tex: string, lhs: Expr, rhs: Expr, span: Span, report: (f: Finding) => void): void {
  const d = derivativeOf(lhs, tex);
  if (!d) return;
  const x = N.v(d.variable);
  const f = N.fn(d.fn, x);
  const reference = d.fn === 'sigma' ? N.mul(f, N.sub(N.num(1), f)) : N.sub(N.num(1), N.pow(f, N.num(2)));
  const bare = new Map([[d.fn === 'sigma' ? '\\sigma' : '\\tanh', f]]);
  const actual = toNum(rhs, tex, { bareFunctions: bare });
  if (N.hasUnknown(actual)) return;
  const roles = new Map<string, SampleRole>([[d.variable, 'real']]);
  const diff = findDisagreement(actual, reference, { roles });
  if (!diff) return;
  const arg = d.argText;
  const refTex = d.fn === 'sigma'
    ? (usesBare(rhs, '\\sigma') ? '\\sigma(1-\\sigma)' : `\\sigma(${arg})\\left(1-\\sigma(${arg})\\right)`)
    : `1-\\tanh^2(${arg})`;
  const name = d.fn === 'sigma' ? 'σ′' : 'tanh′';
  const xv = fmt(diff.point.value(d.variable, []));
  report({
    start: span.start,
    end: span.end,
    message: t(
      `${name}(${prettyName(d.variable)}) is \`${refTex}\`: at ${prettyName(d.variable)} = ${xv} this right side is ${fmt(diff.left)} but ${name}(${xv}) = ${fmt(diff.right)}.`,
      `${name}(${prettyName(d.variable)}) es \`${refTex}\`: en ${prettyName(d.variable)} = ${xv} este lado derecho vale ${fmt(diff.left)} pero ${name}(${xv}) = ${fmt(diff.right)}.`,
    ),
    fixes: [fix(t(`Replace with \`${refTex}\``, `Reemplazar por \`${refTex}\``), [{ start: span.start, end: span.end, newText: refTex }])],
  });
}

function usesBare(e: Expr, name: string): boolean {
  let bare = false;
  walk(e, (n, parent) => {
    if (n.kind !== 'symbol' || n.name !== name) return;
    if (parent?.kind === 'apply' && parent.fn === n) return;
    // `\sigma(x)^2`: σ beside a scripted parenthesis is called, not bare.
    if (parent?.kind === 'product') {
      const next = parent.factors[parent.factors.indexOf(n) + 1];
      if (next && (next.kind === 'fence' || (next.kind === 'script' && next.base.kind === 'fence'))) return;
    }
    bare = true;
  });
  return bare;
}

// ---- Adam ---------------------------------------------------------------------------------------------

/** `\hat m_t`, `\hat{v}_t`, `m_t`, `v_t` on the left: which Adam line it is, and its step index. */
function adamLine(lhs: Expr): { which: 'mhat' | 'vhat' | 'm' | 'v'; step: string } | undefined {
  if (lhs.kind !== 'script' || lhs.base.kind !== 'symbol' || !lhs.sub || lhs.sup) return undefined;
  const s = lhs.base;
  if (lhs.sub.kind !== 'symbol' || !/^[a-z]$/.test(lhs.sub.name)) return undefined;
  if (s.name !== 'm' && s.name !== 'v') return undefined;
  if (s.accent === '\\hat' || s.accent === '\\widehat') return { which: s.name === 'm' ? 'mhat' : 'vhat', step: lhs.sub.name };
  if (!s.accent) return { which: s.name as 'm' | 'v', step: lhs.sub.name };
  return undefined;
}

const beta = (k: number) => N.v('\\beta', N.num(k));

function checkAdam(tex: string, lhs: Expr, rhs: Expr, span: Span, report: (f: Finding) => void): void {
  const line = adamLine(lhs);
  if (!line) return;
  const step = N.v(line.step);
  const prev = N.sub(step, N.num(1));
  const st = line.step;
  let reference: N.NumExpr;
  let refTex: string;
  let label: Localized;
  const actual = toNum(rhs, tex);
  if (N.hasUnknown(actual)) return;
  const mentions = (name: string) => N.freeVars(actual).has(name);
  switch (line.which) {
    case 'mhat':
    case 'vhat': {
      const k = line.which === 'mhat' ? 1 : 2;
      const moment = line.which === 'mhat' ? 'm' : 'v';
      reference = N.div(N.v(moment, step), N.sub(N.num(1), N.pow(beta(k), step)));
      refTex = `\\frac{${moment}_${st}}{1-\\beta_${k}^${st}}`;
      label = t(`Adam's bias correction (Kingma & Ba 2015, Algorithm 1)`, `La corrección de sesgo de Adam (Kingma y Ba 2015, algoritmo 1)`);
      break;
    }
    case 'm':
    case 'v': {
      if (!mentions('g') || !mentions('\\beta')) return; // only the moment updates written with g_t and β
      const k = line.which === 'm' ? 1 : 2;
      const g = line.which === 'm' ? N.v('g', step) : N.pow(N.v('g', step), N.num(2));
      reference = N.add(N.mul(beta(k), N.v(line.which, prev)), N.mul(N.sub(N.num(1), beta(k)), g));
      refTex = `\\beta_${k} ${line.which}_{${st}-1} + (1-\\beta_${k}) g_${st}${k === 2 ? '^2' : ''}`;
      label = t(`Adam's ${k === 1 ? 'first' : 'second'}-moment update`, `La actualización del ${k === 1 ? 'primer' : 'segundo'} momento de Adam`);
      break;
    }
  }
  const roles = new Map<string, SampleRole>([[st, 'integer'], ['\\beta', 'unit'], ['v', 'positive']]);
  const diff = findDisagreement(actual, reference, { roles });
  if (!diff) return;
  const p = diff.point;
  const stepValue = p.value(st, []);
  const where = `${st} = ${stepValue}, β₁ = ${fmt(p.value('\\beta', [1]))}, β₂ = ${fmt(p.value('\\beta', [2]))}`;
  report({
    start: span.start,
    end: span.end,
    message: t(
      `${label.en} is \`${refTex}\`: at ${where} this right side is ${fmt(diff.left)}, the reference ${fmt(diff.right)}.`,
      `${label.es} es \`${refTex}\`: en ${where} este lado derecho vale ${fmt(diff.left)}, la referencia ${fmt(diff.right)}.`,
    ),
    fixes: [fix(t(`Replace with \`${refTex}\``, `Reemplazar por \`${refTex}\``), [{ start: span.start, end: span.end, newText: refTex }])],
  });
}

// ---- initialisation -----------------------------------------------------------------------------------

/** Variance × fan of each reference, by fan form. */
const GLOROT = 2;
const FAN_IN_REFERENCES = [2, 1, 1 / 3];

function checkInit(tex: string, q: InitQuantity, report: (f: Finding) => void): void {
  const { expr: e, kind } = q;
  const reading = initVariance(tex, q);
  if (!reading) return;
  const { fans, c, constant, points, value, variance } = reading;
  const two = fans.exprs.length === 2;
  const refs = two ? [GLOROT] : FAN_IN_REFERENCES;
  if (constant && refs.some((r) => Math.abs(c - r) < 1e-6)) return;
  const F = two ? `${fans.texts[0]}+${fans.texts[1]}` : fans.texts[0];
  const refConst = two ? GLOROT : 2;
  const refTex =
    kind === 'uniform' ? `\\sqrt{\\frac{${3 * refConst}}{${F}}}` : kind === 'std' ? `\\sqrt{\\frac{${refConst}}{${F}}}` : `\\frac{${refConst}}{${F}}`;
  const p = points[0];
  const at = fans.exprs.map((x, i) => `${fans.texts[i]} = ${fmt(evaluate(x, p))}`).join(', ');
  const what = kindText(kind);
  const family = two
    ? t(`Glorot/Xavier's ${what.en} is \`${refTex}\``, `${cap(what.es)} de Glorot/Xavier es \`${refTex}\``)
    : t(`He's ${what.en} is \`${refTex}\` (LeCun's has ${kind === 'uniform' ? 3 : 1} in place of ${kind === 'uniform' ? 6 : 2})`, `${cap(what.es)} de He es \`${refTex}\` (la de LeCun lleva ${kind === 'uniform' ? 3 : 1} en lugar de ${kind === 'uniform' ? 6 : 2})`);
  const fanText = fans.texts.join(' + ');
  const implied = constant ? `${fmtConst(c)}/${two ? `(${fanText})` : fanText}` : `${fmt(evaluate(variance, p))}`;
  const edits = [{ start: e.span.start, end: e.span.end, newText: refTex }];
  if (q.mirror) edits.unshift({ start: q.mirror.span.start, end: q.mirror.span.end, newText: refTex });
  report({
    start: q.mirror ? q.mirror.span.start : e.span.start,
    end: e.span.end,
    message: t(
      `${family.en}. This one gives a weight variance of ${implied} (at ${at}: ${fmt(evaluate(value, p))}), which matches no reference initialisation.`,
      `${family.es}. Esta da una varianza de pesos de ${implied} (en ${at}: ${fmt(evaluate(value, p))}), que no coincide con ninguna inicialización de referencia.`,
    ),
    fixes: [fix(t(`Replace with \`${refTex}\``, `Reemplazar por \`${refTex}\``), edits)],
  });
}

function kindText(kind: InitKind): Localized {
  if (kind === 'uniform') return t('uniform bound', 'la cota uniforme');
  if (kind === 'std') return t('normal standard deviation', 'la desviación típica normal');
  return t('weight variance', 'la varianza de los pesos');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fmtConst(c: number): string {
  for (const d of [1, 2, 3, 4, 6]) if (Math.abs(c * d - Math.round(c * d)) < 1e-9) return d === 1 ? `${Math.round(c)}` : `(${Math.round(c * d)}/${d})`;
  return fmt(c);
}

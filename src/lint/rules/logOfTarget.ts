// log-of-target: cross-entropy with its factors swapped, `-\sum_i \hat y_i \log y_i`: the log is taken of
// the labels (0 for every wrong class of a one-hot label, so the loss is infinite or meaningless) instead
// of the predictions. Template + article roles: a hat marks a prediction (the seed article's convention,
// and Goodfellow et al.'s), so the factor outside the log carrying a hat while the log's argument is the
// same expression without it, or a letter the article elsewhere hats, is the swapped form. Fix: swap them.

import { walk, type Expr } from '../../latex/tree';
import { fix, t, type ArticleContext, type ArticleFinding, type Rule } from '../rule';

export const logOfTarget: Rule = {
  id: 'log-of-target',
  defaultSeverity: 'warning',
  summary: t(
    'The log is taken of the labels instead of the predictions (factors of a cross-entropy swapped).',
    'Se toma el logaritmo de las etiquetas en vez de las predicciones (factores de la entropía cruzada intercambiados).',
  ),
  checkArticle(ctx: ArticleContext, report: (f: ArticleFinding) => void): void {
    // Asked per candidate letter (few formulas have a candidate), not precomputed over every symbol.
    const hatted = (name: string) => ctx.symbols.uses(name).some((u) => u.accent !== undefined && HATS.has(u.accent));
    for (const f of ctx.formulas) {
      const { tex } = f.ctx;
      // The candidates are a per-formula fact (cached with the formula); only the hat roles are article-wide.
      for (const c of f.ctx.memo('log-of-target', () => candidates(f.ctx.tree, tex))) {
        if (!c.sameModuloHat && !(c.letter && hatted(c.letter))) continue;
        const { other, arg } = c;
        const a = tex.slice(other.span.start, other.span.end);
        const b = tex.slice(arg.span.start, arg.span.end);
        report({
          formula: f.span.index,
          start: arg.span.start,
          end: arg.span.end,
          message: t(
            `The log is taken of \`${b}\`, the labels (no hat), and multiplied by the prediction \`${a}\`: cross-entropy is −Σ y log ŷ, the log of the predictions. A one-hot label is 0 for every other class, so log \`${b}\` is −∞ there.`,
            `Se toma el logaritmo de \`${b}\`, las etiquetas (sin gorro), y se multiplica por la predicción \`${a}\`: la entropía cruzada es −Σ y log ŷ, el logaritmo de las predicciones. Una etiqueta one-hot vale 0 en las demás clases, así que log \`${b}\` es −∞ allí.`,
          ),
          fixes: [fix(t(`Swap \`${a}\` and \`${b}\``, `Intercambiar \`${a}\` y \`${b}\``), [
            { start: other.span.start, end: other.span.end, newText: b, formula: f.span.index },
            { start: arg.span.start, end: arg.span.end, newText: a, formula: f.span.index },
          ].sort((x, y) => x.start - y.start))],
        });
      }
    }
  },
};

interface Candidate {
  /** The log's argument, without a hat. */
  readonly arg: Expr;
  /** The hatted factor beside the log. */
  readonly other: Expr;
  /** `\hat y_i \log y_i`: the same expression but for the hat — swapped whatever the article says. */
  readonly sameModuloHat: boolean;
  /** The argument's letter, a label if the article hats it elsewhere. */
  readonly letter: string | undefined;
}

/** Products of a hatted factor and the log of an unhatted expression, first such factor per log. */
function candidates(tree: Expr | undefined, tex: string): Candidate[] {
  const out: Candidate[] = [];
  if (!tree) return out;
  walk(tree, (e) => {
    if (e.kind !== 'product') return;
    e.factors.forEach((factor, i) => {
      const arg = logArgument(factor);
      if (!arg || hasHat(tex, arg)) return;
      const argText = plain(tex, arg);
      for (const [j, factorJ] of e.factors.entries()) {
        if (j === i || logArgument(factorJ) || !hasHat(tex, factorJ)) continue;
        const other = factorJ.kind === 'fence' && factorJ.open === '(' ? factorJ.body : factorJ;
        out.push({ arg, other, sameModuloHat: stripHats(plain(tex, other)) === argText, letter: baseLetter(arg) });
        return;
      }
    });
  });
  return out;
}

const HATS = new Set(['\\hat', '\\widehat']);
const LOGS = new Set(['\\log', '\\ln', 'log', 'ln']);

/** The argument of `\log y`, `\log(y)`, `\log_2 y` (fences kept: the fix swaps what is written). */
function logArgument(e: Expr): Expr | undefined {
  if (e.kind !== 'apply') return undefined;
  const fn = e.fn.kind === 'script' ? e.fn.base : e.fn;
  if (fn.kind !== 'operator' || !LOGS.has(fn.name)) return undefined;
  return e.arg.kind === 'fence' && e.arg.open === '(' ? e.arg.body : e.arg;
}

function hasHat(tex: string, e: Expr): boolean {
  let hat = false;
  walk(e, (n) => {
    if (n.kind === 'symbol' && n.accent && HATS.has(n.accent)) hat = true;
    return !hat;
  });
  return hat;
}

function baseLetter(e: Expr): string | undefined {
  const b = e.kind === 'script' ? e.base : e;
  return b.kind === 'symbol' && !b.accent ? b.name : undefined;
}

/** Source without spaces and outer fences: `( 1-\hat{y} )` → `1-\hat{y}`. */
function plain(tex: string, e: Expr): string {
  const inner = e.kind === 'fence' && e.open === '(' ? e.body : e;
  return tex.slice(inner.span.start, inner.span.end).replace(/\s+/g, '').replace(/\{([A-Za-z])\}/g, '$1');
}

function stripHats(s: string): string {
  return s.replace(/\\(?:wide)?hat\{?([A-Za-z]|\\[A-Za-z]+)\}?/g, '$1');
}

// undefined-label: `\eqref{eq:loss}` or `\ref{…}` with no `\label{eq:loss}` in any formula of the article
// renders as (??), as LaTeX does. The label index is src/latex/labels.ts's (the preview numbers with it).
// The fix renames the reference to the closest existing label when one is within two edits.

import { fix, t, type Rule } from '../rule';

/** Levenshtein distance, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

export const undefinedLabel: Rule = {
  id: 'undefined-label',
  defaultSeverity: 'warning',
  summary: t('\\eqref/\\ref to a label no formula defines: it renders as (??).', '\\eqref/\\ref a una etiqueta que ninguna fórmula define: se muestra como (??).'),
  checkArticle(ctx, report) {
    const names = [...ctx.labels.labels.keys()];
    for (const ref of ctx.labels.refs) {
      if (ctx.labels.labels.has(ref.name)) continue;
      let best: string | undefined;
      // One typo in a short name, two in a long one: `eq:zz` is not a typo of `eq:a`.
      const max = ref.name.length >= 8 ? 2 : 1;
      let bestD = max + 1;
      for (const n of names) {
        const d = distance(ref.name.toLowerCase(), n.toLowerCase(), max);
        if (d < bestD) {
          bestD = d;
          best = n;
        }
      }
      const cmd = `\\${ref.kind}{${ref.name}}`;
      report({
        formula: ref.formula,
        start: ref.start,
        end: ref.end,
        message: t(
          `${cmd} refers to no \\label{${ref.name}} in this article, so it renders as ${ref.kind === 'eqref' ? '(??)' : '??'}${best ? `; did you mean '${best}'?` : '.'}`,
          `${cmd} no corresponde a ningún \\label{${ref.name}} del artículo, así que se muestra como ${ref.kind === 'eqref' ? '(??)' : '??'}${best ? `; ¿quisiste decir '${best}'?` : '.'}`,
        ),
        fixes: best
          ? [fix(t(`Refer to '${best}'`, `Referir a '${best}'`), [{ formula: ref.formula, start: ref.nameStart, end: ref.nameEnd, newText: best }])]
          : [],
      });
    }
  },
};

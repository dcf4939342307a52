// bold-consistency: one object, one typeface. If an article writes `\mathbf{W}\mathbf{x}` in one formula
// and `Wx` in another, readers see two different objects (a matrix and a scalar). Article-wide: for each
// letter we count its whole-object uses (not indexed — `W_{ij}` is element access and stays italic — and not
// inside a script) per style, and flag uses of the minority style. A plain minority use is flagged only where
// it acts as a vector or matrix (in a product with another symbol, or transposed/inverted), and then the
// other plain uses of bold letters in that formula too (`y = Wx + b`); `P(y=j)` next to `\mathbf{y}` is
// a scalar label and stays silent. The fix rewrites one use, or every flagged use in the article.

import { fix, t, type ArticleFinding, type ArticleFormula, type Rule, type TexEdit } from '../rule';
import type { SymbolUse } from '../symbols';

const MATRIX_SUPS = new Set(['\\top', 'T', '\\intercal', '-1', '\\mathsf{T}', '\\mathrm{T}']);

/** A use that names the whole object: not element access, not an index or exponent. */
const whole = (u: SymbolUse) => !u.indexed && !u.inScript && !u.accent;

/**
 * A plain use acts as a vector or matrix when it is transposed or inverted, or multiplies another plain
 * symbol (`Wx`, `\eta g`), or is an upper-case letter multiplying a bold one (`W\mathbf{x}`). A Greek or
 * lower-case letter next to a bold vector is a scalar coefficient (`\mu \mathbf{v}`), and hatted predictions,
 * constants (`e`, `\pi`), the differential `d` and upright or blackboard letters are never partners.
 */
const NOT_PARTNERS = new Set(['e', '\\pi', 'd']);
const actsAsArray = (u: SymbolUse): boolean =>
  (u.sup !== undefined && MATRIX_SUPS.has(u.sup)) ||
  u.peers.some(
    (p) =>
      !p.accent &&
      p.name !== u.name &&
      !NOT_PARTNERS.has(p.name) &&
      (p.style === 'italic' || (p.style === 'bold' && /^[A-Z]$/.test(u.name))),
  );

interface LetterFacts {
  readonly bold: readonly SymbolUse[];
  readonly plainArrays: readonly SymbolUse[];
  readonly command: string;
}

const factsByUses = new WeakMap<readonly SymbolUse[], LetterFacts | null>();

/** A letter's whole-object uses in bold and its plain uses that act as arrays; null when not in both styles. */
function letterFacts(name: string, all: readonly SymbolUse[], formulas: readonly ArticleFormula[]): LetterFacts | null {
  const uses = all.filter(whole);
  const bold = uses.filter((u) => u.style === 'bold');
  const plain = uses.filter((u) => u.style === 'italic');
  if (bold.length === 0 || plain.length === 0) return null;
  // The bold command the article uses for this letter (\mathbf for Latin, \boldsymbol for Greek).
  const f = bold[0];
  const text = formulas[f.formula]?.ctx.tex.slice(f.span.start, f.span.end) ?? '';
  const command = /^\\(mathbf|boldsymbol|bm)\b/.exec(text)?.[0] ?? (name.startsWith('\\') ? '\\boldsymbol' : '\\mathbf');
  // Only plain uses that act as arrays compete with the bold ones: a scalar `x` in `f(x) = x^2` next
  // to a vector `\mathbf{x}` is a different object, not an inconsistency.
  return { bold, plainArrays: plain.filter(actsAsArray), command };
}

export const boldConsistency: Rule = {
  id: 'bold-consistency',
  defaultSeverity: 'info',
  summary: t('A symbol is bold (vector/matrix) in one formula and plain in another.', 'Un símbolo aparece en negrita (vector/matriz) en una fórmula y sin negrita en otra.'),
  checkArticle(ctx, report) {
    const flagged: Array<{ use: SymbolUse; toBold: boolean; boldCommand: string; bold: number; plain: number }> = [];
    const boldMajority = new Map<string, { command: string; bold: number; plain: number }>();
    // Only letters set in bold somewhere can be inconsistent.
    for (const name of ctx.symbols.namesWithStyle('bold')) {
      const all = ctx.symbols.uses(name);
      if (!/^(\\[a-zA-Z]+|[A-Za-z])$/.test(name)) continue;
      // The table keeps a name's list while its uses are unchanged, so a keystroke recomputes only the
      // names the edited formula uses.
      let facts = factsByUses.get(all);
      if (facts === undefined) factsByUses.set(all, (facts = letterFacts(name, all, ctx.formulas)));
      if (!facts) continue;
      const { bold, plainArrays, command } = facts;
      if (bold.length >= plainArrays.length) boldMajority.set(name, { command, bold: bold.length, plain: plainArrays.length });
      if (plainArrays.length === 0) continue;
      if (bold.length >= plainArrays.length) {
        for (const u of plainArrays) flagged.push({ use: u, toBold: true, boldCommand: command, bold: bold.length, plain: plainArrays.length });
      } else {
        for (const u of bold) flagged.push({ use: u, toBold: false, boldCommand: command, bold: bold.length, plain: plainArrays.length });
      }
    }
    // In a formula where a plain letter acts as an array, its plain neighbours are arrays too (`y = Wx + b`).
    const formulasWithArrays = new Set(flagged.filter((f) => f.toBold).map((f) => f.use.formula));
    for (const [name, m] of boldMajority) {
      for (const u of ctx.symbols.uses(name)) {
        if (whole(u) && u.style === 'italic' && formulasWithArrays.has(u.formula) && !actsAsArray(u)) {
          flagged.push({ use: u, toBold: true, boldCommand: m.command, bold: m.bold, plain: m.plain });
        }
      }
    }
    const editOf = (f: (typeof flagged)[number]): TexEdit | undefined => {
      const tex = ctx.formulas[f.use.formula]?.ctx.tex ?? '';
      const src = tex.slice(f.use.span.start, f.use.span.end);
      if (f.toBold) return { formula: f.use.formula, start: f.use.span.start, end: f.use.span.end, newText: `${f.boldCommand}{${src}}` };
      // Only a single-letter bold command can be unwrapped (`\mathbf{Wx}` is left alone).
      const m = /^\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\[A-Za-z]+|[A-Za-z])\s*\}$|^\\(?:mathbf|boldsymbol|bm)\s*(\\[A-Za-z]+|[A-Za-z])$/.exec(src);
      if (!m) return undefined;
      const letter = m[1] ?? m[2];
      const after = tex[f.use.span.end] ?? '';
      return { formula: f.use.formula, start: f.use.span.start, end: f.use.span.end, newText: letter.startsWith('\\') && /[A-Za-z]/.test(after) ? `${letter} ` : letter };
    };
    // One "fix all" per letter, computed once (not per finding: an article can have hundreds).
    const editsByName = new Map<string, TexEdit[]>();
    const ownEdit = new Map<(typeof flagged)[number], TexEdit | undefined>();
    for (const f of flagged) {
      const e = editOf(f);
      ownEdit.set(f, e);
      if (!e) continue;
      const list = editsByName.get(f.use.name);
      if (list) list.push(e);
      else editsByName.set(f.use.name, [e]);
    }
    for (const f of flagged) {
      const name = f.use.name;
      const bolded = `${f.boldCommand}{${name}}`;
      const one = ownEdit.get(f);
      const fixes = [];
      const target = f.toBold ? bolded : name;
      if (one) fixes.push(fix(t(`Write ${target} here`, `Escribir ${target} aquí`), [one]));
      const sameName = editsByName.get(name) ?? [];
      if (sameName.length > 1) fixes.push(fix(t(`Write ${target} in all ${sameName.length} places`, `Escribir ${target} en los ${sameName.length} sitios`), sameName));
      const finding: ArticleFinding = {
        formula: f.use.formula,
        start: f.use.span.start,
        end: f.use.span.end,
        message: f.toBold
          ? t(
              `${name} is bold in ${f.bold} other place(s) of the article (${bolded}) but plain here, where it multiplies like a vector or matrix; use one style for one object.`,
              `${name} va en negrita en ${f.bold} sitio(s) del artículo (${bolded}) pero aquí no, donde multiplica como vector o matriz; usa un solo estilo para cada objeto.`,
            )
          : t(
              `${name} is plain in ${f.plain} place(s) of the article where it multiplies like a vector or matrix, but bold here; use one style for one object.`,
              `${name} aparece sin negrita en ${f.plain} sitio(s) del artículo donde multiplica como vector o matriz, pero aquí en negrita; usa un solo estilo para cada objeto.`,
            ),
        fixes,
      };
      report(finding);
    }
  },
};

// katex-error: the formula will not render. KaTeX itself is the oracle (same version, options and macros
// as the preview, see src/latex/parse.ts); its message is quoted verbatim and its ParseError position and
// length become the range. Quick fixes for the common causes: an unknown word command (→ \operatorname or a
// front-matter macro), a missing `}` or `\right`, a double script, `align` in inline math.
// KaTeX's strict-mode warnings (LaTeX-incompatible input that still renders) are reported as warnings.

import type { Localized, Fix, FormulaContext, Rule, TexEdit } from '../rule';
import { fix, t } from '../rule';

/** Environments that are display-only in KaTeX, and their inline-capable counterparts. */
const INLINE_ENV = new Map([['align', 'aligned'], ['gather', 'gathered'], ['alignat', 'alignedat']]);

function fixesFor(ctx: FormulaContext, message: string, start: number, end: number): Fix[] {
  const fixes: Fix[] = [];
  const undef = /^Undefined control sequence: (\\[A-Za-z]+)$/.exec(message);
  if (undef && ctx.tex.slice(start, end) === undef[1]) {
    const word = undef[1].slice(1);
    fixes.push(fix(t(`Write \\operatorname{${word}}`, `Escribir \\operatorname{${word}}`), [{ start, end, newText: `\\operatorname{${word}}` }]));
    fixes.push(fix(t(`Define ${undef[1]} as a macro in the front matter`, `Definir ${undef[1]} como macro en el front matter`), [{ macro: undef[1], expansion: `\\operatorname{${word}}` }]));
  }
  if (/^Expected '\}', got 'EOF'/.test(message) || /^Unexpected end of input in a macro argument, expected '\}'/.test(message)) fixes.push(fix(t('Insert the missing }', 'Insertar la } que falta'), [{ start, end: start, newText: '}' }]));
  if (/^Expected '\\right', got 'EOF'/.test(message)) {
    fixes.push(fix(t('Insert \\right. to close \\left', 'Insertar \\right. para cerrar \\left'), [{ start, end: start, newText: '\\right.' }]));
  }
  if (/^Double (superscript|subscript)$/.test(message)) {
    fixes.push(fix(t('Attach the second script to an empty group {}', 'Poner el segundo índice sobre un grupo vacío {}'), [{ start, end: start, newText: '{}' }]));
  }
  const env = envProblem(ctx.tex, message);
  if (env) {
    const edits: TexEdit[] = env.names.map((n) => ({ ...n, newText: env.to }));
    fixes.push(fix(t(`Use {${env.to}}, which works inline`, `Usar {${env.to}}, que funciona en línea`), edits));
  }
  return fixes;
}

/** `{align} can be used only in display mode.`: the environment names in the writer's TeX (labels.ts adds a `*`). */
function envProblem(tex: string, message: string): { to: string; names: Array<{ start: number; end: number }> } | undefined {
  const m = /^\{([a-z]+)\*?\} can be used only in display mode\.$/.exec(message);
  if (!m) return undefined;
  const to = INLINE_ENV.get(m[1]);
  if (!to) return undefined;
  const names: Array<{ start: number; end: number }> = [];
  for (const b of tex.matchAll(new RegExp(`\\\\(begin|end)\\{(${m[1]}\\*?)\\}`, 'g'))) {
    const s = b.index! + b[1].length + 2;
    names.push({ start: s, end: s + b[2].length });
  }
  return names.length > 0 ? { to, names } : undefined;
}

export const katexError: Rule = {
  id: 'katex-error',
  defaultSeverity: 'error',
  summary: t('The formula does not render: KaTeX rejects it with the preview’s options and macros.', 'La fórmula no se muestra: KaTeX la rechaza con las opciones y macros de la vista previa.'),
  checkFormula(ctx, report) {
    let { error } = ctx.parse;
    const { warnings } = ctx.parse;
    if (error) {
      // Errors without a position (display-only environments) point at the environment's name.
      const env = error.start === 0 && error.end === ctx.tex.length ? envProblem(ctx.tex, error.message) : undefined;
      if (env) error = { ...error, start: env.names[0].start - 7, end: env.names[0].end + 1 };
      const message: Localized = { en: `KaTeX parse error: ${error.message}`, es: `Error de KaTeX: ${error.message}` };
      report({ start: error.start, end: error.end, message, fixes: fixesFor(ctx, error.message, error.start, error.end) });
    }
    // labels.ts turns \label/\eqref into \htmlId/\href, which strict mode reports: not the writer's doing.
    const ownHtml = /\\(html|href|url)/.test(ctx.tex);
    for (const w of warnings) {
      if (w.code === 'htmlExtension' && !ownHtml) continue;
      // KaTeX breaks the line there, which is what Markdown writers mean; only LaTeX ignores it.
      if (w.code === 'newLineInDisplayMode') continue;
      report({
        start: w.start,
        end: w.end,
        severity: 'warning',
        message: {
          en: `LaTeX-incompatible input (strict mode [${w.code}]): ${w.message}`,
          es: `Entrada incompatible con LaTeX (modo estricto [${w.code}]): ${w.message}`,
        },
      });
    }
  },
};

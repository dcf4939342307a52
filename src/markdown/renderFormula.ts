// One formula to HTML with KaTeX, or — when KaTeX rejects it — its source kept visible with a small chip
// carrying KaTeX's own message (never a blank, never a wall of red). Also reports the macro table the
// formula leaves behind, so later formulas see its `\newcommand`s.

import katex from 'katex';
import { katexOptions } from '../latex/katexOptions';
import { captureDefinitions, mayDefineMacros, type MacroEnv } from '../latex/macros';
import type { MathDelimiter } from './mathSyntax';
import { messages, type RenderLang } from './renderMessages';

export interface RenderedFormula {
  readonly html: string;
  /** The macro table after this formula. */
  readonly after: MacroEnv;
  /** KaTeX's message when the formula does not parse. */
  readonly error?: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const DELIMITERS: Record<MathDelimiter, readonly [string, string]> = {
  $: ['$', '$'],
  $$: ['$$', '$$'],
  '\\(': ['\\(', '\\)'],
  '\\[': ['\\[', '\\]'],
  'math-fence': ['```math\n', '\n```'],
  environment: ['', ''],
};

/** A small error chip: `message` is shown, `detail` is the tooltip. */
export function chip(message: string, detail: string, kind: 'katex' | 'ref' = 'katex'): string {
  return `<span class="pizarra-chip pizarra-chip-${kind}" role="note" title="${escapeHtml(detail)}">${escapeHtml(message)}</span>`;
}

/**
 * KaTeX's ParseError carries `rawMessage` (the message without the "KaTeX parse error:" prefix and the
 * underlined excerpt, which is noise next to the visible source). The linter reports the position.
 */
function messageOf(e: unknown): { short: string; full: string } {
  const err = e as { rawMessage?: string; message?: string };
  const full = err?.message ?? String(e);
  return { short: err?.rawMessage ?? full, full };
}

/** KaTeX's own escaping (src/utils.js `escape`), to find the annotation it wrote. */
const KATEX_ESCAPES: Record<string, string> = { '&': '&amp;', '>': '&gt;', '<': '&lt;', '"': '&quot;', "'": '&#x27;' };

/**
 * The MathML `<annotation>` is what screen readers announce and what copy-paste yields: give it the TeX
 * the writer typed, not our rewriting (`\htmlId`, `\tag{3}`).
 */
function restoreAnnotation(html: string, rendered: string, source: string): string {
  const open = '<annotation encoding="application/x-tex">';
  const written = open + rendered.replace(/[&><"']/g, (c) => KATEX_ESCAPES[c]) + '</annotation>';
  const at = html.indexOf(written);
  if (at < 0) return html;
  return html.slice(0, at) + open + escapeHtml(source) + '</annotation>' + html.slice(at + written.length);
}

/**
 * Renders prepared TeX (labels.ts `prepareTex` output) in the given macro table. `source` is the TeX the
 * writer typed, shown with its delimiters when KaTeX fails.
 */
export function renderFormula(
  tex: string,
  display: boolean,
  env: MacroEnv,
  source: string,
  delimiter: MathDelimiter,
  lang?: RenderLang,
): RenderedFormula {
  const options = katexOptions(display, env);
  let html: string;
  let error: string | undefined;
  try {
    html = katex.renderToString(tex, options);
    if (tex !== source) html = restoreAnnotation(html, tex, source);
  } catch (e) {
    const m = messageOf(e);
    error = m.short;
    const [open, close] = DELIMITERS[delimiter];
    // A multi-line `$$`/`\[` block is shown as written, delimiters on their own lines.
    const nl = source.includes('\n') && (delimiter === '$$' || delimiter === '\\[') ? '\n' : '';
    const cls = display ? 'pizarra-math-error pizarra-math-error-display' : 'pizarra-math-error';
    html = `<span class="${cls}"><code class="pizarra-math-source">${escapeHtml(open + nl + source + nl + close)}</code>${chip(m.short, m.full.startsWith('KaTeX') ? `${messages(lang).katexError}: ${m.short}` : m.full)}</span>`;
  }
  const after = mayDefineMacros(tex) ? captureDefinitions(env, options.macros) : env;
  return error === undefined ? { html, after } : { html, after, error };
}

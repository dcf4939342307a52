// `\eqref{name}` and `\ref{name}` written in prose (outside math), as LaTeX writers do: an inline rule
// that turns them into tokens the renderer resolves against the article's labels (src/latex/labels.ts).
// Code spans never reach this rule: markdown-it's `backticks` rule consumes them first.

import type MarkdownIt from 'markdown-it';
import type { RefKind } from '../latex/labels';

export const PROSE_REF = 'pizarra_ref';

/** `token.meta` of a prose reference. */
export interface ProseRefMeta {
  readonly kind: RefKind;
  readonly name: string;
}

const REF = /^\\(eqref|ref)\{([^{}\n]+)\}/;

function proseRef(state: MarkdownIt.StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5c /* \ */) return false;
  const m = REF.exec(state.src.slice(state.pos, state.pos + 200));
  if (!m) return false;
  if (!silent) {
    const token = state.push(PROSE_REF, '', 0);
    token.markup = m[0];
    token.content = m[0];
    token.meta = { kind: m[1] as RefKind, name: m[2].trim() } satisfies ProseRefMeta;
  }
  state.pos += m[0].length;
  return true;
}

export function refSyntax(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'pizarra_ref', proseRef);
}

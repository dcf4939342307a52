// KaTeX as the validity oracle: parses one formula with the preview's options and the macros in effect,
// collecting strict-mode warnings through the callback and turning a ParseError into a TeX range.
// Never throws. `katex.__parse` is internal API, so KaTeX is pinned (package.json: katex 0.16.47) and
// test/fixtures/latex-trees/ holds golden trees that fail when an upgrade changes its output.

import katex from 'katex';
import { katexOptions } from './katexOptions';
import { EMPTY_MACROS, type MacroEnv } from './macros';

/** A KaTeX parse node, as `katex.__parse` returns it (shape documented in katex/src/parseNode.js). */
export interface KNode {
  readonly type: string;
  readonly mode?: string;
  readonly loc?: { readonly start: number; readonly end: number; readonly lexer?: { readonly input?: string } };
  readonly [key: string]: unknown;
}

export interface TexProblem {
  /** KaTeX's own message, without the "KaTeX parse error: " prefix and the excerpt. */
  readonly message: string;
  /** Offsets in the TeX; `start === end` when KaTeX points between two characters (e.g. at the end). */
  readonly start: number;
  readonly end: number;
  /** For warnings: KaTeX's strict error code (`unknownSymbol`, `unicodeTextInMathMode`, …). */
  readonly code?: string;
}

export interface TexParse {
  /** The parse tree, or undefined when KaTeX refused the formula. */
  readonly nodes: readonly KNode[] | undefined;
  readonly error: TexProblem | undefined;
  readonly warnings: readonly TexProblem[];
}

interface KatexInternals {
  __parse(tex: string, settings: object): KNode[];
}

/**
 * Parses `tex` exactly as the preview renders it (katexOptions.ts), with the macros in effect, except that
 * `strict` is a callback collecting KaTeX's warnings instead of ignoring them. `toSource` maps offsets of
 * `tex` back to the writer's TeX when `tex` is labels.ts's rewritten form.
 */
export function parseTex(tex: string, display: boolean, env: MacroEnv = EMPTY_MACROS, toSource: (o: number) => number = (o) => o): TexParse {
  const warnings: TexProblem[] = [];
  const options = {
    ...katexOptions(display, env),
    strict: (code: string, message: string, token?: { loc?: { start: number; end: number } }) => {
      const start = token?.loc ? toSource(token.loc.start) : 0;
      const end = token?.loc ? Math.max(start, toSource(token.loc.end)) : start;
      warnings.push({ code, message, start, end });
      return 'ignore';
    },
  };
  try {
    const nodes = (katex as unknown as KatexInternals).__parse(tex, options);
    return { nodes, error: undefined, warnings };
  } catch (e) {
    return { nodes: undefined, error: toProblem(e, tex, toSource), warnings };
  }
}

/** ParseError carries `position` (offset of the bad token) and `length`; other errors cover the formula. */
function toProblem(e: unknown, tex: string, toSource: (o: number) => number): TexProblem {
  const err = e as { rawMessage?: unknown; message?: unknown; position?: unknown; length?: unknown };
  const message = typeof err?.rawMessage === 'string' ? err.rawMessage : String(err?.message ?? e);
  if (typeof err?.position === 'number') {
    const at = Math.max(0, Math.min(err.position, tex.length));
    const length = typeof err.length === 'number' ? Math.max(0, err.length) : 0;
    const start = toSource(at);
    return { message, start, end: Math.max(start, toSource(Math.min(tex.length, at + length))) };
  }
  return { message, start: toSource(0), end: toSource(tex.length) };
}

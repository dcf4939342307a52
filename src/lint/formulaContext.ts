// Builds the per-formula context rules read: KaTeX's verdict, the expression tree and the re-tokenized
// TeX, all lazily, plus a memo shared by the rules. One context per (TeX, display, macros, rewrite): the
// engine caches it, so its facts are computed once per distinct formula text.

import type { PreparedTex } from '../latex/labels';
import { EMPTY_MACROS, type MacroEnv } from '../latex/macros';
import { parseTex, type TexParse } from '../latex/parse';
import type { Expr } from '../latex/tree';
import { buildTree } from '../latex/treeBuild';
import { lexTexShared, type TexToken } from '../latex/treeSpans';
import type { FormulaContext } from './rule';

export function createFormulaContext(tex: string, display: boolean, macros: MacroEnv = EMPTY_MACROS, prepared?: PreparedTex): FormulaContext {
  let parse: TexParse | undefined;
  let tree: Expr | undefined | null = null;
  let tokens: readonly TexToken[] | undefined;
  const memo = new Map<string, unknown>();
  const parsedTex = prepared?.tex ?? tex;
  const toSource = prepared ? (o: number) => prepared.toSource(o) : (o: number) => o;
  const ctx: FormulaContext = {
    tex,
    display,
    macros,
    get parse() {
      return (parse ??= parseTex(parsedTex, display, macros, toSource));
    },
    get tree() {
      if (tree === null) {
        const nodes = ctx.parse.nodes;
        try {
          tree = nodes ? buildTree(parsedTex, nodes, { tex, toSource }) : undefined;
        } catch {
          // The adapter is written not to throw; if KaTeX ever hands it a shape it has never seen, the
          // formula simply gets no semantic checks (katex-error still runs).
          tree = undefined;
        }
      }
      return tree;
    },
    get tokens() {
      // Shared with the tree adapter's lexing of the same TeX (read-only tokens).
      return (tokens ??= lexTexShared(tex));
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
  return ctx;
}

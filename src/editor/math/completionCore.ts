// Which completions apply at a cursor inside math: a command after `\`, an environment after `\begin{`,
// a label after `\eqref{`/`\ref{` (also in prose, which the preview resolves). Pure (no `vscode`).

import type { DocumentModel } from '../../markdown/model';
import { documentOffsetToTex, spanAt } from './locate';

export type CompletionKind = 'command' | 'environment' | 'end' | 'label';

export interface CompletionContext {
  readonly kind: CompletionKind;
  /** Document offset where the typed word starts (the backslash for commands, after `{` otherwise). */
  readonly start: number;
  /** What is typed so far, without the backslash or brace. */
  readonly prefix: string;
  /** Whether the cursor is in display math (environments then get their own lines). */
  readonly display: boolean;
  /** For environments and labels: a `}` already follows the cursor (after the rest of the word, if any). */
  readonly closed: boolean;
  /** Document offset just past the rest of the word after the cursor (`\eqref{eq:a|bc}` → before `}`). */
  readonly end: number;
  /** For `\end{`: the innermost environment still open before the cursor. */
  readonly open?: string;
}

/** The innermost `\begin{…}` not yet closed in `tex` (comments and escapes are rare enough to ignore here). */
export function openEnvironment(tex: string): string | undefined {
  const stack: string[] = [];
  for (const m of tex.matchAll(/\\(begin|end)\{([A-Za-z*]+)\}/g)) {
    if (m[1] === 'begin') stack.push(m[2]);
    else if (stack[stack.length - 1] === m[2]) stack.pop();
  }
  return stack[stack.length - 1];
}

/**
 * The text before the cursor that completion reads, and whether it is math. Formulas still being typed
 * (`$\fr` with no closing `$` yet) are not in the model, so an odd number of unescaped `$` (or an open
 * `\(`) before the cursor on its line also counts as math.
 */
function textBefore(model: DocumentModel, offset: number): { text: string; math: boolean; display: boolean } {
  const span = spanAt(model, offset);
  if (span) {
    const tex = documentOffsetToTex(span, offset);
    if (tex !== undefined) return { text: span.tex.slice(0, tex), math: true, display: span.display };
    return { text: '', math: false, display: false };
  }
  const pos = model.index.positionAt(offset);
  const line = model.text.slice(model.index.lineStart(pos.line), offset);
  const dollars = line.match(/(?<!\\)\$/g)?.length ?? 0;
  const openParen = line.lastIndexOf('\\(') > line.lastIndexOf('\\)');
  const inCode = model.code.some((c) => offset > c.range.start.offset && offset <= c.range.end.offset);
  return { text: line, math: !inCode && (dollars % 2 === 1 || openParen), display: /(?<!\\)\$\$/.test(line) };
}

export function completionContextAt(model: DocumentModel, offset: number): CompletionContext | undefined {
  const { text, math, display } = textBefore(model, offset);
  // The rest of a name or word after the cursor is replaced too, so completing in its middle does not
  // leave its tail behind.
  const rest = (re: RegExp) => offset + (re.exec(model.text.slice(offset, offset + 200))?.[0].length ?? 0);
  const ref = /\\(?:eqref|ref)\{([^{}\n]*)$/.exec(text);
  if (ref) {
    const end = rest(/^[^{}\n]*/);
    return { kind: 'label', start: offset - ref[1].length, prefix: ref[1], display, closed: model.text[end] === '}', end };
  }
  if (!math) return undefined;
  const env = /\\begin\{([A-Za-z*]*)$/.exec(text);
  if (env) {
    const end = rest(/^[A-Za-z*]*/);
    return { kind: 'environment', start: offset - env[1].length, prefix: env[1], display, closed: model.text[end] === '}', end };
  }
  const endEnv = /\\end\{([A-Za-z*]*)$/.exec(text);
  if (endEnv) {
    const end = rest(/^[A-Za-z*]*/);
    const open = openEnvironment(text);
    return { kind: 'end', start: offset - endEnv[1].length, prefix: endEnv[1], display, closed: model.text[end] === '}', end, open };
  }
  const cmd = /\\([A-Za-z]*)$/.exec(text);
  // `\\` is a line break, not the start of a command.
  if (cmd && !/(^|[^\\])(\\\\)+[A-Za-z]*$/.test(text)) {
    return { kind: 'command', start: offset - cmd[0].length, prefix: cmd[1], display, closed: false, end: rest(/^[A-Za-z]*/) };
  }
  return undefined;
}

// The math tokenizing rules of markdown-it, shared by the preview, the export, the linter and the CLI so
// that every consumer agrees on what is a formula. Rendering is registered elsewhere (src/markdown/render*).

import type MarkdownIt from 'markdown-it';

type StateBlock = MarkdownIt.StateBlock;
type StateInline = MarkdownIt.StateInline;

/** `environment`: a bare `\begin{equation}…\end{equation}` block; its TeX includes the \begin and \end. */
export type MathDelimiter = '$' | '$$' | '\\(' | '\\[' | 'math-fence' | 'environment';

/** Token types are prefixed so they never collide with other math plugins' renderers. */
export const MATH_INLINE = 'pizarra_math_inline';
export const MATH_DISPLAY_INLINE = 'pizarra_math_display_inline';
export const MATH_BLOCK = 'pizarra_math_block';

/** Attached as `token.meta` to every math token. */
export interface MathTokenMeta {
  readonly delimiter: MathDelimiter;
  readonly display: boolean;
  /**
   * Inline tokens: offset of the opening delimiter in the inline content (`state.src`), and its length.
   * Block tokens: absolute offsets in the source given to `md.parse`.
   */
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Block tokens only: absolute offset of each content line's start, for mapping TeX offsets back. */
  readonly lineStarts?: readonly number[];
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Finds `close` from `from`, skipping TeX escapes (`\$`, `\\`) so `$a\$b$` is one formula.
 * Returns the index of the closing delimiter or -1.
 */
function findClose(src: string, from: number, close: string, max: number): number {
  for (let i = from; i < max; i++) {
    const c = src[i];
    if (c === '\\' && close[0] !== '\\') {
      i++;
      continue;
    }
    if (c === '\\' && close[0] === '\\') {
      if (src.startsWith(close, i)) return i;
      i++;
      continue;
    }
    if (src.startsWith(close, i)) return i;
  }
  return -1;
}

/**
 * `$…$` follows Pandoc's `tex_math_dollars`: the opening `$` has a non-space right after it, the closing
 * one a non-space right before it and no digit right after it. So `it costs $5 and $10` stays prose.
 * `$$…$$` inside a paragraph is display math.
 */
function dollar(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== '$') return false;
  if (src[start + 1] === '$') {
    const end = findClose(src, start + 2, '$$', state.posMax);
    if (end < 0 || end === start + 2) return false;
    if (!silent) push(state, MATH_DISPLAY_INLINE, '$$', true, start, start + 2, end, end + 2);
    state.pos = end + 2;
    return true;
  }
  if (isSpace(src[start + 1]) || start + 1 >= state.posMax) return false;
  // The first unescaped `$` must close: a `$` is never valid inside KaTeX math ("Can't use function '$'
  // in math mode"), so reaching past it for a later one (as Pandoc does) only turns prose such as
  // `$10, or $ 20 $ … 3$` into a broken formula. `costs $5 and $10` stays prose the same way.
  const end = findClose(src, start + 1, '$', state.posMax);
  if (end < 0 || isSpace(src[end - 1]) || isDigit(src[end + 1])) return false;
  if (!silent) push(state, MATH_INLINE, '$', false, start, start + 1, end, end + 1);
  state.pos = end + 1;
  return true;
}

/** `\(…\)` inline and `\[…\]` display inside a paragraph. Must run before markdown-it's `escape` rule. */
function backslash(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== '\\') return false;
  const open = src[start + 1];
  if (open !== '(' && open !== '[') return false;
  const close = open === '(' ? '\\)' : '\\]';
  const end = findClose(src, start + 2, close, state.posMax);
  if (end < 0 || end === start + 2) return false;
  if (!silent) {
    if (open === '(') push(state, MATH_INLINE, '\\(', false, start, start + 2, end, end + 2);
    else push(state, MATH_DISPLAY_INLINE, '\\[', true, start, start + 2, end, end + 2);
  }
  state.pos = end + 2;
  return true;
}

function push(
  state: StateInline,
  type: string,
  delimiter: MathDelimiter,
  display: boolean,
  start: number,
  contentStart: number,
  contentEnd: number,
  end: number,
): void {
  const token = state.push(type, 'math', 0);
  token.markup = delimiter;
  token.content = state.src.slice(contentStart, contentEnd);
  const meta: MathTokenMeta = { delimiter, display, start, end, contentStart, contentEnd };
  token.meta = meta;
}

/**
 * Display math as a block: `$$` or `\[` at the start of a line, closed by `$$` / `\]` at the end of the same
 * or a later line. A block that is never closed is left to the paragraph rule, so the text stays visible.
 * Text after the closing delimiter on the same line makes it a paragraph with inline display math instead.
 */
function displayBlock(open: '$$' | '\\[', close: '$$' | '\\]') {
  return (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const src = state.src;
    const first = state.bMarks[startLine] + state.tShift[startLine];
    if (!src.startsWith(open, first)) return false;
    const firstEnd = state.eMarks[startLine];
    const lineStarts: number[] = [];
    let contentStart = first + open.length;
    let contentEnd = -1;
    let end = -1;
    let line = startLine;
    // Single line: `$$ x $$`.
    const same = findClose(src, contentStart, close, firstEnd);
    if (same >= 0) {
      if (src.slice(same + close.length, firstEnd).trim() !== '') return false;
      contentEnd = same;
      end = same + close.length;
      lineStarts.push(contentStart);
    } else {
      lineStarts.push(contentStart);
      for (line = startLine + 1; line < endLine; line++) {
        if (state.sCount[line] < state.blkIndent && !isBlank(state, line)) return false;
        const ls = state.bMarks[line] + state.tShift[line];
        const le = state.eMarks[line];
        const at = findClose(src, ls, close, le);
        if (at >= 0) {
          if (src.slice(at + close.length, le).trim() !== '') return false;
          end = at + close.length;
          if (at === ls) {
            // The closing delimiter is alone on its line: the content ends with the previous line.
            contentEnd = state.eMarks[line - 1];
          } else {
            lineStarts.push(state.bMarks[line] + Math.min(state.tShift[line], state.blkIndent));
            contentEnd = at;
          }
          break;
        }
        lineStarts.push(state.bMarks[line] + Math.min(state.tShift[line], state.blkIndent));
      }
      if (end < 0) return false;
      // Content starts on the line after `$$` when the opening line holds nothing else.
      if (src.slice(contentStart, firstEnd).trim() === '') {
        lineStarts.shift();
        contentStart = lineStarts[0] ?? contentEnd;
      }
    }
    if (silent) return true;
    const token = state.push(MATH_BLOCK, 'math', 0);
    token.block = true;
    token.markup = open;
    token.map = [startLine, line + 1];
    token.content = contentOf(src, lineStarts, contentStart, contentEnd);
    const meta: MathTokenMeta = {
      delimiter: open,
      display: true,
      start: first,
      end,
      contentStart,
      contentEnd,
      lineStarts,
    };
    token.meta = meta;
    state.line = line + 1;
    return true;
  };
}

function isBlank(state: StateBlock, line: number): boolean {
  return state.bMarks[line] + state.tShift[line] >= state.eMarks[line];
}

/** The TeX of a block: its lines without the container prefixes (`> `, list indentation) before them. */
function contentOf(src: string, lineStarts: readonly number[], contentStart: number, contentEnd: number): string {
  if (lineStarts.length <= 1) return src.slice(contentStart, contentEnd);
  const parts: string[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const from = i === 0 ? contentStart : lineStarts[i];
    const nl = src.indexOf('\n', from);
    const lineEnd = nl < 0 ? src.length : nl;
    const to = Math.min(lineEnd, contentEnd);
    parts.push(src.slice(from, to).replace(/\r$/, ''));
    if (to >= contentEnd) break;
  }
  return parts.join('\n');
}

/**
 * The environments that stand as display math on their own, without `$$` — as in a LaTeX document and as
 * VS Code's built-in math (its "bare blocks") renders them. KaTeX accepts each of them in display mode.
 */
const DISPLAY_ENVIRONMENTS = new Set([
  'equation', 'equation*', 'align', 'align*', 'alignat', 'alignat*', 'gather', 'gather*', 'multline', 'multline*',
  'flalign', 'flalign*', 'split', 'CD',
]);
const BEGIN = /^\\begin\{([A-Za-z]+\*?)\}/;

/** `\begin{equation}` … `\end{equation}` from the start of a line to a line that ends with the `\end`. */
function environmentBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const src = state.src;
  const first = state.bMarks[startLine] + state.tShift[startLine];
  if (src.charCodeAt(first) !== 0x5c /* \ */) return false;
  const m = BEGIN.exec(src.slice(first, state.eMarks[startLine]));
  if (!m || !DISPLAY_ENVIRONMENTS.has(m[1])) return false;
  const close = `\\end{${m[1]}}`;
  const lineStarts: number[] = [first];
  for (let line = startLine; line < endLine; line++) {
    if (line > startLine) {
      // A blank line ends the attempt: LaTeX allows no paragraph break inside display math, and prose that
      // merely starts with `\begin{align}` must not swallow the blocks below it.
      if (isBlank(state, line) || state.sCount[line] < state.blkIndent) return false;
      lineStarts.push(state.bMarks[line] + Math.min(state.tShift[line], state.blkIndent));
    }
    const from = line === startLine ? first + m[0].length : state.bMarks[line] + state.tShift[line];
    const at = src.indexOf(close, from);
    if (at < 0 || at >= state.eMarks[line]) continue;
    const end = at + close.length;
    if (src.slice(end, state.eMarks[line]).trim() !== '') return false;
    if (silent) return true;
    const token = state.push(MATH_BLOCK, 'math', 0);
    token.block = true;
    token.markup = 'environment';
    token.map = [startLine, line + 1];
    token.content = contentOf(src, lineStarts, first, end);
    const meta: MathTokenMeta = { delimiter: 'environment', display: true, start: first, end, contentStart: first, contentEnd: end, lineStarts };
    token.meta = meta;
    state.line = line + 1;
    return true;
  }
  return false;
}

/** Registers the tokenizing rules. Safe to call once per markdown-it instance. */
export function mathSyntax(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'pizarra_math_backslash', backslash);
  md.inline.ruler.before('escape', 'pizarra_math_dollar', dollar);
  const alt = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };
  md.block.ruler.before('fence', 'pizarra_math_block_dollar', displayBlock('$$', '$$'), alt);
  md.block.ruler.before('fence', 'pizarra_math_block_bracket', displayBlock('\\[', '\\]'), alt);
  md.block.ruler.before('fence', 'pizarra_math_block_environment', environmentBlock, alt);
}

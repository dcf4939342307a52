// The document model: what an article contains (front matter, formulas, code blocks) with exact source
// ranges, built from the same markdown-it tokens the preview renders. Never throws on any input.

import type MarkdownIt from 'markdown-it';
import type { Diagnostic } from '../common/diagnostic';
import { LineIndex, type Range } from '../common/text';
import { createMarkdownIt } from './engine';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { MATH_BLOCK, MATH_DISPLAY_INLINE, MATH_INLINE, type MathDelimiter, type MathTokenMeta } from './mathSyntax';
import { alignLine, mapOffset, type OffsetMap } from './sourceMap';

type Token = MarkdownIt.Token;

export interface MathSpan {
  /** Position among the document's formulas, in document order. */
  readonly index: number;
  readonly delimiter: MathDelimiter;
  readonly display: boolean;
  /** The TeX between the delimiters, without container prefixes such as `> `. */
  readonly tex: string;
  /** The whole formula, delimiters included. */
  readonly range: Range;
  /** The TeX content. */
  readonly contentRange: Range;
  /** Maps offsets in `tex` to document offsets (see `texOffsetToDocument`). */
  readonly texMap: OffsetMap;
}

export interface CodeBlock {
  readonly index: number;
  /** First word of the info string, lower-cased (`python`, `math`, ``). */
  readonly lang: string;
  readonly info: string;
  readonly content: string;
  /** Fences included. */
  readonly range: Range;
  readonly contentRange: Range;
  /** Zero-based line of the opening fence. */
  readonly fenceLine: number;
  /** Zero-based line of the closing fence, or undefined when the fence runs to the end of its container. */
  readonly closeLine: number | undefined;
}

export interface DocumentModel {
  readonly text: string;
  readonly index: LineIndex;
  readonly frontMatter: FrontMatter | undefined;
  readonly math: readonly MathSpan[];
  readonly code: readonly CodeBlock[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The document offset of a TeX offset inside a formula: for error columns and quick fixes. */
export function texOffsetToDocument(span: MathSpan, texOffset: number): number {
  return mapOffset(span.texMap, texOffset);
}

let sharedEngine: MarkdownIt | undefined;

/** Builds the model. `md` must carry `mathSyntax`; the default one matches VS Code's preview options. */
export function buildModel(text: string, md: MarkdownIt = (sharedEngine ??= createMarkdownIt())): DocumentModel {
  const index = new LineIndex(text);
  const { frontMatter, diagnostics } = parseFrontMatter(index);
  // markdown-it normalizes line breaks; parse a normalized copy and convert positions by (line, character),
  // which normalization preserves. Front matter is blanked out so line numbers stay the same.
  let body = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  const norm = new LineIndex(body);
  if (frontMatter) {
    const end = norm.lineEnd(frontMatter.range.end.line);
    body = body.slice(0, end).replace(/[^\n]/g, ' ') + body.slice(end);
  }
  const toDoc = (o: number) => {
    const p = norm.positionAt(o);
    return index.offsetAt(p.line, p.character);
  };
  const tokens = md.parse(body, {});
  const math: MathSpan[] = [];
  const code: CodeBlock[] = [];
  const out = { math, code, diagnostics };
  walk(tokens, body, norm, index, toDoc, out, undefined);
  return { text, index, frontMatter, math, code, diagnostics };
}

interface Sink {
  math: MathSpan[];
  code: CodeBlock[];
  diagnostics: Diagnostic[];
}

function walk(
  tokens: Token[],
  body: string,
  norm: LineIndex,
  index: LineIndex,
  toDoc: (o: number) => number,
  out: Sink,
  rowLine: number | undefined,
): void {
  let cellCursor = -1;
  for (const t of tokens) {
    if (t.type === 'tr_open' && t.map) {
      rowLine = t.map[0];
      cellCursor = norm.lineStart(rowLine);
    } else if (t.type === MATH_BLOCK) {
      const meta = t.meta as MathTokenMeta;
      const texMap: Array<[number, number]> = [];
      let texOffset = 0;
      const lines = t.content.split('\n');
      (meta.lineStarts ?? [meta.contentStart]).forEach((start, i) => {
        if (i >= lines.length) return;
        texMap.push([texOffset, toDoc(i === 0 ? meta.contentStart : start)]);
        texOffset += lines[i].length + 1;
      });
      pushMath(out, index, meta.delimiter, true, t.content, toDoc(meta.start), toDoc(meta.end), texMap, toDoc(meta.contentEnd));
    } else if (t.type === 'fence' && t.map) {
      pushFence(t, norm, index, toDoc, out);
    } else if (t.type === 'inline' && t.children) {
      const line = t.map ? t.map[0] : rowLine;
      if (line === undefined) continue;
      const map = alignInline(body, norm, t.content, line, t.map ? -1 : cellCursor);
      if (!t.map && map.end > cellCursor) cellCursor = map.end;
      for (const c of t.children) {
        if (c.type !== MATH_INLINE && c.type !== MATH_DISPLAY_INLINE) continue;
        const meta = c.meta as MathTokenMeta;
        const docMap: Array<[number, number]> = map.map
          .filter(([co], i, all) => i + 1 >= all.length || all[i + 1][0] > meta.contentStart)
          .map(([co, so]) => [co - meta.contentStart, toDoc(so)]);
        const texMap = normalizeMap(docMap);
        const start = toDoc(mapOffset(map.map, meta.start));
        const end = toDoc(mapOffset(map.map, meta.end - 1)) + 1;
        const contentEnd = toDoc(mapOffset(map.map, meta.contentEnd - 1)) + 1;
        pushMath(out, index, meta.delimiter, meta.display, c.content, start, end, texMap, contentEnd);
      }
    }
    if (t.children && t.type !== 'inline') walk(t.children, body, norm, index, toDoc, out, rowLine);
  }
}

/** Drops map entries before TeX offset 0 but keeps the one that covers it. */
function normalizeMap(map: Array<[number, number]>): Array<[number, number]> {
  let first = 0;
  for (let i = 0; i < map.length; i++) if (map[i][0] <= 0) first = i;
  const kept = map.slice(first);
  if (kept.length > 0 && kept[0][0] < 0) kept[0] = [0, kept[0][1] - kept[0][0]];
  return kept;
}

function pushMath(
  out: Sink,
  index: LineIndex,
  delimiter: MathDelimiter,
  display: boolean,
  tex: string,
  start: number,
  end: number,
  texMap: Array<[number, number]>,
  contentEnd: number,
): void {
  const contentStart = texMap.length > 0 ? texMap[0][1] : start;
  out.math.push({
    index: out.math.length,
    delimiter,
    display,
    tex,
    range: index.range(start, end),
    contentRange: index.range(contentStart, Math.max(contentStart, contentEnd)),
    texMap,
  });
}

/** Maps an inline token's content onto the source lines it came from. */
function alignInline(
  body: string,
  norm: LineIndex,
  content: string,
  firstLine: number,
  cursor: number,
): { map: Array<[number, number]>; end: number } {
  const map: Array<[number, number]> = [];
  let contentOffset = 0;
  let end = cursor;
  const lines = content.split('\n');
  for (let j = 0; j < lines.length; j++) {
    const line = firstLine + j;
    const from = j === 0 && cursor >= 0 ? cursor : norm.lineStart(line);
    const aligned = alignLine(body, from, norm.lineEnd(line), lines[j], contentOffset);
    // Unalignable lines (never seen in practice) fall back to the line start so ranges stay inside the line.
    if (aligned) {
      map.push(...aligned.map);
      end = aligned.end;
    } else map.push([contentOffset, from]);
    contentOffset += lines[j].length + 1;
  }
  return { map, end };
}

function pushFence(t: Token, norm: LineIndex, index: LineIndex, toDoc: (o: number) => number, out: Sink): void {
  const [first, last] = t.map!;
  const info = t.info.trim();
  const lang = (info.match(/^[^\s{]+/)?.[0] ?? '').toLowerCase();
  const lastLine = last - 1;
  const lastText = norm.lineText(lastLine).trim();
  const closed = last - first >= 2 && lastText.startsWith(t.markup) && lastText.replace(/[`~]/g, '') === '';
  const contentStartLine = first + 1;
  const contentEndLine = closed ? lastLine : last;
  const contentStart = toDoc(norm.lineStart(contentStartLine));
  const contentEnd = contentEndLine > contentStartLine ? toDoc(norm.lineEnd(contentEndLine - 1)) : contentStart;
  const range = index.range(toDoc(norm.lineStart(first) + (norm.lineText(first).length - norm.lineText(first).trimStart().length)), toDoc(norm.lineEnd(lastLine)));
  if (lang === 'math') {
    const texMap: Array<[number, number]> = [];
    let o = 0;
    for (const [i, l] of t.content.split('\n').entries()) {
      if (contentStartLine + i >= contentEndLine) break;
      const docLine = contentStartLine + i;
      const src = norm.lineText(docLine);
      const at = src.indexOf(l);
      texMap.push([o, toDoc(norm.lineStart(docLine) + Math.max(0, at))]);
      o += l.length + 1;
    }
    const tex = t.content.replace(/\n$/, '');
    out.math.push({
      index: out.math.length,
      delimiter: 'math-fence',
      display: true,
      tex,
      range,
      contentRange: index.range(contentStart, Math.max(contentStart, contentEnd)),
      texMap,
    });
  }
  out.code.push({
    index: out.code.length,
    lang,
    info,
    content: t.content,
    range,
    contentRange: index.range(contentStart, Math.max(contentStart, contentEnd)),
    fenceLine: first,
    closeLine: closed ? lastLine : undefined,
  });
}

// Finding things under the cursor: the formula at a document offset, the TeX offset inside it, and the
// `\label{…}`/`\eqref{…}`/`\ref{…}` name there. Pure; offsets are document offsets (UTF-16).

import type { LabelDef, NamedCommand } from '../../latex/labels';
import { texOffsetToDocument, type DocumentModel, type MathSpan } from '../../markdown/model';
import type { MathContext } from './context';

/** The formula whose whole range (delimiters included) contains `offset`; ends count as inside. */
export function spanAt(model: DocumentModel, offset: number): MathSpan | undefined {
  const math = model.math;
  let lo = 0;
  let hi = math.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = math[mid].range;
    if (offset < r.start.offset) hi = mid - 1;
    else if (offset > r.end.offset) lo = mid + 1;
    else return math[mid];
  }
  return undefined;
}

/** The TeX offset of a document offset inside `span`'s content, or undefined outside the content. */
export function documentOffsetToTex(span: MathSpan, offset: number): number | undefined {
  if (offset < span.contentRange.start.offset || offset > span.contentRange.end.offset) return undefined;
  const map = span.texMap;
  if (map.length === 0) return offset - span.contentRange.start.offset;
  let best = 0;
  for (let i = 0; i < map.length; i++) if (map[i][1] <= offset) best = i;
  const [tex, doc] = map[best];
  const next = best + 1 < map.length ? map[best + 1][0] : span.tex.length;
  // Between two map entries (for example a `> ` prefix on a continuation line) clamp to the entry's end.
  return Math.min(tex + Math.max(0, offset - doc), next);
}

export type NameKind = 'label' | 'eqref' | 'ref';

export interface NameAt {
  readonly kind: NameKind;
  readonly name: string;
  readonly formula: number;
  /** The name between the braces, in document offsets. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The whole command. */
  readonly start: number;
  readonly end: number;
}

function toDocument(model: DocumentModel, cmd: NamedCommand, kind: NameKind): NameAt {
  const span = model.math[cmd.formula];
  const at = (o: number) => texOffsetToDocument(span, o);
  return { kind, name: cmd.name, formula: cmd.formula, nameStart: at(cmd.nameStart), nameEnd: at(cmd.nameEnd), start: at(cmd.start), end: at(cmd.end) };
}

export function labelLocation(ctx: MathContext, def: LabelDef): NameAt {
  return toDocument(ctx.model, def, 'label');
}

const PROSE_REF = /\\(eqref|ref)\{([^{}\n]+)\}/g;
const proseCache = new WeakMap<MathContext, NameAt[]>();

/**
 * `\eqref{…}`/`\ref{…}` written in prose, which the preview resolves too (src/markdown/refSyntax.ts).
 * Matches inside formulas, fenced code and backtick code spans are skipped, as markdown-it skips them.
 */
export function proseRefs(ctx: MathContext): NameAt[] {
  const hit = proseCache.get(ctx);
  if (hit) return hit;
  const { model } = ctx;
  const out: NameAt[] = [];
  const inside = (o: number) =>
    spanAt(model, o) !== undefined || model.code.some((c) => o >= c.range.start.offset && o < c.range.end.offset);
  for (const m of model.text.matchAll(PROSE_REF)) {
    const start = m.index!;
    if (inside(start)) continue;
    const lineStart = model.index.lineStart(model.index.positionAt(start).line);
    if ((model.text.slice(lineStart, start).match(/`/g)?.length ?? 0) % 2 === 1) continue;
    const raw = m[2];
    const nameStart = start + m[1].length + 2 + (raw.length - raw.trimStart().length);
    const name = raw.trim();
    out.push({ kind: m[1] as NameKind, name, formula: -1, nameStart, nameEnd: nameStart + name.length, start, end: start + m[0].length });
  }
  proseCache.set(ctx, out);
  return out;
}

/** The label or reference command under `offset` (anywhere from its backslash to its closing brace). */
export function nameAt(ctx: MathContext, offset: number): NameAt | undefined {
  const span = spanAt(ctx.model, offset);
  if (!span) return proseRefs(ctx).find((r) => offset >= r.start && offset <= r.end);
  const tex = documentOffsetToTex(span, offset);
  if (tex === undefined) return undefined;
  const f = ctx.labels.formulas[span.index];
  if (!f) return undefined;
  for (const l of f.labels) if (tex >= l.start && tex <= l.end) return toDocument(ctx.model, l, 'label');
  for (const r of f.refs) if (tex >= r.start && tex <= r.end) return toDocument(ctx.model, r, r.kind);
  return undefined;
}

/** Every occurrence of a label name: its definitions (all, duplicates too) and its references. */
export function occurrences(ctx: MathContext, name: string): NameAt[] {
  const out: NameAt[] = [];
  for (const f of ctx.labels.formulas) {
    for (const l of f.labels) if (l.name === name) out.push(toDocument(ctx.model, l, 'label'));
    for (const r of f.refs) if (r.name === name) out.push(toDocument(ctx.model, r, r.kind));
  }
  out.push(...proseRefs(ctx).filter((r) => r.name === name));
  return out.sort((a, b) => a.start - b.start);
}

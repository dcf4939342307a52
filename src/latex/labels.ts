// Equation labels, numbers and cross-references, which KaTeX does not do (KaTeX issue 2003, open since
// 2019): finds `\label{}`, `\tag{}`, `\notag`, `\eqref{}`/`\ref{}` in every formula of an article, numbers
// equations under the `pizarra.math.numbering` setting, and rewrites each formula into TeX KaTeX accepts:
// `\label{x}` → `\htmlId{pizarra-eq-x}{}` (an anchor at the right row), numbered environments → their
// starred form plus an explicit `\tag{n}` per row (one counter for the whole article, as in LaTeX), and
// `\eqref{x}` → `\href{#pizarra-eq-x}{(n)}`. Offsets are TeX offsets inside each formula; the markdown
// layer maps them to the document.

export const ANCHOR_PREFIX = 'pizarra-eq-';

/** `none`: number only what asks for it (unstarred environments, `\tag`, `\label`); `all`: every display formula. */
export type Numbering = 'none' | 'all';

/** One formula as the document model has it (a `MathSpan` fits). */
export interface FormulaInput {
  readonly tex: string;
  readonly display: boolean;
}

/** A `\label{name}`, `\eqref{name}` or `\ref{name}` in formula number `formula`, in TeX offsets. */
export interface NamedCommand {
  readonly name: string;
  readonly formula: number;
  /** The whole command, backslash to closing brace. */
  readonly start: number;
  readonly end: number;
  /** The name between the braces (for rename and go-to-definition). */
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface LabelDef extends NamedCommand {
  /** The number as shown in the tag, without parentheses (`3`, or a `\tag{A.1}`'s text); undefined when unnumbered. */
  readonly number: string | undefined;
  /** Element id of the anchor (`pizarra-eq-…`). */
  readonly anchor: string;
}

export type RefKind = 'eqref' | 'ref';

export interface RefUse extends NamedCommand {
  readonly kind: RefKind;
}

export type LabelProblemCode = 'duplicate-label' | 'label-in-inline-math';

export interface LabelProblem {
  readonly code: LabelProblemCode;
  readonly name: string;
  readonly formula: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Replace `[start, end)` of the original TeX with `text`. */
export interface TexEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FormulaLabels {
  readonly labels: readonly LabelDef[];
  readonly refs: readonly RefUse[];
  /** The numbers this formula shows, in order (auto numbers and `\tag` texts). */
  readonly numbers: readonly string[];
  /** Label, environment and tag rewrites; reference rewrites are added by `prepareTex`. */
  readonly edits: readonly TexEdit[];
}

export interface LabelIndex {
  /** First definition of each name. */
  readonly labels: ReadonlyMap<string, LabelDef>;
  readonly formulas: readonly FormulaLabels[];
  readonly refs: readonly RefUse[];
  readonly problems: readonly LabelProblem[];
}

/** Environments LaTeX (amsmath) numbers per row; KaTeX would number them with its own CSS counter. */
const NUMBERED_ENVS = new Set(['equation', 'align', 'gather', 'alignat', 'flalign', 'multline']);

/** A stable element id for any label name: ids and `#fragments` survive `:`, `.`, `-`, `_`; the rest is escaped. */
export function anchorOf(name: string): string {
  return ANCHOR_PREFIX + name.replace(/[^A-Za-z0-9_:.-]/g, (c) => `-${c.codePointAt(0)!.toString(16)}-`);
}

interface Group {
  readonly content: string;
  /** Offset of `{` and just past `}`. */
  readonly open: number;
  readonly end: number;
}

/** The balanced `{…}` group after optional spaces at `from`, or undefined. */
function readGroup(tex: string, from: number): Group | undefined {
  let i = from;
  while (tex[i] === ' ' || tex[i] === '\n' || tex[i] === '\t') i++;
  if (tex[i] !== '{') return undefined;
  let depth = 0;
  for (let j = i; j < tex.length; j++) {
    const c = tex[j];
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { content: tex.slice(i + 1, j), open: i, end: j + 1 };
  }
  return undefined;
}

/** A numbering unit: a whole formula, or one row of a numbered environment. */
interface Unit {
  readonly start: number;
  insertAt: number;
  tag: string | undefined;
  noNumber: boolean;
  readonly labels: Array<{ name: string; start: number; end: number; nameStart: number; nameEnd: number }>;
}

const newUnit = (start: number, insertAt: number): Unit => ({ start, insertAt, tag: undefined, noNumber: false, labels: [] });

interface Scan {
  top: Unit;
  rows: Unit[];
  refs: Array<Omit<RefUse, 'formula'>>;
  edits: TexEdit[];
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Most formulas mention none of the commands `scan` looks for; a native regex test skips them cheaply. */
const RELEVANT = /\\(?:label|eqref|ref|tag|notag|nonumber|begin)(?![A-Za-z])/;

/** One pass over a formula's TeX, skipping comments and escaped characters. Never throws. */
function scan(tex: string): Scan {
  const top = newUnit(0, tex.length);
  const rows: Unit[] = [];
  const refs: Scan['refs'] = [];
  const edits: TexEdit[] = [];
  if (!RELEVANT.test(tex)) return { top, rows, refs, edits };
  const envs: Array<{ name: string; depth: number; numbered: boolean }> = [];
  let depth = 0;
  let row: Unit | undefined;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '%') {
      const nl = tex.indexOf('\n', i);
      i = nl < 0 ? tex.length : nl;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (c !== '\\') continue;
    let w = i + 1;
    while (w < tex.length && isLetter(tex.charCodeAt(w))) w++;
    const word = w > i + 1 ? tex.slice(i + 1, w) : undefined;
    if (!word) {
      // `\\` ends a row of the numbered environment when it sits at that environment's own level.
      const env = envs[envs.length - 1];
      if (tex[i + 1] === '\\' && row && envs.length === 1 && env.numbered && depth === env.depth) {
        row.insertAt = i;
        row = newUnit(i + 2, tex.length);
        rows.push(row);
      }
      i++;
      continue;
    }
    const after = i + 1 + word.length;
    const unit = row ?? top;
    if (word === 'begin' || word === 'end') {
      const g = readGroup(tex, after);
      if (!g) continue;
      const name = g.content.trim();
      if (word === 'begin') {
        const numbered = envs.length === 0 && NUMBERED_ENVS.has(name);
        envs.push({ name, depth, numbered });
        if (numbered) {
          edits.push({ start: g.end - 1, end: g.end - 1, text: '*' });
          row = newUnit(g.end, tex.length);
          rows.push(row);
        }
      } else {
        const env = envs.pop();
        if (env?.numbered && env.name === name) {
          if (row) row.insertAt = i;
          row = undefined;
          edits.push({ start: g.end - 1, end: g.end - 1, text: '*' });
        }
      }
      i = g.end - 1;
    } else if (word === 'label' || word === 'eqref' || word === 'ref') {
      const g = readGroup(tex, after);
      if (!g) continue;
      const name = g.content.trim();
      const item = { name, start: i, end: g.end, nameStart: g.open + 1, nameEnd: g.end - 1 };
      if (word === 'label') unit.labels.push(item);
      else refs.push({ kind: word, ...item });
      i = g.end - 1;
    } else if (word === 'tag') {
      const star = tex[after] === '*';
      const g = readGroup(tex, star ? after + 1 : after);
      if (g) unit.tag = g.content;
    } else if (word === 'notag' || word === 'nonumber') unit.noNumber = true;
  }
  return { top, rows, refs, edits };
}

const NOTHING: FormulaLabels = Object.freeze({ labels: Object.freeze([]), refs: Object.freeze([]), numbers: Object.freeze([]), edits: Object.freeze([]) });
const NO_REFS: readonly RefUse[] = Object.freeze([]);
const identity = (offset: number) => offset;

/** Numbers every formula of an article in order and indexes its labels and references. */
export function indexLabels(formulas: readonly FormulaInput[], numbering: Numbering): LabelIndex {
  const labels = new Map<string, LabelDef>();
  const out: FormulaLabels[] = [];
  const allRefs: RefUse[] = [];
  const problems: LabelProblem[] = [];
  let counter = 0;
  formulas.forEach((f, formula) => {
    // Most formulas: nothing to number, label or link. Share one empty plan (this runs per keystroke).
    if ((!f.display || numbering === 'none') && !RELEVANT.test(f.tex)) {
      out.push(NOTHING);
      return;
    }
    const s = scan(f.tex);
    const edits = [...s.edits];
    const numbers: string[] = [];
    const defs: LabelDef[] = [];
    const units = s.rows.length > 0 ? s.rows : [s.top];
    // Labels outside the numbered environment (rare) refer to its first row.
    if (s.rows.length > 0) s.rows[0].labels.push(...s.top.labels);
    for (const u of units) {
      let number: string | undefined;
      if (u.tag !== undefined) number = u.tag;
      else if (!f.display || u.noNumber) number = undefined;
      else if (s.rows.length > 0 ? f.tex.slice(u.start, u.insertAt).trim() !== '' : numbering === 'all' || u.labels.length > 0) {
        number = String(++counter);
        edits.push({ start: u.insertAt, end: u.insertAt, text: `\\tag{${number}}` });
      }
      if (number !== undefined) numbers.push(number);
      for (const l of u.labels) {
        const def: LabelDef = { ...l, formula, number, anchor: anchorOf(l.name) };
        defs.push(def);
        edits.push({ start: l.start, end: l.end, text: `\\htmlId{${def.anchor}}{}` });
        if (!f.display) {
          problems.push({ code: 'label-in-inline-math', name: l.name, formula, start: l.start, end: l.end, message: `\\label{${l.name}} is in inline math, which has no equation number; move it to a display formula.` });
        }
        if (labels.has(l.name)) {
          problems.push({ code: 'duplicate-label', name: l.name, formula, start: l.start, end: l.end, message: `Label '${l.name}' is already defined in an earlier formula; \\eqref{${l.name}} refers to the first one.` });
        } else labels.set(l.name, def);
      }
    }
    const refs = s.refs.map((r) => ({ ...r, formula }));
    allRefs.push(...refs);
    out.push({ labels: defs, refs, numbers, edits: edits.sort((a, b) => a.start - b.start) });
  });
  return { labels, formulas: out, refs: allRefs, problems };
}

/** What `\eqref{name}` / `\ref{name}` shows: `(3)` / `3`, or `(??)` / `??` like LaTeX for an unknown label. */
export function refText(index: LabelIndex, kind: RefKind, name: string): { text: string; anchor: string | undefined } {
  const def = index.labels.get(name);
  const n = def?.number ?? '??';
  return { text: kind === 'eqref' ? `(${n})` : n, anchor: def?.anchor };
}

export interface PreparedTex {
  /** The TeX to hand KaTeX. */
  readonly tex: string;
  /** References whose label does not exist (the renderer shows a chip, the linter a diagnostic). */
  readonly unknownRefs: readonly RefUse[];
  /** Maps an offset in `tex` (a KaTeX error position) back to the original TeX. */
  toSource(offset: number): number;
}

/** A `\text{…}` when the number is plain text, else math (a `\tag{\ast}`'s text is TeX). */
function refTeX(text: string): string {
  return /[\\{}$^_&#%~]/.test(text) ? text : `\\text{${text}}`;
}

/** The formula's TeX with labels, numbering and references rewritten for KaTeX. */
export function prepareTex(index: LabelIndex, formula: number, tex: string): PreparedTex {
  const plan = index.formulas[formula];
  if (!plan || (plan.edits.length === 0 && plan.refs.length === 0)) return { tex, unknownRefs: NO_REFS, toSource: identity };
  const unknownRefs: RefUse[] = [];
  const edits = [...plan.edits];
  for (const r of plan.refs) {
    const { text, anchor } = refText(index, r.kind, r.name);
    if (!anchor) unknownRefs.push(r);
    edits.push({ start: r.start, end: r.end, text: anchor ? `\\href{#${anchor}}{${refTeX(text)}}` : refTeX(text) });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  // Each replacement, in prepared and source offsets; between replacements offsets shift by a constant.
  const spans: Array<{ outStart: number; outEnd: number; srcStart: number; srcEnd: number }> = [];
  let src = 0;
  let out = 0;
  for (const e of edits) {
    if (e.start < src) continue; // one scan never yields overlapping edits; keep the first if it ever did
    parts.push(tex.slice(src, e.start));
    out += e.start - src;
    parts.push(e.text);
    spans.push({ outStart: out, outEnd: out + e.text.length, srcStart: e.start, srcEnd: e.end });
    out += e.text.length;
    src = e.end;
  }
  parts.push(tex.slice(src));
  return {
    tex: parts.join(''),
    unknownRefs,
    toSource(offset: number): number {
      let shift = 0;
      for (const sp of spans) {
        if (offset < sp.outStart) break;
        // Inside a replacement: KaTeX complains about text the writer did not type; point at its source.
        if (offset < sp.outEnd) return sp.srcStart;
        shift = sp.srcEnd - sp.outEnd;
      }
      return offset + shift;
    },
  };
}

// Which KaTeX font faces a rendered page really draws text with, so the export embeds only those (a
// typical article needs 5–8 of KaTeX's 20 faces). Follows the cascade KaTeX's CSS sets up: `.katex`
// starts in KaTeX_Main; classes such as `mathnormal`, `mathbf`, `delimsizing size2` change family, weight
// or style; children inherit. Text inside the visually hidden MathML draws nothing.

export interface FontFace {
  readonly family: string;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
  /** File name of the woff2 (`KaTeX_Main-Regular.woff2`). */
  readonly file: string;
  /** The whole `@font-face{…}` rule as written in KaTeX's CSS. */
  readonly rule: string;
}

interface FontRule {
  /** Classes the element itself must carry (the last compound selector). */
  readonly classes: readonly string[];
  readonly family?: string;
  readonly weight?: number;
  readonly style?: 'normal' | 'italic';
}

export interface KatexCssFonts {
  readonly faces: readonly FontFace[];
  readonly rules: readonly FontRule[];
}

const decl = (body: string, prop: string) => new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(body)?.[1].trim();

const weightOf = (v: string | undefined) => (v === undefined ? undefined : v === 'bold' ? 700 : v === 'normal' ? 400 : Number(v) || 400);
const styleOf = (v: string | undefined) => (v === undefined ? undefined : v === 'italic' ? 'italic' : 'normal');

/** Reads the font faces and the class → font rules out of katex.min.css. */
export function readKatexCss(css: string): KatexCssFonts {
  const faces: FontFace[] = [];
  const rules: FontRule[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = m[1].trim();
    const body = m[2];
    if (selector === '@font-face') {
      const file = /url\((?:["']?)(?:[^)"']*\/)?([^/)"']+\.woff2)/.exec(body)?.[1];
      const family = decl(body, 'font-family');
      if (file && family) faces.push({ family, weight: weightOf(decl(body, 'font-weight')) ?? 400, style: styleOf(decl(body, 'font-style')) ?? 'normal', file, rule: m[0].trim() });
      continue;
    }
    const family = decl(body, 'font-family')?.split(',')[0].trim();
    const shorthand = decl(body, 'font');
    const weight = weightOf(decl(body, 'font-weight'));
    const style = styleOf(decl(body, 'font-style'));
    const fromShorthand = shorthand ? /(KaTeX_\w+)/.exec(shorthand)?.[1] : undefined;
    const fam = family?.startsWith('KaTeX_') ? family : fromShorthand;
    if (!fam && weight === undefined && style === undefined) continue;
    for (const sel of selector.split(',')) {
      const last = sel.trim().split(/[\s>+~]+/).pop() ?? '';
      if (!/^(\.[\w-]+)+$/.test(last)) continue;
      rules.push({ classes: last.slice(1).split('.'), family: fam, weight, style });
    }
  }
  return { faces, rules };
}

interface State {
  readonly family: string | undefined;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
  readonly hidden: boolean;
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source']);

/** The faces the HTML draws text with (falling back to a family's regular face, as browsers synthesize). */
export function usedFaces(html: string, fonts: KatexCssFonts): FontFace[] {
  const used = new Set<FontFace>();
  const stack: State[] = [{ family: undefined, weight: 400, style: 'normal', hidden: false }];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      if (top.family && !top.hidden && /\S/.test(m[5].replace(/&[a-z]+;|&#\w+;/g, 'x'))) {
        const face = pick(fonts.faces, top);
        if (face) used.add(face);
      }
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (m[4] || VOID.has(tag)) continue;
    const classes = /\bclass\s*=\s*"([^"]*)"/.exec(m[3])?.[1].split(/\s+/) ?? [];
    let next: State = top;
    for (const r of fonts.rules) {
      if (!r.classes.every((c) => classes.includes(c))) continue;
      next = { family: r.family ?? next.family, weight: r.weight ?? next.weight, style: r.style ?? next.style, hidden: next.hidden };
    }
    if (classes.includes('katex-mathml')) next = { ...next, hidden: true };
    stack.push(next);
  }
  return [...used];
}

function pick(faces: readonly FontFace[], s: State): FontFace | undefined {
  const family = faces.filter((f) => f.family === s.family);
  return (
    family.find((f) => f.weight === s.weight && f.style === s.style) ??
    family.find((f) => f.weight === s.weight) ??
    family.find((f) => f.style === s.style) ??
    family[0]
  );
}

// TeX → standalone SVG with MathJax (mathjax-full 3.2.2), for places where KaTeX's HTML + CSS cannot go:
// editor hovers and completion details show Markdown images only. Same macros as the preview
// (svgMacros.ts); results are cached by (display, macros, TeX) so re-hovering costs a map lookup.

import type { LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { MathDocument } from 'mathjax-full/js/core/MathDocument.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import type { MacroEnv } from './macros';
import { LruCache } from './renderCache';
import { mathJaxMacros } from './svgMacros';

/**
 * Packages left out: `noundefined`/`noerrors` would turn errors into red output (we want the message),
 * `autoload`/`require` load code at run time, `bussproofs` needs a DOM with measurements.
 */
const EXCLUDED = new Set(['noundefined', 'noerrors', 'autoload', 'require', 'bussproofs']);

interface MathJax {
  readonly mathjax: typeof import('mathjax-full/js/mathjax.js').mathjax;
  readonly TeX: typeof import('mathjax-full/js/input/tex.js').TeX;
  readonly SVG: typeof import('mathjax-full/js/output/svg.js').SVG;
  readonly adaptor: LiteAdaptor;
  readonly packages: string[];
}

let loaded: MathJax | undefined;

/**
 * MathJax is required on first use, not when the extension activates: evaluating its modules costs more
 * than the rest of activation, and a writer who never hovers a formula should not pay it. The module
 * names are static, so the bundler still includes them.
 */
function load(): MathJax {
  if (!loaded) {
    const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js') as typeof import('mathjax-full/js/adaptors/liteAdaptor.js');
    const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js') as typeof import('mathjax-full/js/handlers/html.js');
    const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js') as typeof import('mathjax-full/js/input/tex/AllPackages.js');
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    loaded = {
      mathjax: (require('mathjax-full/js/mathjax.js') as typeof import('mathjax-full/js/mathjax.js')).mathjax,
      TeX: (require('mathjax-full/js/input/tex.js') as typeof import('mathjax-full/js/input/tex.js')).TeX,
      SVG: (require('mathjax-full/js/output/svg.js') as typeof import('mathjax-full/js/output/svg.js')).SVG,
      adaptor,
      packages: (AllPackages as string[]).filter((p) => !EXCLUDED.has(p)),
    };
  }
  return loaded;
}

export interface SvgResult {
  /** The `<svg>` element (no color set: its paths use currentColor), sized in px. */
  readonly svg?: string;
  /** MathJax's message when it cannot render the TeX. */
  readonly error?: string;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface SvgOptions {
  /** Pixels per ex: MathJax sizes in ex; 9 px/ex reads like a 14 px editor font's text slightly enlarged. */
  readonly exPx?: number;
}

type Doc = MathDocument<LiteElement, unknown, unknown>;

/** Converts `width="12.3ex"` style sizes to px so an <img> shows the formula at the editor's scale. */
function exToPx(svg: string, exPx: number): { svg: string; widthPx: number; heightPx: number } {
  let widthPx = 0;
  let heightPx = 0;
  const out = svg.replace(/^<svg([^>]*)>/, (open) =>
    open
      .replace(/ width="([\d.]+)ex"/, (_m, w: string) => ` width="${(widthPx = round(Number(w) * exPx))}px"`)
      .replace(/ height="([\d.]+)ex"/, (_m, h: string) => ` height="${(heightPx = round(Number(h) * exPx))}px"`)
      .replace(/ style="vertical-align:[^"]*"/, ''),
  );
  return { svg: out, widthPx, heightPx };
}

const round = (x: number) => Math.round(x * 100) / 100;

export class SvgRenderer {
  private readonly docs = new LruCache<Doc>({ maxEntries: 8, maxWeight: 8 }, () => 1);
  readonly cache = new LruCache<SvgResult>({ maxEntries: 2000, maxWeight: 40_000_000 }, (r) => (r.svg?.length ?? 0) + 64);
  private readonly exPx: number;

  constructor(options: SvgOptions = {}) {
    this.exPx = options.exPx ?? 9;
  }

  /**
   * One MathJax document per macro table. `fontCache: 'none'` writes each glyph's path inline: about half
   * the CPU time of 'local' (which builds <defs>/<use> per formula) for a slightly larger SVG. MathJax
   * reads macros when its TeX input is built, hence one document per table.
   */
  private docFor(env: MacroEnv): Doc {
    let doc = this.docs.get(env.signature);
    if (!doc) {
      const { mathjax, TeX, SVG, packages } = load();
      const tex = new TeX({
        packages,
        macros: mathJaxMacros(env),
        // Throw instead of rendering MathJax's red error box: the caller shows the message.
        formatError: (_jax: unknown, err: Error) => {
          throw err;
        },
      });
      doc = mathjax.document('', { InputJax: tex, OutputJax: new SVG({ fontCache: 'none' }) }) as unknown as Doc;
      this.docs.set(env.signature, doc);
    }
    return doc;
  }

  render(tex: string, display: boolean, env: MacroEnv): SvgResult {
    const key = `${display ? 'D' : 'I'}\u0000${env.signature}\u0000${tex}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let result: SvgResult;
    try {
      const node = this.docFor(env).convert(tex, { display }) as LiteElement;
      const a = load().adaptor;
      const svgNode = a.firstChild(node) as LiteElement;
      result = exToPx(a.outerHTML(svgNode), this.exPx);
    } catch (e) {
      // MathJax throws TexError objects, which carry `message` but are not `Error`s.
      const message = (e as { message?: unknown } | null)?.message;
      result = { error: typeof message === 'string' ? message : String(e), widthPx: 0, heightPx: 0 };
    }
    this.cache.set(key, result);
    return result;
  }
}

/** `color` is any CSS color; an <img> has no inherited text color, so currentColor must be set here. */
export function svgWithColor(svg: string, color: string): string {
  const safe = /^[#\w(),.%\s-]+$/.test(color) ? color : 'black';
  return svg.replace(/^<svg/, `<svg style="color:${safe}"`);
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

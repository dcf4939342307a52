// One self-contained HTML file from a Markdown article: the same plugin, macros and numbering as the
// preview, KaTeX's CSS inlined, and only the font faces the page draws embedded as data: URIs (or written
// beside the HTML with `assets`), so opening it needs no network (MPE #2134, #998: exports without fonts).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { createMarkdownIt } from '../markdown/engine';
import { pizarraMarkdownIt, type CodeOutput } from '../markdown/render';
import { escapeHtml } from '../markdown/renderFormula';
import { FRONT_MATTER, type FrontMatterMeta } from '../markdown/renderFrontMatter';
import { DEFAULT_CONFIG, planOf, type RenderConfig } from '../markdown/renderPlan';
import type { ExportAssets } from './assets';
import { readKatexCss, usedFaces, type FontFace } from './fonts';
import { EXPORT_CSS } from './style';

export type { CodeOutput } from '../markdown/render';

export interface ExportOptions {
  readonly config?: RenderConfig;
  readonly assets: ExportAssets;
  /** Outputs by code block index (the document model's `code[i].index`: every fence, in order). */
  readonly outputs?: ReadonlyMap<number, CodeOutput>;
  /**
   * Write fonts as files instead of data: URIs: `href` is how the HTML refers to the folder (relative to
   * the HTML file); the caller writes `files` there.
   */
  readonly assetsHref?: string;
  /** `<title>` when the front matter has none. */
  readonly fallbackTitle?: string;
}

export interface ExportResult {
  readonly html: string;
  /** Font files to write under the assets folder when `assetsHref` is set: name → bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly errors: readonly string[];
  readonly fonts: readonly string[];
}

/** A plugin instance per config would grow without bound; the export builds one per call (cheap). */
function engine(config: RenderConfig, outputs: ReadonlyMap<number, CodeOutput> | undefined): MarkdownIt {
  return pizarraMarkdownIt(createMarkdownIt(), { config: () => config, outputs: outputs && (() => outputs) });
}

/** The front matter's `title` and `lang`, else the first heading. */
function headOf(tokens: MarkdownIt.Token[], fallback: string): { title: string; lang: string | undefined } {
  const data = (tokens.find((t) => t.type === FRONT_MATTER)?.meta as FrontMatterMeta | undefined)?.data;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const h = tokens.findIndex((t) => t.type === 'heading_open');
  const title = str(data?.get('title')) ?? (h >= 0 ? tokens[h + 1].content : fallback);
  return { title, lang: str(data?.get('lang') ?? data?.get('language')) };
}

function fontCss(faces: readonly FontFace[], fontsDir: string, href: string | undefined, files: Map<string, Uint8Array>): string {
  return faces
    .map((f) => {
      const bytes = readFileSync(path.join(fontsDir, f.file));
      let url: string;
      if (href !== undefined) {
        files.set(f.file, bytes);
        url = `${href.replace(/\/$/, '')}/${f.file}`;
      } else url = `data:font/woff2;base64,${Buffer.from(bytes).toString('base64')}`;
      return `@font-face{font-display:block;font-family:${f.family};font-style:${f.style};font-weight:${f.weight};src:url(${url}) format("woff2")}`;
    })
    .join('\n');
}

export function exportHtml(markdown: string, options: ExportOptions): ExportResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const md = engine(config, options.outputs);
  const env: Record<string, unknown> = {};
  const tokens = md.parse(markdown, env);
  const body = md.renderer.render(tokens, md.options, env);
  const errors = planOf(env)?.errors() ?? [];
  const katexFonts = readKatexCss(options.assets.katexCss);
  const faces = usedFaces(body, katexFonts).sort((a, b) => a.file.localeCompare(b.file));
  const files = new Map<string, Uint8Array>();
  // KaTeX's @font-face rules point at fonts/…; drop them all and declare only the faces used.
  const katexCss = options.assets.katexCss.replace(/@font-face\{[^}]*\}/g, '');
  const { title, lang } = headOf(tokens, options.fallbackTitle ?? 'Article');
  const html = [
    '<!DOCTYPE html>',
    lang ? `<html lang="${escapeHtml(lang)}">` : '<html>',
    '<head>',
    '<meta charset="utf-8">',
    // Markdown allows raw HTML: an exported article from someone else must not run their scripts when
    // opened (VS Code's preview blocks them with its own CSP; the export has no scripts of its own).
    `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Pizarra">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${fontCss(faces, options.assets.fontsDir, options.assetsHref, files)}\n${katexCss}\n${options.assets.previewCss}\n${EXPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<article class="pizarra-article">',
    body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, files, errors, fonts: faces.map((f) => f.file) };
}

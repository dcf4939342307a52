// The files an export needs: KaTeX's CSS and fonts (copied into media/katex by the build, or straight from
// the katex package in a source checkout) and Pizarra's preview stylesheet.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ExportAssets {
  readonly katexCss: string;
  /** Directory holding KaTeX_*.woff2. */
  readonly fontsDir: string;
  readonly previewCss: string;
}

/** `mediaDir` is the extension's media/ folder; falls back to node_modules/katex/dist for KaTeX files. */
export function loadExportAssets(mediaDir: string): ExportAssets {
  const built = path.join(mediaDir, 'katex');
  const candidates = [built, path.join(mediaDir, '..', 'node_modules', 'katex', 'dist')];
  const katexDir = candidates.find((d) => existsSync(path.join(d, 'katex.min.css')));
  if (!katexDir) throw new Error(`KaTeX's CSS is missing from ${built}: run npm run build`);
  return {
    katexCss: readFileSync(path.join(katexDir, 'katex.min.css'), 'utf8'),
    fontsDir: path.join(katexDir, 'fonts'),
    previewCss: readFileSync(path.join(mediaDir, 'preview.css'), 'utf8'),
  };
}

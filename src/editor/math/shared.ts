// What every editor math feature shares: one SVG renderer (its cache outlives documents), the math
// context of a document, ranges, and the Markdown image of a rendered formula in the theme's colors.

import * as vscode from 'vscode';
import { SvgRenderer, svgDataUri, svgWithColor } from '../../latex/svg';
import type { SvgResult } from '../../latex/svg';
import { isMarkdown, modelOf } from '../models';
import { readRenderConfig } from '../preview/settings';
import { mathContextOf, type MathContext } from './context';

export const renderer = new SvgRenderer();

export function contextOf(doc: vscode.TextDocument): MathContext | undefined {
  if (!isMarkdown(doc)) return undefined;
  return mathContextOf(modelOf(doc), readRenderConfig(doc.uri));
}

/** `pizarra.math.hover` / `pizarra.math.completion` (both on by default). */
export function enabled(doc: vscode.TextDocument, feature: 'hover' | 'completion'): boolean {
  return vscode.workspace.getConfiguration('pizarra.math', doc.uri).get<boolean>(feature, true);
}

export function rangeOf(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

/**
 * An <img> has no inherited text color, so the SVG's currentColor is set from the theme kind: hovers
 * use the editor's foreground, which extensions cannot read, so pick one that reads on the theme's background.
 */
export function formulaColor(): string {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light:
      return '#1f1f1f';
    case vscode.ColorThemeKind.HighContrastLight:
      return '#000000';
    case vscode.ColorThemeKind.HighContrast:
      return '#ffffff';
    default:
      return '#d4d4d4';
  }
}

/** `![alt](data:image/svg+xml;base64,…)`; data URIs are among the image sources VS Code's hovers allow. */
export function imageMarkdown(svg: SvgResult, alt: string): string | undefined {
  if (!svg.svg) return undefined;
  const safeAlt = alt.replace(/[[\]\\\n]/g, ' ').slice(0, 60);
  return `![${safeAlt}](${svgDataUri(svgWithColor(svg.svg, formulaColor()))})`;
}

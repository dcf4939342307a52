// Reads the render settings the preview, the export command and (through the same names) the CLI use.

import * as vscode from 'vscode';
import type { Numbering } from '../../latex/labels';
import type { RenderConfig } from '../../markdown/renderPlan';

/** Settings that change rendered output: a change refreshes open previews. */
export const RENDER_SETTINGS = ['pizarra.math.macros', 'pizarra.math.numbering', 'markdown.math.macros'] as const;

export function readRenderConfig(scope?: vscode.ConfigurationScope): RenderConfig {
  const pizarra = vscode.workspace.getConfiguration('pizarra.math', scope);
  const markdown = vscode.workspace.getConfiguration('markdown.math', scope);
  const numbering: Numbering = pizarra.get<string>('numbering') === 'all' ? 'all' : 'none';
  return {
    numbering,
    lang: vscode.env.language.startsWith('es') ? 'es' : 'en',
    macros: { pizarra: pizarra.get<unknown>('macros') ?? {}, vscode: markdown.get<unknown>('macros') ?? {} },
  };
}

// The linter's settings: `pizarra.lint.rules` (rule id → off/hint/info/warning/error) and
// `pizarra.lint.einsteinNotation`, plus the render settings formulas are checked with (same as the preview).

import * as vscode from 'vscode';
import type { Lang, LintOptions, SeveritySetting } from '../../lint/rule';
import { readRenderConfig, RENDER_SETTINGS } from '../preview/settings';

const SEVERITIES = new Set<SeveritySetting>(['off', 'hint', 'info', 'warning', 'error']);

/** Settings whose change re-lints every open document. */
export const LINT_SETTINGS = ['pizarra.lint', ...RENDER_SETTINGS] as const;

/** VS Code's display language, narrowed to the languages the linter speaks. */
export function displayLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function readLintOptions(scope?: vscode.ConfigurationScope): LintOptions {
  const lint = vscode.workspace.getConfiguration('pizarra.lint', scope);
  const rules = new Map<string, SeveritySetting>();
  const raw = lint.get<unknown>('rules');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value as SeveritySetting)) rules.set(id, value as SeveritySetting);
    }
  }
  const render = readRenderConfig(scope);
  return {
    rules,
    einsteinNotation: lint.get<boolean>('einsteinNotation') === true,
    lang: displayLang(),
    macroSources: render.macros,
    numbering: render.numbering,
  };
}

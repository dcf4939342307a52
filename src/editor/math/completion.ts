// Completion inside math: KaTeX's commands (symbols show their glyph in the detail and a rendered preview
// in the documentation), the article's macros (settings, front matter, `\newcommand`), environments with
// their matching `\end`, and labels inside `\eqref{`/`\ref{`. The full list is returned and VS Code filters.

import * as vscode from 'vscode';
import { exampleOf, katexCommands, katexEnvironments, type KatexCommand, type KatexEnvironment } from '../../latex/commands';
import { EMPTY_MACROS, type MacroValue } from '../../latex/macros';
import { definitionText } from '../../latex/svgMacros';
import type { MathContext } from './context';
import { completionContextAt, type CompletionContext } from './completionCore';
import { texForSvg } from './preview';
import { contextOf, enabled, imageMarkdown, rangeOf, renderer } from './shared';

/** What `resolveCompletionItem` renders for an item's documentation. */
const previews = new WeakMap<vscode.CompletionItem, { tex: string; display: boolean; ctx?: MathContext; formula?: number }>();

function commandItem(cmd: KatexCommand, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(cmd.name, cmd.glyph ? vscode.CompletionItemKind.Constant : vscode.CompletionItemKind.Function);
  item.range = range;
  if (cmd.args) {
    const s = new vscode.SnippetString().appendText(cmd.name);
    for (let i = 0; i < cmd.args; i++) s.appendText('{').appendTabstop(i + 1).appendText('}');
    item.insertText = s;
  } else item.insertText = cmd.name;
  item.detail = cmd.glyph ? `${cmd.glyph}   KaTeX` : `${exampleOf(cmd)}   KaTeX`;
  previews.set(item, { tex: exampleOf(cmd), display: false });
  return item;
}

function macroText(value: MacroValue): string {
  return typeof value === 'string' ? value : definitionText(value.tokens);
}

function environmentSnippet(env: KatexEnvironment, display: boolean, withBegin: boolean, closed: boolean): vscode.SnippetString {
  const s = new vscode.SnippetString();
  if (withBegin) s.appendText(`\\begin{${env.name}}`);
  else s.appendText(closed ? env.name : `${env.name}}`);
  if (env.arg) s.appendText('{').appendPlaceholder(env.arg.slice(1, -1)).appendText('}');
  // Display math gets the body on its own line; inside `$…$` a line break would end nothing but looks wrong.
  s.appendText(display ? '\n\t' : ' ');
  s.appendTabstop(0);
  s.appendText(display ? `\n\\end{${env.name}}` : ` \\end{${env.name}}`);
  return s;
}

function environmentItem(env: KatexEnvironment, c: CompletionContext, range: vscode.Range, withBegin: boolean): vscode.CompletionItem {
  const label = withBegin ? `\\begin{${env.name}}` : env.name;
  const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
  item.range = range;
  item.insertText = environmentSnippet(env, c.display, withBegin, c.closed && !withBegin);
  item.detail = `\\begin{${env.name}}${env.arg} … \\end{${env.name}}`;
  if (c.closed && !withBegin) {
    // The `}` after the word is the environment's own: replace it too so it is not doubled.
    item.range = new vscode.Range(range.start, range.end.translate(0, 1));
    item.insertText = environmentSnippet(env, c.display, false, false);
  }
  return item;
}

export class MathCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const ctx = enabled(doc, 'completion') ? contextOf(doc) : undefined;
    if (!ctx) return undefined;
    const offset = doc.offsetAt(position);
    const c = completionContextAt(ctx.model, offset);
    if (!c) return undefined;
    const range = rangeOf(doc, c.start, c.end);
    if (c.kind === 'label') return this.labels(ctx, c, range);
    if (c.kind === 'environment') return katexEnvironments().map((e) => environmentItem(e, c, range, false));
    if (c.kind === 'end') return c.open ? [this.endItem(c.open, c, range)] : [];
    const items = katexCommands().map((cmd) => commandItem(cmd, range));
    const macros = (ctx.after ?? EMPTY_MACROS).macros;
    for (const [name, value] of macros) {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Variable);
      item.range = range;
      item.insertText = name;
      item.detail = `${macroText(value)}   ${vscode.l10n.t('macro')}`;
      // Sort the article's own vocabulary before KaTeX's thousand commands.
      item.sortText = `0${name}`;
      previews.set(item, { tex: name, display: false, ctx });
      items.push(item);
    }
    for (const e of katexEnvironments()) items.push(environmentItem(e, c, range, true));
    return items;
  }

  /** `\end{` offers the environment that is still open, so the pair always matches. */
  private endItem(name: string, c: CompletionContext, range: vscode.Range): vscode.CompletionItem {
    const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Snippet);
    item.range = c.closed ? new vscode.Range(range.start, range.end.translate(0, 1)) : range;
    item.insertText = `${name}}`;
    item.detail = `\\end{${name}}`;
    item.preselect = true;
    return item;
  }

  private labels(ctx: MathContext, c: CompletionContext, range: vscode.Range): vscode.CompletionItem[] {
    const items: vscode.CompletionItem[] = [];
    for (const [name, def] of ctx.labels.labels) {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Reference);
      item.range = range;
      item.insertText = c.closed ? name : `${name}}`;
      const line = ctx.model.math[def.formula].range.start.line + 1;
      item.detail = def.number !== undefined ? vscode.l10n.t('Equation ({0}), line {1}', def.number, line) : vscode.l10n.t('Unnumbered equation, line {0}', line);
      previews.set(item, { tex: '', display: true, ctx, formula: def.formula });
      items.push(item);
    }
    return items;
  }

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const p = previews.get(item);
    if (!p) return item;
    const ctx = p.ctx;
    const svg =
      p.formula !== undefined && ctx
        ? renderer.render(texForSvg(ctx, p.formula), ctx.model.math[p.formula].display, ctx.envs[p.formula])
        : renderer.render(p.tex, p.display, ctx?.after ?? EMPTY_MACROS);
    const image = imageMarkdown(svg, typeof item.label === 'string' ? item.label : item.label.label);
    if (image) item.documentation = new vscode.MarkdownString(image);
    return item;
  }
}

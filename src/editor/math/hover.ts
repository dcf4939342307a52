// Hovering a formula shows it rendered (MathJax SVG with the article's macros) and KaTeX's error when the
// preview cannot render it; hovering `\eqref{x}`/`\ref{x}` shows the referenced equation.

import * as vscode from 'vscode';
import { hoverAt, type FormulaPreview } from './preview';
import { contextOf, enabled, imageMarkdown, rangeOf, renderer } from './shared';

export function formulaMarkdown(p: FormulaPreview, md: vscode.MarkdownString): void {
  if (p.katexError) {
    md.appendMarkdown(`$(error) ${vscode.l10n.t('KaTeX cannot render this formula:')}\n\n`);
    md.appendCodeblock(p.katexError, 'text');
    return;
  }
  const image = imageMarkdown(p.svg, p.span.tex);
  if (image) md.appendMarkdown(image);
  else if (p.svg.error) {
    // KaTeX accepts it but MathJax does not (a KaTeX-only command): say so rather than show nothing.
    md.appendMarkdown(vscode.l10n.t('No preview: MathJax says "{0}". The Markdown preview renders it with KaTeX.', p.svg.error));
  }
  if (p.numbers.length > 0) md.appendMarkdown(`\n\n(${p.numbers.join('), (')})`);
}

export class MathHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const ctx = enabled(doc, 'hover') ? contextOf(doc) : undefined;
    if (!ctx) return undefined;
    const info = hoverAt(ctx, doc.offsetAt(position), renderer);
    if (!info) return undefined;
    const md = new vscode.MarkdownString('', true);
    if (info.ref) {
      const { name, label } = info.ref;
      if (!label) {
        md.appendMarkdown(vscode.l10n.t('No formula has \\label{{0}}.', name.name));
      } else {
        const line = ctx.model.math[label.formula].range.start.line + 1;
        md.appendMarkdown(
          label.number !== undefined
            ? vscode.l10n.t('Equation ({0}), line {1}', label.number, line)
            : vscode.l10n.t('Unnumbered equation, line {0}', line),
        );
        md.appendMarkdown('\n\n');
      }
    }
    if (info.formula) formulaMarkdown(info.formula, md);
    return new vscode.Hover(md, rangeOf(doc, info.start, info.end));
  }
}

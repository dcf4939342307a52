// Label navigation: go to definition from `\eqref{x}`/`\ref{x}` (in math or prose) to `\label{x}`, find
// references, rename a label everywhere in the article, and list labelled equations as document symbols
// so they appear in the outline and in "Go to Symbol".

import * as vscode from 'vscode';
import { labelLocation, nameAt, occurrences } from './locate';
import { contextOf, rangeOf } from './shared';

export class LabelDefinitionProvider implements vscode.DefinitionProvider {
  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const ctx = contextOf(doc);
    if (!ctx) return undefined;
    const at = nameAt(ctx, doc.offsetAt(position));
    if (!at) return undefined;
    const def = ctx.labels.labels.get(at.name);
    if (!def) return undefined;
    const loc = labelLocation(ctx, def);
    return [new vscode.Location(doc.uri, rangeOf(doc, loc.nameStart, loc.nameEnd))];
  }
}

export class LabelReferenceProvider implements vscode.ReferenceProvider {
  provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const ctx = contextOf(doc);
    if (!ctx) return undefined;
    const at = nameAt(ctx, doc.offsetAt(position));
    if (!at) return undefined;
    return occurrences(ctx, at.name)
      .filter((o) => context.includeDeclaration || o.kind !== 'label')
      .map((o) => new vscode.Location(doc.uri, rangeOf(doc, o.nameStart, o.nameEnd)));
  }
}

export class LabelRenameProvider implements vscode.RenameProvider {
  prepareRename(doc: vscode.TextDocument, position: vscode.Position): vscode.Range | { range: vscode.Range; placeholder: string } {
    const ctx = contextOf(doc);
    const at = ctx && nameAt(ctx, doc.offsetAt(position));
    if (!at) throw new Error(vscode.l10n.t('Place the cursor on a \\label, \\eqref or \\ref name to rename it.'));
    return { range: rangeOf(doc, at.nameStart, at.nameEnd), placeholder: at.name };
  }

  provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit | undefined {
    const ctx = contextOf(doc);
    const at = ctx && nameAt(ctx, doc.offsetAt(position));
    if (!ctx || !at) return undefined;
    const name = newName.trim();
    // Label names are read up to the first brace (labels.ts); braces or a newline would cut the name.
    if (name === '' || /[{}\n%\\]/.test(name)) throw new Error(vscode.l10n.t('A label name cannot be empty or contain braces, %, \\ or line breaks.'));
    if (name !== at.name && ctx.labels.labels.has(name)) throw new Error(vscode.l10n.t('The label {0} already exists.', name));
    const edit = new vscode.WorkspaceEdit();
    for (const o of occurrences(ctx, at.name)) edit.replace(doc.uri, rangeOf(doc, o.nameStart, o.nameEnd), name);
    return edit;
  }
}

export class LabelSymbolProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const ctx = contextOf(doc);
    if (!ctx) return undefined;
    const out: vscode.DocumentSymbol[] = [];
    for (const f of ctx.labels.formulas) {
      for (const def of f.labels) {
        const loc = labelLocation(ctx, def);
        const span = ctx.model.math[def.formula];
        const range = rangeOf(doc, span.range.start.offset, span.range.end.offset);
        const detail = def.number !== undefined ? `(${def.number})` : '';
        out.push(new vscode.DocumentSymbol(def.name, detail, vscode.SymbolKind.Constant, range, rangeOf(doc, loc.nameStart, loc.nameEnd)));
      }
    }
    return out;
  }
}

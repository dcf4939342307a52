// The latest output of each block, by the document model's code block index, for the Markdown preview
// (read by the preview plugin through `outputs` of src/markdown/render.ts); the preview is refreshed
// when a run ends.

import * as vscode from 'vscode';
import type { CodeOutput } from '../../markdown/render';
import { modelOf } from '../models';
import { outputText } from './present';
import type { BlockRecord } from './records';
import type { SessionLimits } from '../../sandbox/protocol';

class PreviewOutputs {
  private readonly byDoc = new Map<string, Map<number, CodeOutput>>();

  /** `refresh` re-renders open previews (after a run; edits re-render them anyway). */
  update(doc: vscode.TextDocument, records: readonly BlockRecord[], limits: SessionLimits, refresh = true): void {
    const code = modelOf(doc).code;
    const outputs = new Map<number, CodeOutput>();
    for (const r of records) {
      if (r.state !== 'done' || !r.result || r.result.status === 'cancelled') continue;
      const block = code.find((c) => c.fenceLine === r.fenceLine);
      const text = outputText(r.result, limits);
      if (block && text) outputs.set(block.index, { text, error: r.result.status !== 'ok' });
    }
    this.byDoc.set(doc.uri.toString(), outputs);
    if (refresh) void vscode.commands.executeCommand('markdown.preview.refresh');
  }

  forget(doc: vscode.TextDocument): void {
    this.byDoc.delete(doc.uri.toString());
  }

  /**
   * Outputs of the document being previewed. VS Code's preview does not tell plugins which document it
   * renders, so this is the active editor's (or the only document with outputs).
   */
  current(): ReadonlyMap<number, CodeOutput> | undefined {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (active && this.byDoc.has(active)) return this.byDoc.get(active);
    return this.byDoc.size === 1 ? [...this.byDoc.values()][0] : undefined;
  }
}

export const previewOutputs = new PreviewOutputs();

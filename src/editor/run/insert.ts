// "Insert Outputs into Document": one WorkspaceEdit (one undo step) that writes or replaces the generated
// output block after every block this session ran. Positions come from the records, which followed every
// edit made while blocks ran, and are checked against the document as it is at this moment.

import * as vscode from 'vscode';
import { runnableBlocks } from '../../sandbox/blocks';
import { modelOf } from '../models';
import { insertOutputsPlan, type BlockOutput } from './insertPlan';
import { outputText } from './present';
import type { BlockRecords } from './records';
import type { SessionLimits } from '../../sandbox/protocol';

export async function insertOutputs(doc: vscode.TextDocument, records: BlockRecords | undefined, limits: SessionLimits): Promise<boolean> {
  const model = modelOf(doc);
  // Records move with edits as they happen; matching them with the blocks now settles the rest.
  records?.revalidate(runnableBlocks(model.code));
  const outputs: BlockOutput[] = [];
  for (const r of records?.all() ?? []) {
    if (r.state !== 'done' || !r.result || r.result.status === 'cancelled') continue;
    outputs.push({ fenceLine: r.fenceLine, endLine: r.endLine, text: outputText(r.result, limits) });
  }
  if (outputs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No outputs to insert: run the blocks first.'));
    return false;
  }
  const edits = insertOutputsPlan(model, outputs);
  if (edits.length === 0) return true;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return vscode.workspace.applyEdit(edit);
}

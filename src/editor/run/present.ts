// How a block's run reads in the editor: the line after the closing fence, the hover, the text that
// "Insert Outputs" writes and the preview shows. UI words go through vscode.l10n (Spanish in l10n/).

import * as vscode from 'vscode';
import { resultText } from '../../sandbox/outcomes';
import type { RunResult, SessionLimits } from '../../sandbox/protocol';
import type { BlockRecord } from './records';

const MAX_INLINE = 80;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The limit messages of src/sandbox/outcomes.ts, in the UI's language. */
function limitMessage(r: RunResult, limits: SessionLimits): string | undefined {
  const kept = vscode.l10n.t("The session's variables are kept.");
  const lost = vscode.l10n.t('Its variables were lost; the next run starts a new session.');
  switch (r.status) {
    case 'interrupted':
      return `${vscode.l10n.t('Stopped.')} ${kept}`;
    case 'timeout':
      return `${vscode.l10n.t('Stopped after {0} s (time limit, setting pizarra.run.timeoutSeconds).', limits.timeoutSeconds)} ${kept}`;
    case 'cancelled':
      return vscode.l10n.t('Not run: stopped before its turn came.');
    case 'lost':
      if (r.lostReason === 'restarted') return vscode.l10n.t('The session was restarted; its variables were cleared.');
      if (r.lostReason === 'memory') return `MemoryError: ${vscode.l10n.t('the session used more than {0} MB (memory limit, setting pizarra.run.memoryMB) and was ended.', limits.memoryMB)} ${lost}`;
      if (r.lostReason === 'unresponsive') return `${vscode.l10n.t('The session did not answer and was ended.')} ${lost}`;
      return `${vscode.l10n.t('The session ended unexpectedly.')} ${lost}`;
    default:
      return r.message; // the prelude's note on an error
  }
}

/** What "Insert Outputs" writes, the hover and the preview show (src/sandbox/outcomes.ts), in the UI's language. */
export function outputText(r: RunResult, limits: SessionLimits): string {
  const truncation = vscode.l10n.t('[output truncated after {0} KB (setting pizarra.run.outputLimitKB)]', Math.round(limits.outputLimitChars / 1024));
  return resultText(r, limits, { truncation, message: limitMessage(r, limits) });
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > MAX_INLINE ? line.slice(0, MAX_INLINE - 1) + '…' : line;
}

export function statusMark(result: RunResult): string {
  return result.status === 'ok' ? '✓' : result.status === 'interrupted' || result.status === 'cancelled' ? '■' : '✗';
}

/** The decoration's text after the closing fence. */
export function inlineSummary(record: BlockRecord): string {
  if (record.state === 'queued') return vscode.l10n.t('… queued');
  if (record.state === 'running') {
    const last = record.partial.trimEnd().split('\n').pop() ?? '';
    return last ? `⏳ ${vscode.l10n.t('running')} · ${firstLine(last)}` : `⏳ ${vscode.l10n.t('running')}`;
  }
  const r = record.result;
  if (!r) return '';
  const what =
    r.status === 'error' && r.error ? r.error.summary
    : r.status === 'ok' ? firstLine(r.output)
    : r.status === 'timeout' ? vscode.l10n.t('stopped at the time limit')
    : r.status === 'interrupted' ? vscode.l10n.t('stopped')
    : r.status === 'lost' ? vscode.l10n.t('session lost')
    : vscode.l10n.t('not run');
  const parts = [`${statusMark(r)} ${formatDuration(r.durationMs)}`];
  if (what) parts.push(firstLine(what));
  if (record.stale) parts.push(vscode.l10n.t('stale: edited since this run'));
  return parts.join(' · ');
}

/** The hover over the closing fence: the whole output and traceback. */
export function hoverMarkdown(record: BlockRecord, limits: SessionLimits): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const r = record.result;
  if (record.state !== 'done' || !r) {
    md.appendText(record.state === 'queued' ? vscode.l10n.t('Queued') : vscode.l10n.t('Running…'));
    if (record.partial) md.appendCodeblock(record.partial, 'text');
    return md;
  }
  md.appendMarkdown(`**${statusMark(r)} ${formatDuration(r.durationMs)}**`);
  if (record.stale) md.appendMarkdown(` — ${vscode.l10n.t('the block was edited after this run')}`);
  md.appendMarkdown('\n\n');
  md.appendCodeblock(outputText(r, limits) || vscode.l10n.t('(no output)'), 'text');
  return md;
}

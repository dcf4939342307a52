// The formula linter in a real VS Code: diagnostics on a fixture article (code = rule id linking to the
// rule's docs, severities, suppression comments honoured), a quick fix applied as one undo step, and the
// per-rule severity setting taking effect.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openMarkdown, waitFor, workspaceFile } from './helpers';

const FILE = 'lint.md';
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const lintDiagnostics = (uri: vscode.Uri, rule?: string) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pizarra' && (rule === undefined || codeOf(d) === rule));

describe('lint', () => {
  const uri = workspaceFile(FILE);

  after(async () => {
    await vscode.workspace.getConfiguration('pizarra.lint').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports the fixture article’s findings with rule codes linking to the docs', async () => {
    await openMarkdown(FILE);
    const diags = await waitFor('lint diagnostics', () => {
      const d = lintDiagnostics(uri).filter((x) => ['conditional-bar', 'unbraced-script', 'katex-error'].includes(codeOf(x)));
      return d.length >= 3 ? d : undefined;
    });
    const byRule = new Map(diags.map((d) => [codeOf(d), d]));
    const bar = byRule.get('conditional-bar')!;
    assert.equal(bar.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual([bar.range.start.line, bar.range.start.character, bar.range.end.character], [2, 31, 32]);
    const target = (bar.code as { target: vscode.Uri }).target;
    assert.match(target.path, /docs\/rules\/conditional-bar\.md$/);
    assert.equal(byRule.get('unbraced-script')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byRule.get('katex-error')!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(byRule.get('katex-error')!.message, /Undefined control sequence: \\softmax/);
    // The suppressed L(D|M) on line 8 is not reported.
    assert.deepEqual(lintDiagnostics(uri, 'conditional-bar').map((d) => d.range.start.line), [2]);
  });

  it('applies a quick fix as one edit that one undo reverts', async () => {
    const editor = await openMarkdown(FILE);
    const original = editor.document.getText();
    const diag = await waitFor('unbraced-script', () => lintDiagnostics(uri, 'unbraced-script')[0]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const wrap = actions.find((a) => a.title === 'Wrap the script in {}');
    assert.ok(wrap?.edit, `quick fix offered (got: ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(wrap.edit));
    assert.match(editor.document.getText(), /the decay is \$e\^\{-x\}\$/);
    await waitFor('unbraced-script gone', () => (lintDiagnostics(uri, 'unbraced-script').length === 0 ? true : undefined));
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo restores the text', () => (editor.document.getText() === original ? true : undefined));
  });

  it('honours pizarra.lint.rules', async () => {
    await openMarkdown(FILE);
    await waitFor('conditional-bar', () => lintDiagnostics(uri, 'conditional-bar')[0]);
    await vscode.workspace.getConfiguration('pizarra.lint').update('rules', { 'conditional-bar': 'off', 'katex-error': 'warning' }, vscode.ConfigurationTarget.Global);
    await waitFor('conditional-bar off', () => (lintDiagnostics(uri, 'conditional-bar').length === 0 ? true : undefined));
    const katex = await waitFor('katex-error as warning', () => lintDiagnostics(uri, 'katex-error').find((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.ok(katex);
  });
});

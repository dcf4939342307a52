// `pizarra lint FILES… [--format text|json|sarif] [--lang en|es]`: the formula linter over Markdown
// articles, with the same engine and rules as the editor. Exit 1 when a finding is a warning or worse.

import type { ParsedOptions } from './args';
import { CliError, type CliIO, type Command } from './command';
import { readInput } from './files';
import { formatJson, formatSarif, formatText, type FileResult } from './lintFormat';
import { Linter } from '../lint/engine';
import { RULES } from '../lint/registry';
import type { Lang } from '../lint/rule';
import { buildModel } from '../markdown/model';

const VERSION = '0.1.0';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check the formulas of Markdown articles',
  usage: 'FILE.md… [--format text|json|sarif] [--lang en|es]',
  options: [
    { name: 'format', kind: 'string', value: 'FORMAT', choices: ['text', 'json', 'sarif'], description: 'Output format (default text)' },
    { name: 'lang', kind: 'string', value: 'LANG', choices: ['en', 'es'], description: 'Language of the messages (default en)' },
    { name: 'einstein', kind: 'boolean', description: 'Einstein notation: repeated indices are sums (turns implicit-sum off)' },
  ],
  details: [
    'Rules: ' + RULES.map((r) => r.id).join(', ') + '.',
    'Silence a finding with <!-- pizarra-disable-next-line RULE --> on the line before, or a whole file with',
    '<!-- pizarra-disable RULE -->. Docs for each rule: docs/rules/RULE.md.',
    'Exit codes: 0 nothing at warning or above, 1 findings at warning or above, 2 usage error.',
  ].join('\n'),
  async run(positional: string[], options: ParsedOptions, io: CliIO) {
    if (positional.length === 0) throw new CliError('expected at least one Markdown file');
    const lang = (options.get('lang') as Lang | undefined) ?? 'en';
    const format = (options.get('format') as string | undefined) ?? 'text';
    const linter = new Linter();
    const results: FileResult[] = positional.map((file) => {
      const input = readInput(file, io.cwd);
      const diagnostics = linter.lint(buildModel(input.text), { lang, einsteinNotation: options.get('einstein') === true });
      return { file, absolute: input.path, diagnostics };
    });
    const out =
      format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, RULES, lang, VERSION, io.cwd) : formatText(results);
    io.stdout(out);
    const failing = results.some((r) => r.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'));
    return failing ? 1 : 0;
  },
};

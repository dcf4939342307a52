// `pizarra render FILE.md [-o OUT.html] [--assets DIR] [--numbering none|all]`: the article as one
// self-contained HTML file, rendered exactly like the preview — same plugin, and the same settings, read
// from the nearest .vscode/settings.json (`pizarra.math.macros`, `markdown.math.macros`,
// `pizarra.math.numbering`) so the CLI, CI and the editor agree.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedOptions } from './args';
import { CliError, type CliIO, type Command } from './command';
import { readInput } from './files';
import { articleOutputs, displayName, runOptions } from './run';
import { loadExportAssets } from '../export/assets';
import { exportHtml } from '../export/html';
import type { Numbering } from '../latex/labels';
import type { RenderConfig } from '../markdown/renderPlan';

/** JSON with comments and trailing commas, as VS Code writes settings.json. */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** The render settings of the nearest `.vscode/settings.json` above `dir`, if any. */
export function workspaceRenderConfig(dir: string): { config: RenderConfig; source: string | undefined } {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, '.vscode', 'settings.json');
    if (existsSync(file)) {
      let s: Record<string, unknown>;
      try {
        s = parseJsonc(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch (e) {
        throw new CliError(`cannot read '${file}': ${(e as Error).message}`);
      }
      const numbering: Numbering = s['pizarra.math.numbering'] === 'all' ? 'all' : 'none';
      return { config: { numbering, macros: { pizarra: s['pizarra.math.macros'], vscode: s['markdown.math.macros'] } }, source: file };
    }
    if (path.dirname(d) === d) return { config: { numbering: 'none', macros: {} }, source: undefined };
  }
}

/** out/cli.js sits in out/; media/ is its sibling. From source (tsx), src/cli → ../../media. */
function mediaDir(): string {
  const candidates = [path.join(__dirname, '..', 'media'), path.join(__dirname, '..', '..', 'media')];
  return candidates.find((d) => existsSync(path.join(d, 'preview.css'))) ?? candidates[0];
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'Render a Markdown article to self-contained HTML',
  usage: 'FILE.md [-o OUT.html] [--assets DIR] [--numbering none|all] [--run]',
  options: [
    { name: 'output', short: 'o', kind: 'string', value: 'OUT.html', description: 'Where to write the HTML (default: FILE.html beside FILE.md; - for stdout)' },
    { name: 'assets', kind: 'string', value: 'DIR', description: 'Write the fonts the page uses into DIR instead of embedding them' },
    { name: 'lang', kind: 'string', value: 'LANG', choices: ['en', 'es'], description: "Language of Pizarra's own notes in the page (default en)" },
    { name: 'numbering', kind: 'string', value: 'MODE', choices: ['none', 'all'], description: 'Equation numbering (default: pizarra.math.numbering, else none)' },
    { name: 'run', kind: 'boolean', description: 'Run the python blocks (sandboxed, like pizarra run) and put each output under its block' },
    ...runOptions,
  ],
  details: 'Macros and numbering come from the nearest .vscode/settings.json, as in the editor.\nExit codes: 0 written, 1 written but some formulas have KaTeX errors (or, with --run, a block failed), 2 usage error.',
  async run(positional: string[], options: ParsedOptions, io: CliIO) {
    if (positional.length !== 1) throw new CliError('expected one Markdown file');
    const input = readInput(positional[0], io.cwd);
    const { config: fromSettings } = workspaceRenderConfig(path.dirname(input.path));
    const numbering = (options.get('numbering') as Numbering | undefined) ?? fromSettings.numbering;
    const outArg = options.get('output') as string | undefined;
    const out = outArg === '-' ? undefined : path.resolve(io.cwd, outArg ?? input.path.replace(/\.(md|markdown)$/i, '') + '.html');
    const assetsArg = options.get('assets') as string | undefined;
    const assetsDir = assetsArg === undefined ? undefined : path.resolve(io.cwd, assetsArg);
    if (assetsDir && !out) throw new CliError("--assets needs -o FILE: the HTML refers to the fonts relative to where it is written");
    const assetsHref = assetsDir && out ? path.relative(path.dirname(out), assetsDir).split(path.sep).join('/') || '.' : undefined;
    let assets;
    try {
      assets = loadExportAssets(mediaDir());
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    const ran = options.get('run') === true ? await articleOutputs(input.text, displayName(positional[0], input.path, io.cwd), options) : undefined;
    const result = exportHtml(input.text, {
      config: { ...fromSettings, numbering, lang: (options.get('lang') as 'en' | 'es' | undefined) ?? 'en' },
      outputs: ran?.outputs,
      assets,
      assetsHref,
      fallbackTitle: path.basename(input.path).replace(/\.(md|markdown)$/i, ''),
    });
    if (!out) io.stdout(result.html);
    else {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, result.html);
      if (assetsDir) {
        mkdirSync(assetsDir, { recursive: true });
        for (const [name, bytes] of result.files) writeFileSync(path.join(assetsDir, name), bytes);
      }
      io.stderr(`wrote ${path.relative(io.cwd, out) || out} (${result.fonts.length} font faces${assetsDir ? ` in ${path.relative(io.cwd, assetsDir) || '.'}` : ' embedded'})\n`);
    }
    for (const e of result.errors) io.stderr(`KaTeX error: ${e}\n`);
    if (ran && !ran.complete) io.stderr('some python blocks failed: their tracebacks are in the page (pizarra run shows them too)\n');
    return result.errors.length > 0 || (ran && !ran.complete) ? 1 : 0;
  },
};

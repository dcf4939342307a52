// The TextMate grammars (syntaxes/): the scope assertions in test/fixtures/grammar/*.md pass under
// vscode-tmgrammar-test (the same run as `npm run test:grammar`), and on whole articles the grammar
// colours as math exactly the TeX the document model (and so the preview) calls math.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';
import { buildModel } from '../../../src/markdown/model';

const root = path.join(__dirname, '../../..');
const grammars = path.join(root, 'node_modules/tm-grammars/grammars');
const FILES = new Map<string, string>([
  ['text.html.markdown', path.join(grammars, 'markdown.json')],
  ['text.tex', path.join(grammars, 'tex.json')],
  ['source.yaml', path.join(grammars, 'yaml.json')],
  ['markdown.pizarra.math', path.join(root, 'syntaxes/pizarra-math.tmLanguage.json')],
  ['markdown.pizarra.output', path.join(root, 'syntaxes/pizarra-output.tmLanguage.json')],
]);

async function markdownGrammar(): Promise<tm.IGrammar> {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file = FILES.get(scope);
      return file ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['markdown.pizarra.math', 'markdown.pizarra.output'] : []),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

/** Offsets whose token is TeX content (meta.embedded.math.markdown), one string per line as `line:col-col`. */
function embeddedRuns(grammar: tm.IGrammar, text: string): string[] {
  const runs: string[] = [];
  let stack = tm.INITIAL;
  text.split('\n').forEach((line, n) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    for (const t of r.tokens) {
      if (t.scopes.includes('meta.embedded.math.markdown') && t.endIndex > t.startIndex) runs.push(`${n}:${t.startIndex}-${Math.min(t.endIndex, line.length)}`);
    }
  });
  return mergeRuns(runs);
}

function mergeRuns(runs: string[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    const [line, span] = r.split(':');
    const [s, e] = span.split('-').map(Number);
    const last = out[out.length - 1];
    if (last?.startsWith(`${line}:`) && Number(last.split('-')[1]) === s) out[out.length - 1] = `${line}:${last.split(':')[1].split('-')[0]}-${e}`;
    else if (e > s) out.push(`${line}:${s}-${e}`);
  }
  return out;
}

/** The same runs from the document model: each formula's content, cut at line ends, blank runs dropped. */
function modelRuns(text: string): string[] {
  const model = buildModel(text);
  const runs: string[] = [];
  for (const span of model.math) {
    const { start, end } = span.contentRange;
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : model.index.lineText(line).length;
      // The grammar does not scope a blockquote's `> ` prefix as math; the model's runs skip it too.
      const prefix = line === start.line ? 0 : (/^(\s*>\s?)*/.exec(model.index.lineText(line))?.[0].length ?? 0);
      if (to > Math.max(from, prefix)) runs.push(`${line}:${Math.max(from, prefix)}-${to}`);
    }
  }
  return mergeRuns(runs);
}

describe('math grammars', function () {
  this.timeout(60_000);

  it('pass the scope assertions of every fixture (vscode-tmgrammar-test)', () => {
    const fixtures = readdirSync(path.join(root, 'test/fixtures/grammar')).filter((f) => f.endsWith('.md'));
    assert.ok(fixtures.length >= 3);
    const bin = path.join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
    const g = (name: string) => ['-g', path.join(grammars, `${name}.json`)];
    // Throws (failing the test with the runner's report) when an assertion fails.
    const out = execFileSync(process.execPath, [bin, ...g('markdown'), ...g('tex'), ...g('yaml'), 'test/fixtures/grammar/*.md'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    for (const f of fixtures) assert.match(out, new RegExp(`✓ test/fixtures/grammar/${f.replace('.', '\\.')}`));
  });

  it('colour as math exactly what the document model calls math, on whole articles', async () => {
    const grammar = await markdownGrammar();
    const articles = [
      readFileSync(path.join(root, 'examples/matematicas-del-aprendizaje-profundo.md'), 'utf8'),
      readFileSync(path.join(root, 'test/fixtures/math/labels.md'), 'utf8'),
      // The fixtures' sources without their header and assertion lines.
      ...readdirSync(path.join(root, 'test/fixtures/grammar')).map((f) =>
        readFileSync(path.join(root, 'test/fixtures/grammar', f), 'utf8').split('\n').slice(1).filter((l) => !/^<!--\s*(\^|<[~-])/.test(l)).join('\n'),
      ),
    ];
    for (const text of articles) assert.deepEqual(embeddedRuns(grammar, text), modelRuns(text), text.slice(0, 60));
  });
});

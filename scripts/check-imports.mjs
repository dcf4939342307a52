// The import-boundary check: pure cores never import `vscode`, and layers only import the layers below
// them (ARCHITECTURE.md lists the same table). Run as `npm run lint`; test/unit/architecture.test.ts runs
// it too, and also proves it catches a violation.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which layers each layer may import. Root files (extension.ts, cli.ts) are entry points: any layer. */
export const allowed = {
  common: [],
  latex: ['common'],
  markdown: ['common', 'latex'],
  lint: ['common', 'latex', 'markdown'],
  tensor: ['common'],
  python: ['common'],
  sandbox: ['common', 'python', 'tensor'],
  export: ['common', 'latex', 'markdown'],
  cli: ['common', 'latex', 'markdown', 'lint', 'tensor', 'python', 'sandbox', 'export'],
  editor: ['common', 'latex', 'markdown', 'lint', 'tensor', 'python', 'sandbox', 'export'],
  preview: ['common'],
};
/** Only these may import the `vscode` module. */
const vscodeLayers = new Set(['editor', '.']);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

const importRe = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function layerOf(srcDir, file) {
  const rel = path.relative(srcDir, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0];
}

/** Returns a list of human-readable violations under `srcDir`. */
export function checkImports(srcDir) {
  const problems = [];
  for (const file of walk(srcDir)) {
    const from = layerOf(srcDir, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const line = text.slice(0, m.index).split('\n').length + (text[m.index] === '\n' ? 1 : 0);
      const where = `${path.relative(path.dirname(srcDir), file)}:${line}`;
      if (spec === 'vscode') {
        if (!vscodeLayers.has(from)) problems.push(`${where}: '${from}' is a pure layer and must not import 'vscode'`);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(srcDir + path.sep)) continue;
      // '../tensor' names a folder (its index.ts); '../tensor/ndarray' a file.
      const targetFile = existsSync(target) && statSync(target).isDirectory() ? path.join(target, 'index.ts') : target.endsWith('.ts') ? target : target + '.ts';
      const to = layerOf(srcDir, targetFile);
      if (to === from || from === '.') continue;
      if (to === '.') { problems.push(`${where}: '${from}' must not import the entry point '${spec}'`); continue; }
      const ok = allowed[from];
      if (!ok) { problems.push(`${where}: layer '${from}' is not in the layer table (scripts/check-imports.mjs)`); continue; }
      if (!ok.includes(to)) problems.push(`${where}: '${from}' must not import '${to}' ('${spec}')`);
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = checkImports(src);
  if (problems.length) {
    console.error(`import boundaries: ${problems.length} violation(s)\n` + problems.map((p) => '  ' + p).join('\n'));
    process.exit(1);
  }
  console.log('import boundaries: ok');
}

// Build: one esbuild bundle per runtime (extension host, CLI, sandbox worker, preview script, tests),
// plus KaTeX's CSS and fonts copied into media/ so the preview and exports work offline.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
// `--production` (used by `npm run package`): minified, no source maps.
const production = process.argv.includes('--production');
const at = (p) => path.join(root, p);

/** Node bundles: the extension host, the CLI and the sandbox worker all run on Node. */
const nodeEntries = [
  { in: 'src/extension.ts', out: 'out/extension.js' },
  { in: 'src/cli.ts', out: 'out/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/sandbox/worker.ts', out: 'out/worker.js' },
].filter((e) => existsSync(at(e.in)));

/** Integration suites run inside VS Code's extension host, compiled to CommonJS (see test/integration/README.md). */
function integrationEntries() {
  const dir = at('test/integration/suite');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ in: `test/integration/suite/${f}`, out: `out/test/integration/${f.replace(/\.ts$/, '.js')}` }));
}

function copyKatexAssets() {
  const dist = path.dirname(createRequireResolve('katex/dist/katex.min.css'));
  const dest = at('media/katex');
  mkdirSync(path.join(dest, 'fonts'), { recursive: true });
  cpSync(path.join(dist, 'katex.min.css'), path.join(dest, 'katex.min.css'));
  for (const f of readdirSync(path.join(dist, 'fonts'))) {
    if (f.endsWith('.woff2')) cpSync(path.join(dist, 'fonts', f), path.join(dest, 'fonts', f));
  }
}

function createRequireResolve(spec) {
  const p = path.join(root, 'node_modules', spec);
  if (!existsSync(p) || !statSync(p).isFile()) throw new Error(`missing ${spec}: run npm install`);
  return p;
}

const common = { bundle: true, sourcemap: production ? false : 'linked', minify: production, logLevel: 'warning', target: 'node20', legalComments: 'none' };

const contexts = [];
for (const e of [...nodeEntries, ...integrationEntries()]) {
  contexts.push(await esbuild.context({
    ...common,
    entryPoints: [at(e.in)],
    outfile: at(e.out),
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha', 'playwright-core', 'esbuild'],
    banner: e.banner ? { js: e.banner } : undefined,
  }));
}
if (existsSync(at('src/preview/index.ts'))) {
  contexts.push(await esbuild.context({
    ...common,
    entryPoints: [at('src/preview/index.ts')],
    outfile: at('media/preview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
  }));
}

copyKatexAssets();
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

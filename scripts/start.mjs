// `npm start`: the main job on the bundled example article, through the real CLI — render it to HTML with
// its code outputs, run its python blocks, lint its formulas — then say where the HTML is and summarize.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const article = process.argv[2] ?? 'examples/matematicas-del-aprendizaje-profundo.md';
const html = article.replace(/\.md$/, '.html');
const cli = path.join(root, 'out', 'cli.js');

const steps = [
  { what: 'render', args: ['render', article, '-o', html, '--run'] },
  { what: 'run', args: ['run', article] },
  { what: 'lint', args: ['lint', article] },
];

const results = [];
for (const step of steps) {
  console.log(`\n$ pizarra ${step.args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...step.args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const pending = /is not built yet/.test(r.stderr);
  results.push({ ...step, status: r.status, pending });
}

console.log('\n── Pizarra on ' + article + ' ──');
for (const r of results) {
  const state = r.pending ? 'not built yet' : r.status === 0 ? 'ok' : r.status === 1 ? 'findings (see above)' : `error (exit ${r.status})`;
  console.log(`  ${r.what.padEnd(7)} ${state}`);
}
if (results.find((r) => r.what === 'render' && r.status === 0)) console.log(`  HTML: ${path.join(root, html)}`);
// Findings are a result, not a failure of `npm start`; a crash or a bad invocation is.
process.exit(results.some((r) => r.status === 2 && !r.pending) ? 1 : 0);

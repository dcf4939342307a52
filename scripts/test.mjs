// `npm test`: every check, in order — build, type-check, import boundaries, unit tests, grammar and
// browser tests when present, then the integration suites in a real VS Code. Stops at the first failing
// stage and ends with one summary line `N passed, N failed` counted over all test stages.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;

const stages = [
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'import boundaries', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'unit', cmd: ['npm', 'run', '--silent', 'test:unit'], counts: true },
  ...['test:grammar', 'test:browser'].filter((s) => scripts[s]).map((s) => ({ name: s.slice(5), cmd: ['npm', 'run', '--silent', s], counts: true })),
  // Exit 2 from the launcher is infrastructure (code-server or the browser did not come up, a timeout on a
  // starved machine, VS Code's own Markdown language server not answering), not a test verdict: that one
  // stage gets up to two more attempts, said out loud.
  { name: 'integration (real VS Code)', cmd: ['npm', 'run', '--silent', 'test:integration'], counts: true, retryInfra: true },
];

/** Reads mocha's "N passing" / "N failing" and our launchers' "N passed, N failed" lines. */
function count(output) {
  let passed = 0;
  let failed = 0;
  for (const m of output.matchAll(/^\s*(\d+) passing\b/gm)) passed += Number(m[1]);
  for (const m of output.matchAll(/^\s*(\d+) failing\b/gm)) failed += Number(m[1]);
  if (passed + failed === 0) {
    for (const m of output.matchAll(/(\d+) passed, (\d+) failed/g)) { passed += Number(m[1]); failed += Number(m[2]); }
  }
  if (passed + failed === 0) {
    // vscode-tmgrammar-test prints one ✓ or ✖ line per fixture file.
    passed = (output.match(/^✓ /gm) ?? []).length;
    failed = (output.match(/^[✖✗] /gm) ?? []).length;
  }
  return { passed, failed };
}

function run(stage) {
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn(stage.cmd[0], stage.cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code, out, seconds: (Date.now() - t) / 1000 }));
  });
}

let passed = 0;
let failed = 0;
const summary = [];
let exit = 0;
for (const stage of stages) {
  console.log(`\n── ${stage.name} ──`);
  let r = await run(stage);
  // Up to two more attempts: the commonest infrastructure failure (VS Code's built-in Markdown language
  // server never starting under code-server) came in about one run in two on a loaded 2-core machine.
  for (let attempt = 2; stage.retryInfra && r.code === 2 && attempt <= 3; attempt++) {
    console.log(`\n── ${stage.name}: the launcher reported an infrastructure problem (exit 2); attempt ${attempt} of 3 ──`);
    r = await run(stage);
  }
  const c = stage.counts ? count(r.out) : undefined;
  if (c) { passed += c.passed; failed += c.failed; }
  summary.push(`${stage.name.padEnd(28)} ${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.seconds.toFixed(1).padStart(6)}s${c ? `  ${c.passed} passed, ${c.failed} failed` : ''}`);
  if (r.code !== 0) {
    exit = 1;
    if (c && c.failed === 0) failed++; // a stage that failed without failing tests still counts as a failure
    break;
  }
}
console.log('\n── summary ──\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(exit);

// Regenerates the expected outputs of the Python conformance corpus with the real CPython (+ NumPy):
// every test/fixtures/python/corpus/<area>.py bundle is split at `# === <case>` lines, each case runs
// as `<case>.py` in a temporary directory with `python3`, and stdout/stderr/exit code are written to
// <area>.expected.json. Usage: node scripts/golden/python-corpus.mjs [area…]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(root, 'test', 'fixtures', 'python', 'corpus');

export function splitBundle(text) {
  const cases = [];
  let cur = null;
  for (const line of text.split('\n')) {
    const m = /^# === ([\w-]+)\s*$/.exec(line);
    if (m) {
      cur = { name: m[1], lines: [] };
      cases.push(cur);
    } else if (cur) cur.lines.push(line);
  }
  return cases.map((c) => ({ name: c.name, source: c.lines.join('\n').replace(/\n+$/, '') + '\n' }));
}

const version = execFileSync('python3', ['-c', 'import sys, numpy; print(sys.version.split()[0], numpy.__version__)']).toString().trim();
const only = process.argv.slice(2);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pizarra-corpus-'));
try {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
    const area = f.slice(0, -3);
    if (only.length && !only.includes(area)) continue;
    const out = {};
    for (const c of splitBundle(readFileSync(path.join(dir, f), 'utf8'))) {
      const file = path.join(tmp, `${c.name}.py`);
      writeFileSync(file, c.source);
      const r = spawnSync('python3', [file], { cwd: tmp, encoding: 'utf8', timeout: 60000, env: { ...process.env, PYTHONHASHSEED: '0' } });
      const clean = (s) => s.split(tmp + path.sep).join('');
      out[c.name] = { stdout: clean(r.stdout), stderr: clean(r.stderr), exit: r.status };
    }
    writeFileSync(path.join(dir, `${area}.expected.json`), JSON.stringify({ generator: `CPython+NumPy ${version}`, cases: out }, null, 1) + '\n');
    console.log(`${area}: ${Object.keys(out).length} cases`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

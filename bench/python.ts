// `npm run bench:python`: times Pizarra's interpreter against CPython (+ NumPy) in the same run on
// (1) a pure-Python workload (arithmetic, calls, method calls, list and dict operations) and (2) the
// article's DenseLayer/sgd_update MLP training snippet with numpy. Pizarra runs as the esbuild bundle
// the CLI ships (not under tsx); both sides are measured in CPU time of the program run only (the
// shared 2-core machine makes wall time noisy), best of 3; CPython imports numpy before timing. Each
// process runs the program five times: cold (the first run: what `pizarra exec` costs), warm (the
// second: a re-run in the editor's long-lived worker, which reuses the compiled program like the worker
// does) and steady (the best of runs 3-5: the editor after a few re-runs, when V8 has compiled the hot
// paths; CPython's runs 3-5 likewise).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const PURE = `
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def dot(self, o):
        return self.x * o.x + self.y * o.y

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def work(n):
    total = 0
    acc = Vec(0, 0)
    counts = {}
    items = []
    for i in range(n):
        total += (i * 7 + 3) % 11 - i // 5
        v = Vec(i, i + 1)
        acc = acc.add(v)
        total += v.dot(acc) % 13
        key = i % 100
        counts[key] = counts.get(key, 0) + 1
        items.append(i * 2)
        if len(items) > 50:
            items.pop(0)
    s = 0.0
    for x in items:
        s += x * 0.5
    return total, acc.x, len(counts), s

r = None
for _ in range(15):
    r = work(60000)
words = ["alpha", "beta", "gamma", "delta"] * 5000
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(r, fib(25), sum([i * i for i in range(300000)]), sorted(freq.items()))
`;

// The writer's sgd_update and DenseLayer, as the acceptance fixture holds them (generated from the seed
// draft by scripts/golden/python-acceptance.mjs), followed by this benchmark's own training loop.
const WRITERS_CODE = readFileSync(path.resolve(__dirname, '../test/fixtures/python/acceptance/mlp.py'), 'utf8').split('\n# Training loop')[0];
const MLP = `${WRITERS_CODE}

np.random.seed(0)
X = np.random.randn(128, 8)
y = np.sin(X[:, :1]) + 0.5 * X[:, 1:2]
l1 = DenseLayer(8, 32)
l2 = DenseLayer(32, 1)
for epoch in range(300):
    h = l1.forward(X)
    a = np.maximum(h, 0)
    out = l2.forward(a)
    loss = np.mean((out - y) ** 2)
    d = 2 * (out - y) / len(X)
    dh = l2.backward(d, 0.05) * (h > 0)
    l1.backward(dh, 0.05)
    if epoch % 100 == 0:
        print(f"epoch {epoch}: loss {loss:.6f}")
w = [np.ones(3)]
sgd_update(w, [np.full(3, 0.5)], 0.1)
print(w[0])
`;

const RUNS = 5;

const RUNNER = `
import { readFileSync } from 'node:fs';
import { Session } from ${JSON.stringify(path.resolve(__dirname, '../src/python'))};
import { sandboxModules } from ${JSON.stringify(path.resolve(__dirname, '../src/sandbox'))};
import { enableRelaxedSimd } from ${JSON.stringify(path.resolve(__dirname, '../src/sandbox/relaxedSimd'))};
enableRelaxedSimd(); // as the CLI and the sandbox worker do
const src = readFileSync(process.argv[2], 'utf8');
// Five runs in one process, each in a fresh Session: the first is what \`pizarra exec\` costs (JIT cold),
// the next ones what re-runs cost in the editor, whose sandbox worker stays alive between runs.
const runs = [];
for (let k = 0; k < ${RUNS}; k++) {
  let out = '';
  let err = '';
  const s = new Session({ stdout: (x) => (out += x), stderr: (x) => (err += x), modules: sandboxModules() });
  const t = process.cpuUsage();
  const r = s.run(src, { filename: 'bench.py' });
  const c = process.cpuUsage(t);
  runs.push({ ms: (c.user + c.system) / 1000, out, err, ok: r.ok });
}
process.stdout.write(JSON.stringify(runs));
`;

const PY_TIMER = `
import sys, time, io, contextlib, json
try:
    import numpy
except ImportError:
    pass
src = open(sys.argv[1]).read()
runs = []
for _ in range(${RUNS}):
    buf = io.StringIO()
    t = time.process_time()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, 'bench.py', 'exec'), {'__name__': '__main__'})
    runs.append({'ms': (time.process_time() - t) * 1000, 'out': buf.getvalue()})
print(json.dumps(runs))
`;

type Run = { ms: number; out: string };
type Rows = [Run, Run, Run];

/** cold (run 1), warm (run 2) and steady (best of runs 3..) of one process. */
function rowsOf(runs: Run[]): Rows {
  const rest = runs.slice(2);
  return [runs[0], runs[1], rest.reduce((a, b) => (b.ms < a.ms ? b : a))];
}

/** Best of `runs` processes, separately for each row. */
function best(runs: number, f: () => Run[]): Rows {
  const b = rowsOf(f());
  for (let i = 1; i < runs; i++) {
    const r = rowsOf(f());
    for (const k of [0, 1, 2]) if (r[k].ms < b[k].ms) b[k] = r[k];
  }
  return b;
}

const ROW_LABELS = ['cold: fresh process', 'warm: second run', 'steady: best of runs 3-5'];

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pizarra-bench-'));
  try {
    const runnerTs = path.join(dir, 'runner.ts');
    const runnerJs = path.join(dir, 'runner.js');
    writeFileSync(runnerTs, RUNNER);
    buildSync({ entryPoints: [runnerTs], bundle: true, platform: 'node', format: 'cjs', outfile: runnerJs, logLevel: 'error' });
    const pyTimer = path.join(dir, 'timer.py');
    writeFileSync(pyTimer, PY_TIMER);
    let havePython = true;
    try {
      execFileSync('python3', ['-c', 'print(1)'], { stdio: 'ignore' });
    } catch {
      havePython = false;
    }
    const rows: string[] = [];
    for (const [name, src, target] of [['pure-Python loops', PURE, 1.0], ['MLP (DenseLayer + sgd) with numpy', MLP, 2.0]] as const) {
      const file = path.join(dir, `${name.split(' ')[0]}.py`);
      writeFileSync(file, src);
      const ours = best(3, () => JSON.parse(execFileSync(process.execPath, ['--stack-size=4000', runnerJs, file], { encoding: 'utf8', maxBuffer: 1 << 26 })));
      const ref = havePython
        ? best(3, () => {
          // One BLAS thread: our tensor core computes on one thread, and process_time would otherwise also
          // count OpenBLAS's worker threads spinning (measured: 64-74 ms instead of 37 ms for the MLP).
          const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
          const r = spawnSync('python3', [pyTimer, file], { encoding: 'utf8', maxBuffer: 1 << 26, env });
          if (r.status !== 0) throw new Error(r.stderr);
          return JSON.parse(r.stdout.trim().split('\n').pop()!);
        })
        : null;
      for (const k of [0, 1, 2] as const) {
        const label = `${name} (${ROW_LABELS[k]})`;
        let line = `${label.padEnd(62)} pizarra ${ours[k].ms.toFixed(0).padStart(6)} ms`;
        if (ref) {
          const same = ref[k].out === ours[k].out ? 'same output' : 'OUTPUT DIFFERS';
          line += `   cpython ${ref[k].ms.toFixed(0).padStart(6)} ms   ratio ${(ours[k].ms / ref[k].ms).toFixed(2)}x (target <= ${target.toFixed(1)}x)   ${same}`;
        }
        rows.push(line);
      }
    }
    console.log('Pizarra Python interpreter vs CPython (CPU time of the run incl. V8 compiler/GC threads, best of 3 processes)');
    for (const r of rows) console.log('  ' + r);
    if (!havePython) console.log('  python3 not found: Pizarra numbers only, no ratios.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

// Runner benchmark: time from "run" to result, as the writer feels it, through the real host client and
// worker (bundled like out/worker.js). First block of a fresh session (worker start, prelude
// `import numpy as np` and the block), and a later block in a warm session. Targets: ≤ 150 ms and ≤ 20 ms.
// Reference in the same run: CPython + NumPy for the same blocks (a fresh `python3` process importing numpy,
// and the block executed in a warm interpreter). Run: npm run bench:run

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildModel } from '../src/markdown/model';
import { runnableBlocks } from '../src/sandbox/blocks';
import { SandboxClient } from '../src/sandbox/client';
import { workerBundle } from '../test/unit/run/workerBundle';

const root = path.resolve(__dirname, '..');
const article = path.join(root, 'examples', 'matematicas-del-aprendizaje-profundo.md');
const blocks = runnableBlocks(buildModel(readFileSync(article, 'utf8')).code);
const first = blocks[0];
const later = blocks[1];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

/**
 * The first block of a new session, n times. `prestarted`: the worker was started beforehand, as the editor
 * does when an article with python blocks becomes active (no guest code runs then).
 */
async function firstRuns(workerPath: string, n: number, prestarted: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const client = new SandboxClient({ workerPath });
    if (prestarted) await client.warmUp();
    const t0 = performance.now();
    const r = await client.run({ source: first.source, filename: article, lineOffset: first.lineOffset });
    times.push(performance.now() - t0);
    if (r.status !== 'ok') throw new Error(`first block failed: ${r.error?.traceback ?? r.message}`);
    client.dispose();
  }
  return times;
}

/** Start of an empty worker_threads worker: the floor under any worker-based session on this machine. */
async function emptyWorker(n: number): Promise<number> {
  const { Worker } = await import('node:worker_threads');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pizarra-bench-')), 'empty.js');
  writeFileSync(file, "require('node:worker_threads').parentPort.postMessage(1);\n");
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const w = new Worker(file);
      w.once('message', () => {
        times.push(performance.now() - t0);
        void w.terminate().then(() => resolve());
      });
    });
  }
  return median(times);
}

async function warm(workerPath: string, n: number): Promise<number[]> {
  const client = new SandboxClient({ workerPath });
  await client.run({ source: first.source, filename: article, lineOffset: first.lineOffset });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await client.run({ source: later.source, filename: article, lineOffset: later.lineOffset });
    times.push(performance.now() - t0);
    if (r.status !== 'ok') throw new Error(`later block failed: ${r.error?.traceback ?? r.message}`);
  }
  client.dispose();
  return times;
}

function cpython(): { fresh: number; warm: number } | undefined {
  const script = String.raw`
import json, subprocess, sys, time
first, later = json.loads(sys.stdin.read())
fresh = []
for _ in range(5):
    t0 = time.perf_counter()
    subprocess.run([sys.executable, '-c', 'import numpy as np\n' + first], check=True, capture_output=True)
    fresh.append((time.perf_counter() - t0) * 1000)
import io, contextlib
import numpy as np
ns = {'np': np}
with contextlib.redirect_stdout(io.StringIO()):
    exec(first, ns)
    warm = []
    for _ in range(30):
        t0 = time.perf_counter()
        exec(later, ns)
        warm.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'fresh': sorted(fresh)[len(fresh)//2], 'warm': sorted(warm)[len(warm)//2]}))
`;
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify([first.source, later.source]), encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout.trim());
}

async function main(): Promise<void> {
  const workerPath = await workerBundle('real');
  console.log(`Runner latency on ${path.relative(root, article)} (block 1: line ${first.fenceLine + 1}, block 2: line ${later.fenceLine + 1})`);
  await firstRuns(workerPath, 2, false); // warm the OS file cache for the bundle
  const f = median(await firstRuns(workerPath, 9, false));
  const p = median(await firstRuns(workerPath, 9, true));
  const w = median(await warm(workerPath, 30));
  const floor = await emptyWorker(9);
  const ref = cpython();
  const row = (what: string, ms: number, target: number, refMs: number | undefined) =>
    console.log(
      `  ${what.padEnd(46)} ${fmt(ms)}  target ≤ ${target} ms ${ms <= target ? 'met' : 'MISSED'}` +
        (refMs === undefined ? '' : `   CPython+NumPy ${fmt(refMs)}  ratio ${(ms / refMs).toFixed(2)}×`),
    );
  row('first block, fresh session (worker + prelude)', f, 150, ref?.fresh);
  row('first block, pre-started worker (editor)', p, 150, ref?.fresh);
  row('later block, warm session', w, 20, ref?.warm);
  console.log(`  empty worker_threads start on this machine: ${fmt(floor)} (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  if (!ref) console.log('  (python3 with numpy not found: no reference)');
  else console.log('  CPython fresh = a new python3 process importing numpy and running block 1; warm = exec of block 2.');
}

void main();

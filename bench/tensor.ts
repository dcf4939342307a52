// Tensor core benchmark: matmul GFLOP/s, small-op overhead, elementwise and reductions on large arrays,
// and memory, each next to NumPy measured in the same run (python3 subprocess, OPENBLAS_NUM_THREADS=1;
// OPENBLAS_CORETYPE is passed through unchanged and reported). Run: npm run bench:tensor

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import * as T from '../src/tensor';
import { wasmGemm } from '../src/tensor/wasm/gemmKernel';

const PY = String.raw`
import json, sys, time
import numpy as np
def timeit(f, min_time=0.25):
    f()
    best = float('inf')
    for _ in range(3):
        n, t0 = 0, time.perf_counter()
        while True:
            f(); n += 1
            dt = time.perf_counter() - t0
            if dt >= min_time / 3: break
        best = min(best, dt / n)
    return best
rng = np.random.RandomState(0)
items = {}
for n in [16, 64, 128, 256, 512]:
    a, b = rng.rand(n, n), rng.rand(n, n)
    items['mm%d' % n] = (lambda a=a, b=b: a @ b)
x, w = rng.rand(64, 784), rng.rand(784, 128)
items['mlp'] = lambda: x @ w
a4, b4 = rng.rand(4, 4), rng.rand(4, 4)
items['dot4'] = lambda: np.dot(a4, b4)
s1, s2 = rng.rand(10), rng.rand(10)
items['add10'] = lambda: s1 + s2
xs, ws, hs = rng.rand(128, 8), rng.rand(8, 32), rng.rand(128, 32) - 0.5
items['dotsmall'] = lambda: np.dot(xs, ws)
items['relu'] = lambda: np.maximum(hs, 0)
A, B, C = rng.rand(10**6), rng.rand(10**6), rng.rand(10**6)
items['fma'] = lambda: A * B + C
items['exp'] = lambda: np.exp(A)
M = rng.rand(1000, 1000)
items['sum0'] = lambda: M.sum(axis=0)
items['sum1'] = lambda: M.sum(axis=1)
print(json.dumps({'ready': True, 'nbytes': M.nbytes}), flush=True)
for line in sys.stdin:
    k = line.strip()
    print(json.dumps({k: timeit(items[k])}), flush=True)
`;

/** A NumPy process that times one named item per request, so both sides are measured interleaved. */
class NumPyTimer {
  private buf = '';
  private waiters: ((line: string) => void)[] = [];
  private constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (d: string) => {
      this.buf += d;
      let i: number;
      while ((i = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 1);
        this.waiters.shift()?.(line);
      }
    });
  }
  private next(): Promise<string> {
    return new Promise((res) => this.waiters.push(res));
  }
  static async start(): Promise<{ timer: NumPyTimer; nbytes: number } | null> {
    const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    let proc: ChildProcessWithoutNullStreams;
    try {
      proc = spawn('python3', ['-c', PY], { env });
    } catch {
      return null;
    }
    const t = new NumPyTimer(proc);
    const first = await Promise.race([t.next(), new Promise<string>((res) => proc.on('exit', () => res('')))]);
    if (!first) return null;
    return { timer: t, nbytes: JSON.parse(first).nbytes };
  }
  async time(item: string): Promise<number> {
    const p = this.next();
    this.proc.stdin.write(item + '\n');
    return JSON.parse(await p)[item];
  }
  stop(): void {
    this.proc.stdin.end();
  }
}

/** Best-of-3 seconds per call, each round running for at least minTime/3. */
function timeit(f: () => unknown, minTime = 0.25): number {
  f();
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    let n = 0;
    const t0 = performance.now();
    let dt = 0;
    do {
      f();
      n++;
      dt = (performance.now() - t0) / 1000;
    } while (dt < minTime / 3);
    best = Math.min(best, dt / n);
  }
  return best;
}

const rs = new T.RandomState(0);
const rand = (...s: number[]) => rs.rand(...s) as T.NDArray;
const items = new Map<string, () => unknown>();
for (const n of [16, 64, 128, 256, 512]) {
  const a = rand(n, n), b = rand(n, n);
  items.set(`mm${n}`, () => T.matmul(a, b));
}
{
  const x = rand(64, 784), w = rand(784, 128);
  items.set('mlp', () => T.matmul(x, w));
  const a4 = rand(4, 4), b4 = rand(4, 4);
  items.set('dot4', () => T.dot(a4, b4));
  const s1 = rand(10), s2 = rand(10);
  items.set('add10', () => T.binary('add', s1, s2));
  const xs = rand(128, 8), ws = rand(8, 32), hs = T.binary('subtract', rand(128, 32), 0.5);
  items.set('dotsmall', () => T.dot(xs, ws));
  items.set('relu', () => T.binary('maximum', hs, 0n));
  const A = rand(1e6), B = rand(1e6), C = rand(1e6);
  items.set('fma', () => T.binary('add', T.binary('multiply', A, B), C));
  items.set('exp', () => T.unary('exp', A));
  const M = rand(1000, 1000);
  items.set('sum0', () => T.sum(M, 0));
  items.set('sum1', () => T.sum(M, 1));
}

async function main(): Promise<void> {
  const started = await NumPyTimer.start();
  // The machine is shared: measure each item on both sides twice, alternating, and keep the best.
  const ours: Record<string, number> = {};
  const npT: Record<string, number> = {};
  for (const [k, f] of items)
    for (let round = 0; round < 2; round++) {
      ours[k] = Math.min(ours[k] ?? Infinity, timeit(f));
      if (started) npT[k] = Math.min(npT[k] ?? Infinity, await started.timer.time(k));
    }
  started?.timer.stop();
  const np = started ? { ...npT, nbytes: started.nbytes } : null;
  report(ours, np);
}

function report(ours: Record<string, number>, np: Record<string, number> | null): void {
const coretype = process.env.OPENBLAS_CORETYPE;
console.log(`Tensor core benchmark (Node ${process.version}); NumPy: ${np ? 'python3, OPENBLAS_NUM_THREADS=1, measured interleaved with ours' : 'NOT FOUND (Pizarra numbers only)'}` +
  (coretype ? `; OPENBLAS_CORETYPE=${coretype} is set in the environment and was kept (machine benchmarked as is)` : ''));
console.log(`matmul kernel: ${wasmGemm() ? 'WebAssembly SIMD (f64x2, src/tensor/wasm/gemm.wat)' : 'JavaScript (WebAssembly unavailable)'}; small products (k <= 16) use the emulated FMA, on WebAssembly SIMD too`);
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);

const flops: Record<string, number> = { mm16: 2 * 16 ** 3, mm64: 2 * 64 ** 3, mm128: 2 * 128 ** 3, mm256: 2 * 256 ** 3, mm512: 2 * 512 ** 3, mlp: 2 * 64 * 784 * 128 };
const label: Record<string, string> = {
  mm16: 'matmul 16x16', mm64: 'matmul 64x64', mm128: 'matmul 128x128', mm256: 'matmul 256x256', mm512: 'matmul 512x512',
  mlp: 'matmul (64x784)@(784x128)',
};
console.log('\nmatmul float64            Pizarra GFLOP/s   NumPy GFLOP/s   ratio (Pizarra/NumPy)');
for (const k of Object.keys(flops)) {
  const g = flops[k] / ours[k] / 1e9;
  const gn = np ? flops[k] / np[k] / 1e9 : NaN;
  console.log(`${label[k].padEnd(26)}${g.toFixed(2).padStart(10)}${(np ? gn.toFixed(2) : '-').padStart(16)}${(np ? (g / gn).toFixed(3) : '-').padStart(14)}`);
}
const per = (k: string, unit: 'us' | 'ms') => {
  const f = unit === 'us' ? 1e6 : 1e3;
  const o = ours[k] * f, n = np ? np[k] * f : NaN;
  return `${o.toFixed(unit === 'us' ? 3 : 2).padStart(10)} ${unit}${(np ? n.toFixed(unit === 'us' ? 3 : 2) : '-').padStart(12)} ${unit}   ` +
    (np ? `NumPy/Pizarra time ratio ${(n / o).toFixed(2)} (>1: Pizarra faster)` : '');
};
console.log('\noperation                      Pizarra         NumPy');
console.log(`dot 4x4 per call         ${per('dot4', 'us')}`);
console.log(`a + b, 10 elements       ${per('add10', 'us')}`);
console.log(`dot (128x8)@(8x32)       ${per('dotsmall', 'us')}  (emulated FMA, bit-identical to OpenBLAS)`);
console.log(`maximum(h, 0), 128x32    ${per('relu', 'us')}`);
console.log(`a*b + c, 1e6 elements    ${per('fma', 'ms')}`);
console.log(`exp, 1e6 elements        ${per('exp', 'ms')}`);
console.log(`sum(axis=0) 1000x1000    ${per('sum0', 'ms')}`);
console.log(`sum(axis=1) 1000x1000    ${per('sum1', 'ms')}`);

// Memory: data bytes charged by the allocator, and views that allocate nothing.
T.setAllocationCap(Infinity);
const heap0 = process.memoryUsage().arrayBuffers;
const big = T.zeros([1000, 1000]);
const dataBytes = T.allocatedBytes();
const heap1 = process.memoryUsage().arrayBuffers;
const before = T.allocatedBytes();
const views = [T.transpose(big), T.getItem(big, [T.slice(null, null, 2)]), T.reshape(big, [500, 2000]), T.getItem(big, 3)];
const viewBytes = T.allocatedBytes() - before;
console.log('\nmemory');
console.log(`1000x1000 float64: ${dataBytes} bytes of data (nbytes ${big.nbytes}; ArrayBuffer growth ${heap1 - heap0} bytes)` + (np ? `; NumPy nbytes ${np.nbytes}` : ''));
console.log(`${views.length} views (.T, [::2], reshape, [3]): ${viewBytes} bytes allocated, all share the buffer: ${views.every((v) => v.data === big.data)}`);
}

void main();

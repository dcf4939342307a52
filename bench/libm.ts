// `npm run bench:libm`: per-call time of src/common/libm's glibc exp, log, sin and cos (bit for bit with
// CPython's math functions) against V8's Math.exp / Math.log / Math.sin / Math.cos, measured in the same
// run: 200,000 inputs in the sigmoid range (exp), across (0, 100) (log), (-10, 10) and huge (sin, cos:
// the Payne-Hanek path beyond 105414350), best of 7 passes, and the ratio. Then the same
// calls from Python: a loop of math.exp / math.log in Pizarra's interpreter (in-process, best of 5)
// and in CPython (python3, best of 5), with math.fabs (the same wrapper around Math.abs) for scale.

import { execFileSync } from 'node:child_process';
import { glibcExp } from '../src/common/libm/glibcExp';
import { glibcLog } from '../src/common/libm/glibcLog';
import { glibcCos, glibcSin } from '../src/common/libm/glibcSin';
import { Session } from '../src/python';

const N = 200_000;
const expIn = new Float64Array(N), logIn = new Float64Array(N), trigIn = new Float64Array(N), hugeIn = new Float64Array(N);
for (let i = 0; i < N; i++) {
  expIn[i] = (Math.random() - 0.5) * 40;
  logIn[i] = Math.random() * 100;
  trigIn[i] = (Math.random() - 0.5) * 20;
  hugeIn[i] = (Math.random() - 0.5) * 1e300;
}

function nsPerCall(fn: (x: number) => number, xs: Float64Array): number {
  let best = Infinity, sink = 0;
  for (let pass = 0; pass < 7; pass++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < xs.length; i++) sink += fn(xs[i]);
    const dt = Number(process.hrtime.bigint() - t0) / xs.length;
    if (dt < best) best = dt;
  }
  if (sink === 42) console.log(''); // keep the loop's results alive
  return best;
}

const runs = [['exp', glibcExp, Math.exp, expIn, ''], ['log', glibcLog, Math.log, logIn, ''], ['sin', glibcSin, Math.sin, trigIn, ''],
  ['cos', glibcCos, Math.cos, trigIn, ''], ['sin', glibcSin, Math.sin, hugeIn, ' (huge x)'], ['cos', glibcCos, Math.cos, hugeIn, ' (huge x)']] as const;
for (const [name, ours, v8, xs, what] of runs) {
  const a = nsPerCall(v8, xs), b = nsPerCall(ours, xs);
  console.log(`${name}${what}: Math.${name} ${a.toFixed(1)} ns/call, glibc ${name} ${b.toFixed(1)} ns/call, ratio ${(b / a).toFixed(2)}x`);
}

/** A loop of 100,000 calls of math.<name>, best of 5 passes, in ns per call (program printed result). */
const loop = (name: string, data: string) => `
import math, time
xs = [${data} for i in range(100000)]
f = math.${name}
best = 1e9
for _ in range(5):
    t = time.perf_counter()
    for x in xs:
        f(x)
    best = min(best, time.perf_counter() - t)
print(best / len(xs) * 1e9)
`;
for (const [name, data] of [['exp', '(i % 4000) / 100 - 20'], ['log', '(i % 4000) / 40 + 0.01'], ['sin', '(i % 4000) / 200 - 10'], ['fabs', '(i % 4000) / 100 - 20']]) {
  let out = '';
  new Session({ stdout: (x) => (out += x), stderr: (x) => (out += x) }).run(loop(name, data), { filename: 'bench.py', timeoutMs: 120000 });
  const ours = Number(out), cpy = Number(execFileSync('python3', ['-c', loop(name, data)]).toString());
  console.log(`python loop math.${name}: Pizarra ${ours.toFixed(0)} ns/call, CPython ${cpy.toFixed(0)} ns/call, ratio ${(ours / cpy).toFixed(2)}x`);
}

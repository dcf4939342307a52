// `npm run bench:libm`: per-call time of src/common/libm's glibc exp and log (bit for bit with CPython's
// math.exp / math.log) against V8's Math.exp / Math.log, measured in the same run: 200,000 inputs in
// the sigmoid range (exp) and across (0, 100) (log), best of 7 passes, and the ratio.

import { glibcExp } from '../src/common/libm/glibcExp';
import { glibcLog } from '../src/common/libm/glibcLog';

const N = 200_000;
const expIn = new Float64Array(N), logIn = new Float64Array(N);
for (let i = 0; i < N; i++) {
  expIn[i] = (Math.random() - 0.5) * 40;
  logIn[i] = Math.random() * 100;
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

for (const [name, ours, v8, xs] of [['exp', glibcExp, Math.exp, expIn], ['log', glibcLog, Math.log, logIn]] as const) {
  const a = nsPerCall(v8, xs), b = nsPerCall(ours, xs);
  console.log(`${name}: Math.${name} ${a.toFixed(1)} ns/call, glibc ${name} ${b.toFixed(1)} ns/call, ratio ${(b / a).toFixed(2)}x`);
}

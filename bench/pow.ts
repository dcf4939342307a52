// `npm run bench:pow`: per-call time of glibc's pow (src/common/libm/glibcPow.ts, bit for bit with
// CPython's math.pow) and of common/pow (its C99 wrapper, used by Python's float ** and numpy's power)
// against V8's Math.pow, measured in the same run: 200,000 pairs with x in (0, 10) and y in (-20, 20),
// and 200,000 powers of ten (np.logspace's 10**y), best of 7 passes, and the ratios.

import { glibcPow } from '../src/common/libm/glibcPow';
import { pow } from '../src/common/pow';

const N = 200_000;
const xs = new Float64Array(N), ys = new Float64Array(N), tens = new Float64Array(N).fill(10), es = new Float64Array(N);
for (let i = 0; i < N; i++) {
  xs[i] = Math.random() * 10;
  ys[i] = (Math.random() - 0.5) * 40;
  es[i] = (Math.random() - 0.5) * 60;
}

function nsPerCall(fn: (x: number, y: number) => number, a: Float64Array, b: Float64Array): number {
  let best = Infinity, sink = 0;
  for (let pass = 0; pass < 7; pass++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < a.length; i++) sink += fn(a[i], b[i]);
    const dt = Number(process.hrtime.bigint() - t0) / a.length;
    if (dt < best) best = dt;
  }
  if (sink === 42) console.log(''); // keep the loop's results alive
  return best;
}

for (const [label, a, b] of [['x in (0, 10), y in (-20, 20)', xs, ys], ['10 ** y, y in (-30, 30)', tens, es]] as const) {
  const v8 = nsPerCall(Math.pow, a, b), g = nsPerCall(glibcPow, a, b), c = nsPerCall(pow, a, b);
  console.log(`pow ${label}: Math.pow ${v8.toFixed(1)} ns/call, glibcPow ${g.toFixed(1)} (${(g / v8).toFixed(2)}x), ` +
    `common/pow ${c.toFixed(1)} (${(c / v8).toFixed(2)}x)`);
}

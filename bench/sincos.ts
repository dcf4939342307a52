// bench:sincos — float64 np.sin/np.cos over 1e6 values (the ufunc API: glibc's sin/cos as NumPy calls
// them, on the relaxed-SIMD kernel and on the emulated-FMA JavaScript) against a plain Math.sin/Math.cos
// loop over the same Float64Array, measured in the same run, best of several repetitions.
import { loadavg } from 'node:os';
import { enableRelaxedSimd } from '../src/sandbox/relaxedSimd';
import * as T from '../src/tensor/index';
import { setSimdMathEnabled, simdMathLoaded } from '../src/tensor/wasm/simdMathKernel';

enableRelaxedSimd(); // as the CLI and the sandbox worker do

function best(f: () => unknown, reps = 9): number {
  let b = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

const rs = new T.RandomState(0);
const N = 1e6;
// Standard normals scaled by 10 (phases of positional encodings and toy datasets), and a uniform
// (-1e9, 1e9) set where every input needs the Cody-Waite reduction.
const sets: [string, T.NDArray][] = [
  ['10·N(0,1)', T.binary('multiply', rs.randn(N) as T.NDArray, 10)],
  ['U(-1e9,1e9)', T.binary('multiply', T.binary('subtract', rs.rand(N) as T.NDArray, 0.5), 2e9)],
];
console.log(`np.sin/np.cos on ${N} float64 values, best of 9, ms; kernel ${simdMathLoaded() ? 'relaxed SIMD (simdMath.wat)' : 'NOT LOADED'}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
// Warm-up: the first timed function would otherwise pay for the kernel's tier-up (~25 ms here).
for (const [, a] of sets) for (const fn of ['sin', 'cos'] as const) for (let r = 0; r < 3; r++) T.unary(fn, a);
for (const [label, a] of sets) {
  const A = a.data as Float64Array, O = new Float64Array(N);
  for (const fn of ['sin', 'cos'] as const) {
    const m = fn === 'sin' ? Math.sin : Math.cos;
    const tm = best(() => { for (let i = 0; i < N; i++) O[i] = m(A[i]); });
    const tu = best(() => T.unary(fn, a));
    setSimdMathEnabled(false);
    const tj = best(() => T.unary(fn, a), 3);
    setSimdMathEnabled(true);
    console.log(`${label.padEnd(12)} np.${fn}  ${tu.toFixed(1).padStart(7)}   Math.${fn} loop ${tm.toFixed(1).padStart(6)}   ratio ${(tu / tm).toFixed(2)}` +
      `   (JavaScript fallback ${tj.toFixed(1)}, ratio ${(tj / tm).toFixed(2)})`);
  }
}

// `npm run bench:lint`: the formula linter on a generated 300-formula article (issue 7):
//   (a) a full lint with a cold cache — target ≤ 100 ms;
//   (b) a re-lint after a one-character edit inside one formula — target ≤ 5 ms;
//   (c) the slowest single formula over mutated ML formulas (fuzz corpus) — target ≤ 50 ms.
// The reference measured in the same run is KaTeX itself parsing the same formulas (`katex.__parse`, what
// katex-error costs at minimum). Document-model build times are printed separately: they are the
// foundation's cost, shared with the preview, and paid once per keystroke whatever the linter does.

import katex from 'katex';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Linter } from '../src/lint/engine';
import { buildModel } from '../src/markdown/model';

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const corpus = readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'latex-trees', 'ml-corpus.tex'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('%'));
const INLINE = ['x_i', '\\theta', 'W \\in \\mathbb{R}^{m \\times n}', 'p(y|x)', '\\hat{y}_i', 'log x', 'e^-x', 'W_{ij}', 'n_{in}', '\\alpha = 0.01', '\\mathbf{W}\\mathbf{x}', 'Wx'];

/** ~2,000 lines with 300 formulas: ~200 inline, ~100 display from the ML corpus, each one distinct. */
function article(): string {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out = ['---', 'title: bench', '---', ''];
  let n = 0;
  while (n < 300) {
    if (r() < 0.33) out.push('$$', `${pick(corpus)} \\qquad (${n++})`, '$$', '');
    else out.push(`Texto con $${pick(INLINE)} + ${n++}$ en medio de una frase larga sobre el aprendizaje profundo.`, 'Otra línea de prosa.', '', 'Más prosa.', '');
  }
  while (out.length < 2000) out.push('Relleno de prosa sin fórmulas.');
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time; `cpu` collects this process's CPU time too (the machine is shared: wall time includes waiting). */
const cpuOf = new Map<string, number>();
const cpuMin = new Map<string, number>();
function time(f: () => void, runs: number, label = ''): number {
  const xs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cs.push((d.user + d.system) / 1000);
  }
  if (label) {
    cpuOf.set(label, median(cs));
    cpuMin.set(label, Math.min(...cs));
  }
  return median(xs);
}

const text = article();
const model = buildModel(text);
console.log(`article: ${text.split('\n').length} lines, ${model.math.length} formulas`);

// Warm the JIT on a different article so (a) still measures a cold cache.
for (let i = 0; i < 3; i++) new Linter().lint(buildModel(text.replace(/\(\d+\)/g, '(w)')));

const katexParse = time(() => {
  for (const m of model.math) {
    try {
      (katex as unknown as { __parse(t: string, o: object): unknown }).__parse(m.tex, { displayMode: m.display, throwOnError: true, strict: 'ignore' });
    } catch {
      // errors cost the same
    }
  }
}, 7, 'katex');
const full = time(() => new Linter().lint(model), 7, 'full');
const modelBuild = time(() => buildModel(text), 7);

// (b) one-character edits inside a formula, each on a warm linter.
const linter = new Linter();
linter.lint(model);
const target = model.math[150];
const at = target.contentRange.start.offset + 1;
let k = 0;
const edited: string[] = [];
for (let i = 0; i < 15; i++) edited.push(text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at));
const editModels = edited.map((t) => buildModel(t));
const relint = time(() => linter.lint(editModels[k++ % editModels.length]), 15, 'relint');
const relintWithModel = time(() => linter.lint(buildModel(edited[k++ % edited.length])), 7);
// (b′) a one-character edit in prose: no formula changes, article rules' findings are reused.
const proseAt = text.indexOf('Otra línea de prosa.');
const proseModels = Array.from({ length: 15 }, (_, i) => buildModel(text.slice(0, proseAt) + String.fromCharCode(97 + i) + text.slice(proseAt)));
linter.lint(proseModels[14]);
const relintProse = time(() => linter.lint(proseModels[k++ % proseModels.length]), 15, 'prose');

// (c) slowest single formula over mutations of the corpus, each linted alone with a cold cache.
const r = rng(11);
let worst = 0;
let worstTex = '';
const samples: number[] = [];
const cpuSamples: number[] = [];
for (let i = 0; i < 400; i++) {
  const src = corpus[Math.floor(r() * corpus.length)];
  const pos = Math.floor(r() * src.length);
  const junk = ['{', '}', '^', '_', '\\frac', '\\left(', '|', '\\sum', ''][Math.floor(r() * 9)];
  const tex = src.slice(0, pos) + junk + src.slice(pos + (r() < 0.5 ? 1 : 0));
  const doc = buildModel(`$$${tex}$$\n`);
  const c = process.cpuUsage();
  const t = performance.now();
  new Linter().lint(doc);
  const dt = performance.now() - t;
  const dc = process.cpuUsage(c);
  samples.push(dt);
  cpuSamples.push((dc.user + dc.system) / 1000);
  if (dt > worst) [worst, worstTex] = [dt, tex];
}
samples.sort((a, b) => a - b);

const f = (x: number) => `${x.toFixed(2)} ms`;
console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (wall times include waiting for a core)`);
for (const [label, name] of [['katex', 'KaTeX parse'], ['full', '(a) full lint'], ['relint', '(b) re-lint'], ['prose', '(b′) prose edit']] as const) {
  console.log(`    CPU time ${name.padEnd(14)} median ${f(cpuOf.get(label)!)}, best ${f(cpuMin.get(label)!)}`);
}
console.log(`reference: KaTeX __parse of all ${model.math.length} formulas    ${f(katexParse)}`);
console.log(`(a) full lint, cold cache                    ${f(full)}   target ≤ 100 ms   ${(full / katexParse).toFixed(2)}× KaTeX parse   ${full <= 100 ? 'OK' : 'MISSED'}`);
console.log(`(b) re-lint after a one-character edit       ${f(relint)}   target ≤ 5 ms     ${(relint / katexParse).toFixed(3)}× KaTeX parse   ${relint <= 5 ? 'OK' : 'MISSED'}`);
console.log(`(b′) re-lint after a one-character prose edit ${f(relintProse)}`);
console.log(`    document model build (foundation)        ${f(modelBuild)}`);
console.log(`    model build + re-lint, per keystroke     ${f(relintWithModel)}`);
console.log(`(c) single formula, 400 mutations: median ${f(samples[200])}, p99 ${f(samples[395])}, max ${f(worst)}   target ≤ 50 ms   ${worst <= 50 ? 'OK' : 'MISSED'}`);
cpuSamples.sort((a, b) => a - b);
console.log(`    CPU time per formula: median ${f(cpuSamples[200])}, p99 ${f(cpuSamples[395])}, max ${f(cpuSamples[399])}`);
if (worst > 50) console.log(`    slowest (wall): ${worstTex}`);

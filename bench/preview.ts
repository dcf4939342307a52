// `npm run bench:preview`: Pizarra's preview plugin against VS Code's own (@vscode/markdown-it-katex,
// configured as extensions/markdown-math configures it) on a generated article of 2,000 lines and 300
// formulas: (a) the first full render, (b) the re-render after a one-character edit inside one formula.
// Targets (issue 3): (a) no slower than the built-in, (b) at least 10× faster.

import vscodeKatex from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import { pizarraMarkdownIt } from '../src/markdown/render';
import { renderCache } from '../src/markdown/renderPlan';
import { mulberry32 } from './random';

const INLINE = [
  'x_i', '\\theta', 'W \\in \\mathbb{R}^{m \\times n}', '\\nabla_\\theta L', '\\sigma(z) = \\frac{1}{1 + e^{-z}}', '\\lVert x \\rVert_2',
  '\\mathbb{E}[X]', 'p(y \\mid x)', '\\alpha = 0.01', 'O(n \\log n)', '\\hat{y}_i', '\\w^\\top x', 'f\\colon \\mathbb{R}^n \\to \\mathbb{R}',
  '\\operatorname{softmax}(z)_k', '\\partial L / \\partial w_{ij}', '\\lambda_{\\max}', 'A^{-1}', 'k = 1, \\dots, K',
];
const DISPLAY = [
  'L(\\theta) = -\\frac{1}{N} \\sum_{i=1}^{N} \\sum_{k=1}^{K} y_{ik} \\log \\hat{y}_{ik}',
  '\\frac{\\partial L}{\\partial W^{(l)}} = \\delta^{(l)} \\left(a^{(l-1)}\\right)^\\top',
  '\\operatorname{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}',
  '\\begin{aligned} m_t &= \\beta_1 m_{t-1} + (1 - \\beta_1) g_t \\\\ v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2) g_t^2 \\end{aligned}',
  'A = \\begin{pmatrix} a_{11} & a_{12} & \\cdots \\\\ a_{21} & a_{22} & \\cdots \\\\ \\vdots & \\vdots & \\ddots \\end{pmatrix}',
  '\\mathbb{E}_{x \\sim p}\\left[f(x)\\right] = \\int f(x)\\, p(x)\\, dx',
  '\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L(\\theta_t)',
  '\\lVert x \\rVert_p = \\left( \\sum_{i=1}^{n} \\lvert x_i \\rvert^p \\right)^{1/p}',
];
const PROSE = [
  'El descenso por gradiente actualiza los parámetros en la dirección opuesta al gradiente de la pérdida.',
  'Cada capa aplica una transformación afín seguida de una no linealidad, y la composición aprende representaciones.',
  'La regularización penaliza pesos grandes; en la práctica basta con un término proporcional a la norma al cuadrado.',
  'Con lotes pequeños la estimación del gradiente es ruidosa, lo que a veces ayuda a escapar de mínimos poco profundos.',
];

/** 2,000 lines, 300 formulas: ~215 inline, ~75 display (some labelled), a few \newcommand, code, tables. */
export function generateArticle(lines = 2000, formulas = 300): string {
  const r = mulberry32(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: string[] = ['---', 'title: Matemáticas del aprendizaje profundo', 'date: 2024-05-01', '---', ''];
  out.push('$$\\newcommand{\\w}{\\mathbf{w}}\\newcommand{\\RR}{\\mathbb{R}}$$', '');
  let count = 1;
  let label = 0;
  while (out.length < lines - 2) {
    const roll = r();
    if (roll < 0.04) out.push(`## Sección ${out.length}`, '');
    else if (roll < 0.08) out.push('```python', 'import numpy as np', 'x = np.ones((3, 3)) * 5  # $5', 'print(x.sum())', '```', '');
    else if (roll < 0.1 && count < formulas) out.push('| Símbolo | Significado |', '|---|---|', `| $${pick(INLINE)}_{${count++}}$ | parámetro |`, '| $5 | precio |', '');
    else if (roll < 0.37 && count < formulas) {
      // Real articles rarely repeat a formula exactly: vary each one, as the cache would otherwise flatter us.
      const body = `${pick(DISPLAY)} \\qquad t = ${count}`;
      const lab = r() < 0.15 ? ` \\label{eq:${++label}}` : '';
      out.push('$$', body + lab, '$$', '');
      count++;
    } else {
      const parts = [pick(PROSE)];
      const n = count < formulas ? 1 + Math.floor(r() * 2) : 0;
      for (let k = 0; k < n && count < formulas; k++, count++) parts.push(`Sea $${pick(INLINE)}, t_{${count}}$ en la ecuación.`);
      if (label > 0 && r() < 0.1) parts.push(`Véase \\eqref{eq:${1 + Math.floor(r() * label)}}.`);
      out.push(parts.join(' '), '');
    }
  }
  while (out.length < lines) out.push('');
  return out.slice(0, lines).join('\n');
}

function builtin(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  let macros: Record<string, unknown> = {};
  md.use(vscodeKatex as unknown as MarkdownIt.PluginWithOptions, { globalGroup: true, enableBareBlocks: true, enableFencedBlocks: true, get macros() { return macros; } });
  // markdown-math resets its macros before each render so `\newcommand` does not fail as a redefinition.
  md.core.ruler.push('reset-katex-macros', () => {
    macros = {};
    return true;
  });
  return md;
}

function pizarra(): MarkdownIt {
  return pizarraMarkdownIt(new MarkdownIt({ html: true, linkify: true }));
}

/**
 * CPU time of this process (user + system) in ms: on a shared 2-core machine wall-clock time mostly
 * measures the neighbours, while CPU time measures the work we do.
 */
function time(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** First quartile: robust both to runs slowed by neighbours and to the odd run that is oddly fast. */
const best = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 4)];

function main(): void {
  const text = generateArticle();
  const target = text.indexOf('\\theta_{t+1}');
  const edited = (k: number) => text.slice(0, target) + `\\theta_{t+${k}}` + text.slice(target + '\\theta_{t+1}'.length);
  const lines = text.split('\n').length;
  const runs = 9;
  const edits = 20;
  const first = { pizarra: [] as number[], builtin: [] as number[] };
  const edit = { pizarra: [] as number[], builtin: [] as number[] };
  // Warm up the JIT for both, so neither pays for the other's warm-up.
  renderCache.clear();
  pizarra().render(text);
  builtin().render(text);
  let p = pizarra();
  let b = builtin();
  for (let i = 0; i < runs; i++) {
    renderCache.clear();
    p = pizarra();
    first.pizarra.push(time(() => p.render(text)));
    b = builtin();
    first.builtin.push(time(() => b.render(text)));
  }
  // One-character edits, as while typing: each changes the formula again, so it is always a cache miss.
  for (let i = 0; i < edits; i++) {
    edit.pizarra.push(time(() => p.render(edited(i + 2))));
    edit.builtin.push(time(() => b.render(edited(i + 2))));
  }
  const formulas = renderCache.size - edits;
  console.log(`article: ${lines} lines, ${formulas} formulas; ${runs} cold renders and ${edits} edits each, interleaved`);
  console.log('Times are CPU time of this process (the machine is shared); "q1" (first quartile) is the figure to compare, medians for context.');
  const row = (label: string, p: number[], b: number[], ratio: (p: number, b: number) => string) =>
    console.log(
      `${label}  Pizarra q1 ${best(p).toFixed(1)} ms (median ${median(p).toFixed(1)})   built-in q1 ${best(b).toFixed(1)} ms (median ${median(b).toFixed(1)})   ${ratio(best(p), best(b))}   [medians: ${ratio(median(p), median(b))}]`,
    );
  row('(a) first full render ', first.pizarra, first.builtin, (p, b) => `Pizarra/built-in = ${(p / b).toFixed(2)} (target ≤ 1.00)`);
  row('(b) one-character edit', edit.pizarra, edit.builtin, (p, b) => `speed-up = ${(b / p).toFixed(1)}× (target ≥ 10×)`);
}

if (require.main === module) main();

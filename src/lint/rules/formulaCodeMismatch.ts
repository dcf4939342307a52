// formula-code-mismatch: the article's formula and its python code disagree. The code is read statically
// (codeRead.ts, never run) and compared on five facts the errata show drifting apart:
//   - an activation the formula defines and the code implements (`np.exp(x)` for e^{−x} in a sigmoid),
//   - the initialisation constant (`np.sqrt(2 / (fan_in + fan_out))` under a Glorot-uniform formula),
//   - the log base of a cross-entropy (`np.log2` in the code, natural `\log` in the formula, or back),
//   - the sign of a cross-entropy (evaluated on the same seeded probability vectors),
//   - hyper-parameter values stated in a formula (`\epsilon = 10^{-8}`, `\beta_2 = 0.999`) vs the code's.
// Findings point at the code (document offsets), and name the formula's line. No quick fix: which side is
// right is the writer's call.

import { evaluate, findDisagreement, fmt, samplePoints, type SampleRole } from '../../latex/evaluate';
import * as N from '../../latex/evaluateExpr';
import { functionOf, toNum } from '../../latex/evaluateFromTree';
import { mlRoles } from '../../latex/evaluateRoles';
import { walk, type Expr } from '../../latex/tree';
import { type PyExpr } from '../codeExpr';
import { isReducedLoss, logBase, pyToNum } from '../codeNumeric';
import { readPythonCached, type CodeReading } from '../codeRead';
import { EQUALITIES, statements } from '../indices';
import { t, type ArticleContext, type ArticleFinding, type ArticleFormula, type Rule } from '../rule';
import { hasWeightedLog, isLog } from './crossEntropySign';
import { initQuantities, initVariance } from './referenceFormulaMatch';

export const formulaCodeMismatch: Rule = {
  id: 'formula-code-mismatch',
  defaultSeverity: 'info',
  summary: t(
    "The article's code disagrees with its formula (constant, log base, sign, default value).",
    'El código del artículo no coincide con su fórmula (constante, base del logaritmo, signo, valor por defecto).',
  ),
  checkArticle(ctx: ArticleContext, report: (f: ArticleFinding) => void): void {
    const blocks = ctx.code.filter((b) => b.lang === 'python' || b.lang === 'py' || b.lang === 'python3');
    if (blocks.length === 0 || ctx.formulas.length === 0) return;
    const facts = formulaFacts(ctx.formulas);
    for (const block of blocks) {
      const reading = readPythonCached(block.content);
      const at = (start: number, end: number) => ({ formula: -1, start: block.contentRange.start.offset + start, end: block.contentRange.start.offset + end });
      checkFunctions(reading, facts, at, report);
      checkInit(reading, facts, at, report);
      checkLosses(reading, facts, at, report);
      checkConstants(reading, facts, at, report);
    }
  },
};

type At = (start: number, end: number) => { formula: number; start: number; end: number };
type Report = (f: ArticleFinding) => void;

interface FormulaFunction {
  /** `sigmoid`, `relu`, `softplus`, `tanh`. */
  key: string;
  variable: string;
  rhs: N.NumExpr;
  tex: string;
}

interface FormulaFacts {
  functions: Array<FormulaFunction & { line: number }>;
  inits: Array<{ c: number; fans: number; line: number }>;
  losses: Array<{ bases: Set<number>; positive: boolean | undefined; line: number }>;
  constants: Map<string, Array<{ value: number; line: number; tex: string }>>;
}

const lineOf = (f: ArticleFormula) => f.span.range.start.line + 1;

function formulaFacts(formulas: readonly ArticleFormula[]): FormulaFacts {
  const facts: FormulaFacts = { functions: [], inits: [], losses: [], constants: new Map() };
  for (const f of formulas) {
    const one = f.ctx.memo('formula-code-facts', () => factsOf(f.ctx.tree, f.ctx.tex));
    const line = lineOf(f);
    for (const fn of one.functions) facts.functions.push({ ...fn, line });
    for (const i of one.inits) facts.inits.push({ ...i, line });
    for (const l of one.losses) facts.losses.push({ ...l, line });
    for (const c of one.constants) {
      if (!facts.constants.has(c.name)) facts.constants.set(c.name, []);
      facts.constants.get(c.name)!.push({ value: c.value, tex: c.tex, line });
    }
  }
  return facts;
}

interface OneFormula {
  functions: FormulaFunction[];
  inits: Array<{ c: number; fans: number }>;
  losses: Array<{ bases: Set<number>; positive: boolean | undefined }>;
  constants: Array<{ name: string; value: number; tex: string }>;
}

/** What one formula states, computed once per formula text (memoized with it). */
function factsOf(tree: Expr | undefined, tex: string): OneFormula {
  const out: OneFormula = { functions: [], inits: [], losses: [], constants: [] };
  if (!tree) return out;
  for (const q of initQuantities(tree, tex)) {
    const r = initVariance(tex, q);
    if (r && r.constant) out.inits.push({ c: r.c, fans: r.fans.exprs.length });
  }
  for (const stmt of statements(tree)) {
    if (stmt.kind !== 'relation' || !stmt.ops.every((o) => EQUALITIES.has(o.text))) continue;
    const defined = definedFunction(stmt.sides[0], stmt.sides[stmt.sides.length - 1], tex);
    if (defined) out.functions.push(defined);
    const name = constantName(stmt.sides[0], tex);
    if (name) {
      const value = toNum(stmt.sides[stmt.sides.length - 1], tex);
      if (N.freeVars(value).size === 0 && !N.hasUnknown(value)) {
        const v = evaluate(value, samplePoints({}, 1)[0]);
        if (Number.isFinite(v)) out.constants.push({ name, value: v, tex: tex.slice(stmt.span.start, stmt.span.end) });
      }
    }
    for (const side of stmt.sides.slice(1)) {
      if (!hasWeightedLog(side)) continue;
      out.losses.push({ bases: logBases(side, tex), positive: signOf(toNum(side, tex, { opaqueCalls: true })) });
    }
  }
  return out;
}

/** Activation functions a formula may define, by their TeX name, and the python names that implement them. */
const FORMULA_FUNCTIONS = new Map<string, string>([
  ['\\sigma', 'sigmoid'], ['sigmoid', 'sigmoid'], ['softplus', 'softplus'], ['ReLU', 'relu'], ['relu', 'relu'], ['\\tanh', 'tanh'],
]);
const CODE_FUNCTIONS = new Map<string, string>([
  ['sigmoid', 'sigmoid'], ['sigm', 'sigmoid'], ['logistic', 'sigmoid'], ['expit', 'sigmoid'], ['sig', 'sigmoid'],
  ['relu', 'relu'], ['softplus', 'softplus'], ['tanh', 'tanh'],
]);

/** `\sigma(x) = \frac{1}{1+e^{-x}}`: the function, its variable and its definition. */
function definedFunction(lhs: Expr, rhs: Expr, tex: string): FormulaFunction | undefined {
  if (lhs.kind !== 'apply' || (lhs.fn.kind !== 'symbol' && lhs.fn.kind !== 'operator')) return undefined;
  const key = FORMULA_FUNCTIONS.get(lhs.fn.name);
  const arg = lhs.arg.kind === 'fence' ? lhs.arg.body : lhs.arg;
  if (!key || arg.kind !== 'symbol' || !/^[a-z]$/.test(arg.name)) return undefined;
  const value = toNum(rhs, tex);
  const free = N.freeVars(value);
  if (N.hasUnknown(value) || free.size !== 1 || !free.has(arg.name)) return undefined;
  return { key, variable: arg.name, rhs: value, tex: tex.slice(lhs.span.start, rhs.span.end) };
}

/** Hyper-parameters a formula may state, by the symbol's TeX: ε, β₁, β₂, η, α, λ, γ, μ. */
const CONSTANT_SYMBOLS = new Map<string, string>([
  ['\\epsilon', 'eps'], ['\\varepsilon', 'eps'], ['\\beta_1', 'beta1'], ['\\beta_2', 'beta2'], ['\\eta', 'lr'], ['\\alpha', 'lr'],
  ['\\lambda', 'decay'], ['\\gamma', 'momentum'], ['\\mu', 'momentum'],
]);

/** The python names of each hyper-parameter, as optimizers and tutorials spell them. */
const CODE_NAMES = new Map<string, string[]>([
  ['eps', ['eps', 'epsilon', 'EPS', 'EPSILON', 'eps_', 'epsilon_']],
  ['beta1', ['beta1', 'beta_1', 'b1', 'BETA1']],
  ['beta2', ['beta2', 'beta_2', 'b2', 'BETA2']],
  ['lr', ['lr', 'learning_rate', 'alpha', 'eta', 'step_size', 'LR', 'LEARNING_RATE']],
  ['decay', ['weight_decay', 'lambda_', 'lam', 'l2', 'reg', 'lmbda']],
  ['momentum', ['momentum', 'gamma', 'mu']],
]);

function constantName(lhs: Expr, tex: string): string | undefined {
  const text = tex.slice(lhs.span.start, lhs.span.end).replace(/\s+/g, '').replace(/\{(\w)\}/g, '$1');
  return CONSTANT_SYMBOLS.get(text);
}

function logBases(e: Expr, tex: string): Set<number> {
  const out = new Set<number>();
  walk(e, (n) => {
    if (n.kind === 'apply' && isLog(n.fn)) {
      const f = functionOf(n.fn, tex);
      out.add(f === 'log2' ? 2 : f === 'log10' ? 10 : Math.E);
    }
  });
  return out;
}

const PROBABILITY_NAMES = /^(y|t|p|q|probs?|preds?|y_?hat|y_?pred|y_?true|targets?|labels?|outputs?|a|h|yhat|ypred|s)\b|prob|pred|target|label|true|hat/i;

/** Sign of a loss at seeded probability vectors: true when positive everywhere, false when negative. */
function signOf(e: N.NumExpr, codeNames = false): boolean | undefined {
  if (N.hasUnknown(e)) return undefined;
  const roles = mlRoles([e]);
  if (codeNames) for (const n of N.freeVars(e)) roles.set(n, n === '#n' ? 'count' : PROBABILITY_NAMES.test(n) ? 'simplex' : 'real');
  roles.set('#n', 'count');
  let positive = 0;
  let negative = 0;
  for (const p of samplePoints({ roles: roles as Map<string, SampleRole>, size: 3 }, 5)) {
    const v = evaluate(e, p);
    if (!Number.isFinite(v)) return undefined;
    if (v > 0) positive++;
    else if (v < 0) negative++;
  }
  return positive === 5 ? true : negative === 5 ? false : undefined;
}

// ---- activation functions -------------------------------------------------------------------------------

function checkFunctions(reading: CodeReading, facts: FormulaFacts, at: At, report: Report): void {
  if (facts.functions.length === 0) return;
  for (const fn of reading.functions) {
    const key = CODE_FUNCTIONS.get(fn.name.replace(/^(self\.|_+)/, '').toLowerCase());
    const formula = key && facts.functions.find((f) => f.key === key);
    if (!formula || fn.params.length === 0) continue;
    const code = N.renameVar(pyToNum(fn.body), fn.params[0], formula.variable);
    const free = N.freeVars(code);
    if (N.hasUnknown(code) || free.size !== 1 || !free.has(formula.variable)) continue;
    const diff = findDisagreement(code, formula.rhs, { roles: new Map([[formula.variable, 'real']]) });
    if (!diff) continue;
    const x = fmt(diff.point.value(formula.variable, []));
    report({
      ...at(fn.body.start, fn.body.end),
      message: t(
        `\`${fn.name}(${x})\` computes ${fmt(diff.left)} here, but the formula on line ${formula.line} (\`${formula.tex}\`) gives ${fmt(diff.right)}.`,
        `\`${fn.name}(${x})\` calcula ${fmt(diff.left)} aquí, pero la fórmula de la línea ${formula.line} (\`${formula.tex}\`) da ${fmt(diff.right)}.`,
      ),
    });
  }
}

// ---- initialisation -------------------------------------------------------------------------------------

interface CodeInit {
  readonly constant: PyExpr & { kind: 'num' };
  readonly fans: number;
  readonly usage: 'uniform' | 'normal' | 'unknown';
}

/** `sqrt(C / (a + b))`, `sqrt(C / a)`, `sqrt(C) / sqrt(a + b)` with C a number literal. */
function sqrtConstant(e: PyExpr): { constant: PyExpr & { kind: 'num' }; fans: number } | undefined {
  const isSqrt = (x: PyExpr): x is Extract<PyExpr, { kind: 'call' }> => x.kind === 'call' && x.fn.kind === 'name' && /(^|\.)sqrt$/.test(x.fn.id) && x.args.length === 1;
  const fanCount = (x: PyExpr): number => (x.kind === 'name' ? 1 : x.kind === 'bin' && x.op === '+' && x.left.kind === 'name' && x.right.kind === 'name' ? 2 : 0);
  if (isSqrt(e)) {
    const a = e.args[0];
    if (a.kind === 'bin' && a.op === '/' && a.left.kind === 'num' && fanCount(a.right) > 0) return { constant: a.left, fans: fanCount(a.right) };
  }
  if (e.kind === 'bin' && e.op === '/' && isSqrt(e.left) && isSqrt(e.right) && e.left.args[0].kind === 'num' && fanCount(e.right.args[0]) > 0) {
    return { constant: e.left.args[0] as PyExpr & { kind: 'num' }, fans: fanCount(e.right.args[0]) };
  }
  return undefined;
}

function children(e: PyExpr): PyExpr[] {
  switch (e.kind) {
    case 'call':
      return [e.fn, ...e.args, ...e.kwargs.values()];
    case 'method':
      return [e.obj, ...e.args, ...e.kwargs.values()];
    case 'bin':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'tuple':
      return [...e.items];
    case 'subscript':
      return [e.obj, e.index];
    case 'lambda':
      return [e.body];
    default:
      return [];
  }
}

function* nodes(e: PyExpr): Generator<PyExpr> {
  yield e;
  for (const c of children(e)) yield* nodes(c);
}

const mentions = (e: PyExpr, name: string) => [...nodes(e)].some((n) => n.kind === 'name' && n.id === name);

function codeInits(reading: CodeReading): CodeInit[] {
  const out: CodeInit[] = [];
  // How the constant is drawn: the uniform/normal call of the statement that holds it (directly, or through
  // the name it is assigned to: `limit = …; W = np.random.uniform(-limit, limit)`).
  const usageOf = (holder: PyExpr, target: string | undefined): CodeInit['usage'] => {
    for (const s of reading.exprs) {
      const all = [...nodes(s.expr)];
      if (!all.includes(holder) && !(target && mentions(s.expr, target))) continue;
      for (const n of all) {
        if (n.kind !== 'call' || n.fn.kind !== 'name') continue;
        if (/(^|\.)(uniform|uniform_)$/.test(n.fn.id)) return 'uniform';
        if (/(^|\.)(normal|randn|standard_normal|normal_)$/.test(n.fn.id)) return 'normal';
      }
    }
    return 'unknown';
  };
  for (const s of reading.exprs) {
    for (const n of nodes(s.expr)) {
      const found = sqrtConstant(n);
      if (!found) continue;
      const target = s.expr === n && s.target && !s.target.startsWith('return') ? s.target : undefined;
      out.push({ ...found, usage: usageOf(n, target) });
    }
  }
  return out;
}

function checkInit(reading: CodeReading, facts: FormulaFacts, at: At, report: Report): void {
  if (facts.inits.length === 0) return;
  for (const init of codeInits(reading)) {
    const candidates = facts.inits.filter((f) => f.fans === init.fans);
    if (candidates.length === 0) continue;
    const C = init.constant.value;
    // Variance × fan that this constant gives: C/3 for a uniform bound, C for a normal std.
    const implied = init.usage === 'uniform' ? [C / 3] : init.usage === 'normal' ? [C] : [C / 3, C];
    if (candidates.some((f) => implied.some((c) => Math.abs(c - f.c) < 1e-9 * Math.max(1, f.c)))) continue;
    const f = candidates[0];
    const expected = init.usage === 'normal' ? f.c : 3 * f.c;
    report({
      ...at(init.constant.start, init.constant.end),
      message: t(
        `The code's initialisation constant is ${fmt(C)}, but the formula on line ${f.line} gives ${fmt(expected)} (weight variance ${fmt(f.c)}/${init.fans === 2 ? '(fan_in + fan_out)' : 'fan_in'}${init.usage === 'unknown' ? '' : `, ${init.usage} draw`}).`,
        `La constante de inicialización del código es ${fmt(C)}, pero la fórmula de la línea ${f.line} da ${fmt(expected)} (varianza de pesos ${fmt(f.c)}/${init.fans === 2 ? '(fan_in + fan_out)' : 'fan_in'}${init.usage === 'unknown' ? '' : init.usage === 'uniform' ? ', muestreo uniforme' : ', muestreo normal'}).`,
      ),
    });
  }
}

// ---- losses: log base and sign ----------------------------------------------------------------------------

function checkLosses(reading: CodeReading, facts: FormulaFacts, at: At, report: Report): void {
  if (facts.losses.length === 0) return;
  const formulaBases = new Set(facts.losses.flatMap((l) => [...l.bases]));
  const line = facts.losses[0].line;
  for (const s of reading.exprs) {
    const logs = [...nodes(s.expr)].filter((n) => logBase(n) !== undefined) as Array<Extract<PyExpr, { kind: 'call' }>>;
    if (logs.length === 0) continue;
    const num = pyToNum(s.expr);
    if (!isReducedLoss(num)) continue;
    for (const call of logs) {
      const base = logBase(call)!;
      if (formulaBases.has(base) || formulaBases.size === 0) continue;
      const want = [...formulaBases][0];
      report({
        ...at(call.fn.start, call.fn.end),
        message: t(
          `The code takes the log in base ${baseName(base)} (\`${(call.fn as { id: string }).id}\`) but the formula on line ${line} uses ${baseName(want)}: the two losses differ by a factor of ${fmt(Math.log(want) / Math.log(base))}.`,
          `El código toma el logaritmo en base ${baseName(base)} (\`${(call.fn as { id: string }).id}\`) pero la fórmula de la línea ${line} usa ${baseName(want)}: las dos pérdidas difieren en un factor ${fmt(Math.log(want) / Math.log(base))}.`,
        ),
      });
    }
    const codeSign = signOf(num, true);
    const formulaSign = facts.losses.find((l) => l.positive !== undefined);
    if (codeSign === undefined || !formulaSign || codeSign === formulaSign.positive) continue;
    report({
      ...at(s.expr.start, s.expr.end),
      message: t(
        `This loss is ${codeSign ? 'positive' : 'negative'} on probability vectors but the formula on line ${formulaSign.line} is ${formulaSign.positive ? 'positive' : 'negative'}: one of them has the wrong sign.`,
        `Esta pérdida es ${codeSign ? 'positiva' : 'negativa'} sobre vectores de probabilidad pero la fórmula de la línea ${formulaSign.line} es ${formulaSign.positive ? 'positiva' : 'negativa'}: una de las dos tiene el signo cambiado.`,
      ),
    });
  }
}

const baseName = (b: number) => (b === Math.E ? 'e' : String(b));

// ---- hyper-parameters ---------------------------------------------------------------------------------------

function checkConstants(reading: CodeReading, facts: FormulaFacts, at: At, report: Report): void {
  for (const b of reading.bindings) {
    const short = b.name.replace(/^self\./, '');
    for (const [key, names] of CODE_NAMES) {
      let value: PyExpr | undefined;
      if (names.includes(short)) value = b.value;
      // `betas=(0.9, 0.999)` as PyTorch spells Adam's β's.
      if (short === 'betas' && b.value.kind === 'tuple' && b.value.items.length === 2 && (key === 'beta1' || key === 'beta2')) {
        value = b.value.items[key === 'beta1' ? 0 : 1];
      }
      if (!value) continue;
      const stated = facts.constants.get(key);
      if (!stated) continue;
      const v = pyConstant(value);
      if (v === undefined) continue;
      if (stated.some((s) => Math.abs(s.value - v) <= 1e-12 * Math.max(1, Math.abs(v)))) continue;
      const s = stated[0];
      report({
        ...at(value.start, value.end),
        message: t(
          `The code sets \`${short}\` to ${fmt(v)} but the formula on line ${s.line} states \`${s.tex}\` (${fmt(s.value)}).`,
          `El código fija \`${short}\` en ${fmt(v)} pero la fórmula de la línea ${s.line} dice \`${s.tex}\` (${fmt(s.value)}).`,
        ),
      });
    }
  }
}

/** The value of a constant python expression (`1e-8`, `10**-8`, `1 - 1e-3`), or undefined. */
function pyConstant(e: PyExpr): number | undefined {
  const n = pyToNum(e);
  if (N.hasUnknown(n) || N.freeVars(n).size > 0) return undefined;
  const v = evaluate(n, samplePoints({}, 1)[0]);
  return Number.isFinite(v) ? v : undefined;
}

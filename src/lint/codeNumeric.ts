// Python expressions (codeExpr.ts) as the evaluator's NumExpr, so a code block's loss can be evaluated at
// the same seeded points as the article's formula. Arrays are read element-wise: inside np.sum / np.mean /
// np.dot / `.sum()` every name is an element `name_#` of a vector and the reduction is a Σ over `#`.
// Only numpy/math/torch spellings of the functions the evaluator knows are read; the rest is `unknown`.

import * as N from '../latex/evaluateExpr';
import type { NumExpr, NumFn } from '../latex/evaluateExpr';
import type { PyExpr } from './codeExpr';

/** The element index of array reductions. Not a letter, so it never collides with a formula's indices. */
export const ELEMENT = '#';

const MODULES = /^(?:np|numpy|math|torch|tf|jnp|F|nn\.functional|torch\.nn\.functional|scipy\.special|special)\./;

const FUNCTIONS = new Map<string, NumFn>([
  ['log', 'log'], ['log2', 'log2'], ['log10', 'log10'], ['exp', 'exp'], ['sqrt', 'sqrt'], ['tanh', 'tanh'],
  ['abs', 'abs'], ['fabs', 'abs'], ['absolute', 'abs'], ['sigmoid', 'sigma'], ['expit', 'sigma'], ['softplus', 'softplus'],
  ['relu', 'relu'], ['sin', 'sin'], ['cos', 'cos'],
]);

/** The base of a log call, `e` for natural: `np.log2` → 2, `math.log(x, 10)` → 10. Undefined if not a log. */
export function logBase(call: PyExpr): number | undefined {
  if (call.kind !== 'call' || call.fn.kind !== 'name') return undefined;
  const name = call.fn.id.replace(MODULES, '');
  if (name === 'log') {
    const b = call.args[1];
    if (b && b.kind === 'num') return b.value;
    return b ? undefined : Math.E;
  }
  if (name === 'log2') return 2;
  if (name === 'log10') return 10;
  if (name === 'log1p') return Math.E;
  return undefined;
}

/** Reads a Python expression; `elementwise` marks names as vector elements (inside a reduction). */
export function pyToNum(e: PyExpr, elementwise = false, depth = 0): NumExpr {
  if (depth > 100) return N.unknown('too deep');
  const go = (x: PyExpr, el = elementwise) => pyToNum(x, el, depth + 1);
  switch (e.kind) {
    case 'num':
      return Number.isFinite(e.value) ? N.num(e.value) : N.unknown('number');
    case 'name':
      if (e.id === 'np.e' || e.id === 'math.e') return N.num(Math.E);
      if (e.id === 'np.pi' || e.id === 'math.pi') return N.num(Math.PI);
      return elementwise ? N.v(e.id, N.v(ELEMENT)) : N.v(e.id);
    case 'unary':
      if (e.op === '-') return N.neg(go(e.operand));
      if (e.op === '+') return go(e.operand);
      return N.unknown(e.op);
    case 'bin': {
      const a = go(e.left);
      const b = go(e.right);
      switch (e.op) {
        case '+':
          return N.add(a, b);
        case '-':
          return N.sub(a, b);
        case '*':
          return N.mul(a, b);
        case '/':
          return N.div(a, b);
        case '**':
          return N.pow(a, b);
        case '@':
          return elementwise ? N.unknown('@') : N.big('sum', ELEMENT, N.mul(pyToNum(e.left, true, depth + 1), pyToNum(e.right, true, depth + 1)));
        default:
          return N.unknown(e.op);
      }
    }
    case 'call':
      return call(e, elementwise, depth);
    case 'method': {
      // `(y * np.log(p)).sum()`, `x.mean()`
      if (e.args.length === 0 && (e.name === 'sum' || e.name === 'mean')) return reduce(e.name, e.obj, elementwise, depth);
      if (e.name === 'log' || e.name === 'exp' || e.name === 'sqrt' || e.name === 'tanh' || e.name === 'sigmoid') return N.fn(FUNCTIONS.get(e.name)!, go(e.obj));
      return N.unknown(`.${e.name}()`);
    }
    default:
      return N.unknown(e.kind);
  }
}

function reduce(kind: 'sum' | 'mean', arg: PyExpr, elementwise: boolean, depth: number): NumExpr {
  if (elementwise) return N.unknown('nested reduction');
  const body = pyToNum(arg, true, depth + 1);
  const sum = N.big('sum', ELEMENT, body);
  // The mean divides by the index-set size, which the sample space calls `#n`.
  return kind === 'sum' ? sum : N.div(sum, N.v('#n'));
}

function call(e: Extract<PyExpr, { kind: 'call' }>, elementwise: boolean, depth: number): NumExpr {
  if (e.fn.kind !== 'name') return N.unknown('call');
  const name = e.fn.id.replace(MODULES, '');
  const arg = e.args[0];
  if (!arg) return N.unknown(name);
  const go = (x: PyExpr) => pyToNum(x, elementwise, depth + 1);
  if ((name === 'sum' || name === 'mean') && e.args.length === 1 && !e.kwargs.has('axis')) return reduce(name, arg, elementwise, depth);
  if (name === 'dot' && e.args.length === 2 && !elementwise) {
    return N.big('sum', ELEMENT, N.mul(pyToNum(e.args[0], true, depth + 1), pyToNum(e.args[1], true, depth + 1)));
  }
  if (name === 'log' && e.args.length === 2) return N.div(N.fn('log', go(arg)), N.fn('log', go(e.args[1])));
  if (name === 'log1p') return N.fn('log', N.add(N.num(1), go(arg)));
  if (name === 'maximum' && e.args.length === 2) {
    const [a, b] = e.args;
    if (a.kind === 'num' && a.value === 0) return N.fn('relu', go(b));
    if (b.kind === 'num' && b.value === 0) return N.fn('relu', go(a));
    return N.unknown('maximum');
  }
  // np.clip(p, eps, 1 - eps) keeps p inside the log's domain; for the sign of a loss it is p itself.
  if (name === 'clip') return go(arg);
  const fn = FUNCTIONS.get(name);
  if (fn && e.args.length === 1) return N.fn(fn, go(arg));
  return N.unknown(name);
}

/** A reduction (Σ over array elements) whose summand multiplies something by a log: a cross-entropy. */
export function isReducedLoss(e: NumExpr): boolean {
  let found = false;
  N.visit(e, (n) => {
    if (n.k === 'big' && n.index === ELEMENT) {
      N.visit(n.body, (m) => {
        if (m.k === 'mul' && m.factors.some((f) => hasLog(f)) && m.factors.some((f) => !hasLog(f))) found = true;
      });
    }
  });
  return found;
}

function hasLog(e: NumExpr): boolean {
  let found = false;
  N.visit(e, (n) => {
    if (n.k === 'fn' && (n.fn === 'log' || n.fn === 'log2' || n.fn === 'log10')) found = true;
  });
  return found;
}

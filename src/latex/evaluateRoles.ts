// What each variable of a formula ranges over when the evaluator samples it, from ML naming conventions:
// hats and p, q, y, t are probabilities (vectors on the simplex, scalars in (0,1)), z and x are logits
// and inputs (any real), β's are decay rates in (0,1), ε/η/λ/σ/T are positive, capitals and n's are counts.
// Also renders variable names for evidence in messages (`hat y` → ŷ, `\beta_1` → β_1).

import { freeVars, visit, type NumExpr } from './evaluateExpr';
import type { SampleRole } from './evaluate';

const GREEK = new Map<string, string>([
  ['\\alpha', 'α'], ['\\beta', 'β'], ['\\gamma', 'γ'], ['\\delta', 'δ'], ['\\epsilon', 'ε'], ['\\varepsilon', 'ε'],
  ['\\zeta', 'ζ'], ['\\eta', 'η'], ['\\theta', 'θ'], ['\\lambda', 'λ'], ['\\mu', 'μ'], ['\\pi', 'π'], ['\\rho', 'ρ'],
  ['\\sigma', 'σ'], ['\\tau', 'τ'], ['\\phi', 'φ'], ['\\varphi', 'φ'], ['\\psi', 'ψ'], ['\\omega', 'ω'], ['\\xi', 'ξ'],
  ['\\nu', 'ν'], ['\\kappa', 'κ'], ['\\chi', 'χ'],
]);

/** `hat y` → ŷ, `\beta_1`-style labels kept, Greek commands as letters. */
export function prettyName(name: string): string {
  if (name.startsWith('call:')) return name.slice(5);
  const m = /^(hat|tilde|bar) (.*)$/.exec(name);
  const accent = m ? ({ hat: '\u0302', tilde: '\u0303', bar: '\u0304' } as Record<string, string>)[m[1]] : '';
  let base = m ? m[2] : name;
  base = base.replace(/\\[A-Za-z]+/g, (g) => GREEK.get(g) ?? g);
  if (!accent) return base;
  // Put the combining accent on the first character: ŷ_label.
  return base.slice(0, 1) + accent + base.slice(1);
}

const PROBABILITY_LETTERS = new Set(['y', 't', 'p', 'q', '\\pi', 'h']);
const SMALL = new Set(['\\epsilon', '\\varepsilon']);
const POSITIVE = new Set(['\\eta', '\\lambda', '\\sigma', '\\tau', 'T', '\\alpha', '\\gamma']);
const UNIT = new Set(['\\beta', '\\rho']);

/** The base letter of a variable name: `hat y` → y, `n_in` → n, `\beta` → \beta. */
export function baseLetter(name: string): string {
  return name.replace(/^(hat|tilde|bar|check|widehat|widetilde) /, '').replace(/_.*$/, '');
}

/**
 * Roles for the free variables of `exprs`: vectors of probabilities when the letter is a probability
 * letter and indexed somewhere; scalars in (0,1) when not indexed.
 */
export function mlRoles(exprs: readonly NumExpr[]): Map<string, SampleRole> {
  const indexed = new Set<string>();
  const all = new Set<string>();
  for (const e of exprs) {
    for (const n of freeVars(e)) all.add(n);
    visit(e, (n) => {
      if (n.k === 'var' && n.idx.length > 0) indexed.add(n.name);
    });
  }
  const roles = new Map<string, SampleRole>();
  for (const name of all) roles.set(name, roleOf(name, indexed.has(name)));
  return roles;
}

export function roleOf(name: string, indexed: boolean): SampleRole {
  const letter = baseLetter(name);
  if (name.startsWith('call:')) return indexed ? 'simplex' : 'unit';
  if (PROBABILITY_LETTERS.has(letter)) return indexed ? 'simplex' : 'unit';
  if (UNIT.has(letter)) return 'unit';
  if (SMALL.has(letter)) return 'small';
  if (POSITIVE.has(letter)) return 'positive';
  // Widths with a label (`n_in`, `n_{out}`, `fan_in`) are layer sizes; bare capitals bound sums (K, N).
  if (!indexed && name.includes('_') && (letter === 'n' || letter === 'fan' || letter === 'd' || letter === 'N')) return 'integer';
  if (!indexed && (/^[A-Z]$/.test(letter) || letter === 'n' || letter === 'm')) return 'count';
  if (letter === 'v') return 'positive';
  return 'real';
}

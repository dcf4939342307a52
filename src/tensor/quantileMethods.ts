// The 13 methods of np.quantile / np.percentile (numpy/lib/_function_base_impl.py _QuantileMethods),
// one explicit registry: how each turns a sample size n and a quantile q into a position in the sorted
// sample, computed with the same float operations in the same order as NumPy's lambdas.

import { roundHalfEven } from './scalarMath';

export interface QuantileMethod {
  /** 'index': an integer position, the element itself is the answer (np.take, dtype kept). */
  readonly kind: 'index' | 'interpolate';
  /** The position (virtual index) of q in a sample of n. */
  readonly at: (n: number, q: number) => number;
  /** The interpolation weight from gamma = index - floor(index) (NumPy's fix_gamma), if it changes it. */
  readonly gamma?: (gamma: number, index: number) => number;
}

/** _compute_virtual_index: n·q + (alpha + q·(1 - alpha - beta)) - 1 (Hyndman and Fan). */
const hf = (alpha: number, beta: number): QuantileMethod => ({
  kind: 'interpolate',
  at: (n, q) => n * q + (alpha + q * (1 - alpha - beta)) - 1,
});

/** _discrete_interpolation_to_boundaries: floor or floor + 1 by a condition on the fraction, >= 0. */
function boundary(index: number, takeFloor: (gamma: number, index: number) => boolean): number {
  const prev = Math.floor(index);
  const r = takeFloor(index - prev, index) ? prev : prev + 1;
  return r < 0 ? 0 : r;
}

export const QUANTILE_METHODS: ReadonlyMap<string, QuantileMethod> = new Map<string, QuantileMethod>([
  ['inverted_cdf', { kind: 'index', at: (n, q) => boundary(n * q - 1, (g) => g === 0) }],
  ['averaged_inverted_cdf', { kind: 'interpolate', at: (n, q) => n * q - 1, gamma: (g) => (g === 0 ? 0.5 : 1) }],
  // Nearest even order statistic at g = 0 (1-based), so an odd floor stays.
  ['closest_observation', { kind: 'index', at: (n, q) => boundary(n * q - 1 - 0.5, (g, i) => g === 0 && (((Math.floor(i) % 2) + 2) % 2) === 1) }],
  ['interpolated_inverted_cdf', hf(0, 1)],
  ['hazen', hf(0.5, 0.5)],
  ['weibull', hf(0, 0)],
  // NumPy writes (n - 1)·q rather than hf(1, 1): the same in exact arithmetic, fewer roundings.
  ['linear', { kind: 'interpolate', at: (n, q) => (n - 1) * q }],
  ['median_unbiased', hf(1 / 3, 1 / 3)],
  ['normal_unbiased', hf(3 / 8, 3 / 8)],
  ['lower', { kind: 'index', at: (n, q) => Math.floor((n - 1) * q) }],
  ['higher', { kind: 'index', at: (n, q) => Math.ceil((n - 1) * q) }],
  ['midpoint', {
    kind: 'interpolate',
    at: (n, q) => 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q)),
    gamma: (_g, i) => (i % 1 === 0 ? 0 : 0.5),
  }],
  ['nearest', { kind: 'index', at: (n, q) => roundHalfEven((n - 1) * q) }],
]);

/** NumPy's ValueError for an unknown method (it lists the dict's keys). */
export function methodError(method: string): string {
  return `'${method}' is not a valid method. Use one of: dict_keys([${[...QUANTILE_METHODS.keys()].map((k) => `'${k}'`).join(', ')}])`;
}

// NumPy's floating-point RuntimeWarnings for ufunc loops. NumPy reads the FPU flags after the loop; we
// infer them from the results instead: only when an output holds NaN or ±inf are the elements visited
// again (inputs next to their result) to tell "divide by zero" from "overflow" and "invalid value".
// Order of the warnings: divide, overflow, invalid (numpy/_core/src/umath/extobj.c).

import { scan2, scan3 } from './elementwise';
import { warn } from './errors';
import { NDArray } from './ndarray';

export function allFinite(a: NDArray): boolean {
  if (a.isContiguous) return finiteRun(a.data, a.offset, a.offset + a.size);
  let ok = true;
  scan2(a, a, (v) => (ok &&= Number.isFinite(v)));
  return ok;
}

/**
 * True when d[i..e) are all finite. x - x is 0 for a finite x and NaN for inf or NaN, and a NaN stays
 * in a sum; four sums keep the additions independent (about twice as fast as a test per element,
 * measured on 4096 elements; this runs after every float ufunc).
 */
function finiteRun(d: Float64Array, i: number, e: number): boolean {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (; i + 4 <= e; i += 4) {
    s0 += d[i] - d[i];
    s1 += d[i + 1] - d[i + 1];
    s2 += d[i + 2] - d[i + 2];
    s3 += d[i + 3] - d[i + 3];
  }
  for (; i < e; i++) s0 += d[i] - d[i];
  return s0 + s1 + s2 + s3 === 0;
}

/** Warnings of a binary float loop: `out` (not sharing a buffer with a or b) holds its results. */
export function binaryWarnings(name: string, infKind: 'divide' | 'overflow', a: NDArray, b: NDArray, out: NDArray, nanInvalid = false): void {
  if (out.dtype !== 'float64' || allFinite(out)) return;
  let div = false, over = false, inv = false;
  scan3(a, b, out, (x, y, r) => {
    if (r !== r) {
      if ((x === x && y === y) || nanInvalid) inv = true;
    } else if ((r === Infinity || r === -Infinity) && Number.isFinite(x) && Number.isFinite(y)) {
      if (infKind === 'divide' || ((name === 'power' || name === 'reciprocal') && x === 0)) div = true;
      else over = true;
    }
  });
  report(name, div, over, inv);
}

/** Warnings of a unary float loop; `div`: an infinite result from a finite input is a divide by zero. */
export function unaryWarnings(name: string, divKind: boolean, a: NDArray, out: NDArray): void {
  if (out.dtype !== 'float64' || allFinite(out)) return;
  let div = false, over = false, inv = false;
  scan2(a, out, (v, r) => {
    if (r !== r && v === v) inv = true;
    else if ((r === Infinity || r === -Infinity) && Number.isFinite(v)) (divKind ? (div = true) : (over = true));
  });
  report(name, div, over, inv);
}

function report(name: string, div: boolean, over: boolean, inv: boolean): void {
  if (div) warn(`divide by zero encountered in ${name}`);
  if (over) warn(`overflow encountered in ${name}`);
  if (inv) warn(`invalid value encountered in ${name}`);
}

/**
 * Warnings of a matrix product (`dot`, `matmul`), which NumPy reads from the FPU flags after BLAS: a
 * non-finite result from finite inputs means a product or sum overflowed; a NaN from NaN-free inputs
 * means inf·0 or inf − inf (invalid). Decided for the whole product, not per element.
 */
export function productWarnings(name: string, a: NDArray, b: NDArray, out: NDArray): void {
  if (out.dtype !== 'float64' || allFinite(out)) return;
  let inNaN = false, inInf = false, outNaN = false;
  const look = (v: number) => {
    if (v !== v) inNaN = true;
    else if (v === Infinity || v === -Infinity) inInf = true;
  };
  scan2(a, a, look);
  scan2(b, b, look);
  scan2(out, out, (v) => (outNaN ||= v !== v));
  report(name, false, !inNaN && !inInf, outNaN && !inNaN);
}

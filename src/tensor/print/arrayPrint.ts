// str() and repr() of arrays and numpy scalars, following numpy/_core/arrayprint.py (_formatArray,
// _extendLine, _array_repr_implementation) for NumPy 2.x without legacy modes.

import { floatRepr } from '../../common/floatRepr';
import type { DType } from '../dtype';
import { NDArray } from '../ndarray';
import { intStr, makeFormatter, type ElemFormat } from './formatters';
import { getPrintOptions, type PrintOptions } from './options';

/** The elements that will be shown (all, or edge items of every long axis when summarising). */
function shownValues(a: NDArray, summarize: boolean, edge: number): Float64Array {
  if (!summarize) return a.toFlat();
  const out: number[] = [];
  const rec = (d: number, off: number) => {
    if (d === a.ndim) {
      out.push(a.data[off]);
      return;
    }
    const n = a.shape[d];
    const idx: number[] = [];
    if (2 * edge < n) {
      for (let i = 0; i < edge; i++) idx.push(i);
      for (let i = n - edge; i < n; i++) idx.push(i);
    } else for (let i = 0; i < n; i++) idx.push(i);
    for (const i of idx) rec(d + 1, off + i * a.strides[d]);
  };
  rec(0, a.offset);
  return Float64Array.from(out);
}

function extendLine(s: string, line: string, word: string, width: number, prefix: string): [string, string] {
  let wrap = line.length + word.length > width;
  if (line.length <= prefix.length) wrap = false;
  if (wrap) {
    s += line.trimEnd() + '\n';
    line = prefix;
  }
  return [s, line + word];
}

function formatArray(a: NDArray, fmt: ElemFormat, lineWidth: number, prefix: string, sep: string, edge: number, summary: string): string {
  const rec = (d: number, off: number, hanging: string, width: number): string => {
    if (d === a.ndim) return fmt(a.data[off]);
    const left = a.ndim - d;
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const n = a.shape[d];
    const st = a.strides[d];
    const showSummary = summary !== '' && 2 * edge < n;
    const lead = showSummary ? edge : 0;
    const trail = showSummary ? edge : n;
    let s = '';
    if (left === 1) {
      const elemWidth = width - Math.max(sep.trimEnd().length, 1);
      let line = hanging;
      for (let i = 0; i < lead; i++) {
        [s, line] = extendLine(s, line, rec(d + 1, off + i * st, nextHanging, nextWidth), elemWidth, hanging);
        line += sep;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summary, elemWidth, hanging);
        line += sep;
      }
      for (let i = trail; i > 1; i--) {
        [s, line] = extendLine(s, line, rec(d + 1, off + (n - i) * st, nextHanging, nextWidth), elemWidth, hanging);
        line += sep;
      }
      [s, line] = extendLine(s, line, rec(d + 1, off + (n - 1) * st, nextHanging, nextWidth), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = sep.trimEnd() + '\n'.repeat(left - 1);
      for (let i = 0; i < lead; i++) s += hanging + rec(d + 1, off + i * st, nextHanging, nextWidth) + lineSep;
      if (showSummary) s += hanging + summary + lineSep;
      for (let i = trail; i > 1; i--) s += hanging + rec(d + 1, off + (n - i) * st, nextHanging, nextWidth) + lineSep;
      s += hanging + rec(d + 1, off + (n - 1) * st, nextHanging, nextWidth);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return rec(0, a.offset, prefix, lineWidth);
}

/** numpy.array2string(a, separator=sep, prefix=prefix) with the current options. */
export function array2string(a: NDArray, sep = ' ', prefix = '', suffix = '', opts: Readonly<PrintOptions> = getPrintOptions()): string {
  if (a.size === 0 && a.ndim > 0) return '[]';
  const summarize = a.size > opts.threshold;
  const fmt = makeFormatter(shownValues(a, summarize, opts.edgeitems), a.dtype, opts, a.ndim === 0);
  const width = opts.linewidth - suffix.length;
  return formatArray(a, fmt, width, ' ' + ' '.repeat(prefix.length), sep, opts.edgeitems, summarize ? '...' : '');
}

/** Python `str` of a numpy scalar value: `1.5`, `1e+16`, `3`, `True`. */
export function scalarStr(v: number, dtype: DType): string {
  if (dtype === 'float64') return floatRepr(v);
  if (dtype === 'bool') return v ? 'True' : 'False';
  return intStr(v);
}

/** `repr(np.float64(1.5))` → `np.float64(1.5)`; bools are `np.True_`/`np.False_`. */
export function scalarRepr(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'np.True_' : 'np.False_';
  return `np.${dtype}(${scalarStr(v, dtype)})`;
}

/** `str(a)` — what `print(a)` shows. Numpy scalars (isScalar) print as Python numbers. */
export function arrayStr(a: NDArray): string {
  if (a.ndim === 0) return scalarStr(a.item(), a.dtype);
  return array2string(a, ' ', '');
}

function shapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** `repr(a)`; for a numpy scalar (isScalar) the `np.float64(...)` form. */
export function arrayRepr(a: NDArray): string {
  if (a.isScalar) return scalarRepr(a.item(), a.dtype);
  const opts = getPrintOptions();
  const prefix = 'array(';
  const lst = array2string(a, ', ', prefix, ')', opts);
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > opts.threshold) extras.push(`shape=${shapeTuple(a.shape)}`);
  if (a.dtype !== 'float64' && a.dtype !== 'int64' && a.dtype !== 'bool') extras.push(`dtype=${a.dtype}`);
  else if (a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (!extras.length) return prefix + lst + ')';
  const arrStr = prefix + lst + ',';
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}

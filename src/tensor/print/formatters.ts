// Element formatters built from the elements that will be shown (numpy/_core/arrayprint.py
// FloatingFormat.fillFormat, IntegerFormat, BoolFormat): every element of an array gets the same width.

import type { DType } from '../dtype';
import { expString, positionalString, scientificParts } from './dragon';
import type { PrintOptions } from './options';

export type ElemFormat = (x: number) => string;

export function makeFormatter(values: Float64Array, dtype: DType, opts: Readonly<PrintOptions>, is0d: boolean): ElemFormat {
  if (dtype === 'bool') {
    const t = is0d ? 'True' : ' True';
    return (x) => (x ? t : 'False');
  }
  if (dtype === 'int64') {
    let w = 0;
    if (values.length) {
      let mx = -Infinity, mn = Infinity;
      for (const v of values) {
        if (v > mx) mx = v;
        if (v < mn) mn = v;
      }
      w = Math.max(intStr(mx).length, intStr(mn).length);
    }
    return (x) => intStr(x).padStart(w, ' ');
  }
  return floatFormatter(values, opts);
}

function floatFormatter(values: Float64Array, opts: Readonly<PrintOptions>): ElemFormat {
  const finite: number[] = [];
  let hasNonFinite = false, negInf = false;
  for (const v of values) {
    if (Number.isFinite(v)) finite.push(v);
    else {
      hasNonFinite = true;
      if (v === -Infinity) negInf = true;
    }
  }
  let maxV = 0, minV = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxV) maxV = a;
    if (a < minV) minV = a;
  }
  const expFormat = minV !== Infinity && (maxV >= 1e8 || (!opts.suppress && (minV < 0.0001 || maxV / minV > 1000)));
  let padLeft = 0, padRight = 0, precision = opts.precision, expSize = -1;
  if (finite.length === 0) {
    // nothing to measure
  } else if (expFormat) {
    let maxFrac = 0, maxExp = 0;
    for (const v of finite) {
      const p = scientificParts(v, precision);
      padLeft = Math.max(padLeft, p.int.length);
      maxFrac = Math.max(maxFrac, p.frac.length);
      maxExp = Math.max(maxExp, expString(p.exp, 2).length - 2);
    }
    expSize = maxExp;
    precision = maxFrac;
    padRight = expSize + 2 + precision;
  } else {
    for (const v of finite) {
      const p = positionalString(v, precision);
      padLeft = Math.max(padLeft, p.int.length);
      padRight = Math.max(padRight, p.frac.length);
    }
  }
  if (opts.sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) padLeft += 1;
  if (hasNonFinite) {
    const neg = opts.sign !== '-' || negInf ? 1 : 0;
    const off = padRight + 1;
    padLeft = Math.max(padLeft, opts.nanstr.length - off, opts.infstr.length + neg - off);
  }
  const width = padLeft + padRight + 1;
  const plus = opts.sign === '+';
  const sp = opts.sign === ' ';
  const signed = (int: string) => (int.startsWith('-') ? int : plus ? '+' + int : sp ? ' ' + int : int);
  return (x) => {
    if (!Number.isFinite(x)) {
      const r = x !== x ? (plus ? '+' : '') + opts.nanstr : (x < 0 ? '-' : plus ? '+' : '') + opts.infstr;
      return r.padStart(width, ' ');
    }
    if (expFormat) {
      const p = scientificParts(x, opts.precision);
      const frac = p.frac.padEnd(precision, '0');
      return signed(p.int).padStart(padLeft, ' ') + '.' + frac + expString(p.exp, expSize);
    }
    const p = positionalString(x, precision);
    return signed(p.int).padStart(padLeft, ' ') + '.' + p.frac.padEnd(padRight, ' ');
  };
}

/** An int64 value's decimal digits (exact also beyond 2**53, where String() would round). */
export function intStr(x: number): string {
  return Math.abs(x) < 2 ** 53 ? String(x) : BigInt(x).toString();
}

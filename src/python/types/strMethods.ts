// str methods (Objects/unicodeobject.c) registered on the str type, with CPython's messages.

import { IndexError, pyErr, TypeError, ValueError } from '../errors';
import { strFormat } from '../format';
import { PyBytes, PyList, PyTuple, strType, typeName } from '../objects';
import { toArray, toIndex } from '../runtime';
import { method } from '../nativeUtil';

function argStr(v: any, fn: string, pos = ''): string {
  if (typeof v !== 'string') throw pyErr(TypeError, `${fn}${pos} must be str, not ${typeName(v)}`);
  return v;
}

function nArgs(name: string, args: any[], min: number, max: number): void {
  if (args.length < min) throw pyErr(TypeError, `${name}() takes ${min === max ? 'exactly' : 'at least'} ${min} argument${min === 1 ? '' : 's'} (${args.length} given)`);
  if (args.length > max) throw pyErr(TypeError, `${name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${args.length} given)`);
}

function bounds(s: string, args: any[], from: number): [number, number] {
  const n = s.length;
  const adj = (v: any, d: number) => {
    if (v === undefined || v === null) return d;
    let i = toIndex(v);
    if (i < 0) i = Math.max(0, i + n);
    return Math.min(i, n);
  };
  return [adj(args[from], 0), adj(args[from + 1], n)];
}

// Python's whitespace (Py_UNICODE_ISSPACE; `str.isspace()` of every code point, checked with CPython):
// JavaScript's \s differs (it includes U+FEFF, which Python does not split on).
const SP = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS = new RegExp(`^[${SP}]+|[${SP}]+$`, 'g');
const WS_LEFT = new RegExp(`^[${SP}]+`);
const WS_RIGHT = new RegExp(`[${SP}]+$`);
const ALL_WS = new RegExp(`^[${SP}]+$`);

/** Py_UNICODE_ISSPACE for one UTF-16 code unit (no Python space is outside the BMP). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c >= 0x1c;
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000;
}

function stripChars(s: string, chars: any, left: boolean, right: boolean, name: string): string {
  if (chars === undefined || chars === null) {
    if (left && right) return s.replace(WS, '');
    if (left) return s.replace(WS_LEFT, '');
    return s.replace(WS_RIGHT, '');
  }
  const cs = argStr(chars, name, ' arg');
  let a = 0, b = s.length;
  if (left) while (a < b && cs.includes(s[a])) a++;
  if (right) while (b > a && cs.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function splitWs(s: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) break;
    if (max >= 0 && out.length === max) {
      out.push(s.slice(i)); // CPython keeps the remainder's far-side whitespace
      return out;
    }
    let j = i;
    while (j < n && !isSpace(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function prefixCheck(self: string, args: any[], name: string, ends: boolean): boolean {
  nArgs(name, args, 1, 3);
  const [a, b] = bounds(self, args, 1);
  const sub = self.slice(a, b);
  const test = (p: any): boolean => {
    if (typeof p !== 'string') throw pyErr(TypeError, `tuple for ${name} must only contain str, not ${typeName(p)}`);
    return ends ? sub.endsWith(p) && b - p.length >= a : sub.startsWith(p);
  };
  const p = args[0];
  if (p instanceof PyTuple) return p.items.some(test);
  if (typeof p !== 'string') throw pyErr(TypeError, `${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
  return test(p);
}

function isCased(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

export function installStrMethods(): void {
  const t = strType;
  method(t, 'upper', (s) => s.toUpperCase());
  method(t, 'lower', (s) => s.toLowerCase());
  method(t, 'casefold', (s) => s.toLowerCase());
  method(t, 'swapcase', (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
  method(t, 'capitalize', (s: string) => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s));
  method(t, 'title', (s: string) => {
    let out = '';
    let prevCased = false;
    for (const c of s) {
      out += prevCased ? c.toLowerCase() : c.toUpperCase();
      prevCased = isCased(c);
    }
    return out;
  });
  method(t, 'strip', (s, a) => stripChars(s, a[0], true, true, 'strip'));
  method(t, 'lstrip', (s, a) => stripChars(s, a[0], true, false, 'lstrip'));
  method(t, 'rstrip', (s, a) => stripChars(s, a[0], false, true, 'rstrip'));
  method(t, 'split', (s: string, a, kw) => {
    const sep = a.length > 0 ? a[0] : kw?.get('sep') ?? null;
    const max = a.length > 1 ? toIndex(a[1]) : kw?.has('maxsplit') ? toIndex(kw.get('maxsplit')) : -1;
    if (sep === null) return new PyList(splitWs(s, max));
    if (typeof sep !== 'string') throw pyErr(TypeError, `must be str or None, not ${typeName(sep)}`);
    const p: string = sep;
    if (p === '') throw pyErr(ValueError, 'empty separator');
    const parts = s.split(p);
    if (max >= 0 && parts.length > max + 1) return new PyList([...parts.slice(0, max), parts.slice(max).join(p)]);
    return new PyList(parts);
  });
  method(t, 'rsplit', (s: string, a, kw) => {
    const sep = a.length > 0 ? a[0] : kw?.get('sep') ?? null;
    const max = a.length > 1 ? toIndex(a[1]) : kw?.has('maxsplit') ? toIndex(kw.get('maxsplit')) : -1;
    if (sep === null) {
      if (max < 0) return new PyList(splitWs(s, -1));
      const rev = splitWs([...s].reverse().join(''), max).map((x) => [...x].reverse().join(''));
      return new PyList(rev.reverse());
    }
    if (sep === '') throw pyErr(ValueError, 'empty separator');
    const parts = s.split(sep);
    if (max >= 0 && parts.length > max + 1) {
      const k = parts.length - max;
      return new PyList([parts.slice(0, k).join(sep), ...parts.slice(k)]);
    }
    return new PyList(parts);
  });
  method(t, 'splitlines', (s: string, a) => {
    const keep = a.length > 0 && !!a[0];
    const out: string[] = [];
    const re = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;
    let last = 0;
    let m;
    while ((m = re.exec(s))) {
      out.push(s.slice(last, keep ? m.index + m[0].length : m.index));
      last = m.index + m[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return new PyList(out);
  });
  method(t, 'join', (s: string, a) => {
    nArgs('join', a, 1, 1);
    const items = toArray(a[0]);
    for (let i = 0; i < items.length; i++) {
      if (typeof items[i] !== 'string') throw pyErr(TypeError, `sequence item ${i}: expected str instance, ${typeName(items[i])} found`);
    }
    return items.join(s);
  });
  method(t, 'replace', (s: string, a) => {
    nArgs('replace', a, 2, 3);
    const old = argStr(a[0], 'replace() argument 1');
    const nu = argStr(a[1], 'replace() argument 2');
    let count = a.length > 2 ? toIndex(a[2]) : -1;
    if (count < 0) {
      if (old === '') return nu + [...s].join(nu) + (s.length ? nu : '');
      return s.split(old).join(nu);
    }
    let out = '';
    let i = 0;
    while (count-- > 0) {
      const j = s.indexOf(old, i);
      if (j < 0) break;
      out += s.slice(i, j) + nu;
      i = j + old.length;
      if (old === '') {
        if (i < s.length) out += s[i];
        i++;
        if (i > s.length) break;
      }
    }
    return out + s.slice(i);
  });
  method(t, 'startswith', (s, a) => prefixCheck(s, a, 'startswith', false));
  method(t, 'endswith', (s, a) => prefixCheck(s, a, 'endswith', true));
  const finder = (name: string, rev: boolean, raise: boolean) => (s: string, a: any[]) => {
    nArgs(name, a, 1, 3);
    const sub = argStr(a[0], `${name}() argument 1`);
    const [lo, hi] = bounds(s, a, 1);
    let r = -1;
    if (hi - lo >= sub.length) {
      const seg = s.slice(lo, hi);
      const k = rev ? seg.lastIndexOf(sub) : seg.indexOf(sub);
      r = k < 0 ? -1 : k + lo;
    }
    if (r < 0 && raise) throw pyErr(ValueError, 'substring not found');
    return r;
  };
  method(t, 'find', finder('find', false, false));
  method(t, 'rfind', finder('rfind', true, false));
  method(t, 'index', finder('index', false, true));
  method(t, 'rindex', finder('rindex', true, true));
  method(t, 'count', (s: string, a) => {
    nArgs('count', a, 1, 3);
    const sub = argStr(a[0], 'count() argument 1');
    const [lo, hi] = bounds(s, a, 1);
    const seg = s.slice(lo, hi);
    if (sub === '') return seg.length + 1;
    return seg.split(sub).length - 1;
  });
  method(t, 'format', (s, a, kw) => strFormat(s, a, kw));
  method(t, 'format_map', (s, a) => strFormat(s, [], new Map([...(a[0].vals as Map<string, any>)])));
  const pred = (name: string, re: RegExp, needCased = false) =>
    method(t, name, (s: string) => s.length > 0 && re.test(s) && (!needCased || [...s].some(isCased)));
  pred('isdigit', /^[0-9\u00b2\u00b3\u00b9\u0660-\u0669]+$/);
  pred('isdecimal', /^[0-9\u0660-\u0669]+$/);
  pred('isnumeric', /^[0-9\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\u0669]+$/);
  pred('isalpha', /^\p{L}+$/u);
  pred('isalnum', /^[\p{L}\p{N}]+$/u);
  pred('isspace', ALL_WS);
  method(t, 'isupper', (s: string) => [...s].some(isCased) && s === s.toUpperCase());
  method(t, 'islower', (s: string) => [...s].some(isCased) && s === s.toLowerCase());
  method(t, 'istitle', (s: string) => s.length > 0 && s === (t.dict.get('title') as { fn: (s: string) => string }).fn(s) && [...s].some(isCased));
  method(t, 'isidentifier', (s: string) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(s));
  method(t, 'isascii', (s: string) => /^[\x00-\x7f]*$/.test(s));
  method(t, 'isprintable', (s: string) => !/[\x00-\x1f\x7f-\xa0]/.test(s));
  const padder = (name: string, mode: 'l' | 'r' | 'c') => method(t, name, (s: string, a) => {
    nArgs(name, a, 1, 2);
    const w = toIndex(a[0]);
    const fill = a.length > 1 ? a[1] : ' ';
    if (typeof fill !== 'string' || [...fill].length !== 1) throw pyErr(TypeError, 'The fill character must be exactly one character long');
    const n = w - s.length;
    if (n <= 0) return s;
    if (mode === 'l') return s + fill.repeat(n);
    if (mode === 'r') return fill.repeat(n) + s;
    const left = Math.floor(n / 2) + (n & w & 1);
    return fill.repeat(left) + s + fill.repeat(n - left);
  });
  padder('ljust', 'l');
  padder('rjust', 'r');
  padder('center', 'c');
  method(t, 'zfill', (s: string, a) => {
    const w = toIndex(a[0]);
    if (s.length >= w) return s;
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(w - s.length) + s.slice(sign.length);
  });
  const part = (name: string, rev: boolean) => method(t, name, (s: string, a) => {
    const sep = argStr(a[0], `${name}() argument`);
    if (sep === '') throw pyErr(ValueError, 'empty separator');
    const i = rev ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (i < 0) return new PyTuple(rev ? ['', '', s] : [s, '', '']);
    return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  });
  part('partition', false);
  part('rpartition', true);
  method(t, 'removeprefix', (s: string, a) => (s.startsWith(a[0]) ? s.slice(a[0].length) : s));
  method(t, 'removesuffix', (s: string, a) => (a[0] && s.endsWith(a[0]) ? s.slice(0, s.length - a[0].length) : s));
  method(t, 'expandtabs', (s: string, a) => {
    const size = a.length ? toIndex(a[0]) : 8;
    let out = '';
    let col = 0;
    for (const c of s) {
      if (c === '\t') {
        const n = size > 0 ? size - (col % size) : 0;
        out += ' '.repeat(n);
        col += n;
      } else {
        out += c;
        col = c === '\n' || c === '\r' ? 0 : col + 1;
      }
    }
    return out;
  });
  method(t, 'encode', (s: string) => {
    const bytes = new TextEncoder().encode(s);
    return new PyBytes(bytes);
  });
  method(t, '__len__', (s: string) => s.length);
  method(t, '__getitem__', (s: string, a) => {
    const i = toIndex(a[0]);
    const j = i < 0 ? i + s.length : i;
    if (j < 0 || j >= s.length) throw pyErr(IndexError, 'string index out of range');
    return s[j];
  });
}

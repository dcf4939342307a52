// String formatting: the format-spec mini-language (format(), f-strings, str.format — CPython
// Python/formatter_unicode.c) and printf-style `%` (Objects/unicodeobject.c PyUnicode_Format).
// Float digits are correctly rounded half-even on the exact binary value, like CPython's dtoa.

import { floatRepr } from '../common/floatRepr';
import { IndexError, KeyError, pyErr, pyErrArgs, TypeError, ValueError } from './errors';
import { exactDecimal } from './numbers';
import { PyDict, PyFloat, PyObject, PyTuple, typeName } from './objects';
import { asciiOf, repr, str } from './repr';
import { callDescr, getAttr, getItem, toIndex } from './runtime';

/** x rounded to `prec` decimals (half-even on the exact value), as digits without exponent. */
export function toFixedExact(x: number, prec: number): string {
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  // JavaScript's toFixed also rounds the exact binary value (ECMA-262 Number.prototype.toFixed) but
  // breaks ties upward. A tie needs x = odd / 2^(prec+1), i.e. x·2^(prec+1) an integer (exact: a power
  // of two scales without rounding); otherwise both agree and the BigInt expansion below is not needed.
  if (ax < 1e21 && prec <= 100 && !Number.isInteger(ax * 2 ** (prec + 1))) return (neg ? '-' : '') + ax.toFixed(prec);
  let s: string;
  const exact = exactDecimal(ax);
  const [ip, fp = ''] = exact.split('.');
  if (fp.length <= prec) s = ip + (prec > 0 ? '.' + fp.padEnd(prec, '0') : '');
  else {
    const digits = ip + fp.slice(0, prec);
    const rest = fp.slice(prec);
    const d0 = rest.charCodeAt(0) - 48;
    const tail = /[1-9]/.test(rest.slice(1));
    const up = d0 > 5 || (d0 === 5 && (tail || (digits.charCodeAt(digits.length - 1) - 48) % 2 === 1));
    let n = BigInt(digits);
    if (up) n += 1n;
    const t = n.toString().padStart(prec + 1, '0');
    s = prec > 0 ? t.slice(0, t.length - prec) + '.' + t.slice(t.length - prec) : t;
  }
  return (neg ? '-' : '') + s;
}

/** [digits, exponent] of x rounded to `sig` significant digits, half-even on the exact value. */
function sigDigits(ax: number, sig: number): [string, number] {
  if (ax === 0) return ['0'.repeat(sig), 0];
  if (sig <= 101) {
    // toExponential rounds the exact value too, ties upward. With d = sig-1 fraction digits and printed
    // exponent e (one more than the true one after a carry), a tie needs x·2^(max(0, sig-e)+1) integral.
    const t = ax.toExponential(sig - 1);
    const k = t.indexOf('e');
    const e = Number(t.slice(k + 1));
    if (!Number.isInteger(ax * 2 ** (Math.max(0, sig - e) + 1))) return [t.slice(0, k).replace('.', ''), e];
  }
  const exact = exactDecimal(ax);
  const [ip, fp = ''] = exact.split('.');
  let all = ip + fp;
  let exp = ip.length - 1;
  const lead = all.search(/[1-9]/);
  all = all.slice(lead);
  exp -= lead;
  if (all.length <= sig) return [all.padEnd(sig, '0'), exp];
  const digits = all.slice(0, sig);
  const rest = all.slice(sig);
  const d0 = rest.charCodeAt(0) - 48;
  const up = d0 > 5 || (d0 === 5 && (/[1-9]/.test(rest.slice(1)) || (digits.charCodeAt(sig - 1) - 48) % 2 === 1));
  let n = BigInt(digits);
  if (up) n += 1n;
  let t = n.toString();
  if (t.length > sig) {
    t = t.slice(0, sig);
    exp += 1;
  }
  return [t, exp];
}

export function toExpExact(x: number, prec: number, upper = false, alt = false): string {
  const neg = x < 0 || Object.is(x, -0);
  const [d, e] = sigDigits(Math.abs(x), prec + 1);
  const mant = d[0] + (prec > 0 || alt ? '.' : '') + d.slice(1);
  const es = (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
  return (neg ? '-' : '') + mant + (upper ? 'E' : 'e') + es;
}

function toGeneral(x: number, prec: number, upper: boolean, alt: boolean, noTypeRule: boolean): string {
  if (prec === 0) prec = 1;
  const ax = Math.abs(x);
  const [, e] = sigDigits(ax, prec);
  let s: string;
  if (e >= -4 && e < prec) {
    s = toFixedExact(x, prec - 1 - e);
    if (!alt) s = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
    if (noTypeRule && !s.includes('.')) s += '.0';
  } else {
    s = toExpExact(x, prec - 1, upper, alt);
    if (!alt) s = s.replace(/\.?0+(e|E)/, '$1');
  }
  return s;
}

function nonFinite(x: number, upper: boolean): string | null {
  if (Number.isNaN(x)) return upper ? 'NAN' : 'nan';
  if (!Number.isFinite(x)) return (x < 0 ? '-' : '') + (upper ? 'INF' : 'inf');
  return null;
}

interface Spec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  prec: number;
  type: string;
}

// Parsed specs by text: f-strings in loops format with the same few specs over and over.
const SPECS = new Map<string, Readonly<Spec>>();

function parseSpec(spec: string): Readonly<Spec> {
  let sp = SPECS.get(spec);
  if (sp === undefined) {
    sp = Object.freeze(parseSpecText(spec));
    if (SPECS.size > 1000) SPECS.clear();
    SPECS.set(spec, sp);
  }
  return sp;
}

function parseSpecText(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s.exec(spec);
  if (!m) throw pyErr(ValueError, 'Invalid format specifier');
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[5] ? '=' : ''),
    sign: m[3] ?? '-',
    alt: !!m[4],
    zero: !!m[5],
    width: m[6] ? parseInt(m[6], 10) : 0,
    grouping: m[7] ?? '',
    prec: m[8] !== undefined ? parseInt(m[8], 10) : -1,
    type: m[9] ?? '',
  };
}

function group(intPart: string, sep: string, every = 3): string {
  if (!sep) return intPart;
  let out = '';
  for (let i = intPart.length; i > 0; i -= every) out = intPart.slice(Math.max(0, i - every), i) + (out ? sep + out : '');
  return out;
}

function pad(body: string, sign: string, sp: Spec, defAlign: string): string {
  const align = sp.align || defAlign;
  const total = sign.length + body.length;
  if (total >= sp.width) return sign + body;
  const n = sp.width - total;
  switch (align) {
    case '<': return sign + body + sp.fill.repeat(n);
    case '^': return sp.fill.repeat(n >> 1) + sign + body + sp.fill.repeat(n - (n >> 1));
    case '=': return sign + sp.fill.repeat(n) + body;
    default: return sp.fill.repeat(n) + sign + body;
  }
}

function signOf(neg: boolean, sp: Spec): string {
  return neg ? '-' : sp.sign === '+' ? '+' : sp.sign === ' ' ? ' ' : '';
}

function formatFloat(x: number, sp: Spec): string {
  let t = sp.type;
  const upper = t === 'E' || t === 'F' || t === 'G';
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body = nonFinite(ax, upper);
  if (body === null) {
    let prec = sp.prec < 0 ? 6 : sp.prec;
    let suffix = '';
    let v = ax;
    if (t === '%') {
      v = ax * 100;
      suffix = '%';
      t = 'f';
    }
    // The max double as a percentage overflows: CPython prints 'inf%'.
    if (!Number.isFinite(v)) t = 'inf';
    switch (t) {
      case 'inf': body = nonFinite(v, upper)!; break;
      case 'f': case 'F': body = toFixedExact(v, prec); if (sp.alt && prec === 0) body += '.'; break;
      case 'e': case 'E': body = toExpExact(v, prec, upper, sp.alt); break;
      case 'g': case 'G': case 'n': body = toGeneral(v, prec, upper, sp.alt, false); break;
      default:
        body = sp.prec < 0 ? floatRepr(v) : toGeneral(v, sp.prec, false, sp.alt, true);
    }
    if (sp.grouping) {
      const [ip, ...rest] = body.split(/(?=[.eE])/);
      body = /^\d+$/.test(ip) ? group(ip, sp.grouping) + rest.join('') : body;
    }
    body += suffix;
  }
  const sign = signOf(neg && !Number.isNaN(x), sp);
  return pad(body, sign, sp, '>');
}

function formatInt(v: number | bigint, sp: Spec): string {
  const t = sp.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(Number(v), sp);
  if (sp.prec >= 0) throw pyErr(ValueError, 'Precision not allowed in integer format specifier');
  const neg = v < 0;
  // Safe integers print exactly with Number#toString in any radix; BigInt only beyond 2^53.
  const a = typeof v === 'number' ? Math.abs(v) : neg ? -v : v;
  let body: string;
  let prefix = '';
  switch (t) {
    case 'x': body = a.toString(16); prefix = sp.alt ? '0x' : ''; break;
    case 'X': body = a.toString(16).toUpperCase(); prefix = sp.alt ? '0X' : ''; break;
    case 'o': body = a.toString(8); prefix = sp.alt ? '0o' : ''; break;
    case 'b': body = a.toString(2); prefix = sp.alt ? '0b' : ''; break;
    case 'c': return pad(String.fromCodePoint(Number(v)), '', sp, '<');
    case 'd': case 'n': case '': body = a.toString(); break;
    default: throw pyErr(ValueError, `Unknown format code '${t}' for object of type 'int'`);
  }
  body = group(body, sp.grouping, t === 'x' || t === 'X' || t === 'o' || t === 'b' ? 4 : 3);
  if (sp.align === '=' && sp.zero && sp.grouping) {
    // Zero padding with grouping inserts separators in the padding too.
    const width = sp.width - prefix.length - (signOf(neg, sp).length);
    let digits = body.replace(/[,_]/g, '');
    while (group(digits, sp.grouping).length < width) digits = '0' + digits;
    body = group(digits, sp.grouping);
  }
  const sign = signOf(neg, sp);
  // '=' (what a leading 0 means) pads between the sign and prefix and the digits: '0b00000111'.
  if (prefix !== '' && (sp.align || '>') === '=') return pad(body, sign + prefix, sp, '>');
  return pad(prefix + body, sign, sp, '>');
}

/** format(value, spec) for builtin types; instances use __format__. */
export function formatValue(v: any, spec: string): string {
  if (v instanceof PyObject && !(v instanceof PyFloat)) {
    const f = v.cls.lookup('__format__');
    if (f !== undefined) return callDescr(f, v, [spec]);
    if (spec === '') return str(v);
    throw pyErr(TypeError, `unsupported format string passed to ${typeName(v)}.__format__`);
  }
  if (spec === '') return str(v);
  const sp = parseSpec(spec);
  if (typeof v === 'boolean' && sp.type === '') return pad(v ? 'True' : 'False', '', sp, '<');
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    if (sp.type === 's') throw pyErr(ValueError, `Unknown format code 's' for object of type '${typeName(v)}'`);
    return formatInt(typeof v === 'boolean' ? (v ? 1 : 0) : v, sp);
  }
  if (v instanceof PyFloat) {
    if ('bcdoxXs'.includes(sp.type) && sp.type !== '') throw pyErr(ValueError, `Unknown format code '${sp.type}' for object of type 'float'`);
    return formatFloat(v.v, sp);
  }
  if (typeof v === 'string') {
    if (sp.type !== '' && sp.type !== 's') throw pyErr(ValueError, `Unknown format code '${sp.type}' for object of type 'str'`);
    if (sp.sign !== '-' && spec.includes(sp.sign)) throw pyErr(ValueError, 'Sign not allowed in string format specifier');
    const s = sp.prec >= 0 ? v.slice(0, sp.prec) : v;
    return pad(s, '', sp, '<');
  }
  if (v === null) return pad('None', '', parseSpec(spec), '<');
  return pad(str(v), '', sp, '<');
}

export function convert(v: any, conv: string | null): any {
  if (conv === null) return v;
  if (conv === 'r') return repr(v);
  if (conv === 's') return str(v);
  if (conv === 'a') return asciiOf(v);
  throw pyErr(ValueError, `Unknown conversion specifier ${conv}`);
}

/** str.format(*args, **kwargs) (Objects/stringlib/unicode_format.h). */
export function strFormat(fmt: string, args: any[], kw: Map<string, any> | null): string {
  let out = '';
  let auto = 0;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        if (depth > 0) j++;
      }
      if (depth > 0) throw pyErr(ValueError, "expected '}' before end of string");
      const field = fmt.slice(i + 1, j);
      i = j + 1;
      const m = /^([^!:]*)(?:!([^:]))?(?::(.*))?$/s.exec(field)!;
      let name = m[1];
      let v: any;
      const head = /^[^.[]*/.exec(name)![0];
      let rest = name.slice(head.length);
      if (head === '') {
        if (auto < 0) throw pyErr(ValueError, 'cannot switch from manual field specification to automatic field numbering');
        if (auto >= args.length) throw pyErr(IndexError, `Replacement index ${auto} out of range for positional args tuple`);
        v = args[auto++];
      } else if (/^\d+$/.test(head)) {
        if (auto > 0) throw pyErr(ValueError, 'cannot switch from automatic field numbering to manual field specification');
        auto = -1;
        const k = parseInt(head, 10);
        if (k >= args.length) throw pyErr(IndexError, `Replacement index ${k} out of range for positional args tuple`);
        v = args[k];
      } else {
        v = kw?.get(head);
        if (v === undefined) throw pyErrArgs(KeyError, [head]);
      }
      while (rest) {
        const am = /^\.(\w+)/.exec(rest);
        if (am) {
          v = getAttr(v, am[1]);
          rest = rest.slice(am[0].length);
          continue;
        }
        const im = /^\[([^\]]*)\]/.exec(rest);
        if (!im) throw pyErr(ValueError, 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
        v = getItem(v, /^\d+$/.test(im[1]) ? parseInt(im[1], 10) : im[1]);
        rest = rest.slice(im[0].length);
      }
      let spec = m[3] ?? '';
      if (spec.includes('{')) spec = strFormatNested(spec, args, kw, () => auto++);
      out += formatValue(convert(v, m[2] ?? null), spec);
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw pyErr(ValueError, "Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  return out;
}
function strFormatNested(spec: string, args: any[], kw: Map<string, any> | null, nextAuto: () => number): string {
  return spec.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const v = name === '' ? args[nextAuto()] : /^\d+$/.test(name) ? args[+name] : kw?.get(name);
    return str(v);
  });
}

/** printf-style `fmt % args`. */
export function percentFormat(fmt: string, args: any): string {
  const items = args instanceof PyTuple ? args.items : [args];
  const mapping = args instanceof PyDict || (args instanceof PyObject && !(args instanceof PyTuple) && args.cls.lookup('__getitem__') !== undefined && typeof args !== 'string') ? args : null;
  let ai = 0;
  let out = '';
  const nextArg = () => {
    if (ai >= items.length) throw pyErr(TypeError, 'not enough arguments for format string');
    return items[ai++];
  };
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt))) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const [, key, flags, w, p, type] = m;
    if (type === '%' && !key && !flags && !w && !p) {
      out += '%';
      continue;
    }
    const width = w === '*' ? toIndex(nextArg()) : w ? parseInt(w, 10) : 0;
    const prec = p === '*' ? toIndex(nextArg()) : p !== undefined ? parseInt(p, 10) : -1;
    const v = key !== undefined ? getItem(mapping ?? args, key) : mapping && items.length === 1 && args === mapping ? args : nextArg();
    const left = flags.includes('-');
    const sp: Spec = {
      fill: flags.includes('0') && !left && !'sra'.includes(type) ? '0' : ' ',
      align: left ? '<' : flags.includes('0') && !'sra'.includes(type) ? '=' : '>',
      sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-',
      alt: flags.includes('#'),
      zero: false,
      width,
      grouping: '',
      prec,
      type: '',
    };
    let piece: string;
    switch (type) {
      case 's': piece = str(v); if (prec >= 0) piece = piece.slice(0, prec); piece = pad(piece, '', sp, '>'); break;
      case 'r': case 'a': piece = repr(v); if (prec >= 0) piece = piece.slice(0, prec); piece = pad(piece, '', sp, '>'); break;
      case 'c': piece = pad(typeof v === 'string' ? v : String.fromCodePoint(toIndex(v)), '', sp, '>'); break;
      case 'd': case 'i': case 'u': {
        const n = numArg(v, type);
        const iv = n instanceof PyFloat ? truncF(n.v) : n;
        piece = formatInt(iv, { ...sp, prec: -1, type: 'd' });
        if (prec > 0) piece = zeroPrec(piece, prec, sp);
        break;
      }
      case 'x': case 'X': case 'o': {
        const n = numArg(v, type, true);
        piece = formatInt(n, { ...sp, prec: -1, type });
        if (sp.alt && type !== 'X') piece = piece.replace('0o', '0o');
        break;
      }
      default: {
        const n = numArg(v, type);
        const x = n instanceof PyFloat ? n.v : Number(n);
        piece = formatFloat(x, { ...sp, prec: prec < 0 ? 6 : prec, type: type === 'F' ? 'F' : type });
      }
    }
    out += piece;
  }
  out += fmt.slice(last);
  if (!mapping && ai < items.length) throw pyErr(TypeError, 'not all arguments converted during string formatting');
  return out;
}
function truncF(x: number): number | bigint {
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}
function zeroPrec(piece: string, prec: number, sp: Spec): string {
  const m = /^(\s*)([-+ ]?)(\d+)$/.exec(piece);
  if (!m) return piece;
  const d = m[3].padStart(prec, '0');
  return pad(d, m[2], sp, '>');
}
function numArg(v: any, type: string, intOnly = false): any {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) {
    if (intOnly) throw pyErr(TypeError, `%${type} format: an integer is required, not float`);
    return v;
  }
  if (v instanceof PyObject) {
    for (const name of intOnly ? ['__index__'] : ['__float__', '__index__', '__int__']) {
      const f = v.cls.lookup(name);
      if (f !== undefined) {
        const r = callDescr(f, v, []);
        return typeof r === 'number' || typeof r === 'bigint' || r instanceof PyFloat ? r : 0;
      }
    }
  }
  throw pyErr(TypeError, intOnly ? `%${type} format: an integer is required, not ${typeName(v)}` : `%${type} format: a real number is required, not ${typeName(v)}`);
}

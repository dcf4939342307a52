// Call sites specialised at compile time for the hottest builtin methods, like CPython 3.11's
// specialising interpreter (Python/specialize.c: CALL_NO_KW_LIST_APPEND, CALL_NO_KW_LEN): `xs.append(v)`,
// `xs.pop()`, `xs.pop(i)` and `d.get(k[, default])` on an exact list or dict run inline, without the
// argument array and the method-site dispatch. Builtin types are immutable from guest code (setattr
// on them raises), so an exact list's `append` is always list.append; subclasses, other receivers and
// every error case take the MethodSite, which raises CPython's errors at the same positions.

import { at, type ErrPos, type Frame, type X } from './frame';
import { hashKey } from './keys';
import { dictType, listType, PyDict, PyList } from './objects';
import type { MethodSite } from './methodCall';

/**
 * The specialised closure for `recv.name(args)`, or null when the name/arity has none. `slot` is the
 * receiver's frame slot when it is a plain local (read in place; `recv` then only raises the unbound
 * error), else -1.
 */
export function builtinMethodSite(name: string, argXs: X[], recv: X, slot: number, site: MethodSite, p: ErrPos): X | null {
  const n = argXs.length;
  const a0 = argXs[0], a1 = argXs[1];
  if (name === 'append' && n === 1) {
    return (f) => {
      let o = slot >= 0 ? f.l[slot] : undefined;
      if (o === undefined) o = recv(f);
      if (o instanceof PyList && o.cls === listType) {
        o.items.push(a0(f));
        return null;
      }
      return site.call(o, f);
    };
  }
  if (name === 'pop' && n <= 1) {
    return (f) => {
      let o = slot >= 0 ? f.l[slot] : undefined;
      if (o === undefined) o = recv(f);
      if (o instanceof PyList && o.cls === listType) {
        const items = o.items;
        if (n === 0) {
          if (items.length > 0) return items.pop();
          return site.call(o, f);
        }
        const i = a0(f);
        if (typeof i === 'number' && items.length > 0) {
          if (i === 0) return items.shift();
          const j = i < 0 ? i + items.length : i;
          if (j === items.length - 1) return items.pop();
          if (j > 0 && j < items.length) return items.splice(j, 1)[0];
        }
        return site.callWith(o, [i]);
      }
      return site.call(o, f);
    };
  }
  if (name === 'get' && (n === 1 || n === 2)) {
    return (f) => {
      let o = slot >= 0 ? f.l[slot] : undefined;
      if (o === undefined) o = recv(f);
      if (o instanceof PyDict && o.cls === dictType) {
        const k = a0(f);
        const d = n === 2 ? a1(f) : null;
        let h = k;
        if (typeof k !== 'string' && typeof k !== 'number') {
          try {
            h = hashKey(k);
          } catch (err) {
            throw at(err, p);
          }
        }
        const v = o.vals.get(h);
        return v === undefined ? d : v;
      }
      return site.call(o, f);
    };
  }
  return null;
}

/** `len(x)` while the name still means the builtin: lists, strings and dicts answered inline. */
export function lenSite(fx: X, a0: X, general: (f: Frame, fn: any) => any, lenOf: (v: any) => number, p: ErrPos): X {
  return (f) => {
    const fn = fx(f);
    if (fn !== f.g.host.len) return general(f, fn);
    const v = a0(f);
    if (v instanceof PyList && v.cls === listType) return v.items.length;
    if (typeof v === 'string') return v.length;
    if (v instanceof PyDict && v.cls === dictType) return v.vals.size;
    try {
      return lenOf(v);
    } catch (err) {
      throw at(err, p);
    }
  };
}

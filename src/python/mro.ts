// The method resolution order of a class: C3 linearisation as CPython computes it
// (Objects/typeobject.c mro_internal); MroError when the bases admit none.

import type { PyType } from './objects';

/** C3 linearisation (CPython Objects/typeobject.c mro_internal). */
export function computeMro(t: PyType): PyType[] {
  if (t.bases.length === 0) return [t];
  const seqs = t.bases.map((b) => b.mro.slice()).concat([t.bases.slice()]);
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((o) => o.indexOf(c) > 0)) {
        cand = c;
        break;
      }
    }
    if (!cand) throw new MroError();
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}
export class MroError {}

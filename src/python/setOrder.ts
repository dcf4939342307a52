// Iteration order of sets of small non-negative ints as CPython 3.11 produces it (Objects/setobject.c:
// open addressing with 9 linear probes then perturbation, table growth at 60% fill to used*4), so that
// `print({3, 1, 2})` shows `{1, 2, 3}`. Other sets keep insertion order (CPython's string hashes are
// randomised per process, so no program can depend on their order).

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

export function cpythonIntSetOrder(keys: Iterable<any>, size: number): number[] | null {
  if (size < 2 || size > 100000) return null;
  const ks: number[] = [];
  for (const k of keys) {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= 2 ** 31) return null;
    ks.push(k);
  }
  let mask = 7;
  let table: (number | undefined)[] = new Array(8);
  let fill = 0;
  let used = 0;
  const place = (k: number): void => {
    let perturb = k;
    let i = k & mask;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) {
        if (table[i + j] === undefined) {
          table[i + j] = k;
          return;
        }
      }
      perturb >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
  };
  const resize = (minused: number): void => {
    let newsize = 8;
    while (newsize <= minused) newsize <<= 1;
    const old = table;
    table = new Array(newsize);
    mask = newsize - 1;
    fill = used;
    for (const k of old) if (k !== undefined) place(k);
  };
  for (const k of ks) {
    place(k);
    fill++;
    used++;
    if (fill * 5 >= mask * 3) resize(used > 50000 ? used * 2 : used * 4);
  }
  return table.filter((k): k is number => k !== undefined);
}

// Rendered formulas keyed by (TeX, display mode, macros in effect), bounded by entry count and total
// size (least recently used out first). After a one-character edit only the edited formula misses; every
// peer (VS Code's markdown-math, MPE, mdmath) re-renders every formula on each change (vscode #129252).

import type { MacroEnv } from './macros';

/**
 * Short stand-ins for macro tables: a table's signature can run to kilobytes, and hashing it again for
 * every formula of every keystroke showed up in profiles. Ids are never reused, so forgetting the
 * interning table (when it grows past its bound) only costs cache misses, never a wrong hit.
 */
const envIds = new Map<string, number>();
let nextEnvId = 0;

function envId(env: MacroEnv): number {
  let id = envIds.get(env.signature);
  if (id === undefined) {
    if (envIds.size >= 10_000) envIds.clear();
    envIds.set(env.signature, (id = nextEnvId++));
  }
  return id;
}

/** The cache key of one formula: everything that can change KaTeX's output. */
export function formulaKey(tex: string, display: boolean, env: MacroEnv): string {
  return `${display ? 'D' : 'I'}${envId(env)}\u0000${tex}`;
}

export interface LruLimits {
  readonly maxEntries: number;
  /** Sum of `weigh(value)` (for HTML: its length in UTF-16 units). */
  readonly maxWeight: number;
}

/** A least-recently-used map. Map iteration order is insertion order, so a hit is re-inserted at the end. */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly limits: LruLimits,
    private readonly weigh: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get totalWeight(): number {
    return this.weight;
  }

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old) {
      this.weight -= old.weight;
      this.entries.delete(key);
    }
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.weight += weight;
    while (this.entries.size > this.limits.maxEntries || (this.weight > this.limits.maxWeight && this.entries.size > 1)) {
      const [oldest, e] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.weight -= e.weight;
    }
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}

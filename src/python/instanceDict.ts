// Attribute storage of instances of Python classes, laid out like V8's own hidden classes: a Shape is
// the ordered list of attribute names, shared by every instance that received the same names in the
// same order (all `Vec(x, y)` share one), and each instance keeps only its values array. Compared with
// one Map per instance this allocates a small array instead of a hash table, and lets the compiled code
// cache (shape → slot index) at attribute sites, so `self.x` is an identity test and an array read.
// It implements Map<string, any>, so every other part of the runtime keeps treating it as a Map, and
// PyInstance extends it (an instance is its own dict: it derives from PyObject for that reason only).

import { PyObject } from './pyObject';

/** Above this many names a shape also keeps a Map index (linear scans stay for the common small case). */
const SCAN_MAX = 12;

export class Shape {
  private next: Map<string, Shape> | null = null;
  private index: Map<string, number> | null = null;
  constructor(readonly keys: readonly string[]) {}

  indexOf(name: string): number {
    const keys = this.keys;
    if (keys.length <= SCAN_MAX) {
      for (let i = 0; i < keys.length; i++) if (keys[i] === name) return i;
      return -1;
    }
    if (this.index === null) {
      this.index = new Map();
      keys.forEach((k, i) => this.index!.set(k, i));
    }
    return this.index.get(name) ?? -1;
  }

  /** The shape with `name` appended (one shared object per transition). */
  with(name: string): Shape {
    let s = this.next?.get(name);
    if (s === undefined) {
      s = new Shape([...this.keys, name]);
      (this.next ??= new Map()).set(name, s);
    }
    return s;
  }
}

/** Every instance starts here; shapes are reached from it by transitions, so equal orders share. */
export const ROOT_SHAPE = new Shape([]);

function shapeOf(keys: readonly string[]): Shape {
  let s = ROOT_SHAPE;
  for (const k of keys) s = s.with(k);
  return s;
}

export class InstanceDict extends PyObject implements Map<string, any> {
  // Declared, not class fields: assignments in the constructor are all V8 needs on this hot
  // allocation path (a field first defines the property as undefined, then the constructor stores).
  declare shape: Shape;
  /** Values by shape index; may be longer than the shape (preallocated, see PyType.instSize). */
  declare vals: any[];
  constructor(capacity = 0) {
    super();
    this.shape = ROOT_SHAPE;
    // Sized like the class's earlier instances: growing `[]` by one push allocates 17 slots.
    this.vals = capacity > 0 ? new Array(capacity) : [];
  }

  get size(): number {
    return this.shape.keys.length;
  }
  get(name: string): any {
    const i = this.shape.indexOf(name);
    return i < 0 ? undefined : this.vals[i];
  }
  has(name: string): boolean {
    return this.shape.indexOf(name) >= 0;
  }
  set(name: string, v: any): this {
    const i = this.shape.indexOf(name);
    if (i >= 0) this.vals[i] = v;
    else {
      const n = this.shape.keys.length;
      this.shape = this.shape.with(name);
      this.vals[n] = v;
    }
    return this;
  }
  delete(name: string): boolean {
    const i = this.shape.indexOf(name);
    if (i < 0) return false;
    // Python keeps the remaining order; a later re-add goes to the end, as here.
    this.shape = shapeOf(this.shape.keys.filter((_, j) => j !== i));
    this.vals.splice(i, 1);
    return true;
  }
  clear(): void {
    this.shape = ROOT_SHAPE;
    this.vals = [];
  }
  forEach(cb: (value: any, key: string, map: Map<string, any>) => void, thisArg?: any): void {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }
  *entries(): MapIterator<[string, any]> {
    // A snapshot of the names: deleting during iteration must not skip entries (Map semantics differ
    // here, but Python raises on size change anyway and no caller mutates while iterating).
    const keys = this.shape.keys;
    for (let i = 0; i < keys.length; i++) if (this.shape.keys[i] === keys[i]) yield [keys[i], this.vals[i]];
  }
  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<any> {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator](): MapIterator<[string, any]> {
    return this.entries();
  }
  get [Symbol.toStringTag](): string {
    return 'InstanceDict';
  }
}

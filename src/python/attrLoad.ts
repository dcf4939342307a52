// One attribute-load site (`self.x`, `layer.W`): an inline cache of the instance shape last seen and
// the index of the name in it, so a repeat load on the same shape is an identity test and an array
// read. A class method, so V8 inlines it into every compiled site that reads an attribute.

import { at, type ErrPos } from './frame';
import type { Shape } from './instanceDict';
import { PyInstance } from './objects';
import { getAttr } from './runtime';

export class AttrLoad {
  declare private shape: Shape | null;
  declare private idx: number;
  declare private readonly name: string;
  declare private readonly p: ErrPos;

  constructor(name: string, p: ErrPos) {
    this.shape = null;
    this.idx = -1;
    this.name = name;
    this.p = p;
  }

  load(o: any): any {
    if (o instanceof PyInstance) {
      if (o.shape !== this.shape) {
        this.shape = o.shape;
        this.idx = o.shape.indexOf(this.name);
      }
      // A property anywhere in the MRO may shadow the instance value: the general path decides.
      if (this.idx >= 0 && !o.cls.hasProperties()) return o.vals[this.idx];
    }
    try {
      return getAttr(o, this.name);
    } catch (err) {
      throw at(err, this.p);
    }
  }
}

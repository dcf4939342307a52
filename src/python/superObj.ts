// super(): a proxy whose attribute lookups start after `cls` in the MRO of type(self).

import { AttributeError, pyErr, RuntimeError } from './errors';
import { PyBoundMethod, PyClassMethod, PyFunction, PyMethodDescriptor, PyObject, PyProperty, PyStaticMethod, PyType, typeOf } from './objects';
import { call } from './runtime';

export const superType = new PyType('super', []);

export class PySuper extends PyObject {
  constructor(readonly thisClass: PyType, readonly self: any) {
    super();
  }
  getAttr(name: string): any {
    const start = this.self instanceof PyType && this.self.isSubtypeOf(this.thisClass) ? this.self : typeOf(this.self);
    const mro = start.mro;
    let i = mro.indexOf(this.thisClass);
    for (i = i + 1; i < mro.length; i++) {
      const v = mro[i].dict.get(name);
      if (v === undefined) continue;
      if (v instanceof PyFunction || v instanceof PyMethodDescriptor) return this.self instanceof PyType ? v : new PyBoundMethod(this.self, v);
      if (v instanceof PyClassMethod) return new PyBoundMethod(start, v.func);
      if (v instanceof PyStaticMethod) return v.func;
      if (v instanceof PyProperty) return call(v.fget, [this.self]);
      return v;
    }
    throw pyErr(AttributeError, `'super' object has no attribute '${name}'`);
  }
}
PySuper.prototype.cls = superType;

export function makeSuper(cls: any, self: any): PySuper {
  if (!(cls instanceof PyType)) throw pyErr(RuntimeError, 'super(): __class__ cell not found');
  if (self === undefined) throw pyErr(RuntimeError, 'super(): no arguments');
  return new PySuper(cls, self);
}

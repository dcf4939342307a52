// `obj.name(args)` call sites. A site caches what its last receiver's class resolved `name` to, so a
// repeat call on the same class is two identity tests and a direct call: a Python function gets
// `[obj, ...args]` (its locals array, no bound method), a builtin type's method descriptor gets `obj`
// and the arguments. Anything else (instance attribute holding a callable, classmethod, property,
// __getattr__) takes the general getattr-then-call path.

import { at, type ErrPos, type Frame } from './frame';
import { currentTypeVersion, PyBuiltin, PyFunction, PyInstance, PyMethodDescriptor, PyModule, PyObject, type PyType, typeOf } from './objects';
import { call, getAttr } from './runtime';

type Args = (f: Frame) => any[];
type ArgsSelf = (f: Frame, self: any) => any[];
type Kwargs = ((f: Frame) => Map<string, any>) | null;

export class MethodSite {
  // Instances of Python classes: the class and type version last seen, and the function the MRO gave
  // (any class dict change bumps the version, as for PyType.lookup's own memo).
  private icCls: PyType | null = null;
  private icVer = -1;
  private icFn: PyFunction | null = null;
  /** Whether an instance of icCls may hold `name` itself, shadowing the method (see noteInstanceAttr). */
  private icShadow = true;
  // Builtin receivers (list.append, dict.get, str.join): their type and method descriptor.
  private btT: PyType | null = null;
  private btVer = -1;
  private btFn: PyMethodDescriptor | null = null;

  constructor(
    private readonly name: string,
    private readonly args: Args,
    private readonly argsSelf: ArgsSelf,
    private readonly kwargs: Kwargs,
    private readonly p: ErrPos,
    private readonly attrPos: ErrPos,
  ) {}

  call(o: any, f: Frame): any {
    if (o instanceof PyInstance) {
      if (o.cls !== this.icCls || this.icVer !== currentTypeVersion()) {
        const ca = o.cls.lookup(this.name);
        this.icCls = o.cls;
        this.icVer = currentTypeVersion();
        this.icFn = ca instanceof PyFunction ? ca : null;
        this.icShadow = o.cls.instanceMayHave(this.name);
      }
      const fn = this.icFn;
      if (fn !== null && (!this.icShadow || !o.has(this.name))) {
        const a = this.argsSelf(f, o);
        const kw = this.kwargs ? this.kwargs(f) : null;
        try {
          return fn.impl(a, kw);
        } catch (err) {
          throw at(err, this.p);
        }
      }
    } else if (o instanceof PyModule) {
      // np.dot(...), math.exp(...): a module attribute holding a builtin is called directly.
      const fn = o.dict.get(this.name);
      if (fn instanceof PyBuiltin) {
        const a = this.args(f);
        const kw = this.kwargs ? this.kwargs(f) : null;
        try {
          return fn.fn(a, kw);
        } catch (err) {
          throw at(err, this.p);
        }
      }
    } else if ((o instanceof PyObject && !(o instanceof PyFunction)) || typeof o === 'string') {
      const t = typeOf(o);
      if (t !== this.btT || this.btVer !== currentTypeVersion()) {
        const ca = t.lookup(this.name);
        this.btT = t;
        this.btVer = currentTypeVersion();
        this.btFn = ca instanceof PyMethodDescriptor ? ca : null;
      }
      const md = this.btFn;
      if (md !== null) {
        const a = this.args(f);
        const kw = this.kwargs ? this.kwargs(f) : null;
        try {
          return md.fn(o, a, kw);
        } catch (err) {
          throw at(err, this.p);
        }
      }
    }
    let fn: any;
    try {
      fn = getAttr(o, this.name);
    } catch (err) {
      throw at(err, this.attrPos);
    }
    const a = this.args(f);
    const kw = this.kwargs ? this.kwargs(f) : null;
    try {
      return call(fn, a, kw);
    } catch (err) {
      throw at(err, this.p);
    }
  }

  /** The general path with arguments already evaluated (specialised sites whose fast path gave up
   * after evaluating them: the attribute is looked up afterwards, harmless for builtin types). */
  callWith(o: any, a: any[]): any {
    let fn: any;
    try {
      fn = getAttr(o, this.name);
    } catch (err) {
      throw at(err, this.attrPos);
    }
    try {
      return call(fn, a, null);
    } catch (err) {
      throw at(err, this.p);
    }
  }
}

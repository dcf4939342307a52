// Runtime representation of Python values. Fast paths use JS primitives: str = JS string, int = JS
// number (always a safe integer) or bigint (only outside ±2^53), bool = JS boolean, None = null.
// Everything else is a PyObject whose `cls` is a PyType; attributes live in Maps, never on JS objects,
// so guest code can only reach what these classes expose by name.

import { InstanceDict } from './instanceDict';
import { PyObject } from './pyObject';
import { computeMro } from './mro';

export { PyObject };

export type Native = (args: any[], kw: Map<string, any> | null) => any;
export type NativeMethod = (self: any, args: any[], kw: Map<string, any> | null) => any;

export class PyType extends PyObject {
  mro: PyType[] = [];
  /** Native constructor for builtin types: receives the class (may be a subclass) and arguments. */
  construct: ((cls: PyType, args: any[], kw: Map<string, any> | null) => any) | null = null;
  /** The builtin type whose instance layout user subclasses share (object, Exception, …). */
  base: PyType | null = null;
  isException = false;
  /** The C-level type name used in error messages (e.g. 'numpy.ndarray'); defaults to `name`. */
  tpName: string;
  constructor(
    public name: string,
    public bases: PyType[],
    public dict: Map<string, any> = new Map(),
    public module = 'builtins',
  ) {
    super();
    this.cls = typeType;
    this.tpName = name;
    this.mro = computeMro(this);
  }
  /** MRO lookup, memoised per type until any class dict changes (see bumpTypeVersion). */
  lookup(name: string): any {
    if (this.cacheVersion !== typeVersion) {
      this.cache.clear();
      this.cacheVersion = typeVersion;
    }
    let v = this.cache.get(name);
    if (v !== undefined || this.cache.has(name)) return v;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      v = mro[i].dict.get(name);
      if (v !== undefined) break;
    }
    this.cache.set(name, v);
    return v;
  }
  /** Whether any class in the MRO defines a property (instance attribute reads must check them). */
  hasProperties(): boolean {
    if (this.propsVersion !== typeVersion) {
      this.props = this.mro.some((t) => [...t.dict.values()].some((v) => v instanceof PyProperty));
      this.propsVersion = typeVersion;
    }
    return this.props;
  }
  private props = false;
  private propsVersion = -1;
  /** Memoised constructor plan for `construct` (see runtime.ts). */
  ctorVersion = -1;
  ctorBase: PyType | null = null;
  ctorInit: any = undefined;
  ctorNew: any = undefined;
  private cache = new Map<string, any>();
  private cacheVersion = -1;
  /** Attribute names ever stored on instances of exactly this class (see noteInstanceAttr); `instMany`
   * once there are too many to track. Method-call sites skip the instance-dict check for other names. */
  instNames: Set<string> | null = null;
  /** How many attributes instances of this class have grown to (compiled stores raise it, capped):
   * new instances preallocate that many value slots. */
  instSize = 0;
  instMany = false;
  instanceMayHave(name: string): boolean {
    return this.instMany || (this.instNames !== null && this.instNames.has(name));
  }
  isSubtypeOf(other: PyType): boolean {
    return this === other || this.mro.includes(other);
  }
}

let typeVersion = 0;
export function currentTypeVersion(): number {
  return typeVersion;
}
/** Invalidates every type's lookup cache; call after mutating any PyType.dict. */
export function bumpTypeVersion(): void {
  typeVersion++;
}

/** Records that an instance of `cls` now has attribute `name` in its own dict. A name new to the class
 * invalidates the inline caches (they may have assumed no instance shadows a method of that name);
 * this happens once per (class, name), so classes stop paying for it after their first instance. */
export function noteInstanceAttr(cls: PyType, name: string): void {
  if (cls.instMany) return;
  const s = (cls.instNames ??= new Set());
  if (s.has(name)) return;
  if (s.size >= 256) cls.instMany = true; // dynamic attribute names (setattr in a loop): stop bumping
  else s.add(name);
  typeVersion++;
}

// typeType must exist before any PyType is constructed; it is patched after creation.
// eslint-disable-next-line prefer-const
export let typeType: PyType = undefined as unknown as PyType;
export const objectType = new PyType('object', []);
typeType = new PyType('type', [objectType]);
objectType.cls = typeType;
typeType.cls = typeType;

function builtinType(name: string, base: PyType = objectType): PyType {
  return new PyType(name, [base]);
}

export const intType = builtinType('int');
export const boolType = builtinType('bool', intType);
export const floatType = builtinType('float');
export const strType = builtinType('str');
export const noneType = builtinType('NoneType');
export const listType = builtinType('list');
export const tupleType = builtinType('tuple');
export const dictType = builtinType('dict');
export const setType = builtinType('set');
export const frozensetType = builtinType('frozenset');
export const rangeType = builtinType('range');
export const sliceType = builtinType('slice');
export const functionType = builtinType('function');
export const builtinFunctionType = builtinType('builtin_function_or_method');
export const methodType = builtinType('method');
export const methodDescriptorType = builtinType('method_descriptor');
export const moduleType = builtinType('module');
export const cellType = builtinType('cell');
export const propertyType = builtinType('property');
export const staticmethodType = builtinType('staticmethod');
export const classmethodType = builtinType('classmethod');
export const iteratorType = builtinType('iterator');
export const generatorType = builtinType('generator');
export const ellipsisType = builtinType('ellipsis');
export const bytesType = builtinType('bytes');
export const notImplementedType = builtinType('NotImplementedType');

// The value classes below declare their fields and assign them in the constructor instead of using
// class fields or parameter properties: with ES2022 semantics those first define each property as
// undefined in a separate initializer step, which V8 does not fold away in derived-class constructors
// (callgrind: a constructor loop ran 15% fewer instructions after this change to InstanceDict).
export class PyFloat extends PyObject {
  declare readonly v: number;
  constructor(v: number) {
    super();
    this.v = v;
  }
}
PyFloat.prototype.cls = floatType;

export class PyList extends PyObject {
  declare items: any[];
  constructor(items: any[]) {
    super();
    this.items = items;
  }
}
PyList.prototype.cls = listType;

export class PyTuple extends PyObject {
  declare readonly items: any[];
  constructor(items: any[]) {
    super();
    this.items = items;
  }
}
PyTuple.prototype.cls = tupleType;
export const EMPTY_TUPLE = new PyTuple([]);

export class PyBytes extends PyObject {
  constructor(readonly data: Uint8Array) {
    super();
  }
}
PyBytes.prototype.cls = bytesType;

/** Dict storage: `vals` keyed by the normalised hash key (see keys.ts); `origs` holds the original key
 * object only where it differs from the normalised one (floats, bools, tuples…). Map order = insertion order. */
export class PyDict extends PyObject {
  declare vals: Map<any, any>;
  declare origs: Map<any, any> | null;
  /** collections.defaultdict: the default factory. */
  declare defaultFactory: any;
  constructor(cls?: PyType) {
    super();
    this.vals = new Map<any, any>();
    this.origs = null;
    this.defaultFactory = undefined;
    if (cls) this.cls = cls;
  }
}
PyDict.prototype.cls = dictType;

export class PySet extends PyObject {
  /** normalised key → original element */
  declare items: Map<any, any>;
  declare readonly frozen: boolean;
  constructor(frozen = false) {
    super();
    this.items = new Map<any, any>();
    this.frozen = frozen;
    if (frozen) this.cls = frozensetType;
  }
}
PySet.prototype.cls = setType;

export class PyRange extends PyObject {
  declare readonly start: number;
  declare readonly stop: number;
  declare readonly step: number;
  constructor(start: number, stop: number, step: number) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}
PyRange.prototype.cls = rangeType;

export class PySlice extends PyObject {
  declare readonly start: any;
  declare readonly stop: any;
  declare readonly step: any;
  constructor(start: any, stop: any, step: any) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}
PySlice.prototype.cls = sliceType;

export class PyCell {
  declare v: any;
  constructor(v: any) {
    this.v = v;
  }
}

export class PyBuiltin extends PyObject {
  constructor(readonly name: string, readonly fn: Native, readonly self: any = undefined) {
    super();
  }
}
PyBuiltin.prototype.cls = builtinFunctionType;

/** A method of a builtin type (e.g. `list.append`), unbound. */
export class PyMethodDescriptor extends PyObject {
  constructor(readonly name: string, readonly fn: NativeMethod, readonly owner: PyType) {
    super();
  }
}
PyMethodDescriptor.prototype.cls = methodDescriptorType;

export class PyBoundMethod extends PyObject {
  declare readonly self: any;
  declare readonly func: any;
  constructor(self: any, func: any) {
    super();
    this.self = self;
    this.func = func;
  }
}
PyBoundMethod.prototype.cls = methodType;

export class PyModule extends PyObject {
  constructor(readonly name: string, readonly dict: Map<string, any>) {
    super();
  }
}
PyModule.prototype.cls = moduleType;

/** Instance of a user-defined class (or of `object`). It is its own attribute dict (one object per
 * instance instead of two; compiled attribute sites read `shape`/`vals` without the extra hop). */
export class PyInstance extends InstanceDict {
  constructor(cls: PyType) {
    super(cls.instSize);
    this.cls = cls;
  }
  get dict(): InstanceDict {
    return this;
  }
}

export class PyProperty extends PyObject {
  constructor(public fget: any, public fset: any = null, public fdel: any = null) {
    super();
  }
}
PyProperty.prototype.cls = propertyType;

export class PyStaticMethod extends PyObject {
  constructor(readonly func: any) {
    super();
  }
}
PyStaticMethod.prototype.cls = staticmethodType;

export class PyClassMethod extends PyObject {
  constructor(readonly func: any) {
    super();
  }
}
PyClassMethod.prototype.cls = classmethodType;

export class PyEllipsis extends PyObject {}
PyEllipsis.prototype.cls = ellipsisType;
export const Ellipsis = new PyEllipsis();

export class PyNotImplemented extends PyObject {}
PyNotImplemented.prototype.cls = notImplementedType;
export const NotImplemented = new PyNotImplemented();

/** A Python iterator implemented natively: `next()` returns undefined when exhausted. */
export class PyIter extends PyObject {
  declare readonly next: () => any;
  constructor(next: () => any, name = 'iterator') {
    super();
    this.next = next;
    if (name !== 'iterator') this.cls = iterTypeFor(name);
  }
}
PyIter.prototype.cls = iteratorType;
const iterTypes = new Map<string, PyType>();
function iterTypeFor(name: string): PyType {
  let t = iterTypes.get(name);
  if (!t) {
    t = builtinType(name);
    t.dict = iteratorType.dict;
    iterTypes.set(name, t);
  }
  return t;
}

export interface TracebackEntry {
  file: string;
  line: number;
  name: string;
  pos: { line: number; col: number; endLine: number; endCol: number; anchors?: [number, number] } | null;
  source: string | null;
}

export class PyBaseException extends PyObject {
  args: PyTuple = EMPTY_TUPLE;
  dict = new Map<string, any>();
  tb: TracebackEntry[] = [];
  cause: PyBaseException | null = null;
  context: PyBaseException | null = null;
  suppressContext = false;
  /** Innermost expression position in the frame currently unwinding (for the caret line). */
  pendingPos: TracebackEntry['pos'] = null;
  /** The frame whose traceback entry is already recorded (caught there, maybe re-raised). */
  recordedFrame: unknown = null;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
  }
}

/** Reports whether a value is a Python int (JS safe integer or bigint, or bool). */
export function isInt(v: any): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

export function typeOf(v: any): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intType;
    case 'string':
      return strType;
    case 'boolean':
      return boolType;
    case 'object':
      return v === null ? noneType : (v as PyObject).cls;
  }
  return objectType;
}

export function typeName(v: any): string {
  return typeOf(v).tpName;
}

/** A function defined in guest code; `impl` is built by the compiler (arguments already evaluated). */
export class PyFunction extends PyObject {
  dict: Map<string, any> | null = null;
  constructor(
    public name: string,
    public qualname: string,
    readonly impl: Native,
    public module: string,
    readonly isGenerator = false,
  ) {
    super();
  }
}
PyFunction.prototype.cls = functionType;

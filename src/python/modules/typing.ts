// The `typing` module, enough for the annotations and type aliases articles write: `from typing import
// List, Optional`, `Vector = List[float]`, `T = TypeVar('T')`, `class Stack(Generic[T])`, `cast`.
// Annotations themselves are not evaluated by our compiler; these objects exist for the names and for
// aliases used at run time, with CPython 3.11's reprs (`typing.Dict[str, typing.List[float]]`).

import { pyErr, TypeError } from '../errors';
import { Ellipsis, noneType, objectType, PyList, PyModule, PyObject, PyTuple, PyType } from '../objects';
import { builtin, method } from '../nativeUtil';
import { repr } from '../repr';

const formType = new PyType('_SpecialGenericAlias', [], new Map(), 'typing');

/** A typing special form (`List`, `Optional`, `~T`) or one of its subscriptions (`List[int]`). */
class PyTypingForm extends PyObject {
  constructor(
    readonly name: string,
    readonly args: readonly any[] | null,
    /** The builtin a bare form names in CPython's instantiation error (`use list() instead`). */
    readonly builtinName: string | null = null,
    readonly typeVar = false,
  ) {
    super();
    this.cls = formType;
  }
}

/** typing._type_repr: classes by (qualified) name, None as NoneType inside generics, forms by repr. */
function typeRepr(v: any): string {
  if (v === null) return 'NoneType';
  if (v === Ellipsis) return '...';
  if (v instanceof PyType) return v.module === 'builtins' ? v.name : `${v.module}.${v.name}`;
  if (v instanceof PyList) return `[${v.items.map(typeRepr).join(', ')}]`;
  return repr(v);
}

function formRepr(f: PyTypingForm): string {
  if (f.typeVar) return `~${f.name}`;
  if (f.args === null) return `typing.${f.name}`;
  if (f.name === 'Tuple' && f.args.length === 0) return 'typing.Tuple[()]';
  return `typing.${f.name}[${f.args.map(typeRepr).join(', ')}]`;
}

function isNone(v: any): boolean {
  return v === null || v === noneType;
}

method(formType, '__repr__', (self: PyTypingForm) => formRepr(self));
method(formType, '__getitem__', (self: PyTypingForm, a) => {
  if (self.args !== null || self.typeVar) throw pyErr(TypeError, `${formRepr(self)} is not a generic class`);
  const k = a[0];
  const args = k instanceof PyTuple ? [...k.items] : [k];
  if (self.name === 'Optional') return union([args[0], null]);
  if (self.name === 'Union') return union(args);
  return new PyTypingForm(self.name, args);
});
method(formType, '__call__', (self: PyTypingForm) => {
  if (self.builtinName !== null && self.args === null) {
    throw pyErr(TypeError, `Type ${self.name} cannot be instantiated; use ${self.builtinName}() instead`);
  }
  throw pyErr(TypeError, `${self.args === null ? self.name : formRepr(self)} cannot be instantiated`);
});

/** Union[...] as CPython simplifies it: duplicates dropped, one member is itself, X | None is Optional. */
function union(args: any[]): any {
  const flat: any[] = [];
  for (const a of args) {
    const v = isNone(a) ? noneType : a;
    if (!flat.includes(v)) flat.push(v);
  }
  if (flat.length === 1) return flat[0];
  const f = new PyTypingForm('Union', flat);
  if (flat.length === 2 && flat.includes(noneType)) return new PyTypingForm('Optional', [flat.find((x) => x !== noneType)]);
  return f;
}

/** Generic and Protocol: classes to inherit from; `Generic[T]` is the class itself here. */
function baseClass(name: string): PyType {
  const t = new PyType(name, [objectType], new Map(), 'typing');
  method(t, '__class_getitem__', (cls: PyType) => cls);
  return t;
}

export function makeTyping(): PyModule {
  const d = new Map<string, any>();
  const builtinsOf: Record<string, string> = { List: 'list', Dict: 'dict', Set: 'set', FrozenSet: 'frozenset', Tuple: 'tuple', Type: 'type' };
  for (const name of [
    'Any', 'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Optional', 'Union', 'Callable', 'Iterable', 'Iterator',
    'Sequence', 'Mapping', 'MutableMapping', 'MutableSequence', 'Generator', 'Type', 'Literal', 'Final', 'ClassVar',
    'NoReturn', 'Collection', 'Hashable', 'Sized', 'Container', 'Reversible', 'DefaultDict', 'Counter', 'Deque',
    'Annotated',
  ]) {
    d.set(name, new PyTypingForm(name, null, builtinsOf[name] ?? null));
  }
  d.set('TypeVar', builtin('TypeVar', (a) => {
    if (a.length < 1 || typeof a[0] !== 'string') throw pyErr(TypeError, 'TypeVar() missing required argument: name');
    return new PyTypingForm(a[0], null, null, true);
  }));
  d.set('Generic', baseClass('Generic'));
  d.set('Protocol', baseClass('Protocol'));
  d.set('cast', builtin('cast', (a) => {
    if (a.length !== 2) throw pyErr(TypeError, `cast() takes 2 positional arguments but ${a.length} were given`);
    return a[1];
  }));
  for (const name of ['overload', 'final', 'no_type_check', 'runtime_checkable']) d.set(name, builtin(name, (a) => a[0]));
  d.set('TYPE_CHECKING', false);
  return new PyModule('typing', d);
}

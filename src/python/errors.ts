// The builtin exception hierarchy (CPython Objects/exceptions.c) and helpers to raise them from
// native code with CPython's messages.

import { objectType, PyBaseException, PyTuple, PyType } from './objects';

function exc(name: string, base: PyType | null): PyType {
  const t = new PyType(name, [base ?? objectType]);
  t.isException = true;
  t.base = BaseException ?? t;
  t.construct = (cls, args) => {
    const e = new PyBaseException(cls);
    e.args = new PyTuple(args.slice());
    return e;
  };
  return t;
}

// eslint-disable-next-line prefer-const
let BaseException: PyType = undefined as unknown as PyType;
BaseException = exc('BaseException', null);
export { BaseException };
export const Exception = exc('Exception', BaseException);
export const SystemExit = exc('SystemExit', BaseException);
export const KeyboardInterrupt = exc('KeyboardInterrupt', BaseException);
export const GeneratorExit = exc('GeneratorExit', BaseException);
export const ArithmeticError = exc('ArithmeticError', Exception);
export const ZeroDivisionError = exc('ZeroDivisionError', ArithmeticError);
export const OverflowError = exc('OverflowError', ArithmeticError);
export const FloatingPointError = exc('FloatingPointError', ArithmeticError);
export const AssertionError = exc('AssertionError', Exception);
export const AttributeError = exc('AttributeError', Exception);
export const LookupError = exc('LookupError', Exception);
export const IndexError = exc('IndexError', LookupError);
export const KeyError = exc('KeyError', LookupError);
export const NameError = exc('NameError', Exception);
export const UnboundLocalError = exc('UnboundLocalError', NameError);
export const RuntimeError = exc('RuntimeError', Exception);
export const RecursionError = exc('RecursionError', RuntimeError);
export const NotImplementedError = exc('NotImplementedError', RuntimeError);
export const StopIteration = exc('StopIteration', Exception);
export const TypeError = exc('TypeError', Exception);
export const ValueError = exc('ValueError', Exception);
export const UnicodeError = exc('UnicodeError', ValueError);
export const ImportError = exc('ImportError', Exception);
export const ModuleNotFoundError = exc('ModuleNotFoundError', ImportError);
export const MemoryError = exc('MemoryError', Exception);
export const OSError = exc('OSError', Exception);
export const EOFError = exc('EOFError', Exception);
export const SyntaxErrorType = exc('SyntaxError', Exception);
export const IndentationErrorType = exc('IndentationError', SyntaxErrorType);
export const Warning = exc('Warning', Exception);
export const UserWarning = exc('UserWarning', Warning);
export const RuntimeWarning = exc('RuntimeWarning', Warning);
export const DeprecationWarning = exc('DeprecationWarning', Warning);

/** Exported to guest code as builtins, in this order. */
export const EXCEPTION_TYPES: readonly PyType[] = [
  BaseException, Exception, SystemExit, KeyboardInterrupt, GeneratorExit, ArithmeticError, ZeroDivisionError,
  OverflowError, FloatingPointError, AssertionError, AttributeError, LookupError, IndexError, KeyError, NameError,
  UnboundLocalError, RuntimeError, RecursionError, NotImplementedError, StopIteration, TypeError, ValueError,
  UnicodeError, ImportError, ModuleNotFoundError, MemoryError, OSError, EOFError, SyntaxErrorType, IndentationErrorType,
  Warning, UserWarning, RuntimeWarning, DeprecationWarning,
];

export function pyErr(type: PyType, msg?: string): PyBaseException {
  const e = new PyBaseException(type);
  e.args = msg === undefined ? new PyTuple([]) : new PyTuple([msg]);
  return e;
}

export function pyErrArgs(type: PyType, args: any[]): PyBaseException {
  const e = new PyBaseException(type);
  e.args = new PyTuple(args);
  return e;
}

/** Maps a host failure (stack overflow, a bug) to a Python exception so guest code never sees a JS error. */
export function fromHostError(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return pyErr(RecursionError, 'maximum recursion depth exceeded');
  if (e instanceof RangeError && /(Invalid (array|string) length|Array buffer allocation|allocation failed)/i.test(e.message)) return pyErr(MemoryError);
  if (e instanceof RangeError && /BigInt/i.test(e.message)) return pyErr(OverflowError, 'int too large');
  const name = (e as { pyType?: string })?.pyType;
  if (typeof name === 'string') {
    const t = EXCEPTION_TYPES.find((x) => x.name === name) ?? RuntimeError;
    return pyErr(t, (e as Error).message);
  }
  return pyErr(SystemErrorLike, `internal error: ${e instanceof Error ? e.message : String(e)}`);
}
const SystemErrorLike = exc('SystemError', Exception);
export const SystemError = SystemErrorLike;

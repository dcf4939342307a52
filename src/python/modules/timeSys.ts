// The `time` module (time, perf_counter, monotonic, process_time; sleep is a no-op that only
// advances the clock) and a minimal `sys` (stdout/stderr writers, maxsize, version strings).

import { PyBuiltin, PyFloat, PyModule, PyObject, PyType } from '../objects';
import { builtin, method, toNumber } from '../nativeUtil';
import { str } from '../repr';

export function makeTime(): PyModule {
  let slept = 0;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now()) / 1000 + slept;
  const d = new Map<string, any>();
  d.set('time', builtin('time', () => new PyFloat(Date.now() / 1000 + slept)));
  d.set('perf_counter', builtin('perf_counter', () => new PyFloat(now())));
  d.set('monotonic', builtin('monotonic', () => new PyFloat(now())));
  d.set('process_time', builtin('process_time', () => new PyFloat(now())));
  d.set('perf_counter_ns', builtin('perf_counter_ns', () => Math.round(now() * 1e9)));
  d.set('time_ns', builtin('time_ns', () => BigInt(Date.now()) * 1000000n));
  d.set('sleep', builtin('sleep', (a) => {
    slept += toNumber(a[0]);
    return null;
  }));
  return new PyModule('time', d);
}

const streamType = new PyType('TextIOWrapper', [], new Map(), '_io');
class PyStream extends PyObject {
  constructor(readonly write: (s: string) => void) {
    super();
    this.cls = streamType;
  }
}
method(streamType, 'write', (self: PyStream, a) => {
  const s = str(a[0]);
  self.write(s);
  return s.length;
});
method(streamType, 'flush', () => null);

export function makeSys(out: (s: string) => void, err: (s: string) => void): PyModule {
  const d = new Map<string, any>();
  d.set('stdout', new PyStream(out));
  d.set('stderr', new PyStream(err));
  d.set('maxsize', 9223372036854775807n);
  d.set('version', '3.11.7 (Pizarra sandbox)');
  d.set('platform', 'pizarra');
  void PyBuiltin;
  return new PyModule('sys', d);
}
